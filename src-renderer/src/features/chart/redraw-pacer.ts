/** Bars a chart holds before live redraws are spaced out. */
const freeBars = 5000;
/** Milliseconds between live redraws per bar held beyond that (100,000 bars: one redraw a second). */
const msPerBar = 0.01;

/**
 * Least time between two live redraws of a chart holding `barCount` bars. lightweight-charts
 * rebuilds every bar of a series on each data update, so a redraw costs time in proportion to the
 * history: short histories redraw every frame, long ones often enough to follow the market without
 * filling the frame budget.
 */
export function liveRedrawInterval(barCount: number): number {
  return barCount <= freeBars ? 0 : Math.round(barCount * msPerBar);
}

/** The clock and frame scheduling a pacer uses (the browser's by default). */
export interface PacerScheduling {
  readonly now: () => number;
  readonly frame: (callback: () => void) => number;
  readonly cancelFrame: (handle: number) => void;
  readonly delay: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
  readonly cancelDelay: (handle: ReturnType<typeof setTimeout>) => void;
}

const browserScheduling: PacerScheduling = {
  now: () => performance.now(),
  frame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  delay: (callback, ms) => setTimeout(callback, ms),
  cancelDelay: (handle) => clearTimeout(handle),
};

/**
 * Runs a redraw on an animation frame at most once per `interval()` ms; requests in between are
 * merged into the one already due.
 */
export class RedrawPacer {
  private frameHandle: number | undefined;
  private delayHandle: ReturnType<typeof setTimeout> | undefined;
  private last = Number.NEGATIVE_INFINITY;

  public constructor(
    private readonly redraw: () => void,
    private readonly interval: () => number,
    private readonly scheduling: PacerScheduling = browserScheduling,
  ) {}

  /** Asks for a redraw; it runs on the next frame once the interval since the last one has passed. */
  public request(): void {
    if (this.frameHandle !== undefined || this.delayHandle !== undefined) return;
    const wait = this.last + this.interval() - this.scheduling.now();
    if (wait <= 0) {
      this.frameHandle = this.scheduling.frame(this.run);
      return;
    }
    this.delayHandle = this.scheduling.delay(() => {
      this.delayHandle = undefined;
      this.frameHandle = this.scheduling.frame(this.run);
    }, wait);
  }

  /** Drops a redraw that is due. */
  public cancel(): void {
    if (this.frameHandle !== undefined) this.scheduling.cancelFrame(this.frameHandle);
    if (this.delayHandle !== undefined) this.scheduling.cancelDelay(this.delayHandle);
    this.frameHandle = undefined;
    this.delayHandle = undefined;
  }

  private readonly run = (): void => {
    this.frameHandle = undefined;
    this.last = this.scheduling.now();
    this.redraw();
  };
}
