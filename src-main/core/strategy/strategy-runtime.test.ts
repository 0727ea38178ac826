import { describe, expect, it } from 'vitest';
import { BarRollup } from './bar-rollup';
import { ExchangeCalendar, inWindow } from '../../../src-shared/exchange';
import { choice, integer, mergeParameters, minutesOfTime, parameterSpecs, timeOfDay } from './parameters';
import { defineStrategy } from './strategy-definition';
import { bar, closesToBars, minute, regularOpen } from './testing/bar-builders';
import { StrategyTestKit } from './testing/strategy-test-kit';

const schema = {
  contracts: integer({ label: 'Contracts', description: 'Size', default: 1, min: 1, max: 10, live: true }),
  mode: choice({ label: 'Mode', description: 'How', options: ['fast', 'slow'], default: 'fast', live: false }),
  start: timeOfDay({ label: 'Start', description: 'When', default: '08:30', live: true }),
};

/** Buys on every bar it sees; throws on a close of 13. */
const eager = defineStrategy({
  kind: 'eager',
  name: 'Eager',
  summary: 'test',
  description: 'Buys on every bar.',
  parameters: schema,
  series: () => [{ unit: 'minute', unitNumber: 1, warmup: 3 }],
  create(context) {
    const average = context.indicators.sma(2);
    return {
      onBar(item) {
        if (item.close === 13) throw new Error('thirteen');
        context.state.set('average', average.value);
        context.orders.enter({ side: 'buy', size: context.parameters.contracts, type: 'market', stopLossTicks: 4, reason: `buy ${item.close}` });
      },
    };
  },
});

describe('strategy parameters', () => {
  it('merges a change over the defaults and names the field of a bad value', () => {
    expect(mergeParameters(schema, {}, { contracts: 3 })).toEqual({ ok: true, value: { contracts: 3, mode: 'fast', start: '08:30' } });
    expect(mergeParameters(schema, {}, { contracts: 11 })).toMatchObject({
      ok: false,
      error: { field: 'contracts', message: 'parameter contracts must be between 1 and 10' },
    });
    expect(mergeParameters(schema, {}, { mode: 'medium' })).toMatchObject({ ok: false, error: { field: 'mode' } });
    expect(mergeParameters(schema, {}, { start: '25:00' })).toMatchObject({ ok: false, error: { field: 'start' } });
    expect(mergeParameters(schema, {}, { size: 1 })).toMatchObject({ ok: false, error: { field: 'size' } });
  });

  it('describes the schema for the editor', () => {
    expect(parameterSpecs(schema)).toEqual([
      { key: 'contracts', label: 'Contracts', description: 'Size', type: 'integer', default: 1, min: 1, max: 10, live: true },
      { key: 'mode', label: 'Mode', description: 'How', type: 'choice', default: 'fast', options: ['fast', 'slow'], live: false },
      { key: 'start', label: 'Start', description: 'When', type: 'time', default: '08:30', live: true },
    ]);
    expect(minutesOfTime('08:30')).toBe(510);
  });
});

describe('strategy runtime', () => {
  it('feeds indicators during the warm-up but refuses its orders', () => {
    const kit = new StrategyTestKit(eager).start();

    kit.runtime.warmUp({ unit: 'minute', unitNumber: 1 }, closesToBars(regularOpen, [10, 12]));
    kit.feed(closesToBars(regularOpen + 2 * minute, [14]));

    expect(kit.sent('enter')).toHaveLength(1);
    expect(kit.state).toEqual({ average: 13 });
    expect(kit.logs.filter((entry) => entry.level === 'warning')).toEqual([]);
  });

  it('stops a strategy that throws, as faulted, with the callback and the message', () => {
    const kit = new StrategyTestKit(eager).start();

    kit.feed(closesToBars(regularOpen, [13, 14]));

    expect(kit.runtime.status).toBe('faulted');
    expect(kit.runtime.statusReason).toBe('threw in onBar: thirteen');
    expect(kit.sent('enter')).toEqual([]);
  });

  it('makes no decisions while paused but keeps its book', () => {
    const kit = new StrategyTestKit(eager).start();
    kit.feed(closesToBars(regularOpen, [10]));

    kit.runtime.pause('paused by the trader', 'trader');
    kit.feed(closesToBars(regularOpen + minute, [11]));
    kit.touch(10 - 4);

    expect(kit.sent('enter')).toHaveLength(1);
    expect(kit.runtime.ledger.position().size).toBe(0);
    expect(kit.runtime.ledger.dayView('2026-11-18', null)).toMatchObject({ trades: 1, wins: 0, realizedCents: -4 * 1250 });
  });
});

describe('bar rollup and exchange time', () => {
  it('builds a 5-minute bar from five 1-minute bars and emits it when the fifth closes', () => {
    const rollup = new BarRollup({ unit: 'minute', unitNumber: 5 });
    const emitted: ReturnType<typeof bar>[] = [];

    for (const item of closesToBars(regularOpen, [10, 12, 9, 11, 15, 16])) rollup.add(item, item.time + minute, (longer) => emitted.push(longer));

    expect(emitted).toEqual([{ time: regularOpen, open: 10, high: 16, low: 8, close: 15, volume: 500 }]);
  });

  it('answers minutes of the exchange day and trading days, across the 17:00 roll and DST', () => {
    const calendar = new ExchangeCalendar();

    expect(calendar.minuteOfDay(regularOpen)).toBe(510);
    expect(calendar.tradingDay(Date.parse('2026-11-18T23:30:00Z'))).toBe('2026-11-19');
    expect(calendar.minuteOfDay(Date.parse('2026-07-15T13:30:00Z'))).toBe(510);
    expect(inWindow(60, 17 * 60, 510)).toBe(true);
    expect(inWindow(600, 17 * 60, 510)).toBe(false);
  });
});
