import type { StrategyLogEntry, StrategyParameters, StrategyPauser, StrategySeries, StrategyStatus } from '../../../src-shared/domain/strategies';
import type { AccountId, OrderId } from '../../../src-shared/domain/ids';
import { isFinalStatus, type BarView, type ContractView, type FillView, type OrderView, type QuoteView } from '../../../src-shared/domain/trading';
import type { Clock } from '../clock';
import { ExchangeCalendar } from '../../../src-shared/exchange';
import { SeriesFeeds } from './series-feeds';
import type { JsonValue, LogFields, StrategyContext, StrategyIndicators } from './strategy-context';
import type { StrategyHandlers, StrategyKind } from './strategy-definition';
import type { ExecutionCommand, OrderRole, RuntimeHost } from './strategy-execution';
import { StrategyLedger } from './strategy-ledger';
import { StrategyOrderDesk } from './strategy-order-desk';

/** What a runtime is built from. */
export interface RuntimeOptions {
  readonly id: string;
  readonly kind: StrategyKind;
  readonly accountId: AccountId;
  readonly contract: ContractView;
  readonly parameters: StrategyParameters;
  readonly clock: Clock;
  readonly host: RuntimeHost;
  /** A book kept across restarts of the strategy (live); a fresh one otherwise. */
  readonly ledger?: StrategyLedger;
}

/**
 * Runs one strategy: its lifecycle (start, pause, resume, stop), its series and indicators, its own
 * book, and every callback behind a guard — a strategy that throws is stopped as faulted and
 * logged; it never takes the terminal down. The same runtime serves live trading and backtests.
 */
export class StrategyRuntime {
  public status: StrategyStatus = 'stopped';
  public statusReason: string | null = null;
  public pausedBy: StrategyPauser | null = null;
  public lastDecision: string | null = null;
  public feeds: SeriesFeeds;
  public readonly ledger: StrategyLedger;
  public readonly calendar = new ExchangeCalendar();
  public readonly working = new Map<OrderId, OrderView>();
  public readonly roles = new Map<OrderId, OrderRole>();
  private parametersValue: StrategyParameters;
  private handlers: StrategyHandlers = {};
  private warming = false;
  private state: Record<string, JsonValue> = {};
  private readonly desk: StrategyOrderDesk;
  private readonly context: StrategyContext<StrategyParameters>;

  public constructor(private readonly options: RuntimeOptions) {
    this.parametersValue = options.parameters;
    this.feeds = new SeriesFeeds(options.kind.series(options.parameters));
    this.ledger = options.ledger ?? new StrategyLedger(options.contract, options.id, options.accountId);
    this.desk = new StrategyOrderDesk(this, options.host);
    this.context = this.buildContext();
  }

  public get id(): string {
    return this.options.id;
  }

  public get parameters(): StrategyParameters {
    return this.parametersValue;
  }

  /** True when the strategy listens to quotes. */
  public get wantsQuotes(): boolean {
    return this.handlers.onQuote !== undefined;
  }

  /** True while bars are replayed at start. */
  public get warmingUp(): boolean {
    return this.warming;
  }

  /** Takes new parameters while stopped: the series and indicators are rebuilt for the next start. */
  public reconfigure(parameters: StrategyParameters): void {
    if (this.status === 'running' || this.status === 'paused') throw new Error('reconfigure a strategy only while it is stopped');
    this.parametersValue = parameters;
    this.feeds = new SeriesFeeds(this.options.kind.series(parameters));
  }

  /** Builds the strategy's handlers and starts it (from stopped or faulted). */
  public start(): void {
    if (this.status === 'running' || this.status === 'paused') return;
    this.state = { ...this.options.host.loadState() };
    this.setStatus('running', null, null);
    try {
      this.handlers = this.options.kind.create(this.context);
    } catch (error) {
      this.fault('create', error);
      return;
    }
    this.info('started', { parameters: JSON.stringify(this.parametersValue) });
    this.invoke('onStart', () => this.handlers.onStart?.());
  }

  /** Replays history: bars and indicators flow, orders are refused. */
  public warmUp(series: StrategySeries, bars: readonly BarView[]): void {
    this.warming = true;
    try {
      for (const bar of bars) this.deliverBar(series, bar);
    } finally {
      this.warming = false;
    }
  }

  /** No new decisions until resumed; fills and order updates still reach the strategy. */
  public pause(reason: string, by: StrategyPauser): void {
    if (this.status !== 'running') return;
    this.setStatus('paused', reason, by);
    this.info(`paused: ${reason}`);
  }

  public resume(): void {
    if (this.status !== 'paused') return;
    this.setStatus('running', null, null);
    this.info('resumed');
  }

  /** Stops the strategy; its position and protective orders stay (flatten separately). */
  public stop(reason: string): void {
    if (this.status === 'stopped' || this.status === 'faulted') return;
    this.invoke('onStop', () => this.handlers.onStop?.());
    this.handlers = {};
    this.setStatus('stopped', reason, null);
    this.info(`stopped: ${reason}`);
  }

  /** Applies new parameters at once (the caller decided they are safe live). */
  public applyParameters(parameters: StrategyParameters, changed: readonly string[]): void {
    this.parametersValue = parameters;
    if (changed.length > 0) this.invoke('onParameters', () => this.handlers.onParameters?.(changed));
  }

  /** A closed bar of one of its series. */
  public deliverBar(series: StrategySeries, bar: BarView): void {
    const feed = this.feeds.feed(series);
    this.feeds.take(feed, bar);
    const onBar = this.handlers.onBar;
    if (onBar === undefined || this.status !== 'running') return;
    try {
      onBar(bar, feed.series);
    } catch (error) {
      this.fault('onBar', error);
    }
  }

  public deliverQuote(quote: QuoteView): void {
    if (this.status === 'running') this.invoke('onQuote', () => this.handlers.onQuote?.(quote));
  }

  /** An update of one of its orders. */
  public deliverOrder(order: OrderView, role: OrderRole): void {
    this.roles.set(order.id, role);
    if (isFinalStatus(order.status)) this.working.delete(order.id);
    else this.working.set(order.id, order);
    if (this.active()) this.invoke('onOrder', () => this.handlers.onOrder?.(order));
    this.options.host.changed();
  }

  /** A fill of one of its orders (counted once). */
  public deliverFill(fill: FillView): void {
    const trips = this.ledger.apply(fill, this.calendar.tradingDay(fill.time), this.calendar.tradingDay(this.options.clock.now()));
    if (trips === undefined) return;
    if (this.active()) this.invoke('onFill', () => this.handlers.onFill?.(fill));
    this.options.host.changed();
  }

  public fireTimer(name: string): void {
    if (this.status === 'running') this.invoke('onTimer', () => this.handlers.onTimer?.(name));
  }

  /** The broker's answer to a command; an error goes to the log and to `onRejected`. */
  public settle(command: ExecutionCommand, error: string | null): void {
    this.desk.settle(command, error);
    if (error !== null && this.active()) this.invoke('onRejected', () => this.handlers.onRejected?.(error));
    this.options.host.changed();
  }

  /** Cancels every working order of the strategy and closes its own position at market. */
  public flatten(reason: string): void {
    this.desk.exit(reason);
  }

  /** Cancels its working entries; protective legs and the position stay. */
  public cancelEntries(reason: string): void {
    for (const order of this.working.values()) if ((this.roles.get(order.id) ?? 'entry') === 'entry') this.desk.cancel(order.id, reason);
  }

  /** Records a line in the strategy's log. */
  public record(level: StrategyLogEntry['level'], message: string, fields?: LogFields): void {
    if (level === 'decision') this.lastDecision = message;
    this.options.host.log({ strategyId: this.options.id, at: this.options.clock.now(), level, message, ...(fields === undefined ? {} : { fields }) });
  }

  private info(message: string, fields?: LogFields): void {
    this.record('info', message, fields);
  }

  private active(): boolean {
    return this.status === 'running' || this.status === 'paused';
  }

  private setStatus(status: StrategyStatus, reason: string | null, by: StrategyPauser | null): void {
    this.status = status;
    this.statusReason = reason;
    this.pausedBy = by;
    this.options.host.changed();
  }

  private invoke(callback: string, call: () => void): void {
    try {
      call();
    } catch (error) {
      this.fault(callback, error);
    }
  }

  private fault(callback: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.handlers = {};
    this.setStatus('faulted', `threw in ${callback}: ${message}`, null);
    this.record('error', `stopped: the strategy threw in ${callback}: ${message}`);
  }

  private buildContext(): StrategyContext<StrategyParameters> {
    const { clock, host } = this.options;
    const parameters = (): StrategyParameters => this.parametersValue;
    const indicators = (): StrategyIndicators => this.feeds.indicators();
    return {
      id: this.options.id,
      accountId: this.options.accountId,
      contract: this.options.contract,
      get parameters() {
        return parameters();
      },
      now: () => clock.now(),
      calendar: this.calendar,
      warmingUp: () => this.warming,
      position: () => this.ledger.position(),
      workingOrders: () => [...this.working.values()],
      bars: (series) => this.feeds.feed(series).bars,
      get indicators() {
        return indicators();
      },
      state: {
        get: (key) => this.state[key],
        set: (key, value) => {
          this.state[key] = value;
          host.saveState(this.state);
        },
      },
      orders: this.desk.api(),
      timers: {
        at: (name, time) => host.setTimer(name, time),
        after: (name, delayMs) => host.setTimer(name, clock.now() + delayMs),
        cancel: (name) => host.clearTimer(name),
      },
      log: (message, fields) => this.record('decision', message, fields),
    };
  }
}
