import { callChannels, type CallChannel } from '../../src-shared/contract';
import type { AppInfo } from '../../src-shared/domain/app-info';
import { fail } from '../../src-shared/result';
import type { Clock } from './clock';
import type { ConnectionMonitor } from './connection-monitor';
import type { ContractHandlers } from './contract-dispatcher';
import type { JournalService } from './analytics/journal-service';
import { createAppHandlers } from './handlers/app-handlers';
import { createBacktestHandlers } from './handlers/backtest-handlers';
import { createBracketHandlers } from './handlers/bracket-handlers';
import type { ProtectionEngine } from './protection/protection-engine';
import type { TemplateCatalog } from './protection/template-catalog';
import { createJournalHandlers } from './handlers/journal-handlers';
import { createMarketHandlers } from './handlers/market-handlers';
import { createRiskHandlers } from './handlers/risk-handlers';
import { createStrategyHandlers } from './handlers/strategy-handlers';
import { createTradingHandlers } from './handlers/trading-handlers';
import type { BarHistory } from './market/bar-history';
import type { OrderService } from './orders/order-service';
import type { BrokerPort } from './ports/broker-port';
import type { RiskManager } from './risk/risk-manager';
import type { BacktestRuns } from './strategy/backtest-runs';
import type { StrategyService } from './strategy/strategy-service';
import type { TradingCore } from './trading-core';
import type { EventHub } from './event-hub';

/** The trading side of the terminal, present when a broker is configured. */
export interface TradingServices {
  readonly broker: BrokerPort;
  readonly core: TradingCore;
  readonly orders: OrderService;
  readonly history: BarHistory;
  /** The risk manager; without it the risk channels answer `not-connected`. */
  readonly risk?: RiskManager;
  /** Bracket templates and the engine that keeps every position's legs; without it the bracket channels answer `not-connected`. */
  readonly protection?: {
    readonly catalog: TemplateCatalog;
    readonly engine: ProtectionEngine;
    /** Where `brackets.changed` goes when the catalogue changes. */
    readonly events: EventHub;
  };
  /** Live strategies; without them the strategy channels answer `not-connected`. */
  readonly strategies?: StrategyService;
  /** The trade journal (it needs no strategy service); without it the journal channels answer `not-connected`. */
  readonly journal?: JournalService;
  /** Backtests; without them the backtest channels answer `not-connected`. */
  readonly backtests?: BacktestRuns;
}

/** The channels a host answers itself: its settings (credentials, desktop preferences). */
export type HostSettingsChannel = Extract<CallChannel, `settings.${string}`>;

/** The handlers a host passes in for its settings channels. */
export type HostHandlers = Pick<ContractHandlers, HostSettingsChannel>;

/** What the terminal service needs from its host. */
export interface TerminalServiceDependencies {
  readonly clock: Clock;
  readonly info: AppInfo;
  readonly connection: ConnectionMonitor;
  readonly trading: TradingServices | undefined;
  /** The host's settings handlers (default: a host that keeps no settings). */
  readonly settings?: HostHandlers;
  readonly eventLoopLagMs?: () => number;
}

/** The channels whose names start with one of the prefixes. */
type ChannelsOf<Prefix extends string> = Extract<CallChannel, `${Prefix}.${string}`>;

/**
 * Handlers that answer `not-connected` for every channel of an area whose service is absent. The
 * areas are named, so a new channel outside every area (or inside a present one without its
 * handler) still fails the map's type check.
 */
function unavailable<Prefix extends string>(prefixes: readonly Prefix[], reason: string): Pick<ContractHandlers, ChannelsOf<Prefix>> {
  const handlers: Record<string, () => ReturnType<typeof fail>> = {};
  for (const channel of callChannels) if (prefixes.some((prefix) => channel.startsWith(`${prefix}.`))) handlers[channel] = () => fail('not-connected', reason);
  return handlers as unknown as Pick<ContractHandlers, ChannelsOf<Prefix>>;
}

/** The settings handlers of a host that keeps none (tests, a bare core). */
export const noHostSettings: HostHandlers = unavailable(['settings'], 'this host keeps no settings');

const noBroker = 'no broker is configured';

/** The contract's handlers, one map built here for every channel: the one place where calls meet the core. */
export function createTerminalHandlers(dependencies: TerminalServiceDependencies): ContractHandlers {
  const { trading, clock } = dependencies;
  const settings = dependencies.settings ?? noHostSettings;
  const app = createAppHandlers({
    clock,
    info: dependencies.info,
    connection: dependencies.connection,
    broker: trading?.broker,
    core: trading?.core,
    eventLoopLagMs: dependencies.eventLoopLagMs ?? (() => 0),
  });
  if (trading === undefined) {
    return {
      ...app,
      ...settings,
      ...unavailable(
        ['contracts', 'market', 'accounts', 'positions', 'orders', 'fills', 'brackets', 'risk', 'strategies', 'indicators', 'backtest', 'journal'],
        noBroker,
      ),
    } satisfies ContractHandlers;
  }
  const { core, orders, history, broker } = trading;
  return {
    ...app,
    ...settings,
    ...createMarketHandlers(core, history, clock, (contractId) => broker.watchMarket(contractId)),
    ...createTradingHandlers(core, orders),
    ...(trading.protection === undefined
      ? unavailable(['brackets'], 'bracket templates are not available')
      : createBracketHandlers(trading.protection.catalog, orders, trading.protection.events, clock)),
    ...(trading.risk === undefined ? unavailable(['risk'], 'the risk manager is not running') : createRiskHandlers(trading.risk, orders, clock)),
    ...(trading.strategies === undefined
      ? unavailable(['strategies'], 'strategies are not running')
      : createStrategyHandlers(trading.strategies, core, orders)),
    ...(trading.journal === undefined ? unavailable(['journal'], 'the journal is not available') : createJournalHandlers(trading.journal, orders)),
    ...(trading.backtests === undefined ? unavailable(['backtest'], 'no backtester is configured') : createBacktestHandlers(trading.backtests)),
  } satisfies ContractHandlers;
}
