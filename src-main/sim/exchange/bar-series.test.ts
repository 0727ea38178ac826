import { describe, expect, it } from 'vitest';
import type { BarModel } from './exchange-api';
import { buildExchange, esContract, valueOf } from './exchange-test-kit';

function request(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    contractId: esContract,
    live: false,
    startTime: '2026-08-18T00:00:00Z',
    endTime: '2026-08-19T14:00:00Z',
    unit: 2,
    unitNumber: 1,
    limit: 100,
    includePartialBar: false,
    ...fields,
  };
}

function times(bars: readonly BarModel[]): number[] {
  return bars.map((bar) => Date.parse(bar.t));
}

describe('retrieving bars', () => {
  const rig = buildExchange({ startMs: Date.parse('2026-08-19T14:00:30Z') });

  it('returns the newest bars first, trimmed to the limit', () => {
    const bars = valueOf(rig.exchange.retrieveBars(request({ limit: 5 })));
    expect(bars.map((bar) => bar.t)).toEqual([
      '2026-08-19T13:59:00+00:00',
      '2026-08-19T13:58:00+00:00',
      '2026-08-19T13:57:00+00:00',
      '2026-08-19T13:56:00+00:00',
      '2026-08-19T13:55:00+00:00',
    ]);
    for (const bar of bars) expect(bar.l <= Math.min(bar.o, bar.c) && bar.h >= Math.max(bar.o, bar.c) && bar.v > 0).toBe(true);
  });

  it('adds the forming bar on top of the limit only when asked', () => {
    const without = valueOf(rig.exchange.retrieveBars(request({ endTime: '2026-08-19T15:00:00Z', limit: 3 })));
    const withPartial = valueOf(rig.exchange.retrieveBars(request({ endTime: '2026-08-19T15:00:00Z', limit: 3, includePartialBar: true })));
    expect(without[0]?.t).toBe('2026-08-19T13:59:00+00:00');
    expect(withPartial[0]?.t).toBe('2026-08-19T14:00:00+00:00');
    expect(withPartial).toHaveLength(4);
  });

  it('aligns N-minute bars and makes none while the market is closed', () => {
    const bars = valueOf(
      rig.exchange.retrieveBars(request({ startTime: '2026-08-18T20:00:00Z', endTime: '2026-08-18T23:00:00Z', unitNumber: 5, limit: 1000 })),
    );
    expect(times(bars).every((ms) => ms % 300_000 === 0)).toBe(true);
    expect(bars.some((bar) => bar.t.startsWith('2026-08-18T21:'))).toBe(false);
    expect(bars.at(-1)?.t).toBe('2026-08-18T20:00:00+00:00');
    expect(bars[0]?.t).toBe('2026-08-18T22:55:00+00:00');
  });

  it('gives nothing for a weekend window', () => {
    expect(valueOf(rig.exchange.retrieveBars(request({ startTime: '2026-08-15T00:00:00Z', endTime: '2026-08-16T21:00:00Z' })))).toEqual([]);
  });

  it('stamps day bars at the 17:00 CT open of their session', () => {
    const bars = valueOf(rig.exchange.retrieveBars(request({ unit: 4, startTime: '2026-08-10T00:00:00Z', endTime: '2026-08-19T14:00:00Z', limit: 10 })));
    expect(bars.map((bar) => bar.t)).toEqual([
      '2026-08-17T22:00:00+00:00',
      '2026-08-16T22:00:00+00:00',
      '2026-08-13T22:00:00+00:00',
      '2026-08-12T22:00:00+00:00',
      '2026-08-11T22:00:00+00:00',
      '2026-08-10T22:00:00+00:00',
    ]);
  });

  it('builds a week bar from its days', () => {
    const days = valueOf(rig.exchange.retrieveBars(request({ unit: 4, startTime: '2026-08-09T00:00:00Z', endTime: '2026-08-15T00:00:00Z' })));
    const [week] = valueOf(rig.exchange.retrieveBars(request({ unit: 5, startTime: '2026-08-09T00:00:00Z', endTime: '2026-08-10T00:00:00Z' })));
    expect(week?.t).toBe('2026-08-09T22:00:00+00:00');
    expect(week?.v).toBe(days.reduce((sum, day) => sum + day.v, 0));
    expect(week?.h).toBe(Math.max(...days.map((day) => day.h)));
    expect(week?.o).toBe(days.at(-1)?.o);
    expect(week?.c).toBe(days[0]?.c);
  });

  it('stamps a month bar at the open of its first session and includes the forming month when asked', () => {
    const months = valueOf(
      rig.exchange.retrieveBars(request({ unit: 6, startTime: '2026-07-15T00:00:00Z', endTime: '2026-08-19T14:00:00Z', includePartialBar: true })),
    );
    expect(months.map((month) => month.t)).toEqual(['2026-08-02T22:00:00+00:00']);
    expect(valueOf(rig.exchange.retrieveBars(request({ unit: 6, startTime: '2026-07-15T00:00:00Z', endTime: '2026-08-19T14:00:00Z' })))).toEqual([]);
  });

  it('answers invalid requests with the bar codes', () => {
    expect(rig.exchange.retrieveBars(request({ contractId: 'CON.F.US.NOPE.U26' }))).toMatchObject({ errorCode: 1 });
    expect(rig.exchange.retrieveBars(request({ unit: 7 })).errorCode).toBe(2);
    expect(rig.exchange.retrieveBars(request({ unitNumber: 0 })).errorCode).toBe(3);
    expect(rig.exchange.retrieveBars(request({ limit: 0 })).errorCode).toBe(4);
    expect(rig.exchange.retrieveBars(request({ limit: 'many' }))).toMatchObject({ errorCode: 4, invalidField: 'limit' });
  });

  it('caps a request at 20,000 bars', () => {
    const bars = valueOf(rig.exchange.retrieveBars(request({ unit: 1, startTime: '2026-08-17T00:00:00Z', limit: 50_000 })));
    expect(bars).toHaveLength(20_000);
  });
});
