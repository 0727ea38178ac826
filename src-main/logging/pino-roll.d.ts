// pino-roll ships no types; this declares the part the logger uses.
declare module 'pino-roll' {
  /** The rolling file stream (a SonicBoom). */
  interface RollingStream {
    write(data: string): boolean;
    end(): void;
    once(event: 'close' | 'error' | 'ready', listener: (...args: unknown[]) => void): RollingStream;
    on(event: 'error', listener: (error: Error) => void): RollingStream;
  }

  /** Options of pino-roll 4 (plus SonicBoom's, e.g. `mkdir`, `mode`). */
  interface PinoRollOptions {
    readonly file: string;
    readonly size?: string | number;
    readonly frequency?: 'daily' | 'hourly' | number;
    readonly extension?: string;
    readonly dateFormat?: string;
    readonly limit?: { readonly count?: number; readonly removeOtherLogFiles?: boolean };
    readonly mkdir?: boolean;
    readonly mode?: number;
    readonly sync?: boolean;
  }

  /** Opens a rolling file stream. */
  function pinoRoll(options: PinoRollOptions): Promise<RollingStream>;
  export = pinoRoll;
}
