import { describe, expect, it } from 'vitest';
import { bar, minute, regularOpen } from '../core/strategy/testing/bar-builders';
import { StrategyTestKit } from '../core/strategy/testing/strategy-test-kit';
import { overnightRangeBreakout } from './overnight-range-breakout';

/** Tuesday 17:00 CT: the Globex open of Wednesday's trading day. */
const globexOpen = Date.parse('2026-11-17T23:00:00Z');

/** An overnight session whose range is 4985–5020, then the regular open at 08:30 CT. */
function overnight() {
  return [
    bar(globexOpen, 5000, 5010, 4990, 5005),
    bar(globexOpen + 9 * 60 * minute, 5005, 5020, 4985, 5000),
    bar(regularOpen - minute, 5000, 5004, 4996, 5001),
  ];
}

describe('overnight range breakout', () => {
  it('buys the first close above the overnight range after the open, stop beyond the low, target twice the risk', () => {
    const kit = new StrategyTestKit(overnightRangeBreakout).start();

    kit.feed([...overnight(), bar(regularOpen, 5001, 5016, 5000, 5015), bar(regularOpen + minute, 5015, 5026, 5014, 5025)]);

    expect(kit.sent('enter')).toEqual([
      {
        kind: 'enter',
        entry: expect.objectContaining({ side: 'buy', size: 1, type: 'market', stopLossTicks: 5025 - 4983, takeProfitTicks: 2 * (5025 - 4983) }),
      },
    ]);
    expect(kit.runtime.ledger.position()).toEqual({ size: 1, averageTicks: 5025 });
    expect(kit.logs.find((entry) => entry.level === 'decision')?.message).toBe('long breakout: close 1256.25 beyond the overnight range 1246.25–1255.00');
  });

  it('takes one trade a day: after the target fills, a second breakout is ignored', () => {
    const kit = new StrategyTestKit(overnightRangeBreakout).start();
    kit.feed([...overnight(), bar(regularOpen, 5001, 5026, 5000, 5025)]);

    kit.touch(5025 + 84 + 1);
    kit.feed([bar(regularOpen + 5 * minute, 5000, 5000, 4970, 4975)]);

    expect(kit.runtime.ledger.position().size).toBe(0);
    expect(kit.runtime.ledger.dayView('2026-11-18', null)).toMatchObject({ trades: 1, wins: 1 });
    expect(kit.sent('enter')).toHaveLength(1);
  });

  it('sells a break below the range and closes the position at the exit time', () => {
    const kit = new StrategyTestKit(overnightRangeBreakout).start();
    kit.feed([...overnight(), bar(regularOpen + 10 * minute, 4990, 4991, 4979, 4980)]);

    kit.feed([bar(regularOpen + 389 * minute, 4975, 4978, 4974, 4976)]);

    expect(kit.sent('enter')[0]?.entry).toMatchObject({ side: 'sell', stopLossTicks: 5022 - 4980, takeProfitTicks: 84 });
    expect(kit.sent('close')).toEqual([{ kind: 'close', side: 'buy', size: 1, reason: 'time exit at 15:00' }]);
  });

  it('skips a day whose overnight range is narrower than the minimum', () => {
    const kit = new StrategyTestKit(overnightRangeBreakout, { minRangeTicks: 50 }).start();

    kit.feed([...overnight(), bar(regularOpen, 5001, 5026, 5000, 5025)]);

    expect(kit.sent('enter')).toEqual([]);
    expect(kit.logs.map((entry) => entry.message)).toContain('skipped the day: the overnight range of 35 ticks is narrower than 50');
  });

  it('keeps the overnight range in its state, so a restart after the open still trades the breakout', () => {
    const first = new StrategyTestKit(overnightRangeBreakout).start();
    first.feed(overnight());

    const restarted = new StrategyTestKit(overnightRangeBreakout, {}, first.state).start();
    restarted.feed([bar(regularOpen + 30 * minute, 5010, 5030, 5010, 5028)]);

    expect(first.state).toEqual({ day: '2026-11-18', high: 5020, low: 4985, trades: 0 });
    expect(restarted.sent('enter')[0]?.entry).toMatchObject({ side: 'buy', stopLossTicks: 5028 - 4983 });
  });
});
