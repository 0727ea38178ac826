import { describe, expect, it } from 'vitest';
import type { StrategyKindView } from '../../../../src-shared/domain/strategies';
import { backtestRequest } from './backtest-request';
import type { BacktestForm } from './backtest-store';

const kind: StrategyKindView = {
  kind: 'mean-reversion',
  name: 'Mean reversion',
  summary: '',
  description: '',
  parameters: [
    { key: 'contracts', label: 'Contracts', description: '', type: 'integer', default: 1, min: 1, max: 50, live: true },
    { key: 'anchor', label: 'Mean', description: '', type: 'choice', default: 'vwap', options: ['vwap', 'sma'], live: false },
  ],
};

const form: BacktestForm = {
  kind: 'mean-reversion',
  symbol: ' ES ',
  fromDate: '2026-11-10',
  toDate: '2026-11-17',
  timeframeId: '5m',
  source: 'history',
  slippageTicks: '1',
  startingBalance: '50000',
  drafts: { contracts: '2' },
};

describe('backtest request', () => {
  it('sends the period as whole exchange days, the timeframe as unit and number, and the parameters', () => {
    const { request, errors } = backtestRequest(form, kind);

    expect(errors).toEqual({});
    expect(request).toMatchObject({
      strategy: 'mean-reversion',
      symbol: 'ES',
      unit: 'minute',
      unitNumber: 5,
      parameters: { contracts: 2, anchor: 'vwap' },
      slippageTicks: 1,
      startingBalance: 50_000,
    });
    expect(new Date(request?.from ?? 0).toISOString()).toBe('2026-11-10T06:00:00.000Z');
    expect(new Date(request?.to ?? 0).toISOString()).toBe('2026-11-18T06:00:00.000Z');
  });

  it('names every field it cannot send', () => {
    const { request, errors } = backtestRequest({ ...form, toDate: '2026-11-01', slippageTicks: '-1', drafts: { contracts: '0' } }, kind);

    expect(request).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['dates', 'parameter.contracts', 'slippageTicks']);
  });
});
