import { describe, expect, it } from 'vitest';
import { fail } from '../../../../src-shared/result';
import { esContract, evaluationAccount } from '../../testing/fake-broker';
import { aPosition, aQuote, aStop, startRiskHarness } from '../testing/risk-harness';
import { nqContract } from '../testing/test-contracts';
import { classifyFailure } from './failure-policy';

const account = evaluationAccount.id;
const trigger = { kind: 'quote', at: 0 };

describe('enforcement', () => {
  it('joins a repeated action in flight instead of sending it again, and a flatten-all covers a flatten', async () => {
    const { broker, risk, scheduler, stop } = await startRiskHarness();
    broker.position(aPosition({ contractId: nqContract.id, averageTicks: 80_000 }));
    await scheduler.settle();

    const first = risk.enforcement.submit({ accountId: account, action: { kind: 'flatten-all' }, ruleId: '003', reason: 'r', trigger });
    const repeat = risk.enforcement.submit({ accountId: account, action: { kind: 'flatten-all' }, ruleId: '003', reason: 'r', trigger });
    const covered = risk.enforcement.submit({
      accountId: account,
      action: { kind: 'flatten', contractId: nqContract.id, unlessProtected: false },
      ruleId: '004',
      reason: 'r',
      trigger,
    });
    await scheduler.advance(1000);

    expect(repeat).toBe(first);
    expect(covered).toBe(first);
    expect(await first).toBe('verified');
    expect(broker.calls.filter((call) => call.call === 'close')).toHaveLength(1);
    await stop();
  });

  it('does nothing when the broker is already at the target', async () => {
    const { broker, risk, stop } = await startRiskHarness();

    expect(await risk.enforcement.submit({ accountId: account, action: { kind: 'flatten-all' }, ruleId: '003', reason: 'r', trigger })).toBe('already-done');
    expect(broker.calls).toEqual([]);
    await stop();
  });

  it('verifies over REST when the position event does not come', async () => {
    const { broker, risk, scheduler, store, stop } = await startRiskHarness();
    broker.position(aPosition({ contractId: nqContract.id, averageTicks: 80_000 }));
    await scheduler.settle();
    broker.confirms = false;

    const outcome = risk.enforcement.submit({
      accountId: account,
      action: { kind: 'flatten', contractId: nqContract.id, unlessProtected: false },
      ruleId: '004',
      reason: 'r',
      trigger,
    });
    await scheduler.advance(2000);

    expect(await outcome).toBe('verified');
    expect(broker.calls.filter((call) => call.call === 'close')).toHaveLength(1);
    expect(store.rows('risk.enforce.verified')).toHaveLength(1);
    await stop();
  });

  it('retries at once after a 401 (the adapter logs in again) and uses the priority lane', async () => {
    const { broker, risk, scheduler, store, stop } = await startRiskHarness();
    broker.position(aPosition({ contractId: nqContract.id, averageTicks: 80_000 }));
    await scheduler.settle();
    broker.closeAnswers.push(fail('unauthorized', 'Position/closeContract: the broker refused the token (401)'));

    const outcome = risk.enforcement.submit({
      accountId: account,
      action: { kind: 'flatten', contractId: nqContract.id, unlessProtected: false },
      ruleId: '004',
      reason: 'r',
      trigger,
    });
    await scheduler.advance(100);

    expect(await outcome).toBe('verified');
    expect(store.rows('risk.enforce')).toHaveLength(2);
    expect(broker.calls.every((call) => call.lane === 'priority')).toBe(true);
    await stop();
  });

  it('raises the alarm after the last attempt and tries again on an event after a short pause', async () => {
    const { broker, risk, scheduler, store, heard, stop } = await startRiskHarness();
    broker.order(aStop());
    broker.position(aPosition());
    await scheduler.settle();
    for (let attempt = 0; attempt < 5; attempt++) broker.closeAnswers.push(fail('broker-rejected', 'Position/closeContract: rejected'));

    broker.emit({ kind: 'quote', quote: aQuote(19_970) });
    // Five attempts with back-off (0.25 + 0.5 + 1 + 2 s) fail at 3.75 s.
    await scheduler.advance(4000);
    const failedState = risk.state(account);
    broker.emit({ kind: 'quote', quote: aQuote(19_969) });
    await scheduler.advance(1000);
    const closesDuringPause = broker.calls.filter((call) => call.call === 'close').length;
    await scheduler.advance(1000);
    broker.emit({ kind: 'quote', quote: aQuote(19_968) });
    await scheduler.advance(1000);

    expect(store.rows('risk.enforce.failed')).toHaveLength(1);
    expect(failedState?.health).toBe('enforcement-failed');
    expect(heard).toContainEqual(['notifications.added', expect.objectContaining({ level: 'error', title: 'Risk enforcement failed' })]);
    expect(closesDuringPause).toBe(5);
    expect(broker.calls.filter((call) => call.call === 'close')).toHaveLength(6);
    expect(risk.state(account)?.enforcement.failure).toBeNull();
    await stop();
  });

  it('reduces a position to a cap by shrinking its bracket stop first, then closing part of it', async () => {
    const { broker, scheduler, core, stop } = await startRiskHarness();
    const bracket = aStop({ size: 3 });
    broker.order(bracket);
    broker.position(aPosition({ size: 3 }));
    await scheduler.advance(1000);

    expect(broker.calls.map((call) => call.call)).toEqual(['modify', 'close']);
    expect(broker.calls[0]).toMatchObject({ request: { orderId: bracket.id, size: 1 }, lane: 'priority' });
    expect(broker.calls[1]).toMatchObject({ contractId: esContract.id, size: 2, lane: 'priority' });
    expect(core.positions.get(account, esContract.id)?.size).toBe(1);
    await stop();
  });

  it('sorts broker failures for the retry policy', () => {
    expect(classifyFailure({ code: 'timeout', message: 'still rate-limited by the broker after 3 waits' })).toBe('rate-limited');
    expect(classifyFailure({ code: 'broker-rejected', message: 'HTTP 429' })).toBe('rate-limited');
    expect(classifyFailure({ code: 'unauthorized', message: 'x' })).toBe('unauthorized');
    expect(classifyFailure({ code: 'invalid-request', message: 'x' })).toBe('final');
    expect(classifyFailure({ code: 'not-connected', message: 'x' })).toBe('transient');
  });
});
