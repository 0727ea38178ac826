/** Which process serves the contract. */
export type HostKind = 'desktop' | 'headless';

/** What the terminal says about itself. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly host: HostKind;
  readonly pid: number;
  /** Epoch milliseconds when the core started. */
  readonly startedAt: number;
  readonly dataDir: string;
  /** The broker behind the terminal: `simulator` is the built-in simulator (every price is simulated). */
  readonly broker?: 'simulator' | 'projectx' | 'none';
}

/** The answer to a ping: the echoed nonce and the core's clock. */
export interface Pong {
  readonly nonce: string;
  /** Epoch milliseconds on the core's clock. */
  readonly time: number;
}
