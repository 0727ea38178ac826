import { describe, expect, it } from 'vitest';
import type { StrategyLogEntry, StrategyView } from '../../../../src-shared/domain/strategies';
import { appendLog, changedShape, upsertStrategy } from './strategy-queries';

const strategy: StrategyView = {
  id: 'tf-1',
  kind: 'trend-following',
  name: 'Trend following ES (tf-1)',
  accountId: 1,
  contractId: 'CON.F.US.EP.Z26',
  symbol: 'ES',
  status: 'running',
  statusReason: null,
  pausedBy: null,
  parameters: {},
  pendingParameters: null,
  position: { size: 1, averageTicks: 29_545, openCents: 1250 },
  workingOrders: 2,
  today: { tradingDay: '2026-11-18', realizedCents: 0, feesCents: 140, netCents: 1110, trades: 0, wins: 0 },
  lastDecision: null,
  createdAt: 0,
  updatedAt: 0,
};

describe('strategy events in the page', () => {
  it('reads orders and marks again only when orders, position, trades or state changed, not on every P&L tick', () => {
    const pnlTick = { ...strategy, position: { ...strategy.position, openCents: 2500 }, updatedAt: 5 };

    expect(changedShape(strategy, pnlTick)).toBe(false);
    expect(changedShape(strategy, { ...strategy, workingOrders: 0 })).toBe(true);
    expect(changedShape(strategy, { ...strategy, status: 'paused' })).toBe(true);
    expect(changedShape(undefined, strategy)).toBe(true);
  });

  it('patches a list in place and adds new strategies at its end', () => {
    const other = { ...strategy, id: 'mr-1' };

    expect(upsertStrategy([strategy, other], { ...strategy, status: 'paused' })?.map((item) => [item.id, item.status])).toEqual([
      ['tf-1', 'paused'],
      ['mr-1', 'running'],
    ]);
    expect(upsertStrategy([other], strategy)?.map((item) => item.id)).toEqual(['mr-1', 'tf-1']);
    expect(upsertStrategy(undefined, strategy)).toBeUndefined();
  });

  it('appends a log line once', () => {
    const line: StrategyLogEntry = { strategyId: 'tf-1', at: 1, level: 'decision', message: 'long' };

    expect(appendLog([line], line)).toHaveLength(1);
    expect(appendLog([line], { ...line, at: 2 })).toHaveLength(2);
  });
});
