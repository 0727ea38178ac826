import type { BarUpdate } from '../../../src-shared/domain/market-data';
import type { BarUnit, BarView } from '../../../src-shared/domain/trading';
import type { TerminalApi } from '../../../src-shared/terminal-api';

/** A live bar series: a contract on one bar size. */
export interface BarSeriesKey {
  readonly contractId: string;
  readonly unit: BarUnit;
  readonly unitNumber: number;
}

type BarListener = (bar: BarView) => void;

function keyOf(series: BarSeriesKey): string {
  return `${series.contractId}|${series.unit}|${series.unitNumber}`;
}

/**
 * Live bars from `bars.updated` (the core builds them from every print and sends them at display
 * rate), handed to the charts that show each series. Not react-query: bars go straight to the
 * chart series.
 */
export class BarFeed {
  private readonly listeners = new Map<string, Set<BarListener>>();
  private readonly stop: () => void;

  public constructor(api: TerminalApi) {
    this.stop = api.on('bars.updated', (update) => this.accept(update));
  }

  /** Calls the listener with every live bar of a series; returns the function that stops it. */
  public onBar(series: BarSeriesKey, listener: BarListener): () => void {
    const key = keyOf(series);
    let listeners = this.listeners.get(key);
    if (listeners === undefined) {
      listeners = new Set();
      this.listeners.set(key, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.listeners.delete(key);
    };
  }

  /** Stops listening to the terminal. */
  public dispose(): void {
    this.stop();
  }

  private accept(update: BarUpdate): void {
    const listeners = this.listeners.get(keyOf(update));
    if (listeners !== undefined) for (const listener of listeners) listener(update.bar);
  }
}
