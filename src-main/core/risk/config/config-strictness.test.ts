import { describe, expect, it } from 'vitest';
import { referenceRiskConfig, type RiskConfigJson } from '../../../../src-shared/domain/risk-config';
import { mergeConfig } from './config-merge';
import { looserFields } from './config-strictness';

function changed(partial: Record<string, unknown>, base: RiskConfigJson = referenceRiskConfig): string[] {
  const merged = mergeConfig(base, partial);
  if (!merged.ok) throw new Error(merged.error.message);
  return looserFields(base, merged.value);
}

describe('lock-in strictness', () => {
  it('accepts stricter limits', () => {
    expect(
      changed({
        dailyRealizedLoss: { limit: 500 },
        maxContracts: { limit: 3, count: 'gross', action: 'flatten' },
        tradeFrequency: { perMinute: 2, cooldownSeconds: { minute: 120 } },
      }),
    ).toEqual([]);
    expect(changed({ symbolBlocks: { symbols: ['RTY', 'CL'] }, session: { open: '18:00', close: '14:00', flattenMarginSeconds: 300 } })).toEqual([]);
    expect(changed({ maxContractsPerInstrument: { limits: { YM: 1 }, unknown: 'block' } })).toEqual([]);
    expect(
      changed({
        maxLossLimit: { buffer: 300 },
        noStopLossGrace: { seconds: 5 },
        cooldownAfterLoss: {
          tiers: [
            { loss: 50, seconds: 600 },
            { loss: 200, seconds: 900 },
            { loss: 300, seconds: 1800 },
          ],
        },
      }),
    ).toEqual([]);
  });

  it('refuses looser limits and switching a rule off, naming the fields', () => {
    expect(changed({ dailyRealizedLoss: { limit: 1200 } })).toEqual(['dailyRealizedLoss.limit']);
    expect(changed({ dailyRealizedLoss: { enabled: false } })).toEqual(['dailyRealizedLoss.enabled']);
    expect(changed({ maxContractsPerInstrument: { limits: { ES: 2, MNQ: null } } })).toEqual([
      'maxContractsPerInstrument.limits.ES',
      'maxContractsPerInstrument.limits.MNQ',
    ]);
    expect(changed({ session: { close: '15:30' } })).toEqual(['session.open']);
    expect(changed({ cooldownAfterLoss: { tiers: [{ loss: 100, seconds: 300 }] } })).toEqual(['cooldownAfterLoss.tiers']);
    expect(changed({ dayRoll: { time: '16:00' } })).toEqual(['dayRoll']);
    expect(changed({ dailyUnrealizedLoss: { scope: 'total' } })).toEqual(['dailyUnrealizedLoss.scope']);
  });

  it('lets a rule that was off take any settings, and trade management change freely', () => {
    expect(changed({ maxUnrealizedProfit: { enabled: true, target: 5000 } })).toEqual([]);
    expect(changed({ tradeManagement: { enabled: true, trailDistanceTicks: 40 } })).toEqual([]);
  });
});
