import { describe, expect, it } from 'vitest';
import { TestClock } from '../../clock';
import { silentLogger } from '../../logger';
import { MemoryStore } from '../../testing/memory-store';
import { wednesdayMorning } from '../testing/test-contracts';
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
    expect(reloaded.view(102).config.dailyRealizedLoss.limit).toBe(800);
    expect(reloaded.settings(101).dailyRealizedLoss.limitCents).toBe(60_000);
    expect(changes).toEqual([101]);
    expect(store.rows('risk.config.set')[0]).toMatchObject({ accountId: 101, actor: 'trader', detail: { changes: [{ field: 'dailyRealizedLoss.limit', from: 800, to: 600 }] } });
  });

  it('applies the presets', () => {
    const { service } = build();

    const applied = service.applyPreset(101, '150k', 'trader');

    expect(applied.ok && applied.value.config.maxLossLimit).toEqual({ enabled: true, startingBalance: 150_000, drawdown: 4500, buffer: 450 });
    expect(applied.ok && applied.value.config.maxContracts.limit).toBe(15);
  });

  it('locks in until the next roll: stricter passes, looser is refused and audited, and the lock ends at the roll', () => {
    const { service, store, clock } = build();
    const locked = service.lockIn(101, 'trader');

    const looser = service.applyPreset(101, '100k', 'trader');
    const stricter = service.set(101, { dailyRealizedLoss: { limit: 700 } }, 'trader');
    const locks = build(store, clock).service.view(101).lockedUntil;
    clock.advance(7 * 3_600_000);
    const afterRoll = service.set(101, { dailyRealizedLoss: { limit: 900 } }, 'trader');

    expect(locked.ok && locked.value.lockedUntil).toBe(Date.parse('2026-11-18T23:00:00Z'));
    expect(looser).toMatchObject({ ok: false, error: { code: 'risk-denied', message: expect.stringContaining('maxContracts.limit') } });
    expect(stricter.ok).toBe(true);
    expect(locks).toBe(Date.parse('2026-11-18T23:00:00Z'));
    expect(afterRoll).toMatchObject({ ok: true, value: { lockedUntil: null } });
    expect(store.rows('risk.config.lock-in')).toHaveLength(1);
    expect(store.rows('risk.config.preset.100k.refused')).toHaveLength(1);
  });

  it('refuses an import that does not validate, naming the field', () => {
    const { service } = build();

    expect(service.import(101, { consistency: { maxBestDayShare: 2 } }, 'trader')).toMatchObject({ ok: false, error: { field: 'consistency.maxBestDayShare' } });
  });
});
