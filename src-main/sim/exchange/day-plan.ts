import { chicagoPartsOf, isWeekday } from '../../../src-shared/exchange';
import { secondWeights } from './intraday-profile';
import type { ProductSpec } from './product-catalogue';
import { hashInts, hashText, normalOf, RandomStream } from './random';
import type { MarketSessions } from '../../../src-shared/exchange';

/**
 * The coarse levels of the price path. A trade date's closing level is a truncated
 * Ornstein-Uhlenbeck sum of seeded daily shocks, so it depends on (seed, underlying, date) only and
 * never on what was generated before. Inside the session the path is cut into hour blocks whose end
 * levels are a Brownian bridge from the open to the close, with momentum and per-block volatility.
 */

/** What the path of one product is generated from. */
export interface PathParameters {
  readonly spec: ProductSpec;
  /** Keys the price path: products with one underlying move together. */
  readonly pathKey: number;
  /** Keys the product's own volume and print details. */
  readonly productKey: number;
  readonly calendar: MarketSessions;
  /** Per-second activity weight by Chicago minute of day. */
  readonly weights: Float64Array;
  /** `basePrice` in ticks. */
  readonly baseTicks: number;
}

/** Builds the parameters of a product for a seed. */
export function pathParametersOf(spec: ProductSpec, seed: number, calendar: MarketSessions): PathParameters {
  return {
    spec,
    pathKey: hashInts(seed, hashText(spec.underlying)),
    productKey: hashInts(seed, hashText(spec.symbol)),
    calendar,
    weights: secondWeights(spec.profile),
    baseTicks: Math.round(spec.basePrice / spec.tickSize),
  };
}

/** One hour (or less) of a session: whole minutes, with the path's level at both ends (float ticks). */
export interface PathBlock {
  readonly startSec: number;
  readonly endSec: number;
  readonly startValue: number;
  readonly endValue: number;
  /** Multiplies the block's volatility and volume (quiet and busy hours). */
  readonly activity: number;
  /** Chicago minute of day at `startSec`. */
  readonly startMinuteOfDay: number;
  /** True for the first block of an open interval: its first second prints the opening trade. */
  readonly opensInterval: boolean;
}

/** The blocks of one trade date. */
export interface DayPlan {
  readonly tradeDate: number;
  readonly blocks: readonly PathBlock[];
  /** One standard deviation of the day's move, in ticks. */
  readonly dayVolatilityTicks: number;
}

const hourSec = 3600;
// Half-life of the daily level's pull back to the base price, and how many days the sum keeps.
const halfLifeDays = 40;
const keptDays = 300;
const decay = 2 ** (-1 / halfLifeDays);

/** The day's closing level in float ticks. Pure: the same for the same inputs in any call order. */
export function closingLevel(parameters: PathParameters, tradeDate: number): number {
  let sum = 0;
  let weight = 1;
  for (let lag = 0; lag <= keptDays; lag += 1) {
    // Weekends bring no news of their own, so Friday to Monday moves like one day.
    if (isWeekday(tradeDate - lag)) sum += weight * normalOf(hashInts(parameters.pathKey, tradeDate - lag, 3));
    weight *= decay;
  }
  return parameters.baseTicks * Math.exp(parameters.spec.dailyVolatility * sum);
}

function blockWeight(parameters: PathParameters, startMinuteOfDay: number, minutes: number): number {
  let total = 0;
  for (let minute = 0; minute < minutes; minute += 1) total += (parameters.weights[(startMinuteOfDay + minute) % 1440] ?? 0) * 60;
  return total;
}

interface RawBlock {
  readonly startSec: number;
  readonly endSec: number;
  readonly startMinuteOfDay: number;
  readonly opensInterval: boolean;
}

function cutIntoBlocks(parameters: PathParameters, tradeDate: number): RawBlock[] {
  const blocks: RawBlock[] = [];
  for (const interval of parameters.calendar.intervals(tradeDate)) {
    const startSec = interval.start / 1000;
    const endSec = interval.end / 1000;
    for (let hour = Math.floor(startSec / hourSec) * hourSec; hour < endSec; hour += hourSec) {
      const from = Math.max(startSec, hour);
      const to = Math.min(endSec, hour + hourSec);
      const startMinuteOfDay = chicagoPartsOf(from * 1000).minuteOfDay;
      blocks.push({ startSec: from, endSec: to, startMinuteOfDay, opensInterval: from === startSec });
    }
  }
  return blocks;
}

/** Plans a trade date, or null when it has no session. `closing` gives (cached) closing levels. */
export function planDay(parameters: PathParameters, tradeDate: number, closing: (tradeDate: number) => number): DayPlan | null {
  const raw = cutIntoBlocks(parameters, tradeDate);
  if (raw.length === 0) return null;
  const previous = parameters.calendar.previousTradeDate(tradeDate) ?? tradeDate - 1;
  const random = new RandomStream(hashInts(parameters.pathKey, tradeDate, 5));
  const volatility = parameters.spec.dailyVolatility;
  const previousClose = closing(previous);
  // The overnight gap: a small share of a day's move happens between the sessions.
  const openValue = previousClose * (1 + random.nextNormal() * 0.12 * volatility);
  const closeValue = closing(tradeDate);
  const dayVolatilityTicks = volatility * openValue;

  const activities: number[] = [];
  const variances: number[] = [];
  const increments: number[] = [];
  let logActivity = random.nextNormal() * 0.3;
  let momentum = random.nextNormal();
  let incrementSum = 0;
  let varianceSum = 0;
  for (const block of raw) {
    logActivity = 0.6 * logActivity + 0.3 * random.nextNormal();
    momentum = 0.5 * momentum + Math.sqrt(0.75) * random.nextNormal();
    const activity = Math.exp(logActivity - 0.05);
    const variance = blockWeight(parameters, block.startMinuteOfDay, (block.endSec - block.startSec) / 60) * activity * activity;
    const increment = momentum * dayVolatilityTicks * Math.sqrt(variance);
    activities.push(activity);
    variances.push(variance);
    increments.push(increment);
    incrementSum += increment;
    varianceSum += variance;
  }
  // Bridge: spread the miss between the walk and the day's close over the blocks by their variance.
  const miss = varianceSum > 0 ? (incrementSum - (closeValue - openValue)) / varianceSum : 0;
  const blocks: PathBlock[] = [];
  let level = openValue;
  raw.forEach((block, index) => {
    const startValue = level;
    level += (increments[index] ?? 0) - miss * (variances[index] ?? 0);
    const endValue = index === raw.length - 1 ? closeValue : level;
    blocks.push({ ...block, startValue, endValue, activity: activities[index] ?? 1 });
  });
  return { tradeDate, blocks, dayVolatilityTicks };
}
