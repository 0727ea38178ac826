import { describe, expect, it } from 'vitest';
import { TestClock } from '../clock';
import { ConnectionMonitor } from '../connection-monitor';
import { createDispatcher } from '../contract-dispatcher';
import { EventHub } from '../event-hub';
import { silentLogger } from '../logger';
import { BarHistory } from '../market/bar-history';
import { startRiskHarness } from '../risk/testing/risk-harness';
import { createTerminalHandlers } from '../terminal-service';
import { evaluationAccount } from '../testing/fake-broker';

const info = { name: 'test', version: '0', host: 'headless' as const, pid: 1, startedAt: 0, dataDir: '/tmp' };

async function build() {
  const harness = await startRiskHarness();
  const { broker, core, orders, risk, store } = harness;
  const dispatcher = createDispatcher(
    createTerminalHandlers({
      clock: harness.clock,
      info,
      connection: new ConnectionMonitor(harness.clock, new EventHub()),
      trading: { broker, core, orders, history: new BarHistory(broker, store), risk },
    }),
    silentLogger,
  );
  return { ...harness, dispatcher };
}

describe('risk handlers', () => {
  it('answers the risk panel of the selected account', async () => {
    const { dispatcher, stop } = await build();

    expect(await dispatcher.dispatch('risk.state', {})).toMatchObject({ ok: true, value: { accountId: evaluationAccount.id, health: 'ok' } });
    expect(await dispatcher.dispatch('risk.state', { accountId: 999 })).toMatchObject({ ok: false, error: { code: 'not-found', field: 'accountId' } });
    await stop();
  });

  it('merges a partial configuration and names the field of an error', async () => {
    const { dispatcher, stop } = await build();

    const set = await dispatcher.dispatch('risk.config.set', { config: { dailyRealizedLoss: { limit: 650 } } });
    const invalid = await dispatcher.dispatch('risk.config.set', { config: { dailyRealizedLoss: { limit: -1 } } });
    const got = await dispatcher.dispatch('risk.config.get', {});

    expect(set).toMatchObject({ ok: true, value: { config: { dailyRealizedLoss: { limit: 650 } }, lockedUntil: null } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'dailyRealizedLoss.limit' } });
    expect(got).toMatchObject({ ok: true, value: { config: { dailyRealizedLoss: { limit: 650 } } } });
    await stop();
  });

  it('exports and imports, applies presets, locks in, and pages the audit', async () => {
    const { dispatcher, stop } = await build();

    const exported = await dispatcher.dispatch('risk.config.export', {});
    const preset = await dispatcher.dispatch('risk.presets.apply', { preset: '100k' });
    const lockedIn = await dispatcher.dispatch('risk.lockIn', {});
    const loosen = exported.ok
      ? await dispatcher.dispatch('risk.config.import', { config: (exported.value as { config: Record<string, unknown> }).config })
      : exported;
    const audit = await dispatcher.dispatch('risk.audit', { limit: 2 });
    const unknownPreset = await dispatcher.dispatch('risk.presets.apply', { preset: '25k' });

    expect(exported).toMatchObject({ ok: true, value: { accountId: evaluationAccount.id, config: { maxContracts: { limit: 5 } } } });
    expect(preset).toMatchObject({ ok: true, value: { config: { maxContracts: { limit: 10 } } } });
    expect(lockedIn).toMatchObject({ ok: true, value: { lockedUntil: Date.parse('2026-11-18T23:00:00Z') } });
    expect(loosen).toMatchObject({ ok: false, error: { code: 'risk-denied' } });
    expect(audit).toMatchObject({
      ok: true,
      value: { entries: [{ action: 'risk.config.import.refused' }, { action: 'risk.config.lock-in' }], nextBefore: expect.any(Number) },
    });
    expect(unknownPreset).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'preset' } });
    await stop();
  });

  it("locks the selected account for the rest of the day at the trader's request, audited with the actor trader", async () => {
    const { dispatcher, store, stop } = await build();

    const locked = await dispatcher.dispatch('risk.lockForDay', {});
    const unknown = await dispatcher.dispatch('risk.lockForDay', { accountId: 999 });
    const denied = await dispatcher.dispatch('orders.place', { symbol: 'ES', side: 'buy', size: 1, type: 'market' });

    expect(locked).toMatchObject({
      ok: true,
      value: {
        accountId: evaluationAccount.id,
        health: 'locked',
        effectiveLock: { ruleId: 'trader', kind: 'hard', endsAt: Date.parse('2026-11-18T23:00:00Z') },
      },
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found', field: 'accountId' } });
    expect(denied).toMatchObject({ ok: false, error: { code: 'risk-denied', message: expect.stringContaining('trading locked until 2026-11-18 17:00 CT') } });
    expect(store.rows('risk.lock.added')).toEqual([expect.objectContaining({ actor: 'trader' })]);
    await stop();
  });

  it('answers not-connected on the risk channels when no risk manager is wired', async () => {
    const harness = await startRiskHarness();
    const { broker, core, orders, store } = harness;
    const dispatcher = createDispatcher(
      createTerminalHandlers({
        clock: new TestClock(0),
        info,
        connection: new ConnectionMonitor(harness.clock, new EventHub()),
        trading: { broker, core, orders, history: new BarHistory(broker, store) },
      }),
      silentLogger,
    );

    expect(await dispatcher.dispatch('risk.state', {})).toMatchObject({ ok: false, error: { code: 'not-connected' } });
    await harness.stop();
  });
});
