import { aggressor } from './projectx-enums';
import { RandomStream } from './random';
import type { TapePrint } from './second-prints';

/** Ticks a storm's walk may stray from where it started before it is pulled back. */
const maxStrayTicks = 8;

/**
 * The prints of a quote storm on one market: `perSecond` trades a second for `durationMs` after
 * `afterMs`, evenly spaced, each one tick up or down from the last (so every print changes the last
 * price and the touch: a real quote change on the tick grid). The walk stays within a few ticks of
 * where it started, and never goes below one tick.
 */
export function planQuoteStorm(fromTicks: number, afterMs: number, perSecond: number, durationMs: number, seed: number): TapePrint[] {
  const random = new RandomStream(seed);
  const count = Math.max(1, Math.floor((perSecond * durationMs) / 1000));
  const spacingMs = 1000 / perSecond;
  const prints: TapePrint[] = [];
  let price = fromTicks;
  let previousMs = afterMs;
  for (let index = 1; index <= count; index += 1) {
    const stray = price - fromTicks;
    const up = stray >= maxStrayTicks ? false : stray <= -maxStrayTicks || price <= 1 ? true : random.nextInt(2) === 0;
    price += up ? 1 : -1;
    // Whole milliseconds, strictly increasing: at most 1,000 prints a second per market.
    const ms = Math.max(previousMs + 1, afterMs + Math.round(index * spacingMs));
    previousMs = ms;
    prints.push({ ms, priceTicks: price, size: 1 + random.nextInt(3), aggressor: up ? aggressor.buy : aggressor.sell });
  }
  return prints;
}
