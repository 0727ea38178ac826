import { describe, expect, it } from 'vitest';
import { AverageTrueRange } from '../core/indicators/average-true-range';
import { BollingerBands } from '../core/indicators/bollinger-bands';
import { bar, minute, regularOpen } from '../core/strategy/testing/bar-builders';
import { StrategyTestKit } from '../core/strategy/testing/strategy-test-kit';
import { meanReversion } from './mean-reversion';

const fiveMinutes = 5 * minute;

/** Twenty quiet 5-minute bars around 5000 from the open, then one more bar. */
function quietThen(last: readonly [number, number, number, number]) {
  const quiet = Array.from({ length: 20 }, (_, index) => {
    const close = 5000 + (index % 2 === 0 ? 2 : -2);
    return bar(regularOpen + index * fiveMinutes, 5000, Math.max(5000, close) + 1, Math.min(5000, close) - 1, close);
  });
  return [...quiet, bar(regularOpen + 20 * fiveMinutes, ...last)];
}

describe('mean reversion', () => {
  it('buys a close below the lower band, targeting the mean, stop 1.5 ATR away', () => {
    const kit = new StrategyTestKit(meanReversion, { anchor: 'sma', length: 20, sessionStart: '08:30' }).start();
    const bars = quietThen([4999, 4999, 4985, 4986]);
    const bands = new BollingerBands(20, 2);
    const range = new AverageTrueRange(14);
    for (const item of bars) {
      bands.update(item);
      range.update(item);
    }

    kit.feed(bars);

    const middle = bands.value?.middle ?? 0;
    expect(kit.sent('enter')).toEqual([
      {
        kind: 'enter',
        entry: expect.objectContaining({
          side: 'buy',
          type: 'market',
          takeProfitTicks: Math.floor(middle - 4986),
          stopLossTicks: Math.max(4, Math.round(1.5 * (range.value ?? 0))),
        }),
      },
    ]);
    const price = (ticks: number) => (Math.round(ticks) * 0.25).toFixed(2);
    const lower = middle - 2 * (bands.value?.deviation ?? 0);
    expect(kit.sent('enter')[0]?.entry.reason).toBe(`long: close 1246.50 below the sma band ${price(lower)}, mean ${price(middle)}`);
  });

  it('sells a close above the VWAP band of the regular session', () => {
    const kit = new StrategyTestKit(meanReversion, { anchor: 'vwap', sessionStart: '08:30' }).start();

    kit.feed(quietThen([5001, 5016, 5001, 5015]));

    expect(kit.sent('enter')[0]?.entry).toMatchObject({ side: 'sell' });
  });

  it('stays out while the close is inside the bands and outside the session window', () => {
    const inside = new StrategyTestKit(meanReversion, { anchor: 'sma', sessionStart: '08:30' }).start();
    const early = new StrategyTestKit(meanReversion, { anchor: 'sma', sessionStart: '11:00' }).start();

    inside.feed(quietThen([5000, 5003, 4999, 5001]));
    early.feed(quietThen([4999, 4999, 4985, 4986]));

    expect(inside.sent('enter')).toEqual([]);
    expect(early.sent('enter')).toEqual([]);
  });

  it('waits the cooldown after an entry and closes what is open at the exit time', () => {
    const kit = new StrategyTestKit(meanReversion, { anchor: 'sma', sessionStart: '08:30', cooldownBars: 3 }).start();
    kit.feed(quietThen([4999, 4999, 4985, 4986]));
    kit.touch(4986 - 100);

    kit.feed([bar(regularOpen + 21 * fiveMinutes, 4980, 4981, 4960, 4961)]);
    kit.feed([bar(regularOpen + 77 * fiveMinutes, 4990, 4991, 4989, 4990)]);

    expect(kit.sent('enter')).toHaveLength(1);
    expect(kit.runtime.ledger.position().size).toBe(0);
  });
});
