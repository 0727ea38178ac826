import { describe, expect, it } from 'vitest';
import { fail } from '../../../../src-shared/result';
import { aPosition, aQuote, aStop, startRiskHarness } from '../testing/risk-harness';

describe('scenario 7: enforcement through rate limits', () => {
  it('retries a flatten the broker answers with 429 twice; the position ends flat and the audit shows three attempts', async () => {
    const { broker, scheduler, core, store, stop } = await startRiskHarness();
    broker.order(aStop());
    broker.position(aPosition({ size: 1, averageTicks: 20_000 }));
    const limited = fail<void>('timeout', 'Position/closeContract: still rate-limited by the broker (429)');
    broker.closeAnswers.push(limited, limited);

    broker.emit({ kind: 'quote', quote: aQuote(19_970) });
    await scheduler.advance(10_000);

    const attempts = store.rows('risk.enforce');
    expect(broker.calls.filter((call) => call.call === 'close')).toHaveLength(3);
    expect(core.positions.all()).toEqual([]);
    expect(attempts.map((row) => row.detail.attempt)).toEqual([1, 2, 3]);
    expect(attempts.map((row) => row.detail.result)).toEqual([
      expect.objectContaining({ code: 'timeout' }),
      expect.objectContaining({ code: 'timeout' }),
      'ok',
    ]);
    expect(attempts.every((row) => typeof row.detail.latencyMs === 'number')).toBe(true);
    expect(store.rows('risk.enforce.verified')).toHaveLength(1);
    expect(store.rows('risk.enforce.failed')).toHaveLength(0);
    await stop();
  });
});
