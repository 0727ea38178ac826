import { callChannels } from '../../src-shared/contract';
import type { AppInfo } from '../../src-shared/domain/app-info';
import { fail } from '../../src-shared/result';
import type { Clock } from './clock';
import type { ConnectionMonitor } from './connection-monitor';
import type { ContractHandlers } from './contract-dispatcher';
import { createAppHandlers } from './handlers/app-handlers';
import { createBracketHandlers } from './handlers/bracket-handlers';
import type { ProtectionEngine } from './protection/protection-engine';
import type { TemplateCatalog } from './protection/template-catalog';
import { createMarketHandlers } from './handlers/market-handlers';
import { createRiskHandlers } from './handlers/risk-handlers';
import { createStrategyHandlers } from './handlers/strategy-handlers';
import { createTradingHandlers } from './handlers/trading-handlers';
import type { BarHistory } from './market/bar-history';
import type { OrderService } from './orders/order-service';
import type { BrokerPort } from './ports/broker-port';
import type { RiskManager } from './risk/risk-manager';
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
  /** Strategies, backtests and the trade journal; without it those channels answer `not-connected`. */
  readonly strategies?: StrategyService;
}

/** What the terminal service needs from its host. */
export interface TerminalServiceDependencies {
  readonly clock: Clock;
  readonly info: AppInfo;
  readonly connection: ConnectionMonitor;
  readonly trading: TradingServices | undefined;
  readonly eventLoopLagMs?: () => number;
}

/** The contract's handlers: the one place where calls meet the core. */
export function createTerminalHandlers(dependencies: TerminalServiceDependencies): ContractHandlers {
  const { trading } = dependencies;
  const app = createAppHandlers({
    clock: dependencies.clock,
    info: dependencies.info,
    connection: dependencies.connection,
    broker: trading?.broker,
    core: trading?.core,
    eventLoopLagMs: dependencies.eventLoopLagMs ?? (() => 0),
  });
  if (trading === undefined) return { ...offlineHandlers(), ...app };
  const { core, orders, history, broker } = trading;
  return {
    ...offlineHandlers(),
    ...app,
    ...createMarketHandlers(core, history, dependencies.clock, (contractId) => broker.watchMarket(contractId)),
    ...createTradingHandlers(core, orders),
    ...(trading.protection === undefined ? {} : createBracketHandlers(trading.protection.catalog, orders, trading.protection.events, dependencies.clock)),
    ...(trading.risk === undefined ? {} : createRiskHandlers(trading.risk, orders, dependencies.clock)),
    ...(trading.strategies === undefined ? {} : createStrategyHandlers(trading.strategies, core, orders, history, dependencies.clock)),
  };
}

/** Without a broker every trading channel answers `not-connected`. */
function offlineHandlers(): ContractHandlers {
  const handlers: Record<string, () => ReturnType<typeof fail>> = {};
  for (const channel of callChannels) handlers[channel] = () => fail('not-connected', 'no broker is configured');
  return handlers as unknown as ContractHandlers;
}
