import { describe, expect, it } from 'vitest';
import type { TapeTrade } from '../../../src-shared/domain/trading';
import { BarAggregator } from './bar-aggregator';
import { barStart } from '../../../src-shared/exchange';

const base = Date.parse('2026-11-18T16:00:00Z');

function print(secondsAfter: number, priceTicks: number, size = 1): TapeTrade {
  return { contractId: 'CON.F.US.EP.Z26', priceTicks, size, side: 'buy', time: base + secondsAfter * 1000 };
}

describe('bar aggregator', () => {
  it('builds one-minute bars from prints', () => {
    const bars = new BarAggregator('minute', 1);

    bars.apply([print(0, 100), print(10, 104), print(20, 98, 3), print(59, 101)]);
    bars.apply([print(61, 102)]);

    expect(bars.snapshot()).toEqual([
      { time: base, open: 100, high: 104, low: 98, close: 101, volume: 6 },
      { time: base + 60_000, open: 102, high: 102, low: 102, close: 102, volume: 1 },
    ]);
  });

  it('counts identical prints inside one batch but drops a batch sent again', () => {
    const bars = new BarAggregator('minute', 1);
    const batch = [print(1, 100), print(1, 100)];

    bars.apply(batch);
    const changed = bars.apply(batch);

    expect(changed).toEqual([]);
    expect(bars.snapshot()[0]?.volume).toBe(2);
  });

  it('puts a late print into the bar it belongs to without moving that bar close', () => {
    const bars = new BarAggregator('minute', 1);
    bars.apply([print(0, 100), print(30, 101)]);
    bars.apply([print(70, 105)]);

    const changed = bars.apply([print(40, 90)]);

    expect(changed).toEqual([{ time: base, open: 100, high: 101, low: 90, close: 101, volume: 3 }]);
    expect(bars.snapshot()[1]?.close).toBe(105);
  });

  it('continues seeded history with live prints', () => {
    const bars = new BarAggregator('minute', 5);
    bars.seed([{ time: base - 300_000, open: 1, high: 2, low: 1, close: 2, volume: 10 }]);

    bars.apply([print(5, 3)]);

    expect(bars.snapshot().map((bar) => bar.time)).toEqual([base - 300_000, base]);
  });

  it('aligns day bars to the 17:00 Chicago roll and weeks to Sunday evening', () => {
    const wednesdayMorning = Date.parse('2026-11-18T16:00:00Z');

    expect(new Date(barStart(wednesdayMorning, 'day', 1)).toISOString()).toBe('2026-11-17T23:00:00.000Z');
    expect(new Date(barStart(wednesdayMorning, 'week', 1)).toISOString()).toBe('2026-11-15T23:00:00.000Z');
    expect(new Date(barStart(wednesdayMorning, 'month', 1)).toISOString()).toBe('2026-10-31T22:00:00.000Z');
    expect(new Date(barStart(wednesdayMorning, 'hour', 4)).toISOString()).toBe('2026-11-18T16:00:00.000Z');
  });
});
