import { describe, expect, it } from 'vitest';
import { TestClock } from '../../clock';
import { silentLogger } from '../../logger';
import { MemoryStore } from '../../testing/memory-store';
import { wednesdayMorning } from '../testing/test-contracts';
import { defaultRiskConfigFor } from '../../../../src-shared/domain/risk-config';
import { RiskConfigService } from './risk-config-service';

function build(store = new MemoryStore(), clock = new TestClock(wednesdayMorning)) {
  const changes: number[] = [];
  const service = new RiskConfigService({ store, clock, logger: silentLogger, changed: (accountId) => changes.push(accountId) });
  return { service, store, clock, changes };
}

describe('the risk configuration service', () => {
  it('keeps one configuration per account in the store and audits every change with its fields', () => {
    const { service, store, changes } = build();

    service.set(101, { dailyRealizedLoss: { limit: 600 } }, 'trader');
    const reloaded = build(store).service;

    expect(reloaded.view(101).config.dailyRealizedLoss.limit).toBe(600);
    expect(reloaded.view(102).config.dailyRealizedLoss.limit).toBe(1000);
    expect(reloaded.settings(101).dailyRealizedLoss.limitCents).toBe(60_000);
    expect(changes).toEqual([101]);
    expect(store.rows('risk.config.set')[0]).toMatchObject({
      accountId: 101,
      actor: 'trader',
      detail: { changes: [{ field: 'dailyRealizedLoss.limit', from: 1000, to: 600 }] },
    });
  });

  it('starts a fresh account with personal rules that never lock out ordinary trading', () => {
    const { config } = build().service.view(101);
    const on = Object.entries(config).flatMap(([key, value]) => (typeof value === 'object' && (value as { enabled?: boolean }).enabled === true ? [key] : []));

    expect(on).toEqual(['dailyRealizedLoss', 'session', 'tradingDisabledGuard', 'symbolBlocks', 'floorCheck']);
  });

  it("takes a fresh account's defaults from the program (the legacy daily loss limit)", () => {
    const service = new RiskConfigService({
      store: new MemoryStore(),
      clock: new TestClock(wednesdayMorning),
      logger: silentLogger,
      defaultsFor: () => defaultRiskConfigFor(3000),
      changed: () => undefined,
    });

    expect(service.view(102).config.dailyRealizedLoss).toEqual({ enabled: true, limit: 3000 });
  });

  it('applies the presets: one click to the discipline rules, and back to the defaults', () => {
    const { service } = build();

    const discipline = service.applyPreset(101, 'discipline', 'trader');
    const older = service.applyPreset(101, '150k', 'trader');
    const back = service.applyPreset(101, 'defaults', 'trader');

    expect(discipline.ok && discipline.value.config).toMatchObject({
      dailyRealizedLoss: { enabled: true, limit: 800 },
      dailyUnrealizedLoss: { enabled: true, limit: 300, scope: 'position' },
      tradeFrequency: { enabled: true, perMinute: 3, perHour: 10, perSession: 50 },
      cooldownAfterLoss: { enabled: true, tiers: [{ loss: 100 }, { loss: 200 }, { loss: 300 }] },
      noStopLossGrace: { enabled: true, seconds: 15 },
      maxContractsPerInstrument: { enabled: true, limits: { ES: 1, NQ: 1, MNQ: 2 } },
    });
    expect(older.ok && older.value.config.maxLossLimit).toEqual({ enabled: false, startingBalance: 150_000, drawdown: 4500, buffer: 450 });
    expect(back.ok && back.value.config.tradeFrequency.enabled).toBe(false);
    expect(back.ok && back.value.config.dailyRealizedLoss).toEqual({ enabled: true, limit: 2400 });
  });

  it('locks in until the next roll: stricter passes, looser is refused and audited, and the lock ends at the roll', () => {
    const { service, store, clock } = build();
    service.applyPreset(101, 'discipline', 'trader');
    const locked = service.lockIn(101, 'trader');

    const looser = service.applyPreset(101, 'defaults', 'trader');
    const stricter = service.set(101, { dailyRealizedLoss: { limit: 700 } }, 'trader');
    const locks = build(store, clock).service.view(101).lockedUntil;
    clock.advance(7 * 3_600_000);
    const afterRoll = service.set(101, { dailyRealizedLoss: { limit: 900 } }, 'trader');

    expect(locked.ok && locked.value.lockedUntil).toBe(Date.parse('2026-11-18T23:00:00Z'));
    expect(looser).toMatchObject({ ok: false, error: { code: 'risk-denied', message: expect.stringContaining('tradeFrequency.enabled') } });
    expect(stricter.ok).toBe(true);
    expect(locks).toBe(Date.parse('2026-11-18T23:00:00Z'));
    expect(afterRoll).toMatchObject({ ok: true, value: { lockedUntil: null } });
    expect(store.rows('risk.config.lock-in')).toHaveLength(1);
    expect(store.rows('risk.config.preset.defaults.refused')).toHaveLength(1);
  });

  it('refuses an import that does not validate, naming the field', () => {
    const { service } = build();

    expect(service.import(101, { consistency: { maxBestDayShare: 2 } }, 'trader')).toMatchObject({
      ok: false,
      error: { field: 'consistency.maxBestDayShare' },
    });
  });
});
