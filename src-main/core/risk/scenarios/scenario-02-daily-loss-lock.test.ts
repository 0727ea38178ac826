import { describe, expect, it } from 'vitest';
import { evaluationAccount } from '../../testing/fake-broker';
import { aFill, aPosition, aStop, startRiskHarness } from '../testing/risk-harness';
import { nqContract } from '../testing/test-contracts';

const denial = 'RULE-003 daily realized loss -$850.00 <= -$800.00: trading locked until 2026-11-18 17:00 CT';

describe('scenario 2: daily realized loss lock survives a restart', () => {
  it('flattens, cancels and locks until 17:00 CT after three losing round trips for -$850, and a restart keeps the lock', async () => {
    const harness = await startRiskHarness();
    const { broker, scheduler, orders, clock } = harness;
    broker.position(aPosition({ contractId: nqContract.id, size: 1, averageTicks: 80_000 }));
    const nqStop = aStop({ contractId: nqContract.id, stopTicks: 79_900 });
    broker.order(nqStop);
    const losses = [-30_000, -30_000, -25_000];
    for (const [index, loss] of losses.entries()) {
      clock.advance(5 * 60_000);
      broker.fill(aFill({ side: 'buy', time: clock.now() }));
      clock.advance(60_000);
      broker.fill(aFill({ side: 'sell', realizedCents: loss, time: clock.now(), orderId: 9_000 + index }));
    }
    await scheduler.advance(1000);

    const denied = await orders.place({ symbol: 'ES', side: 'buy', size: 1, type: 'market' }, 'trader');
    expect(denied).toEqual({ ok: false, error: { code: 'risk-denied', message: denial } });
    expect(broker.calls.filter((call) => call.call === 'close')).toEqual([expect.objectContaining({ contractId: nqContract.id, lane: 'priority' })]);
    expect(broker.calls).toContainEqual(expect.objectContaining({ call: 'cancel', orderId: nqStop.id, lane: 'priority' }));
    expect(harness.risk.state(evaluationAccount.id)?.effectiveLock).toMatchObject({ ruleId: '003', kind: 'hard', endsAt: Date.parse('2026-11-18T23:00:00Z') });

    // Kill the terminal and start it again over the same data.
    await harness.stop();
    clock.advance(60_000);
    const restarted = await startRiskHarness({ store: harness.store, clock });
    const afterRestart = await restarted.orders.place({ symbol: 'ES', side: 'buy', size: 1, type: 'market' }, 'trader');

    expect(afterRestart).toEqual({ ok: false, error: { code: 'risk-denied', message: denial } });
    expect(restarted.broker.calls.filter((call) => call.call === 'place')).toEqual([]);
    expect(restarted.risk.state(evaluationAccount.id)?.health).toBe('locked');
    await restarted.stop();
  });
});
