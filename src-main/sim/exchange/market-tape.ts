import type { BarAccumulator } from './bar-accumulator';
import type { PathTape } from './path-tape';
import { printsOfSecond, type TapePrint } from './second-prints';

/**
 * What the tape does from `start` (epoch ms) until the next segment: follow the seeded path shifted
 * by `offset` ticks, stand still (feed paused), or play scripted prints (a control price move).
 */
type Segment =
  | { readonly kind: 'path'; readonly start: number; readonly offset: number }
  | { readonly kind: 'frozen'; readonly start: number }
  | { readonly kind: 'script'; readonly start: number; prints: TapePrint[] };

function shift(print: TapePrint, offset: number): TapePrint {
  return offset === 0 ? print : { ...print, priceTicks: print.priceTicks + offset };
}

/**
 * The tape of one product: the deterministic path plus the edits the controls made to it. Both the
 * live feed (`prints`) and history (`aggregate`) read this one object, so past bars always equal
 * what the feed showed. Edits only ever change the future: the part up to `now` was already shown.
 */
export class MarketTape {
  private segments: Segment[] = [{ kind: 'path', start: Number.NEGATIVE_INFINITY, offset: 0 }];

  public constructor(public readonly path: PathTape) {}

  /** The prints in [from, to) ms, in time order. */
  public prints(from: number, to: number): TapePrint[] {
    const result: TapePrint[] = [];
    this.eachPiece(from, to, (segment, start, end) => {
      if (segment.kind === 'path') {
        for (const print of this.basePrints(start, end)) result.push(shift(print, segment.offset));
      } else if (segment.kind === 'script') {
        for (const print of segment.prints) if (print.ms >= start && print.ms < end) result.push(print);
      }
    });
    return result;
  }

  /** Adds the trades of [from, to) ms to an accumulator, in time order. */
  public aggregate(accumulator: BarAccumulator, from: number, to: number): void {
    this.eachPiece(from, to, (segment, start, end) => {
      if (segment.kind === 'script') {
        for (const print of segment.prints) if (print.ms >= start && print.ms < end) accumulator.addPrint(print.priceTicks, print.size);
        return;
      }
      if (segment.kind === 'frozen') return;
      const firstWhole = Math.ceil(start / 1000);
      const endWhole = Math.floor(end / 1000);
      if (firstWhole >= endWhole) {
        for (const print of this.basePrints(start, end)) accumulator.addPrint(print.priceTicks + segment.offset, print.size);
        return;
      }
      for (const print of this.basePrints(start, firstWhole * 1000)) accumulator.addPrint(print.priceTicks + segment.offset, print.size);
      this.path.accumulate(accumulator, firstWhole, endWhole, segment.offset);
      for (const print of this.basePrints(endWhole * 1000, end)) accumulator.addPrint(print.priceTicks + segment.offset, print.size);
    });
  }

  /** The last print at or before `ms`, or null when nothing traded since history began. */
  public lastPrintAtOrBefore(ms: number): TapePrint | null {
    let cursor = ms;
    for (let index = this.segmentIndexAt(cursor); index >= 0; index -= 1) {
      const segment = this.segments[index];
      if (segment === undefined) break;
      if (segment.kind === 'path') {
        const print = this.baseLastPrintAtOrBefore(cursor);
        if (print !== null && print.ms >= segment.start) return shift(print, segment.offset);
      } else if (segment.kind === 'script') {
        for (let position = segment.prints.length - 1; position >= 0; position -= 1) {
          const print = segment.prints[position];
          if (print !== undefined && print.ms <= cursor) return print;
        }
      }
      cursor = segment.start - 1;
    }
    return null;
  }

  /** Whether the tape stands still at `ms` (the feed was paused). */
  public isFrozenAt(ms: number): boolean {
    return this.segments[this.segmentIndexAt(ms)]?.kind === 'frozen';
  }

  /** From `now + 1` on, nothing trades. */
  public freezeAfter(now: number): void {
    this.truncateAfter(now);
    this.segments.push({ kind: 'frozen', start: now + 1 });
  }

  /** From `now + 1` on, follow the path again, shifted so it continues from `lastTicks`. */
  public resumeAfter(now: number, lastTicks: number | null): void {
    this.truncateAfter(now);
    const base = this.baseLastPrintAtOrBefore(now);
    const offset = lastTicks === null || base === null ? 0 : lastTicks - base.priceTicks;
    this.segments.push({ kind: 'path', start: now + 1, offset });
  }

  /**
   * Plays `prints` (all after `now`, in time order), then stands still when `frozen`, else follows
   * the path shifted to continue from the last scripted price.
   */
  public scriptAfter(now: number, prints: readonly TapePrint[], frozen: boolean): void {
    const last = prints[prints.length - 1];
    if (last === undefined) return;
    this.truncateAfter(now);
    this.segments.push({ kind: 'script', start: now + 1, prints: [...prints] });
    if (frozen) {
      this.segments.push({ kind: 'frozen', start: last.ms + 1 });
      return;
    }
    const base = this.baseLastPrintAtOrBefore(last.ms);
    this.segments.push({ kind: 'path', start: last.ms + 1, offset: base === null ? 0 : last.priceTicks - base.priceTicks });
  }

  private truncateAfter(now: number): void {
    this.segments = this.segments.filter((segment) => segment.start <= now);
    const current = this.segments[this.segments.length - 1];
    if (current?.kind === 'script') current.prints = current.prints.filter((print) => print.ms <= now);
  }

  private segmentIndexAt(ms: number): number {
    for (let index = this.segments.length - 1; index >= 0; index -= 1) {
      if ((this.segments[index]?.start ?? 0) <= ms) return index;
    }
    return 0;
  }

  private eachPiece(from: number, to: number, visit: (segment: Segment, start: number, end: number) => void): void {
    this.segments.forEach((segment, index) => {
      const end = Math.min(to, this.segments[index + 1]?.start ?? Number.POSITIVE_INFINITY);
      const start = Math.max(from, segment.start);
      if (start < end) visit(segment, start, end);
    });
  }

  private basePrints(from: number, to: number): TapePrint[] {
    const result: TapePrint[] = [];
    if (from >= to) return result;
    const key = this.path.parameters.productKey;
    this.path.forEachTradedSecond(Math.floor(from / 1000), Math.floor((to - 1) / 1000) + 1, (second) => {
      for (const print of printsOfSecond(key, second.second, second.open, second.high, second.low, second.close, second.volume)) {
        if (print.ms >= from && print.ms < to) result.push(print);
      }
    });
    return result;
  }

  private baseLastPrintAtOrBefore(ms: number): TapePrint | null {
    const key = this.path.parameters.productKey;
    let second = Math.floor(ms / 1000);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const traded = this.path.lastTradedSecondAtOrBefore(second);
      if (traded === null) return null;
      const prints = printsOfSecond(key, traded.second, traded.open, traded.high, traded.low, traded.close, traded.volume).filter((print) => print.ms <= ms);
      const last = prints[prints.length - 1];
      if (last !== undefined) return last;
      second = traded.second - 1;
    }
    return null;
  }
}
