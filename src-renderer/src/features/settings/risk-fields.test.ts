import { describe, expect, it } from 'vitest';
import { defaultRiskConfig } from '../../../../src-shared/domain/risk-config';
import { loosens, partialConfig, riskFields } from './risk-fields';

describe('risk settings form', () => {
  it('sends only the edited limits, nested as the configuration nests them', () => {
    const partial = partialConfig(defaultRiskConfig, { 'dailyRealizedLoss.limit': '600', 'maxContracts.limit': '5', 'orderThrottlePerSecond.': '5', 'maxLossLimit.buffer': '' });

    expect(partial).toEqual({ dailyRealizedLoss: { limit: 600 }, orderThrottlePerSecond: 5 });
  });

  it('knows which way loosens a limit', () => {
    const loss = riskFields.find((field) => field.path[0] === 'dailyRealizedLoss');
    const buffer = riskFields.find((field) => field.path[1] === 'buffer');

    expect(loss !== undefined && loosens(loss, 800, 900)).toBe(true);
    expect(loss !== undefined && loosens(loss, 800, 700)).toBe(false);
    expect(buffer !== undefined && loosens(buffer, 200, 100)).toBe(true);
  });
});
