import { describe, expect, it } from 'vitest';
import { bar, closesToBars, minute, regularOpen } from '../strategy/testing/bar-builders';
import { AverageTrueRange } from './average-true-range';
import { BollingerBands } from './bollinger-bands';
import { DonchianChannel } from './donchian-channel';
import { computeIndicator } from './indicator-catalog';
import { ExponentialMovingAverage, SimpleMovingAverage } from './moving-averages';
import { RelativeStrengthIndex } from './relative-strength';
import { SessionVwap } from './vwap';

describe('indicators', () => {
  it('averages closes over a window and is empty until the window fills', () => {
    const average = new SimpleMovingAverage(3);

    const values = closesToBars(regularOpen, [1, 2, 3, 4, 5]).map((item) => average.update(item));

    expect(values).toEqual([null, null, 2, 3, 4]);
  });

  it('seeds an EMA with the first window mean, then smooths with 2/(n+1)', () => {
    const average = new ExponentialMovingAverage(3);

    const values = closesToBars(regularOpen, [1, 2, 3, 4, 5]).map((item) => average.update(item));

    expect(values).toEqual([null, null, 2, 3, 4]);
  });

  it('puts Bollinger bands two population deviations around the mean', () => {
    const bands = new BollingerBands(3, 2);

    for (const item of closesToBars(regularOpen, [1, 2, 3])) bands.update(item);

    expect(bands.value?.middle).toBe(2);
    expect(bands.value?.upper).toBeCloseTo(2 + 2 * Math.sqrt(2 / 3), 10);
    expect(bands.value?.lower).toBeCloseTo(2 - 2 * Math.sqrt(2 / 3), 10);
  });

  it("smooths the true range with Wilder's average, counting gaps from the previous close", () => {
    const range = new AverageTrueRange(2);

    const values = [bar(0, 9, 10, 8, 9), bar(minute, 9, 12, 9, 11), bar(2 * minute, 10, 11, 10, 10)].map((item) => range.update(item));

    expect(values).toEqual([null, 2.5, 1.75]);
  });

  it("computes RSI with Wilder's smoothing", () => {
    const strength = new RelativeStrengthIndex(2);

    const values = closesToBars(regularOpen, [10, 12, 11, 13]).map((item) => strength.update(item));

    expect(values[0]).toBeNull();
    expect(values[1]).toBeNull();
    expect(values[2]).toBeCloseTo(100 - 100 / 3, 10);
    expect(values[3]).toBeCloseTo(100 - 100 / 7, 10);
  });

  it('weights the session VWAP by volume and restarts it at the 17:00 CT roll', () => {
    const vwap = new SessionVwap(2);
    const beforeRoll = Date.parse('2026-11-18T22:58:00Z');

    vwap.update(bar(beforeRoll, 10, 10, 10, 10, 1));
    const sameSession = vwap.update(bar(beforeRoll + minute, 20, 20, 20, 20, 3));
    const nextSession = vwap.update(bar(beforeRoll + 2 * minute, 30, 30, 30, 30, 5));

    expect(sameSession?.middle).toBe(17.5);
    expect(nextSession?.middle).toBe(30);
  });

  it('tracks the highest high and lowest low of the window, as a full scan would', () => {
    const bars = Array.from({ length: 300 }, (_, index) => {
      const middle = 1000 + Math.round(40 * Math.sin(index / 7) + 15 * Math.cos(index * 1.3));
      return bar(index * minute, middle, middle + (index % 5), middle - (index % 3), middle);
    });
    const channel = new DonchianChannel(20);

    for (const [index, item] of bars.entries()) {
      const value = channel.update(item);
      if (index < 19) continue;
      const window = bars.slice(index - 19, index + 1);
      expect(value).toEqual({
        upper: Math.max(...window.map((each) => each.high)),
        lower: Math.min(...window.map((each) => each.low)),
        middle: (Math.max(...window.map((each) => each.high)) + Math.min(...window.map((each) => each.low))) / 2,
      });
    }
  });

  it('draws the same values on the chart as the incremental indicator gives a strategy', () => {
    const bars = closesToBars(
      regularOpen,
      Array.from({ length: 60 }, (_, index) => 2000 + Math.round(10 * Math.sin(index / 4))),
    );
    const average = new ExponentialMovingAverage(9);

    const incremental = bars.map((item) => average.update(item));
    const drawn = computeIndicator({ kind: 'ema', length: 9 }, bars);

    expect(drawn.key).toBe('ema(9)');
    expect(drawn.lines[0]?.points.map((point) => point.value)).toEqual(incremental);
  });
});
