import { describe, expect, it } from 'vitest';
import { evaluationAccount } from '../../testing/fake-broker';
import { aPosition, aQuote, aStop, startRiskHarness } from '../testing/risk-harness';

describe('scenario 6: a repeating breach', () => {
  it('sends one flatten request for a breach that repeats on 50 quotes in a row', async () => {
    const { broker, scheduler, store, risk, stop } = await startRiskHarness();
    broker.order(aStop());
    broker.position(aPosition({ size: 1, averageTicks: 20_000 }));

    for (let quote = 0; quote < 50; quote++) broker.emit({ kind: 'quote', quote: aQuote(19_970 - (quote % 3)) });
    await scheduler.advance(2000);

    expect(broker.calls.filter((call) => call.call === 'close')).toHaveLength(1);
    expect(store.rows('risk.breach')).toHaveLength(1);
    expect(risk.state(evaluationAccount.id)?.breaches[0]).toMatchObject({ ruleId: '004', repeats: 49 });
    await stop();
  });
});
