import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../core/logger';
import type { BrokerEvent, BrokerSnapshot } from '../../../core/ports/broker-port';
import { fail, ok, type Result } from '../../../../src-shared/result';
import { TimerScope } from '../support/timer-scope';
import { TestClock } from '../../../core/clock';
import { ManualScheduler, flushPromises } from '../../../core/testing/manual-scheduler';
import { Reconciler } from './reconciler';

function setUp(answers: Result<BrokerSnapshot>[]) {
  const time = new ManualScheduler(new TestClock(Date.parse('2026-11-18T16:00:00Z')));
  const reads: { accountId: number; since: number }[] = [];
  const gates: (() => void)[] = [];
  const reader = {
    read: async (accountId: number, since: number): Promise<Result<BrokerSnapshot>> => {
      reads.push({ accountId, since });
      await new Promise<void>((resolve) => gates.push(resolve));
      return answers.shift() ?? ok({ accountId, orders: [], positions: [], fills: [], at: time.now() });
    },
  };
  const events: BrokerEvent[] = [];
  const reconciler = new Reconciler(reader, (event) => events.push(event), time, new TimerScope(time), silentLogger, { initial: 1000, max: 8000 });
  const release = async () => {
    await flushPromises();
    for (const gate of gates.splice(0)) gate();
    await flushPromises();
  };
  return { time, reads, events, reconciler, release };
}

describe('reconciler', () => {
  it('reads fills from the start of the trading day, then from the last fill seen', async () => {
    const { reads, reconciler, release } = setUp([]);
    reconciler.watch(7);
    reconciler.sawFill({
      id: 1,
      accountId: 8,
      contractId: 'C',
      orderId: 2,
      side: 'buy',
      size: 1,
      priceTicks: 1,
      realizedCents: null,
      feesCents: 0,
      voided: false,
      time: 123,
    });
    reconciler.watch(8);

    const done = reconciler.all();
    await release();
    await done;

    expect(reads).toEqual([
      { accountId: 7, since: Date.parse('2026-11-17T23:00:00Z') },
      { accountId: 8, since: 123 },
    ]);
  });

  it('coalesces requests that arrive while an account is being read into one more read', async () => {
    const { reads, events, reconciler, release } = setUp([]);
    reconciler.watch(7);

    const first = reconciler.account(7);
    void reconciler.account(7);
    void reconciler.account(7);
    await release();
    await release();
    await first;

    expect(reads).toHaveLength(2);
    expect(events.filter((event) => event.kind === 'reconciled')).toHaveLength(2);
  });

  it('tries a failed read again with backoff until one succeeds', async () => {
    const { time, reads, events, reconciler, release } = setUp([fail('timeout', 'slow'), fail('timeout', 'slow')]);
    reconciler.watch(7);

    void reconciler.account(7);
    await release();
    await time.advance(1000);
    await release();
    await time.advance(1999);
    const beforeSecondRetry = reads.length;
    await time.advance(1);
    await release();

    expect(beforeSecondRetry).toBe(2);
    expect(reads).toHaveLength(3);
    expect(events.map((event) => event.kind)).toEqual(['reconciled']);
  });
});
