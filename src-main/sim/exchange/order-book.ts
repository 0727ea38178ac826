import type { DepthEntryModel } from './exchange-api';
import { domType } from './projectx-enums';
import { hashInts, unitOf } from './random';

/** One price level: integer ticks and resting size. */
export interface BookLevel {
  readonly priceTicks: number;
  readonly size: number;
}

/** The visible book: bids best first (descending), asks best first (ascending). */
export interface BookSnapshot {
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
}

/** Levels shown on each side. */
export const bookDepth = 10;

// Each level's size is redrawn every few seconds, at a phase of its own, so the book breathes.
const refreshMs = 4000;

/** The resting size at a level `distance` ticks behind the touch, as seeded by (key, price, time). */
export function levelSize(key: number, touchSize: number, priceTicks: number, distance: number, ms: number): number {
  const phase = hashInts(key, priceTicks, 1) % refreshMs;
  const draw = unitOf(hashInts(key, priceTicks, Math.floor((ms + phase) / refreshMs)));
  return Math.max(1, Math.round(touchSize * (1 + 0.45 * distance) * (0.35 + 1.3 * draw)));
}

/** The book around a bid and ask at an instant, `depth` levels a side. */
export function bookAround(key: number, touchSize: number, bidTicks: number, askTicks: number, ms: number, depth = bookDepth): BookSnapshot {
  const bids: BookLevel[] = [];
  const asks: BookLevel[] = [];
  for (let distance = 0; distance < depth; distance += 1) {
    bids.push({ priceTicks: bidTicks - distance, size: levelSize(key, touchSize, bidTicks - distance, distance, ms) });
    asks.push({ priceTicks: askTicks + distance, size: levelSize(key, touchSize, askTicks + distance, distance, ms) });
  }
  return { bids, asks };
}

/** One fill of a sweep. */
export interface SweepFill {
  readonly priceTicks: number;
  readonly size: number;
}

/**
 * Takes `quantity` from a side of the book, best level first. Beyond the visible levels the book
 * keeps going with more of the same, so a market order always fills completely. `limitTicks`
 * stops the sweep at a price (a marketable limit); what is left then is returned unfilled.
 */
export function sweep(levelAt: (distance: number) => BookLevel, quantity: number, acceptable: (priceTicks: number) => boolean): SweepFill[] {
  const fills: SweepFill[] = [];
  let left = quantity;
  for (let distance = 0; left > 0 && distance < 10_000; distance += 1) {
    const level = levelAt(distance);
    if (!acceptable(level.priceTicks)) break;
    const size = Math.min(left, level.size);
    fills.push({ priceTicks: level.priceTicks, size });
    left -= size;
  }
  return fills;
}

/** Session extremes that ride along with the depth snapshot. */
export interface SessionExtremes {
  readonly lowTicks: number;
  readonly highTicks: number;
}

function entry(type: number, price: number, volume: number, timestamp: string): DepthEntryModel {
  return { timestamp, type, price, volume, currentVolume: volume };
}

/** A full book as depth entries: `Reset` first, then every level, then the session low and high. */
export function depthSnapshot(book: BookSnapshot, extremes: SessionExtremes | null, toPrice: (ticks: number) => number, timestamp: string): DepthEntryModel[] {
  const entries = [entry(domType.reset, 0, 0, timestamp)];
  book.asks.forEach((level, index) => entries.push(entry(index === 0 ? domType.bestAsk : domType.ask, toPrice(level.priceTicks), level.size, timestamp)));
  book.bids.forEach((level, index) => entries.push(entry(index === 0 ? domType.bestBid : domType.bid, toPrice(level.priceTicks), level.size, timestamp)));
  if (extremes !== null) {
    entries.push({ timestamp, type: domType.low, price: toPrice(extremes.lowTicks), volume: 0, currentVolume: 0 });
    entries.push({ timestamp, type: domType.high, price: toPrice(extremes.highTicks), volume: 0, currentVolume: 0 });
  }
  return entries;
}

function sideDiff(
  previous: readonly BookLevel[],
  next: readonly BookLevel[],
  types: { best: number; newBest: number; level: number },
  toPrice: (ticks: number) => number,
  timestamp: string,
): DepthEntryModel[] {
  const before = new Map(previous.map((level) => [level.priceTicks, level.size]));
  const after = new Set(next.map((level) => level.priceTicks));
  const bestMoved = previous[0]?.priceTicks !== next[0]?.priceTicks;
  const entries: DepthEntryModel[] = [];
  next.forEach((level, index) => {
    const best = index === 0;
    if (before.get(level.priceTicks) === level.size && !(best && bestMoved)) return;
    const type = best ? (bestMoved ? types.newBest : types.best) : types.level;
    entries.push(entry(type, toPrice(level.priceTicks), level.size, timestamp));
  });
  for (const level of previous) if (!after.has(level.priceTicks)) entries.push(entry(types.level, toPrice(level.priceTicks), 0, timestamp));
  return entries;
}

/** What changed between two books: new best levels as `NewBest*`, other changes per level, removals with volume 0. */
export function depthDiff(previous: BookSnapshot, next: BookSnapshot, toPrice: (ticks: number) => number, timestamp: string): DepthEntryModel[] {
  return [
    ...sideDiff(previous.asks, next.asks, { best: domType.bestAsk, newBest: domType.newBestAsk, level: domType.ask }, toPrice, timestamp),
    ...sideDiff(previous.bids, next.bids, { best: domType.bestBid, newBest: domType.newBestBid, level: domType.bid }, toPrice, timestamp),
  ];
}
