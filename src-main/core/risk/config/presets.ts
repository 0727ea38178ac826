import { defaultRiskConfig, type RiskPreset } from '../../../../src-shared/domain/risk-config';

/**
 * Partial configurations merged over the current one (so the lock-in applies to them too).
 * `discipline` is one click to the discipline rules (off on a fresh account); `defaults` switches
 * the personal rules back to a fresh account's (keeping its daily loss limit figure); the 50K, 100K
 * and 150K presets are the older evaluation-account presets of docs/risk-rules.md §8.
 */
export const riskPresetConfigs: Readonly<Record<RiskPreset, Readonly<Record<string, unknown>>>> = {
  discipline: {
    maxContractsPerInstrument: { enabled: true, limits: { ES: 1, NQ: 1, MNQ: 2 } },
    dailyRealizedLoss: { enabled: true, limit: 800 },
    dailyUnrealizedLoss: { enabled: true, limit: 300, scope: 'position' },
    tradeFrequency: { enabled: true, perMinute: 3, perHour: 10, perSession: 50 },
    cooldownAfterLoss: {
      enabled: true,
      tiers: [
        { loss: 100, seconds: 300 },
        { loss: 200, seconds: 900 },
        { loss: 300, seconds: 1800 },
      ],
    },
    noStopLossGrace: { enabled: true, seconds: 15 },
  },
  defaults: {
    maxContracts: { enabled: defaultRiskConfig.maxContracts.enabled },
    maxContractsPerInstrument: { enabled: defaultRiskConfig.maxContractsPerInstrument.enabled },
    dailyUnrealizedLoss: { enabled: defaultRiskConfig.dailyUnrealizedLoss.enabled },
    maxUnrealizedProfit: { enabled: defaultRiskConfig.maxUnrealizedProfit.enabled },
    tradeFrequency: { enabled: defaultRiskConfig.tradeFrequency.enabled },
    cooldownAfterLoss: { enabled: defaultRiskConfig.cooldownAfterLoss.enabled },
    noStopLossGrace: { enabled: defaultRiskConfig.noStopLossGrace.enabled },
    dailyRealizedProfit: { enabled: defaultRiskConfig.dailyRealizedProfit.enabled },
    maxLossLimit: { enabled: defaultRiskConfig.maxLossLimit.enabled },
    consistency: { enabled: defaultRiskConfig.consistency.enabled },
    tradeManagement: { enabled: defaultRiskConfig.tradeManagement.enabled },
  },
  '50k': {
    maxContracts: { limit: 5 },
    maxContractsPerInstrument: { limits: { ES: 1, NQ: 1, MNQ: 2 } },
    dailyRealizedLoss: { limit: 800 },
    dailyUnrealizedLoss: { limit: 300 },
    maxUnrealizedProfit: { target: 1000 },
    dailyRealizedProfit: { target: 1000 },
    maxLossLimit: { startingBalance: 50_000, drawdown: 2000, buffer: 200 },
  },
  '100k': {
    maxContracts: { limit: 10 },
    maxContractsPerInstrument: { limits: { ES: 2, NQ: 2, MNQ: 4 } },
    dailyRealizedLoss: { limit: 1600 },
    dailyUnrealizedLoss: { limit: 600 },
    maxUnrealizedProfit: { target: 2000 },
    dailyRealizedProfit: { target: 2000 },
    maxLossLimit: { startingBalance: 100_000, drawdown: 3000, buffer: 300 },
  },
  '150k': {
    maxContracts: { limit: 15 },
    maxContractsPerInstrument: { limits: { ES: 3, NQ: 3, MNQ: 6 } },
    dailyRealizedLoss: { limit: 2400 },
    dailyUnrealizedLoss: { limit: 900 },
    maxUnrealizedProfit: { target: 3000 },
    dailyRealizedProfit: { target: 3000 },
    maxLossLimit: { startingBalance: 150_000, drawdown: 4500, buffer: 450 },
  },
};
