import { fail, ok } from '../../../src-shared/result';
import type { ContractHandlers } from '../contract-dispatcher';
import { computeIndicator } from '../indicators/indicator-catalog';
import type { BarHistory } from '../market/bar-history';
import type { OrderService } from '../orders/order-service';
import type { StrategyService } from '../strategy/strategy-service';
import type { TradingCore } from '../trading-core';

/** The strategy, indicator, backtest and journal channels. */
export type StrategyChannel =
  | 'strategies.kinds'
  | 'strategies.list'
  | 'strategies.get'
  | 'strategies.create'
  | 'strategies.start'
  | 'strategies.pause'
  | 'strategies.resume'
  | 'strategies.stop'
  | 'strategies.parameters'
  | 'strategies.remove'
  | 'strategies.log'
  | 'strategies.marks'
  | 'indicators.compute'
  | 'backtest.start'
  | 'backtest.status'
  | 'backtest.result'
  | 'backtest.cancel'
  | 'journal.list'
  | 'journal.stats';

/** Extra bars loaded before the window so indicators are warm on its first bar. */
const indicatorWarmup = 500;

/** Strategies, indicators, backtests and the journal; accounts default to the selected one. */
export function createStrategyHandlers(strategies: StrategyService, core: TradingCore, orders: OrderService, history: BarHistory, clock: { now(): number }): Pick<ContractHandlers, StrategyChannel> {
  const backtests = (): NonNullable<StrategyService['backtests']> | undefined => strategies.backtests;
  return {
    'strategies.kinds': () => ok(strategies.kindViews()),
    'strategies.list': (request) => {
      if (request.allAccounts) return ok(strategies.list(undefined));
      const accountId = orders.account(request.accountId);
      return accountId.ok ? ok(strategies.list(accountId.value)) : accountId;
    },
    'strategies.get': (request) => strategies.detail(request.id),
    'strategies.create': async (request) => {
      const accountId = orders.account(request.accountId);
      if (!accountId.ok) return accountId;
      return strategies.create({ accountId: accountId.value, kind: request.kind, symbol: request.symbol, name: request.name, parameters: request.parameters });
    },
    'strategies.start': (request) => strategies.startStrategy(request.id),
    'strategies.pause': (request) => strategies.pause(request.id),
    'strategies.resume': (request) => strategies.resume(request.id),
    'strategies.stop': (request) => strategies.stopStrategy(request.id, request.flatten),
    'strategies.parameters': (request) => strategies.setParameters(request.id, request.parameters),
    'strategies.remove': (request) => strategies.remove(request.id),
    'strategies.log': (request) => {
      const detail = strategies.detail(request.id, request.limit);
      return detail.ok ? ok([...detail.value.log]) : detail;
    },
    'strategies.marks': async (request) => {
      const accountId = orders.account(request.accountId);
      if (!accountId.ok) return accountId;
      if (request.symbol === undefined) return ok(strategies.marks(accountId.value, undefined));
      const contract = await core.contracts.resolve(request.symbol);
      return contract.ok ? ok(strategies.marks(accountId.value, contract.value.id)) : contract;
    },
    'indicators.compute': async (request) => {
      const contract = await core.contracts.resolve(request.symbol);
      if (!contract.ok) return contract;
      const bars = await history.load({ contract: contract.value, unit: request.unit, unitNumber: request.unitNumber, count: request.count + indicatorWarmup, to: request.to ?? clock.now() });
      if (!bars.ok) return bars;
      const shownFrom = bars.value[Math.max(0, bars.value.length - request.count)]?.time ?? 0;
      const series = request.indicators.map((indicator) => {
        const full = computeIndicator(indicator, bars.value);
        return {
          ...full,
          lines: full.lines.map((line) => ({ ...line, points: line.points.filter((point) => point.time >= shownFrom) })),
          markers: full.markers.filter((marker) => marker.time >= shownFrom),
          zones: full.zones.filter((zone) => zone.endTime === null || zone.endTime >= shownFrom),
          segments: full.segments.filter((segment) => segment.endTime >= shownFrom),
        };
      });
      return ok({ contract: contract.value, series });
    },
    'backtest.start': (request) => backtests()?.start(request) ?? fail('not-connected', 'no backtester is configured'),
    'backtest.status': (request) => backtests()?.status(request.runId) ?? fail('not-connected', 'no backtester is configured'),
    'backtest.result': (request) => backtests()?.result(request.runId) ?? fail('not-connected', 'no backtester is configured'),
    'backtest.cancel': (request) => backtests()?.cancel(request.runId) ?? fail('not-connected', 'no backtester is configured'),
    'journal.list': (request) => {
      const accountId = orders.account(request.accountId);
      return accountId.ok ? ok(strategies.journal.journal(accountId.value, { from: request.from, to: request.to }, request.strategyId, request.limit)) : accountId;
    },
    'journal.stats': (request) => {
      const accountId = orders.account(request.accountId);
      return accountId.ok ? ok(strategies.journal.stats(accountId.value, { from: request.from, to: request.to })) : accountId;
    },
  };
}
