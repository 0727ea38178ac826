import type { DayPlan, PathParameters } from './day-plan';
import { advanceState, exponentialOf, hashInts, normalOf, scramble } from './random';

/** Second-by-second OHLCV of one block, integer ticks; a second with volume 0 had no trade. */
export interface SecondSeries {
  readonly startSec: number;
  readonly count: number;
  readonly open: Int32Array;
  readonly high: Int32Array;
  readonly low: Int32Array;
  readonly close: Int32Array;
  readonly volume: Int32Array;
}

// News-like jumps: about one and a half a day, each 8-23% of a day's standard deviation.
const jumpsPerDay = 1.5;
const regularSessionSeconds = 82_800;
const jumpThreshold = Math.floor((jumpsPerDay / regularSessionSeconds) * 4_294_967_296);
const unit = 1 / 4_294_967_296;

/**
 * Generates one block second by second. The float path is a Brownian bridge from the block's start
 * level to its end level (variance per second from the activity table, plus rare jumps); trades
 * happen at the path rounded to ticks. The last second of a block always trades at the rounded end
 * level, so the next block opens where this one closed without generating it first.
 * The generators are inlined state variables: this loop runs for every second of history.
 */
export function generateBlock(parameters: PathParameters, plan: DayPlan, blockIndex: number): SecondSeries {
  const block = plan.blocks[blockIndex];
  if (block === undefined) throw new RangeError(`no block ${blockIndex} on trade date ${plan.tradeDate}`);
  const count = block.endSec - block.startSec;
  const sigma = plan.dayVolatilityTicks * block.activity;
  const volumeScale = parameters.spec.dailyVolume * block.activity;
  const minutes = count / 60;
  // Local bindings: test runners route imported calls through getters, which this loop cannot afford.
  const next = advanceState;
  const bits = scramble;
  const normal = normalOf;
  const exponential = exponentialOf;

  // Per minute: the second's weight and its square root.
  const minuteWeight = new Float64Array(minutes);
  const minuteRoot = new Float64Array(minutes);
  let weightSum = 0;
  for (let minute = 0; minute < minutes; minute += 1) {
    const weight = parameters.weights[(block.startMinuteOfDay + minute) % 1440] ?? 0;
    minuteWeight[minute] = weight;
    minuteRoot[minute] = Math.sqrt(weight);
    weightSum += weight * 60;
  }

  let pathState = hashInts(parameters.pathKey, block.startSec, 11) | 0;
  const increments = new Float64Array(count);
  let incrementSum = 0;
  for (let index = 0; index < count; index += 1) {
    pathState = next(pathState);
    let increment = sigma * (minuteRoot[(index / 60) | 0] ?? 0) * normal(bits(pathState));
    pathState = next(pathState);
    const draw = bits(pathState);
    if (draw < jumpThreshold) {
      pathState = next(pathState);
      const size = plan.dayVolatilityTicks * (0.08 + 0.15 * bits(pathState) * unit);
      increment += draw % 2 === 0 ? size : -size;
    }
    increments[index] = increment;
    incrementSum += increment;
  }
  const miss = weightSum > 0 ? (incrementSum - (block.endValue - block.startValue)) / weightSum : 0;

  const open = new Int32Array(count);
  const high = new Int32Array(count);
  const low = new Int32Array(count);
  const close = new Int32Array(count);
  const volume = new Int32Array(count);
  let tradeState = hashInts(parameters.productKey, block.startSec, 13) | 0;
  let level = block.startValue;
  let last = Math.round(block.startValue);
  for (let index = 0; index < count; index += 1) {
    const minute = (index / 60) | 0;
    const weight = minuteWeight[minute] ?? 0;
    level += (increments[index] ?? 0) - miss * weight;
    const target = index === count - 1 ? Math.round(block.endValue) : Math.round(level);
    tradeState = next(tradeState);
    const drawn = exponential(bits(tradeState));
    tradeState = next(tradeState);
    // floor(x + U) is an unbiased integer for x; x is exponential around the expected volume.
    let traded = Math.floor(volumeScale * weight * drawn + bits(tradeState) * unit);
    const mustTrade = target !== last || index === count - 1 || (index === 0 && block.opensInterval);
    if (mustTrade && traded < 1) traded = 1;
    if (traded === 0) {
      open[index] = last;
      high[index] = last;
      low[index] = last;
      close[index] = last;
      continue;
    }
    if (traded === 1) {
      // A lone trade prints at the new price: the second opens and closes there.
      open[index] = target;
      high[index] = target;
      low[index] = target;
      close[index] = target;
      volume[index] = 1;
      last = target;
      continue;
    }
    // Wicks beyond the open and close need their own prints, so only busy seconds get them.
    let up = 0;
    let down = 0;
    if (traded >= 3) {
      const wick = sigma * (minuteRoot[minute] ?? 0) * 0.8;
      tradeState = next(tradeState);
      const draw = bits(tradeState);
      up = Math.min(50, Math.floor(wick * exponential(draw)));
      tradeState = next(tradeState);
      down = Math.min(50, Math.floor(wick * exponential(bits(tradeState))));
      if (traded === 3 && up > 0 && down > 0) {
        if (draw % 2 === 0) up = 0;
        else down = 0;
      }
    }
    open[index] = last;
    close[index] = target;
    high[index] = Math.max(last, target) + up;
    low[index] = Math.min(last, target) - down;
    volume[index] = traded;
    last = target;
  }
  return { startSec: block.startSec, count, open, high, low, close, volume };
}
