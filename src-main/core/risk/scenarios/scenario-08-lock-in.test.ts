import { describe, expect, it } from 'vitest';
import { evaluationAccount } from '../../testing/fake-broker';
import { aFill, startRiskHarness } from '../testing/risk-harness';

describe('scenario 8: lock-in', () => {
  it('refuses raising the daily loss limit while locked and locked in, and accepts lowering it', async () => {
    const { broker, scheduler, risk, store, stop } = await startRiskHarness();
    risk.config.lockIn(evaluationAccount.id, 'trader');
    broker.fill(aFill({ realizedCents: -90_000 }));
    await scheduler.settle();

    const raise = risk.config.set(evaluationAccount.id, { dailyRealizedLoss: { limit: 1200 } }, 'trader');
    const lower = risk.config.set(evaluationAccount.id, { dailyRealizedLoss: { limit: 500 } }, 'trader');

    expect(risk.state(evaluationAccount.id)?.health).toBe('locked');
    expect(raise).toMatchObject({
      ok: false,
      error: { code: 'risk-denied', field: 'dailyRealizedLoss.limit', message: expect.stringContaining('locked in until 2026-11-18 17:00 CT') },
    });
    expect(lower).toMatchObject({ ok: true, value: { config: { dailyRealizedLoss: { limit: 500 } } } });
    expect(store.rows('risk.config.set.refused')).toHaveLength(1);
    await stop();
  });
});
