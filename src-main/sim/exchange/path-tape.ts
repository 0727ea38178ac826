import { BarAccumulator } from './bar-accumulator';
import { generateBlock, type SecondSeries } from './block-generator';
import { TradeDateLookup } from '../../../src-shared/exchange';
import { closingLevel, planDay, type DayPlan, type PathParameters } from './day-plan';
import { LruCache } from './lru-cache';

/** One traded second of the path. */
export interface TradedSecond {
  readonly second: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

const fields = 5;
const searchDays = 15;

function summarise(target: Int32Array, targetIndex: number, source: BarAccumulator): void {
  const base = targetIndex * fields;
  target[base] = source.open;
  target[base + 1] = source.high;
  target[base + 2] = source.low;
  target[base + 3] = source.close;
  target[base + 4] = source.volume;
}

function addPacked(accumulator: BarAccumulator, packed: Int32Array, index: number, offset: number): void {
  const base = index * fields;
  const volume = packed[base + 4] ?? 0;
  if (volume === 0) return;
  accumulator.add((packed[base] ?? 0) + offset, (packed[base + 1] ?? 0) + offset, (packed[base + 2] ?? 0) + offset, (packed[base + 3] ?? 0) + offset, volume);
}

/**
 * The deterministic market of one product, second by second, generated lazily per hour block.
 * Second series are kept for a few blocks, minute summaries for many, block and day summaries for
 * good, so long bar requests cost one generation per block and then come from the caches.
 */
export class PathTape {
  private readonly plans = new Map<number, DayPlan | null>();
  private readonly closings = new Map<number, number>();
  // About 70 KB a block of seconds and 1.2 KB a block of minutes: a few MB per product at most.
  private readonly seconds = new LruCache<number, SecondSeries>(12);
  private readonly minutes = new LruCache<number, Int32Array>(1500);
  private readonly blockSummaries = new Map<number, Int32Array>();
  private readonly daySummaries = new Map<number, Int32Array>();
  private readonly tradeDates = new TradeDateLookup();

  public constructor(
    public readonly parameters: PathParameters,
    /** Nothing trades before this second: the simulator's history starts here. */
    public readonly historyStartSec: number,
  ) {}

  /** The plan of a trade date, or null without a session. */
  public plan(tradeDate: number): DayPlan | null {
    if (!this.plans.has(tradeDate))
      this.plans.set(
        tradeDate,
        planDay(this.parameters, tradeDate, (date) => this.closing(date)),
      );
    return this.plans.get(tradeDate) ?? null;
  }

  /** The trade date of an instant (cached span). */
  public tradeDateOf(ms: number): number {
    return this.tradeDates.of(ms);
  }

  /** Adds the path's trades in whole seconds [fromSec, toSec), shifted by `offset` ticks, in time order. */
  public accumulate(accumulator: BarAccumulator, fromSec: number, toSec: number, offset: number): void {
    const from = Math.max(fromSec, this.historyStartSec);
    if (from >= toSec) return;
    const lastDate = this.tradeDates.of((toSec - 1) * 1000);
    for (let tradeDate = this.tradeDates.of(from * 1000); tradeDate <= lastDate; tradeDate += 1) {
      const plan = this.plan(tradeDate);
      if (plan === null) continue;
      const first = plan.blocks[0];
      const last = plan.blocks[plan.blocks.length - 1];
      if (first === undefined || last === undefined || last.endSec <= from || first.startSec >= toSec) continue;
      if (from <= first.startSec && last.endSec <= toSec) {
        addPacked(accumulator, this.daySummary(plan), 0, offset);
        continue;
      }
      plan.blocks.forEach((block, blockIndex) => {
        if (block.endSec <= from || block.startSec >= toSec) return;
        if (from <= block.startSec && block.endSec <= toSec) addPacked(accumulator, this.blockSummary(plan, blockIndex), 0, offset);
        else this.accumulateInBlock(accumulator, plan, blockIndex, Math.max(from, block.startSec), Math.min(toSec, block.endSec), offset);
      });
    }
  }

  /** Calls `visit` for every traded second in [fromSec, toSec), in time order. */
  public forEachTradedSecond(fromSec: number, toSec: number, visit: (second: TradedSecond) => void): void {
    const from = Math.max(fromSec, this.historyStartSec);
    if (from >= toSec) return;
    const lastDate = this.tradeDates.of((toSec - 1) * 1000);
    for (let tradeDate = this.tradeDates.of(from * 1000); tradeDate <= lastDate; tradeDate += 1) {
      const plan = this.plan(tradeDate);
      if (plan === null) continue;
      plan.blocks.forEach((block, blockIndex) => {
        if (block.endSec <= from || block.startSec >= toSec) return;
        const series = this.series(plan, blockIndex);
        const end = Math.min(toSec, block.endSec);
        for (let second = Math.max(from, block.startSec); second < end; second += 1) {
          const traded = secondOf(series, second);
          if (traded !== null) visit(traded);
        }
      });
    }
  }

  /** The latest traded second at or before `second`, or null when none is near or it is before history. */
  public lastTradedSecondAtOrBefore(second: number): TradedSecond | null {
    if (second < this.historyStartSec) return null;
    const firstDate = this.tradeDates.of(second * 1000);
    for (let tradeDate = firstDate; tradeDate > firstDate - searchDays; tradeDate -= 1) {
      const plan = this.plan(tradeDate);
      if (plan === null) continue;
      for (let blockIndex = plan.blocks.length - 1; blockIndex >= 0; blockIndex -= 1) {
        const block = plan.blocks[blockIndex];
        if (block === undefined || block.startSec > second) continue;
        const series = this.series(plan, blockIndex);
        for (let candidate = Math.min(second, block.endSec - 1); candidate >= block.startSec; candidate -= 1) {
          if (candidate < this.historyStartSec) return null;
          const traded = secondOf(series, candidate);
          if (traded !== null) return traded;
        }
      }
    }
    return null;
  }

  private closing(tradeDate: number): number {
    let level = this.closings.get(tradeDate);
    if (level === undefined) {
      level = closingLevel(this.parameters, tradeDate);
      this.closings.set(tradeDate, level);
    }
    return level;
  }

  private series(plan: DayPlan, blockIndex: number): SecondSeries {
    const key = plan.tradeDate * 64 + blockIndex;
    let series = this.seconds.get(key);
    if (series === undefined) {
      series = generateBlock(this.parameters, plan, blockIndex);
      this.seconds.set(key, series);
    }
    return series;
  }

  private minuteSummary(plan: DayPlan, blockIndex: number): Int32Array {
    const key = plan.tradeDate * 64 + blockIndex;
    let packed = this.minutes.get(key);
    if (packed === undefined) {
      const series = this.series(plan, blockIndex);
      const minuteCount = series.count / 60;
      packed = new Int32Array(minuteCount * fields);
      const accumulator = new BarAccumulator();
      for (let minute = 0; minute < minuteCount; minute += 1) {
        accumulator.reset();
        for (let index = minute * 60; index < minute * 60 + 60; index += 1) {
          accumulator.add(series.open[index] ?? 0, series.high[index] ?? 0, series.low[index] ?? 0, series.close[index] ?? 0, series.volume[index] ?? 0);
        }
        summarise(packed, minute, accumulator);
      }
      this.minutes.set(key, packed);
    }
    return packed;
  }

  private blockSummary(plan: DayPlan, blockIndex: number): Int32Array {
    const key = plan.tradeDate * 64 + blockIndex;
    let packed = this.blockSummaries.get(key);
    if (packed === undefined) {
      const minutes = this.minuteSummary(plan, blockIndex);
      const accumulator = new BarAccumulator();
      for (let minute = 0; minute < minutes.length / fields; minute += 1) addPacked(accumulator, minutes, minute, 0);
      packed = new Int32Array(fields);
      summarise(packed, 0, accumulator);
      this.blockSummaries.set(key, packed);
    }
    return packed;
  }

  private daySummary(plan: DayPlan): Int32Array {
    let packed = this.daySummaries.get(plan.tradeDate);
    if (packed === undefined) {
      const accumulator = new BarAccumulator();
      plan.blocks.forEach((_block, blockIndex) => addPacked(accumulator, this.blockSummary(plan, blockIndex), 0, 0));
      packed = new Int32Array(fields);
      summarise(packed, 0, accumulator);
      this.daySummaries.set(plan.tradeDate, packed);
    }
    return packed;
  }

  private accumulateInBlock(accumulator: BarAccumulator, plan: DayPlan, blockIndex: number, from: number, to: number, offset: number): void {
    const block = plan.blocks[blockIndex];
    if (block === undefined) return;
    const minutes = this.minuteSummary(plan, blockIndex);
    const firstMinute = Math.floor((from - block.startSec) / 60);
    const endMinute = Math.ceil((to - block.startSec) / 60);
    for (let minute = firstMinute; minute < endMinute; minute += 1) {
      const minuteStart = block.startSec + minute * 60;
      if (from <= minuteStart && minuteStart + 60 <= to) {
        addPacked(accumulator, minutes, minute, offset);
        continue;
      }
      const series = this.series(plan, blockIndex);
      const end = Math.min(to, minuteStart + 60);
      for (let second = Math.max(from, minuteStart); second < end; second += 1) {
        const index = second - series.startSec;
        accumulator.add(
          (series.open[index] ?? 0) + offset,
          (series.high[index] ?? 0) + offset,
          (series.low[index] ?? 0) + offset,
          (series.close[index] ?? 0) + offset,
          series.volume[index] ?? 0,
        );
      }
    }
  }
}

function secondOf(series: SecondSeries, second: number): TradedSecond | null {
  const index = second - series.startSec;
  const volume = series.volume[index] ?? 0;
  if (volume === 0) return null;
  return {
    second,
    open: series.open[index] ?? 0,
    high: series.high[index] ?? 0,
    low: series.low[index] ?? 0,
    close: series.close[index] ?? 0,
    volume,
  };
}
