import { z } from 'zod';
import type { BarView } from '../../../../src-shared/domain/trading';
import { parseWith, parsed, refused, type Parsed } from './parsed';
import { exactTicks, isRecord, parseBrokerTime, wireNumber, wireTimestamp } from './wire';

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
  // History answers carry up to 20,000 bars: well-formed ones skip the schema (same checks, by hand);
  // anything else goes through it for a message naming the field.
  const bar = isPlainBar(payload) ? parsed(payload) : parseWith(barSchema, payload);
  if (!bar.ok) return bar;
  const time = parseBrokerTime(bar.value.t);
  if (time === undefined) return refused(`bar time ${bar.value.t} is not usable`);
  const open = exactTicks(bar.value.o, tickSize);
  const high = exactTicks(bar.value.h, tickSize);
  const low = exactTicks(bar.value.l, tickSize);
  const close = exactTicks(bar.value.c, tickSize);
  if (open === undefined || high === undefined || low === undefined || close === undefined)
    return refused(`bar at ${bar.value.t} has a price off the ${tickSize} grid`);
  return parsed({ time, open, high, low, close, volume: bar.value.v });
}

function isPlainBar(payload: unknown): payload is z.infer<typeof barSchema> {
  if (!isRecord(payload)) return false;
  const { t, o, h, l, c, v } = payload;
  return typeof t === 'string' && isNumber(o) && isNumber(h) && isNumber(l) && isNumber(c) && isNumber(v) && v >= 0;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
