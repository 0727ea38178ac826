import { describe, expect, it } from 'vitest';
import { esContract } from '../../testing/fake-broker';
import { aPosition, aStop, startRiskHarness } from '../testing/risk-harness';
import { nqContract } from '../testing/test-contracts';

describe('scenario 4: no stop-loss after the grace period', () => {
  it('flattens a position opened without a stop 15 s after it opened', async () => {
    const { broker, scheduler, clock, core, stop } = await startRiskHarness();
    broker.position(aPosition({ openedAt: clock.now() }));

    await scheduler.advance(14_000);
    const before = broker.calls.filter((call) => call.call === 'close').length;
    await scheduler.advance(2000);

    expect(before).toBe(0);
    expect(broker.calls.filter((call) => call.call === 'close')).toEqual([expect.objectContaining({ contractId: esContract.id, lane: 'priority' })]);
    expect(core.positions.all()).toEqual([]);
    await stop();
  });

  it('leaves alone a position whose stop was placed in another app and shows only over REST', async () => {
    const { broker, scheduler, clock, core, store, stop } = await startRiskHarness();
    broker.restOnlyOrders.push(aStop({ contractId: nqContract.id, stopTicks: 79_900 }));
    broker.position(aPosition({ contractId: nqContract.id, averageTicks: 80_000, openedAt: clock.now() }));

    await scheduler.advance(20_000);

    expect(broker.calls.filter((call) => call.call === 'close')).toEqual([]);
    expect(core.positions.all()).toHaveLength(1);
    expect(store.rows('risk.enforce.skipped')).toHaveLength(1);
    await stop();
  });
});
