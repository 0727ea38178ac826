import { describe, expect, it } from 'vitest';
import { AverageTrueRange } from '../core/indicators/average-true-range';
import { closesToBars, minute, regularOpen } from '../core/strategy/testing/bar-builders';
import { StrategyTestKit } from '../core/strategy/testing/strategy-test-kit';
import { trendFollowing } from './trend-following';

const fiveMinutes = 5 * minute;
const fast = { fastLength: 3, slowLength: 5, atrLength: 3 };

/** 5-minute bars from the open closing at each price (each bar spans its open to its close ± 1 tick). */
function bars(closes: readonly number[]) {
  return closesToBars(regularOpen, closes).map((item, index) => ({ ...item, time: regularOpen + index * fiveMinutes }));
}

describe('trend following', () => {
  it('buys when the fast EMA crosses above the slow one, with an ATR stop and target', () => {
    const kit = new StrategyTestKit(trendFollowing, fast).start();

    kit.feed(bars([5020, 5016, 5012, 5008, 5004, 5000, 4998, 5006, 5014, 5022]));

    const range = new AverageTrueRange(3);
    const seen =
      bars([5020, 5016, 5012, 5008, 5004, 5000, 4998, 5006, 5014])
        .map((item) => range.update(item))
        .at(-1) ?? 0;
    expect(kit.sent('enter')).toEqual([
      {
        kind: 'enter',
        entry: expect.objectContaining({ side: 'buy', type: 'market', stopLossTicks: Math.round(2 * seen), takeProfitTicks: Math.round(6 * seen) }),
      },
    ]);
  });

  it('trails the stop-loss leg behind the close as the trend runs, never loosening it', () => {
    const kit = new StrategyTestKit(trendFollowing, { ...fast, takeProfitAtr: 0 }).start();
    kit.feed(bars([5020, 5016, 5012, 5008, 5004, 5000, 4998, 5006, 5014, 5022]));
    const entries = kit.sent('enter').length;

    kit.feed(bars([5020, 5016, 5012, 5008, 5004, 5000, 4998, 5006, 5014, 5022, 5030, 5038, 5046, 5044]).slice(10));

    const stops = kit.sent('modify').map((command) => command.stopTicks ?? 0);
    expect(entries).toBe(1);
    expect(stops.length).toBeGreaterThan(1);
    expect([...stops].sort((a, b) => a - b)).toEqual(stops);
    expect(kit.runtime.working.size).toBe(1);
    expect(kit.sent('modify')[0]?.reason).toMatch(/^trail the stop to \d+\.\d{2} \(3 ATR behind 1257\.50\)$/);
  });

  it('exits when the trend turns and reverses on the next bar', () => {
    const kit = new StrategyTestKit(trendFollowing, { ...fast, stopAtr: 20, trailAtr: 20, takeProfitAtr: 0 }).start();
    kit.feed(bars([5020, 5016, 5012, 5008, 5004, 5000, 4998, 5006, 5014, 5022]));

    kit.feed(bars([5020, 5016, 5012, 5008, 5004, 5000, 4998, 5006, 5014, 5022, 5010, 4990, 4970, 4960]).slice(10));

    expect(kit.sent('close')).toEqual([{ kind: 'close', side: 'sell', size: 1, reason: 'exit long: the trend turned' }]);
    expect(kit.sent('enter').map((command) => command.entry.side)).toEqual(['buy', 'sell']);
  });

  it('breaks out of a Donchian channel in donchian mode, and skips shorts when they are off', () => {
    const kit = new StrategyTestKit(trendFollowing, { mode: 'donchian', channelLength: 5, atrLength: 3, allowShort: false }).start();

    kit.feed(bars([5000, 5002, 4999, 5001, 5000, 4998, 4990, 4980]));
    const afterDown = kit.sent('enter').length;
    kit.feed(bars([5000, 5002, 4999, 5001, 5000, 4998, 4990, 4980, 4990, 5000, 5010]).slice(8));

    expect(afterDown).toBe(0);
    expect(kit.sent('enter')[0]?.entry).toMatchObject({ side: 'buy', reason: 'long: close 1252.50 broke the 5-bar channel' });
  });
});
