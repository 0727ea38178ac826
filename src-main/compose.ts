import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { HostKind } from '../src-shared/domain/app-info';
import { createProjectXBroker } from './adapters/projectx/projectx-broker';
import type { ProjectXBrokerOptions } from './adapters/projectx/broker-options';
import { systemScheduler } from './core/system-scheduler';
import { createRiskManager } from './core/risk/create-risk-manager';
import { createBacktester } from './backtest/backtester';
import { JournalService } from './core/analytics/journal-service';
import { BacktestRuns } from './core/strategy/backtest-runs';
import { OrderAttribution } from './core/strategy/order-attribution';
import { riskLockBridge } from './core/strategy/risk-lock-bridge';
import { StrategyService } from './core/strategy/strategy-service';
import { builtInStrategies } from './strategies/built-in-strategies';
import type { Clock } from './core/clock';
import { ConnectionMonitor } from './core/connection-monitor';
import { createDispatcher, type Dispatcher } from './core/contract-dispatcher';
import { EventHub } from './core/event-hub';
import type { Logger } from './core/logger';
import { BarHistory } from './core/market/bar-history';
import { OrderService } from './core/orders/order-service';
import { EntryPlans } from './core/protection/entry-plans';
import { ruleManagement } from './core/protection/managed-stop';
import { PositionPlans } from './core/protection/position-plans';
import { ProtectionEngine } from './core/protection/protection-engine';
import { TemplateCatalog } from './core/protection/template-catalog';
import type { BrokerPort } from './core/ports/broker-port';
import { createTerminalHandlers, type HostHandlers, type TradingServices } from './core/terminal-service';
import { TradingCore } from './core/trading-core';
import { startSimGateway, type SimGateway, type SimGatewayUrls } from './sim/gateway/sim-gateway';
import { openStore, type SqliteStore } from './store/open-store';
import { version } from '../package.json';

/** The broker the terminal talks to. */
export type BrokerConfig =
  | { readonly kind: 'none' }
  /** The built-in simulator, started on a loopback port and reached through the ProjectX adapter. */
  | { readonly kind: 'simulator'; readonly seed?: number }
  | {
      readonly kind: 'projectx';
      readonly restUrl?: string;
      readonly userHubUrl?: string;
      readonly marketHubUrl?: string;
      readonly userName: string;
      readonly apiKey: string;
      /** The client's own REST budgets (default: under ProjectX's limits); tests and benchmarks on an unlimited simulator lift them. */
      readonly rateBudgets?: ProjectXBrokerOptions['rateBudgets'];
    };

/** What every entry (desktop, headless, tests) decides before building the terminal. */
export interface TerminalConfig {
  readonly host: HostKind;
  readonly dataDir: string;
  readonly logger: Logger;
  readonly broker: BrokerConfig;
  /** Open the SQLite store in the data folder (default true when a broker is configured). */
  readonly store?: boolean;
  /** Epoch ms the core's clock starts at; it then runs forward in real time. */
  readonly clockStart?: number;
  /** Separate logs for the broker link and the risk manager's enforcement (default: `logger`). */
  readonly loggers?: { readonly broker?: Logger; readonly enforcement?: Logger };
  /**
   * The host's settings handlers, built once the store is open (desktop settings live in it); they
   * go into the one handler map. Default: a host that keeps no settings.
   */
  readonly settings?: (store: SqliteStore | undefined) => HostHandlers;
}

/** The built terminal: what the hosts serve. */
export interface Terminal {
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  readonly connection: ConnectionMonitor;
  readonly trading: TradingServices | undefined;
  /** The built-in simulator's addresses, when it runs. */
  readonly sim: SimGatewayUrls | undefined;
  /** The SQLite store, when a broker is configured. */
  readonly store: SqliteStore | undefined;
  /** Connects to the broker and reconciles; resolves when the first reconciliation is done or failed. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** A clock that starts at `start` and runs forward in real time. */
function offsetClock(start: number | undefined): Clock {
  const offset = start === undefined ? 0 : start - Date.now();
  return { now: () => Date.now() + offset };
}

/** The event loop's p99 delay beyond the sampling interval since the last read, in ms. */
function readLag(histogram: ReturnType<typeof monitorEventLoopDelay>, resolutionMs: number): number {
  const p99 = histogram.count === 0 ? 0 : histogram.percentile(99) / 1e6 - resolutionMs;
  histogram.reset();
  return Math.max(0, Math.round(p99 * 100) / 100);
}

/** Builds the core, store and adapter from a config; shared by every entry. */
export async function composeTerminal(config: TerminalConfig): Promise<Terminal> {
  const clock = offsetClock(config.clockStart);
  const events = new EventHub(config.logger);
  const connection = new ConnectionMonitor(clock, events);
  const lagResolutionMs = 20;
  const lag = monitorEventLoopDelay({ resolution: lagResolutionMs });
  lag.enable();
  const info = {
    name: 'Topstep Terminal',
    version,
    host: config.host,
    pid: process.pid,
    startedAt: clock.now(),
    dataDir: config.dataDir,
    broker: config.broker.kind === 'simulator' ? 'simulator' : config.broker.kind,
  } as const;
  const disposers: (() => Promise<void> | void)[] = [
    () => {
      lag.disable();
    },
  ];

  const brokerLogger = config.loggers?.broker ?? config.logger;
  let sim: SimGateway | undefined;
  let broker: BrokerPort | undefined;
  if (config.broker.kind === 'simulator') {
    sim = await startSimGateway({ seed: config.broker.seed, clock: config.clockStart, logger: brokerLogger });
    const urls = sim.urls;
    broker = createProjectXBroker({
      restUrl: urls.rest,
      userHubUrl: urls.userHub,
      marketHubUrl: urls.marketHub,
      userName: 'demo',
      apiKey: 'demo',
      clock,
      logger: brokerLogger,
    });
  } else if (config.broker.kind === 'projectx') {
    const { restUrl, userHubUrl, marketHubUrl, userName, apiKey, rateBudgets } = config.broker;
    broker = createProjectXBroker({
      restUrl,
      userHubUrl,
      marketHubUrl,
      userName,
      apiKey,
      clock,
      logger: brokerLogger,
      ...(rateBudgets === undefined ? {} : { rateBudgets }),
    });
  }

  let store: SqliteStore | undefined;
  try {
    if (broker !== undefined && config.store !== false) store = openStore({ dataDir: config.dataDir, clock, logger: config.logger });
  } catch (error) {
    // Nothing may keep running when the terminal cannot be built.
    await sim?.close();
    lag.disable();
    throw error;
  }

  let trading: TradingServices | undefined;
  if (broker !== undefined) {
    const core = new TradingCore({ broker, store, clock, events, logger: config.logger, connection, scheduler: systemScheduler });
    const catalog = new TemplateCatalog(store, config.logger);
    const protection = { catalog, entries: new EntryPlans(), plans: new PositionPlans(store) };
    const orders = new OrderService({
      core,
      broker,
      store,
      connection,
      clock,
      newTag: () => `tt-${randomUUID()}`,
      protection,
      events,
      scheduler: systemScheduler,
    });
    // The risk manager installs itself as the order service's pre-trade gate.
    const risk = createRiskManager({
      core,
      orders,
      broker,
      store,
      clock,
      events,
      logger: config.loggers?.enforcement ?? config.logger,
      scheduler: systemScheduler,
    });
    const engine = new ProtectionEngine({
      ...protection,
      core,
      orders,
      clock,
      events,
      logger: config.logger,
      accountManagement: (accountId) => {
        const settings = risk?.config.settings(accountId).tradeManagement;
        return settings?.enabled === true ? ruleManagement(settings) : undefined;
      },
      missingStop: () => catalog.missingStop(),
      newUnique: () => randomUUID(),
    });
    const history = new BarHistory(broker, store, systemScheduler);
    // Which strategy placed each order: the strategies record it, the journal reads it.
    const attribution = new OrderAttribution(store);
    const strategies = new StrategyService({
      core,
      orders,
      broker,
      history,
      store,
      clock,
      events,
      logger: config.logger,
      scheduler: systemScheduler,
      kinds: builtInStrategies,
      attribution,
    });
    const journal = new JournalService({ core, store, clock, attribution });
    const backtests = new BacktestRuns({
      port: createBacktester(),
      kinds: builtInStrategies,
      resolve: (symbol) => core.contracts.resolve(symbol),
      history,
      events,
      clock,
      logger: config.logger,
    });
    // A risk lock pauses every strategy of its account, and its end resumes them.
    const stopBridge = risk.observeLocks(riskLockBridge(strategies));
    disposers.push(() => {
      stopBridge();
    });
    trading = { broker, core, orders, history, risk, strategies, journal, backtests, protection: { catalog, engine, events } };
  }

  const dispatcher = createDispatcher(
    createTerminalHandlers({ clock, info, connection, trading, settings: config.settings?.(store), eventLoopLagMs: () => readLag(lag, lagResolutionMs) }),
    config.logger,
  );
  let started: Promise<void> | undefined;
  const retries = new Set<() => void>();
  let disposed: Promise<void> | undefined;
  return {
    dispatcher,
    events,
    connection,
    trading,
    sim: sim?.urls,
    store,
    start: () => {
      started ??= (async () => {
        if (trading === undefined) return;
        trading.risk?.start();
        trading.protection?.engine.start();
        trading.strategies?.start();
        const connected = async (): Promise<boolean> => {
          const result = await trading.core.start();
          if (!result.ok) return false;
          // The start-up reconciliation is applied without per-event routing: let risk see the result,
          // and bring every position's legs in line before trading resumes.
          trading.risk?.syncAccounts();
          for (const accountId of trading.core.accounts.keys()) trading.protection?.engine.reconcileAccount(accountId);
          return true;
        };
        if (await connected()) return;
        // The broker refused or could not be reached (after a restart its rate window may still be
        // full): try again with back-off, in the background, until it answers or the terminal stops.
        const retry = (delayMs: number): void => {
          const cancel = systemScheduler.schedule(delayMs, () => {
            retries.delete(cancel);
            if (disposed !== undefined) return;
            void connected().then((ok) => {
              if (!ok && disposed === undefined) retry(Math.min(delayMs * 2, 30_000));
            });
          });
          retries.add(cancel);
        };
        retry(1_000);
      })().catch((error: unknown) => {
        config.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'trading core failed to start');
      });
      return started;
    },
    dispose: () => {
      disposed ??= (async () => {
        for (const cancel of retries) cancel();
        trading?.backtests?.cancelAll();
        trading?.strategies?.stop();
        trading?.protection?.engine.stop();
        trading?.risk?.stop();
        await trading?.core.stop();
        // Ranges fetched just before stopping are cached now, not by a timer after the store closed.
        trading?.history.writeCache();
        store?.close();
        await sim?.close();
        for (const dispose of disposers) await dispose();
      })();
      return disposed;
    },
  };
}
