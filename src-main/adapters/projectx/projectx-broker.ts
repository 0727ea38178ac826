import { maxBarsPerRequest } from './rest/reference-reads';
import type {
  BarsRequest,
  BrokerChannel,
  BrokerChannelState,
  BrokerDiagnostics,
  BrokerEvent,
  BrokerModifyRequest,
  BrokerOrderRequest,
  BrokerPort,
  BrokerSnapshot,
  CallLane,
  OrderCallOptions,
} from '../../core/ports/broker-port';
import type { AccountId, ContractId, EpochMs, OrderId } from '../../../src-shared/domain/ids';
import type { AccountView, BarView, ContractView } from '../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../src-shared/result';
import { resolveOptions, type ProjectXBrokerOptions, type ResolvedOptions } from './broker-options';
import { buildParts, type BrokerParts } from './broker-parts';
import { accountsSubscription, accountSubscriptions } from './hubs/user-stream';
import { EventStream } from './support/event-stream';

type Lifecycle = 'ready' | 'running' | 'stopped';

/** A full ProjectX contract id: `CON.F.US.EP.Z26` (type, region, root code, month and two-digit year). */
const contractIdPattern = /^CON\.[A-Z]\.[A-Z]{2}\.[A-Z0-9]+\.[A-Z]\d{2}$/;

/**
 * Creates the ProjectX (TopstepX) broker adapter. `start()` logs in, opens both hubs and
 * reconciles the watched accounts; `stop()` releases every socket, timer and request.
 * One instance runs once: after `stop()`, create a new one.
 */
export function createProjectXBroker(options: ProjectXBrokerOptions): BrokerPort {
  return new ProjectXBroker(resolveOptions(options));
}

class ProjectXBroker implements BrokerPort {
  private readonly events: EventStream<BrokerEvent>;
  private readonly parts: BrokerParts;
  private readonly linkStates: Record<BrokerChannel, { state: BrokerChannelState; reason: string }> = {
    rest: { state: 'down', reason: 'not started' },
    'user-hub': { state: 'down', reason: 'not started' },
    'market-hub': { state: 'down', reason: 'not started' },
  };
  private lifecycle: Lifecycle = 'ready';
  private restLastOkAt: EpochMs | null = null;
  private restDownAt: EpochMs | undefined;
  private firstReconcile: Promise<Result<void>> | undefined;
  /** When the user hub's current gap was noticed (undefined while it is up), and the token then. */
  private userGap: { readonly at: EpochMs; readonly token: string | undefined } | undefined;

  public constructor(private readonly options: ResolvedOptions) {
    this.events = new EventStream(options.logger, 'broker');
    this.parts = buildParts(options, {
      emit: (event) => this.emit(event),
      link: (channel, state, reason) => this.link(channel, state, reason),
      hubConnected: (channel, reconnect) => this.hubConnected(channel, reconnect),
    });
  }

  public async start(): Promise<Result<void>> {
    if (this.lifecycle === 'stopped') return fail('cancelled', 'this broker link was stopped; create a new one');
    if (this.lifecycle === 'running') return ok(undefined);
    this.lifecycle = 'running';
    const { auth, userLink, marketLink, watchdog } = this.parts;
    this.link('rest', 'connecting', 'logging in');
    const login = await auth.logIn();
    if (!login.ok) {
      this.link('rest', 'down', `login failed: ${login.error.message}`);
      // Nothing is running yet: a later start logs in again instead of answering "already running".
      if (this.lifecycle === 'running') this.lifecycle = 'ready';
      return login;
    }
    await userLink.add(accountsSubscription);
    const [userUp] = await Promise.all([userLink.start(), marketLink.start()]);
    if (this.isStopped()) return fail('cancelled', 'the broker link was stopped while starting');
    watchdog.start();
    if (!userUp) return fail('not-connected', 'the user hub cannot be reached yet; retrying in the background');
    return (await this.firstReconcile) ?? ok(undefined);
  }

  public async stop(): Promise<void> {
    if (this.lifecycle === 'stopped') return;
    this.lifecycle = 'stopped';
    const { watchdog, reconciler, userLink, marketLink, auth, gates, transport, lastPrices, timers } = this.parts;
    watchdog.stop();
    reconciler.stop();
    auth.dispose();
    gates.bars.dispose();
    gates.other.dispose();
    transport.dispose();
    lastPrices.dispose();
    timers.dispose();
    await Promise.all([userLink.stop(), marketLink.stop()]);
    this.link('rest', 'down', 'stopped');
    this.events.clear();
  }

  public async reconnect(reason: string): Promise<void> {
    if (this.lifecycle !== 'running') return;
    const { userLink, marketLink } = this.parts;
    await Promise.all([userLink.reconnect(reason), marketLink.reconnect(reason)]);
  }

  public subscribe(listener: (event: BrokerEvent) => void): () => void {
    return this.events.subscribe(listener);
  }

  public accounts(): Promise<Result<AccountView[]>> {
    return this.parts.reference.accounts();
  }

  /** ProjectX's cap on `History/retrieveBars`. */
  public readonly maxBarsPerRequest = maxBarsPerRequest;

  public isContractId(text: string): boolean {
    return contractIdPattern.test(text);
  }

  public searchContracts(text: string): Promise<Result<ContractView[]>> {
    return this.parts.contracts.search(text);
  }

  public contractById(contractId: ContractId): Promise<Result<ContractView>> {
    return this.parts.contracts.get(contractId);
  }

  public bars(request: BarsRequest): Promise<Result<BarView[]>> {
    return this.parts.reference.bars(request);
  }

  public placeOrder(
    request: BrokerOrderRequest,
    lane: CallLane,
    options?: OrderCallOptions<{ readonly orderId: OrderId }>,
  ): Promise<Result<{ readonly orderId: OrderId }>> {
    return this.parts.placement.place(request, lane, options);
  }

  public modifyOrder(request: BrokerModifyRequest, lane: CallLane, options?: OrderCallOptions<void>): Promise<Result<void>> {
    return this.parts.changes.modify(request, lane, options);
  }

  public cancelOrder(accountId: AccountId, orderId: OrderId, lane: CallLane, options?: OrderCallOptions<void>): Promise<Result<void>> {
    return this.parts.changes.cancel(accountId, orderId, lane, options);
  }

  public closePosition(accountId: AccountId, contractId: ContractId, size: number | undefined, lane: CallLane): Promise<Result<void>> {
    return this.parts.changes.close(accountId, contractId, size, lane);
  }

  public async snapshot(accountId: AccountId, since: EpochMs): Promise<Result<BrokerSnapshot>> {
    const snapshot = await this.parts.reader.read(accountId, since);
    // The core takes this truth in: so does the ledger that later reconnects compare against.
    if (snapshot.ok) this.parts.ledger.adopt(snapshot.value);
    return snapshot;
  }

  public watchAccount(accountId: AccountId): void {
    const { reconciler, userLink } = this.parts;
    if (!reconciler.watch(accountId)) return;
    void (async () => {
      for (const subscription of accountSubscriptions(accountId)) await userLink.add(subscription);
      // Subscribed on a live socket: this account's truth is read now rather than at the next reconnect.
      if (this.lifecycle === 'running' && userLink.isConnected) await reconciler.account(accountId);
    })();
  }

  public watchMarket(contractId: ContractId): void {
    void this.parts.marketStream.watch(contractId);
  }

  public unwatchMarket(contractId: ContractId): void {
    void this.parts.marketStream.unwatch(contractId);
  }

  public diagnostics(): BrokerDiagnostics {
    const { userLink, marketLink, latency, gates, rest } = this.parts;
    return {
      channels: {
        rest: { state: this.linkStates.rest.state, lastEventAt: this.restLastOkAt, eventsPerSecond: rest.callsPerSecond() },
        'user-hub': { state: userLink.channelState, lastEventAt: userLink.lastEventAt, eventsPerSecond: userLink.eventsPerSecond() },
        'market-hub': { state: marketLink.channelState, lastEventAt: marketLink.lastEventAt, eventsPerSecond: marketLink.eventsPerSecond() },
      },
      callLatencyMs: latency.summary(),
      rateLimitHeadroom: { bars: gates.bars.headroom(), other: gates.other.headroom() },
    };
  }

  // A method, so the compiler does not narrow `lifecycle` across the awaits in start().
  private isStopped(): boolean {
    return this.lifecycle === 'stopped';
  }

  private hubConnected(channel: 'user-hub' | 'market-hub', reconnect: boolean): void {
    if (this.lifecycle !== 'running') return;
    // Market data has nothing to reconcile: the market hub's link replays its subscriptions, and
    // quotes and depth refresh themselves. Only the user hub's gaps lose account events.
    if (channel === 'market-hub') return;
    const { reconciler, auth } = this.parts;
    if (!reconnect) {
      this.userGap = undefined;
      this.firstReconcile ??= reconciler.all();
      return;
    }
    // One reconciliation per user-hub gap, reading only what can have changed since it began. A new
    // login during the gap may mean the broker's server restarted: then read everything.
    const gap = this.userGap;
    this.userGap = undefined;
    if (gap === undefined || gap.token !== auth.currentToken) {
      void reconciler.all();
      return;
    }
    void reconciler.catchUp(gap.at - this.options.hubServerTimeoutMs - this.options.reconcileMarginMs);
  }

  private link(channel: BrokerChannel, state: BrokerChannelState, reason: string): void {
    if (channel === 'rest' && state === 'live') this.restLastOkAt = this.options.clock.now();
    const previous = this.linkStates[channel];
    // REST reports after every call: only a change of state is news.
    if (previous.state === state && (channel === 'rest' || previous.reason === reason)) return;
    if (channel === 'user-hub' && (state === 'reconnecting' || state === 'down') && this.userGap === undefined)
      this.userGap = { at: this.options.clock.now(), token: this.parts.auth.currentToken };
    this.linkStates[channel] = { state, reason };
    this.emit({ kind: 'link', channel, state, reason });
    // The core halts on a lost REST link and trusts nothing until it has reconciled again. The
    // stream stayed up, so only what changed around the outage (the calls that failed) is read.
    if (channel === 'rest' && state === 'live' && previous.state === 'down' && this.lifecycle === 'running' && this.parts.userLink.isConnected) {
      void this.parts.reconciler.catchUp((this.restDownAt ?? this.options.clock.now()) - this.options.reconcileMarginMs);
    }
    if (channel === 'rest') this.restDownAt = state === 'down' ? (this.restDownAt ?? this.options.clock.now()) : undefined;
  }

  private emit(event: BrokerEvent): void {
    if (this.lifecycle === 'stopped' && event.kind !== 'link') return;
    this.events.emit(event);
  }
}
