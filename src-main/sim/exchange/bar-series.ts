import { BarAccumulator } from './bar-accumulator';
import { civilDateOf } from '../../../src-shared/exchange';
import type { ContractDirectory } from './contract-directory';
import { barsCode } from './error-codes';
import type { BarModel, ExchangeAnswer } from './exchange-api';
import type { MarketTape } from './market-tape';
import type { ProductSpec } from './product-catalogue';
import { barUnit } from './projectx-enums';
import { parseBody, retrieveBarsSchema } from './request-schemas';
import type { MarketSessions } from '../../../src-shared/exchange';
import { ticksToPrice } from './tick-math';
import { barTimestamp, parseTimestamp } from './timestamps';

/** Most bars one request returns. */
export const maxBars = 20_000;
const maxUnitNumber = 10_000;

/** What history needs from the exchange. */
export interface HistorySource {
  readonly directory: ContractDirectory;
  tapeOf(spec: ProductSpec): MarketTape;
  calendarOf(spec: ProductSpec): MarketSessions;
  readonly now: () => number;
}

interface Window {
  readonly startMs: number;
  readonly endMs: number;
  readonly limit: number;
  readonly includePartial: boolean;
  readonly now: number;
}

const fixedUnitMs: Readonly<Record<number, number>> = { [barUnit.second]: 1000, [barUnit.minute]: 60_000, [barUnit.hour]: 3_600_000 };

function barOf(spec: ProductSpec, startMs: number, accumulator: BarAccumulator): BarModel {
  const price = (ticks: number): number => ticksToPrice(spec, ticks);
  return {
    t: barTimestamp(startMs),
    o: price(accumulator.open),
    h: price(accumulator.high),
    l: price(accumulator.low),
    c: price(accumulator.close),
    v: accumulator.volume,
  };
}

function fixedBars(spec: ProductSpec, tape: MarketTape, calendar: MarketSessions, sizeMs: number, window: Window): BarModel[] {
  const bars: BarModel[] = [];
  const accumulator = new BarAccumulator();
  const historyStart = tape.path.historyStartSec * 1000;
  const upper = Math.min(window.endMs, window.now + 1);
  let partialTaken = false;
  let start = Math.floor((upper - 1) / sizeMs) * sizeMs;
  while (start >= window.startMs && start + sizeMs > historyStart && bars.length < window.limit + (partialTaken ? 1 : 0)) {
    const partial = start + sizeMs > window.now;
    if (partial && !window.includePartial) {
      start -= sizeMs;
      continue;
    }
    accumulator.reset();
    tape.aggregate(accumulator, start, Math.min(start + sizeMs, window.now + 1));
    if (!accumulator.isEmpty) {
      bars.push(barOf(spec, start, accumulator));
      // The forming bar rides on top of the limit, as the venue does (limit 1500 gave 1501).
      if (partial) partialTaken = true;
      start -= sizeMs;
      continue;
    }
    // Nothing traded: jump over closed time to the bucket of the last open instant.
    const open = calendar.lastOpenBefore(start);
    if (open === null) break;
    start = Math.min(start - sizeMs, Math.floor(open / sizeMs) * sizeMs);
  }
  return bars;
}

function groupKey(unit: number, unitNumber: number, tradeDate: number): number {
  if (unit === barUnit.day) return Math.floor(tradeDate / unitNumber);
  // Trade weeks run Monday to Friday (the session that opens Sunday evening is Monday's).
  if (unit === barUnit.week) return Math.floor(Math.floor((tradeDate - 4) / 7) / unitNumber);
  const { year, month } = civilDateOf(tradeDate);
  return Math.floor((year * 12 + month - 1) / unitNumber);
}

function calendarBars(spec: ProductSpec, tape: MarketTape, calendar: MarketSessions, unit: number, unitNumber: number, window: Window): BarModel[] {
  const bars: BarModel[] = [];
  const upper = Math.min(window.endMs, window.now + 1);
  const firstDate = tape.path.tradeDateOf(tape.path.historyStartSec * 1000);
  // Start from the last trade date of the group the window ends in: a bar is always whole.
  const lastDate = tape.path.tradeDateOf(window.now);
  let tradeDate = tape.path.tradeDateOf(upper - 1);
  const endKey = groupKey(unit, unitNumber, tradeDate);
  while (tradeDate < lastDate && groupKey(unit, unitNumber, tradeDate + 1) === endKey) tradeDate += 1;
  let partialTaken = false;
  while (tradeDate >= firstDate && bars.length < window.limit + (partialTaken ? 1 : 0)) {
    const key = groupKey(unit, unitNumber, tradeDate);
    let groupStart = Number.POSITIVE_INFINITY;
    let groupEnd = Number.NEGATIVE_INFINITY;
    for (; tradeDate >= firstDate && groupKey(unit, unitNumber, tradeDate) === key; tradeDate -= 1) {
      const intervals = calendar.intervals(tradeDate);
      const first = intervals[0];
      const last = intervals[intervals.length - 1];
      if (first === undefined || last === undefined) continue;
      groupStart = Math.min(groupStart, first.start);
      groupEnd = Math.max(groupEnd, last.end);
    }
    if (!Number.isFinite(groupStart) || groupStart >= upper) continue;
    if (groupStart < window.startMs) break;
    const partial = groupEnd > window.now;
    if (partial && !window.includePartial) continue;
    const accumulator = new BarAccumulator();
    tape.aggregate(accumulator, groupStart, Math.min(groupEnd, window.now + 1));
    if (accumulator.isEmpty) continue;
    bars.push(barOf(spec, groupStart, accumulator));
    if (partial) partialTaken = true;
  }
  return bars;
}

/**
 * `History/retrieveBars`: bars whose start lies in [startTime, endTime), newest first, the newest
 * `limit` of them (at most 20,000), the forming bar only with `includePartialBar`. Second, minute
 * and hour bars align to the epoch; day, week and month bars follow trade dates (a day bar starts
 * at its session's 17:00 CT open and is stamped with that instant). Closed markets make no bars.
 */
export function retrieveBars(source: HistorySource, body: unknown): ExchangeAnswer<BarModel[]> {
  const parsed = parseBody(retrieveBarsSchema, body);
  if (!parsed.ok) {
    const codes: Readonly<Record<string, number>> = {
      contractId: barsCode.contractNotFound,
      unit: barsCode.unitInvalid,
      unitNumber: barsCode.unitNumberInvalid,
      limit: barsCode.limitInvalid,
    };
    return { errorCode: codes[parsed.invalid.field] ?? barsCode.unitInvalid, errorMessage: parsed.invalid.message, invalidField: parsed.invalid.field };
  }
  const request = parsed.value;
  const ref = source.directory.resolve(request.contractId);
  if (ref === null) return { errorCode: barsCode.contractNotFound, errorMessage: 'Contract not found.' };
  if (request.unit < barUnit.second || request.unit > barUnit.month)
    return { errorCode: barsCode.unitInvalid, errorMessage: `Invalid unit (${request.unit}).` };
  if (request.unitNumber < 1 || request.unitNumber > maxUnitNumber)
    return { errorCode: barsCode.unitNumberInvalid, errorMessage: `Invalid unit number (${request.unitNumber}).` };
  if (request.limit < 1) return { errorCode: barsCode.limitInvalid, errorMessage: `Invalid limit (${request.limit}).` };
  const window: Window = {
    startMs: parseTimestamp(request.startTime) ?? 0,
    endMs: parseTimestamp(request.endTime) ?? 0,
    limit: Math.min(request.limit, maxBars),
    includePartial: request.includePartialBar === true,
    now: source.now(),
  };
  const tape = source.tapeOf(ref.spec);
  const calendar = source.calendarOf(ref.spec);
  const fixed = fixedUnitMs[request.unit];
  const bars =
    fixed === undefined
      ? calendarBars(ref.spec, tape, calendar, request.unit, request.unitNumber, window)
      : fixedBars(ref.spec, tape, calendar, fixed * request.unitNumber, window);
  return { errorCode: barsCode.success, errorMessage: null, value: bars };
}
