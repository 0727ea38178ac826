import type { RiskPreset } from '../../../../src-shared/domain/risk-config';

/**
 * Partial configurations for the evaluation-account sizes, merged over the current configuration.
 * The 50K values are the defaults (docs/risk-rules.md §7, §8); 100K and 150K scale the size and
 * money limits with the account (max loss $3,000 / $4,500 as the evaluation rules set them).
 */
export const riskPresetConfigs: Readonly<Record<RiskPreset, Readonly<Record<string, unknown>>>> = {
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
