import { describe, expect, it } from 'vitest';
import { defaultRiskConfig, referenceRiskConfig, riskConfigSchema } from '../../../../src-shared/domain/risk-config';
import { importConfig, mergeConfig } from './config-merge';
import { toRiskSettings } from './risk-settings';

describe('risk configuration merge and validation', () => {
  it('has the reference figures of docs/risk-rules.md §7 and gentle defaults, and both validate', () => {
    expect(riskConfigSchema.safeParse(referenceRiskConfig).success).toBe(true);
    expect(riskConfigSchema.safeParse(defaultRiskConfig).success).toBe(true);
    expect(referenceRiskConfig.dailyRealizedLoss).toEqual({ enabled: true, limit: 800 });
    expect(defaultRiskConfig.dailyRealizedLoss).toEqual({ enabled: true, limit: 1000 });
    expect(defaultRiskConfig.tradeFrequency.enabled).toBe(false);
    expect(defaultRiskConfig.cooldownAfterLoss.enabled).toBe(false);
    expect(defaultRiskConfig.symbolBlocks.symbols).toEqual([]);
  });

  it('merges a partial object over the current configuration', () => {
    const merged = mergeConfig(referenceRiskConfig, { dailyRealizedLoss: { limit: 600 }, maxContractsPerInstrument: { limits: { CL: 1, MNQ: null } } });

    expect(merged.ok && merged.value.dailyRealizedLoss).toEqual({ enabled: true, limit: 600 });
    expect(merged.ok && merged.value.maxContractsPerInstrument.limits).toEqual({ ES: 1, NQ: 1, CL: 1 });
    expect(merged.ok && merged.value.maxContracts).toEqual(referenceRiskConfig.maxContracts);
  });

  it('names the field of the first error', () => {
    expect(mergeConfig(referenceRiskConfig, { maxContracts: { limit: 2.5 } })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'risk config maxContracts.limit: must be a whole number', field: 'maxContracts.limit' },
    });
    expect(mergeConfig(referenceRiskConfig, { dailyRealizedLoss: { limit: 10.005 } })).toMatchObject({
      error: { field: 'dailyRealizedLoss.limit', message: expect.stringContaining('two decimals') },
    });
    expect(mergeConfig(referenceRiskConfig, { session: { close: '25:00' } })).toMatchObject({ error: { field: 'session.close' } });
    expect(mergeConfig(referenceRiskConfig, { dayRoll: { timezone: 'Mars/Olympus' } })).toMatchObject({
      error: { field: 'dayRoll.timezone', message: expect.stringContaining('time zone') },
    });
    expect(mergeConfig(referenceRiskConfig, { maxContracts: { limt: 4 } })).toMatchObject({
      error: { field: 'maxContracts.limt', message: 'risk config maxContracts.limt: is not a setting' },
    });
    expect(mergeConfig(referenceRiskConfig, { maxContractsPerInstrument: { limits: { es: 1 } } })).toMatchObject({
      error: { field: 'maxContractsPerInstrument.limits.es' },
    });
    expect(mergeConfig(referenceRiskConfig, [1])).toMatchObject({ error: { field: 'config' } });
  });

  it('imports a document over the defaults, so older exports load', () => {
    const imported = importConfig({ dailyRealizedLoss: { enabled: true, limit: 700 } });

    expect(imported.ok && imported.value.dailyRealizedLoss.limit).toBe(700);
    expect(imported.ok && imported.value.session).toEqual(defaultRiskConfig.session);
  });

  it('converts dollars to integer cents and times to minutes for the rules', () => {
    const settings = toRiskSettings({ ...referenceRiskConfig, dailyRealizedLoss: { enabled: true, limit: 812.35 } });

    expect(settings.dailyRealizedLoss.limitCents).toBe(81_235);
    expect(settings.maxLossLimit).toEqual({
      enabled: true,
      startingBalanceCents: 5_000_000,
      drawdownCents: 200_000,
      bufferCents: 20_000,
      source: 'personal',
      trailing: 'eod',
    });
    expect(settings.session).toMatchObject({ openMinutes: 1020, closeMinutes: 910, flattenMarginMs: 120_000 });
    expect(settings.dayRoll).toEqual({ hour: 17, minute: 0, timeZone: 'America/Chicago' });
    expect(settings.cooldownAfterLoss.tiers[0]).toEqual({ lossCents: 10_000, seconds: 300 });
  });
});
