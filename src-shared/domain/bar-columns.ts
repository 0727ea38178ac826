import type { EpochMs } from './ids';
import type { Ticks } from './money';
import type { BarView } from './trading';

/**
 * Bars as columns, one array per field, index-aligned and oldest first: how `market.bars` carries
 * history. A 100,000-bar answer is half the size of a list of objects and parses several times
 * faster, since no field name is repeated per bar.
 */
export interface BarColumns {
  readonly time: readonly EpochMs[];
  readonly open: readonly Ticks[];
  readonly high: readonly Ticks[];
  readonly low: readonly Ticks[];
  readonly close: readonly Ticks[];
  readonly volume: readonly number[];
}

/** Columns of a list of bars. */
export function toBarColumns(bars: readonly BarView[]): BarColumns {
  const count = bars.length;
  const time = new Array<number>(count);
  const open = new Array<number>(count);
  const high = new Array<number>(count);
  const low = new Array<number>(count);
  const close = new Array<number>(count);
  const volume = new Array<number>(count);
  for (let index = 0; index < count; index += 1) {
    const bar = bars[index] as BarView;
    time[index] = bar.time;
    open[index] = bar.open;
    high[index] = bar.high;
    low[index] = bar.low;
    close[index] = bar.close;
    volume[index] = bar.volume;
  }
  return { time, open, high, low, close, volume };
}

/** The bars of a set of columns; columns of unequal length are a broken answer and throw. */
export function fromBarColumns(columns: BarColumns): BarView[] {
  const count = columns.time.length;
  for (const field of ['open', 'high', 'low', 'close', 'volume'] as const) {
    if (columns[field].length !== count) throw new RangeError(`bar columns: ${field} has ${columns[field].length} values, time has ${count}`);
  }
  const bars = new Array<BarView>(count);
  for (let index = 0; index < count; index += 1) {
    bars[index] = {
      time: columns.time[index] as number,
      open: columns.open[index] as number,
      high: columns.high[index] as number,
      low: columns.low[index] as number,
      close: columns.close[index] as number,
      volume: columns.volume[index] as number,
    };
  }
  return bars;
}
