/** Look of the session-break lines. */
export interface SessionBreaksOptions {
  readonly color: string;
  readonly labelColor: string;
}

/** Defaults for the dark theme. */
export const sessionBreaksDefaults: SessionBreaksOptions = {
  color: 'rgba(125, 135, 151, 0.35)',
  labelColor: 'rgba(125, 135, 151, 0.8)',
};
