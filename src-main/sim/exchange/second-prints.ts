import { aggressor } from './projectx-enums';
import { hashInts, RandomStream } from './random';

/** One market trade on the tape: time (epoch ms), price (ticks), size and aggressor (0 buy, 1 sell). */
export interface TapePrint {
  readonly ms: number;
  readonly priceTicks: number;
  readonly size: number;
  readonly aggressor: number;
}

function waypointsOf(open: number, high: number, low: number, close: number): number[] {
  // Up seconds dip first, down seconds spike first: both extremes are always visited.
  const route = close >= open ? [open, low, high, close] : [open, high, low, close];
  const points: number[] = [];
  for (const price of route) if (points[points.length - 1] !== price) points.push(price);
  return points;
}

function splitVolume(random: RandomStream, volume: number, parts: number): number[] {
  const sizes = new Array<number>(parts).fill(1);
  let left = volume - parts;
  if (left <= 0) return sizes;
  const weights = sizes.map(() => -Math.log(1 - random.nextUnit()));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  weights.forEach((weight, index) => {
    const extra = Math.floor((left * weight) / total);
    sizes[index] = (sizes[index] ?? 1) + extra;
  });
  left = volume - sizes.reduce((sum, size) => sum + size, 0);
  for (; left > 0; left -= 1) {
    const index = random.nextInt(parts);
    sizes[index] = (sizes[index] ?? 1) + 1;
  }
  return sizes;
}

/**
 * The prints of one second, a deterministic function of (key, second, OHLCV): the first trades at
 * the open, the last at the close, the extremes are touched, and the sizes add up to the volume.
 * Aggregating them gives back exactly the second's bar, which is what ties history to the live tape.
 * The bar must leave a print for each turn it takes: two for a move, three or four with wicks
 * (the block generator only makes such bars).
 */
export function printsOfSecond(key: number, second: number, open: number, high: number, low: number, close: number, volume: number): TapePrint[] {
  if (volume <= 0) return [];
  const random = new RandomStream(hashInts(key, second, 17));
  const points = waypointsOf(open, high, low, close);
  const count = Math.min(volume, Math.max(points.length, Math.ceil(Math.sqrt(volume))));
  // Extra prints repeat a waypoint's price right after it.
  const repeats = new Array<number>(points.length).fill(1);
  for (let extra = count - points.length; extra > 0; extra -= 1) {
    const index = random.nextInt(points.length);
    repeats[index] = (repeats[index] ?? 1) + 1;
  }
  const sizes = splitVolume(random, volume, count);
  const offsets = Array.from({ length: count }, () => random.nextInt(1000)).sort((left, right) => left - right);
  const prints: TapePrint[] = [];
  let previous = open;
  let side: number = random.nextUnit() < 0.5 ? aggressor.buy : aggressor.sell;
  points.forEach((price, pointIndex) => {
    for (let repeat = 0; repeat < (repeats[pointIndex] ?? 1); repeat += 1) {
      if (price > previous) side = aggressor.buy;
      else if (price < previous) side = aggressor.sell;
      const index = prints.length;
      prints.push({ ms: second * 1000 + (offsets[index] ?? 0), priceTicks: price, size: sizes[index] ?? 1, aggressor: side });
      previous = price;
    }
  });
  return prints;
}
