import { describe, expect, it } from 'vitest';
import { esContract, evaluationAccount } from '../../testing/fake-broker';
import { aPosition, aStop, startRiskHarness } from '../testing/risk-harness';

const account = evaluationAccount.id;
const roll = Date.parse('2026-11-18T23:00:00Z');
const denial = 'TRADER-LOCK trading locked by the trader for the rest of the day: trading locked until 2026-11-18 17:00 CT';

describe("the trader's lock for the rest of the day", () => {
  it('locks the account until the next day roll, denies new exposure with its reason and still lets a position be closed', async () => {
    const { broker, scheduler, risk, orders, store, stop } = await startRiskHarness();
    broker.order(aStop());
    broker.position(aPosition());
    await scheduler.settle();

    const view = risk.lockForDay(account);
    const opening = await orders.place({ symbol: 'ES', side: 'buy', size: 1, type: 'market' }, 'trader');
    const closing = await orders.place({ symbol: 'ES', side: 'sell', size: 1, type: 'market' }, 'trader');

    expect(view).toMatchObject({ health: 'locked', effectiveLock: { ruleId: 'trader', kind: 'hard', endsAt: roll, denial } });
    expect(opening).toEqual({ ok: false, error: { code: 'risk-denied', message: denial } });
    expect(closing.ok).toBe(true);
    expect(store.rows('risk.lock.added')).toEqual([expect.objectContaining({ actor: 'trader', accountId: account })]);
    await stop();
  });

  it('changes nothing when asked again, survives a restart and ends at the day roll', async () => {
    const first = await startRiskHarness();
    const started = first.risk.lockForDay(account)?.effectiveLock?.startedAt;
    first.clock.advance(60_000);
    first.risk.lockForDay(account);
    await first.stop();

    const second = await startRiskHarness({ store: first.store, clock: first.clock });
    const afterRestart = second.risk.state(account)?.effectiveLock;
    await second.scheduler.advance(roll + 1000 - second.clock.now());
    const afterRoll = await second.orders.place({ symbol: 'ES', side: 'buy', size: 1, type: 'market' }, 'trader');

    expect(first.store.rows('risk.lock.added')).toHaveLength(1);
    expect(afterRestart).toMatchObject({ ruleId: 'trader', startedAt: started, endsAt: roll });
    expect(second.risk.state(account)?.locks).toEqual([]);
    expect(afterRoll.ok).toBe(true);
    await second.stop();
  });

  it('flattens a position opened in another app while the lock holds', async () => {
    const { broker, scheduler, risk, stop } = await startRiskHarness();
    risk.lockForDay(account);

    broker.order(aStop());
    broker.position(aPosition({ contractId: esContract.id }));
    await scheduler.advance(1000);

    expect(broker.calls.filter((call) => call.call === 'close')).toEqual([expect.objectContaining({ contractId: esContract.id, lane: 'priority' })]);
    expect(risk.state(account)?.breaches[0]).toMatchObject({
      ruleId: 'trader',
      message: expect.stringMatching(/^TRADER-LOCK new exposure in ES while locked/),
    });
    await stop();
  });

  it('answers nothing for an account the broker never reported', async () => {
    const { risk, stop } = await startRiskHarness();

    expect(risk.lockForDay(999)).toBeUndefined();
    expect(risk.locks.of(999)).toEqual([]);
    await stop();
  });
});
