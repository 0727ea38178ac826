import { describe, expect, it } from 'vitest';
import type { StrategyView } from '../../../../src-shared/domain/strategies';
import { availableActions, positionText, reasonText, statusText } from './strategy-format';

const base: StrategyView = {
  id: 'mr-1',
  kind: 'mean-reversion',
  name: 'Mean reversion ES',
  accountId: 1,
  contractId: 'CON.F.US.EP.Z26',
  symbol: 'ES',
  status: 'running',
  statusReason: null,
  pausedBy: null,
  parameters: {},
  pendingParameters: null,
  position: { size: 0, averageTicks: null, openCents: 0 },
  workingOrders: 0,
  today: { tradingDay: '2026-11-18', realizedCents: 0, feesCents: 0, netCents: 0, trades: 0, wins: 0 },
  lastDecision: null,
  createdAt: 0,
  updatedAt: 0,
};

describe('strategy rows', () => {
  it('writes the position with its side and average on the tick grid', () => {
    expect(positionText(base, 0.25)).toBe('Flat');
    expect(positionText({ ...base, position: { size: -2, averageTicks: 20_001.4, openCents: 0 } }, 0.25)).toBe('Short 2 @ 5000.25');
  });

  it('says who paused a strategy and why it is not running', () => {
    const locked: StrategyView = { ...base, status: 'paused', pausedBy: 'risk', statusReason: 'risk lock: RULE-003 daily loss' };

    expect(statusText(locked)).toBe('Paused by a risk lock');
    expect(reasonText(locked)).toBe('risk lock: RULE-003 daily loss');
    expect(reasonText({ ...base, statusReason: 'stale' })).toBeUndefined();
  });

  it('offers the lifecycle buttons of each state', () => {
    expect(availableActions('running')).toEqual(['pause', 'stop', 'flatten']);
    expect(availableActions('paused')).toEqual(['resume', 'stop', 'flatten']);
    expect(availableActions('faulted')).toEqual(['start', 'remove']);
  });
});
