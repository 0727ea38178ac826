import { aggressor } from './projectx-enums';
import { RandomStream } from './random';
import type { TapePrint } from './second-prints';

/** Most steps of a control price move; bigger moves take bigger steps. */
const maxSteps = 24;

/**
 * A short, plausible path of prints from one price to another: up to 24 steps, 40-90 ms apart,
 * small sizes, aggressors following the direction. The last print is exactly at the target.
 */
export function planPriceMove(fromTicks: number, toTicks: number, afterMs: number, seed: number): TapePrint[] {
  const random = new RandomStream(seed);
  const distance = toTicks - fromTicks;
  const steps = Math.max(1, Math.min(Math.abs(distance), maxSteps));
  const side = distance >= 0 ? aggressor.buy : aggressor.sell;
  const prints: TapePrint[] = [];
  let ms = afterMs;
  for (let step = 1; step <= steps; step += 1) {
    ms += 40 + random.nextInt(51);
    const priceTicks = fromTicks + Math.round((distance * step) / steps);
    prints.push({ ms, priceTicks, size: 1 + random.nextInt(5), aggressor: side });
  }
  return prints;
}
