import { describe, expect, it } from 'vitest';
import { esContract } from '../../testing/fake-broker';
import { aPosition, aQuote, aStop, startRiskHarness } from '../testing/risk-harness';

describe('scenario 1: daily unrealized loss per position', () => {
  it('flattens long 2 ES from 5000.00 when it falls 12 ticks to 4997.00 ($300), cancelling the leftover bracket stop', async () => {
    // The default caps ES at 1 lot (rule 002); this trader allows 2.
    const harness = await startRiskHarness({ config: { maxContractsPerInstrument: { limits: { ES: 2 } } } });
    const { broker, scheduler, core } = harness;
    const stop = aStop({ size: 2, stopTicks: 19_960 });
    broker.order(stop);
    broker.position(aPosition({ size: 2, averageTicks: 20_000 }));
    broker.emit({ kind: 'quote', quote: aQuote(19_990) });
    const callsBefore = broker.calls.length;

    broker.emit({ kind: 'quote', quote: aQuote(19_988) });
    await scheduler.advance(1000);

    expect(callsBefore).toBe(0);
    expect(broker.calls.map((call) => `${call.call}:${call.lane}`)).toEqual(['cancel:priority', 'close:priority']);
    expect(broker.calls).toContainEqual(expect.objectContaining({ call: 'cancel', orderId: stop.id }));
    expect(core.positions.get(stop.accountId, esContract.id)).toBeUndefined();
    expect(core.orders.get(stop.id)?.status).toBe('cancelled');
    expect(harness.store.rows('risk.enforce.verified')).toHaveLength(1);
    expect(harness.store.rows('risk.breach')[0]?.detail).toMatchObject({ message: 'RULE-004 unrealized loss on ES -$300.00 <= -$300.00' });
    await harness.stop();
  });
});
