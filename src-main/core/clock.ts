/** Time as the core sees it: injected, so tests and backtests control it. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** A clock that moves only when told to. */
export class TestClock implements Clock {
  public constructor(private time: number) {}

  public now(): number {
    return this.time;
  }

  /** Moves the clock forward. */
  public advance(milliseconds: number): void {
    this.time += milliseconds;
  }
}
