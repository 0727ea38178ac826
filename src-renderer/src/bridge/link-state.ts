/** The state of the page's link to the terminal process. */
export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'refused';

/** A tiny observable for the link state, read by the connection indicator. */
export class LinkStateStore {
  private state: LinkState;
  private readonly listeners = new Set<() => void>();

  public constructor(initial: LinkState) {
    this.state = initial;
  }

  public get = (): LinkState => this.state;

  public set(state: LinkState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  public subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
