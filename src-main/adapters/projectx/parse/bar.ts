import { z } from 'zod';
import type { BarView } from '../../../../src-shared/domain/trading';
import { parseWith, parsed, refused, type Parsed } from './parsed';
import { exactTicks, parseBrokerTime, wireNumber, wireTimestamp } from './wire';

/** One bar of `History/retrieveBars` (`t,o,h,l,c,v`); newer fields such as `d`/`k` are ignored. */
export const barSchema = z.object({
  t: wireTimestamp,
  o: wireNumber,
  h: wireNumber,
  l: wireNumber,
  c: wireNumber,
  v: wireNumber.nonnegative(),
});

/** One bar payload as a `BarView` in ticks; off-grid prices are refused. */
export function barView(payload: unknown, tickSize: number): Parsed<BarView> {
  const bar = parseWith(barSchema, payload);
  if (!bar.ok) return bar;
  const time = parseBrokerTime(bar.value.t);
  const [open, high, low, close] = [bar.value.o, bar.value.h, bar.value.l, bar.value.c].map((price) => exactTicks(price, tickSize));
  if (time === undefined) return refused(`bar time ${bar.value.t} is not usable`);
  if (open === undefined || high === undefined || low === undefined || close === undefined) return refused(`bar at ${bar.value.t} has a price off the ${tickSize} grid`);
  return parsed({ time, open, high, low, close, volume: bar.value.v });
}
