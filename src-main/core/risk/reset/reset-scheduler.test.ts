import { describe, expect, it } from 'vitest';
import { evaluationAccount } from '../../testing/fake-broker';
import { aFill, startRiskHarness } from '../testing/risk-harness';

const account = evaluationAccount.id;

describe('the day roll', () => {
  it('resets the day at 17:00 Chicago across the end of daylight saving time (23:00Z, not 22:00Z)', async () => {
    const start = Date.parse('2026-11-01T20:00:00Z');
    const { broker, scheduler, risk, store, clock, stop } = await startRiskHarness({ start });
    broker.fill(aFill({ realizedCents: -5000, time: start }));
    await scheduler.settle();

    await scheduler.advance(Date.parse('2026-11-01T22:30:00Z') - clock.now());
    const beforeRoll = risk.state(account);
    await scheduler.advance(Date.parse('2026-11-01T23:00:00Z') - clock.now());
    const afterRoll = risk.state(account);

    expect(beforeRoll).toMatchObject({ tradingDay: '2026-11-01', dayRealizedCents: -5000, nextRollAt: Date.parse('2026-11-01T23:00:00Z') });
    expect(afterRoll).toMatchObject({ tradingDay: '2026-11-02', dayRealizedCents: 0, nextRollAt: Date.parse('2026-11-02T23:00:00Z') });
    expect(store.rows('risk.reset').at(-1)?.detail).toEqual({ from: '2026-11-01', to: '2026-11-02' });
    await stop();
  });

  it('rolls in summer at 22:00Z', async () => {
    const { scheduler, risk, clock, stop } = await startRiskHarness({ start: Date.parse('2026-07-15T20:00:00Z') });

    await scheduler.advance(Date.parse('2026-07-15T22:00:00Z') - clock.now());

    expect(risk.state(account)?.tradingDay).toBe('2026-07-16');
    await stop();
  });

  it('resets at start-up when the roll passed while the terminal was closed, keeping the finished day', async () => {
    const first = await startRiskHarness();
    first.broker.fill(aFill({ realizedCents: -50_000 }));
    await first.scheduler.settle();
    await first.stop();

    first.clock.advance(24 * 3_600_000);
    const second = await startRiskHarness({ store: first.store, clock: first.clock });

    expect(second.risk.state(account)).toMatchObject({ tradingDay: '2026-11-19', dayRealizedCents: 0, effectiveLock: null });
    expect(second.store.rows('risk.reset').at(-1)?.detail).toEqual({ from: '2026-11-18', to: '2026-11-19' });
    expect(second.store.setting(`risk.account.${account}`)).toMatchObject({ day: '2026-11-19', days: { '2026-11-18': -50_000 } });
    await second.stop();
  });
});
