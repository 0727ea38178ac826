import { HttpTransportType, HubConnectionBuilder, HubConnectionState, type HubConnection, type IHttpConnectionOptions } from '@microsoft/signalr';
import { WebSocket } from 'ws';
import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import type { BrokerChannelState } from '../../../core/ports/broker-port';
import { EventRate } from '../diagnostics/event-rate';
import { describeError } from '../support/event-stream';
import { redactSecrets } from '../support/redact';
import type { TimerScope } from '../support/timer-scope';
import { signalrLogger } from './signalr-logger';
import { SubscriptionList, type HubSubscription } from './subscription-list';

/** The part of a hub link that event handlers need. */
export interface HubEvents {
  /** Registers a server event handler; it must not throw. */
  on(target: string, handler: (...args: unknown[]) => void): void;
}

/** Reconnection tuning of one hub. */
export interface HubLinkSettings {
  readonly url: string;
  readonly name: 'user-hub' | 'market-hub';
  /** Delays of SignalR's automatic reconnect; after the last one it gives up and the restart loop takes over. */
  readonly reconnectDelaysMs: readonly number[];
  /** Backoff of the restart loop: doubles from `initialMs` up to `maxMs`. */
  readonly restartInitialMs: number;
  readonly restartMaxMs: number;
  readonly serverTimeoutMs: number;
  readonly keepAliveMs: number;
}

/** What a hub link reports and needs. */
export interface HubLinkParts {
  readonly token: () => string | undefined;
  readonly clock: Clock;
  readonly timers: TimerScope;
  readonly logger: Logger;
  readonly onState: (state: BrokerChannelState, reason: string) => void;
  /** Runs after each (re)connect, once the subscriptions were replayed. */
  readonly onConnected: (reconnect: boolean) => void;
  /** Gets a fresh token; called when restarts keep failing (the server may no longer accept the old one). */
  readonly renewToken: () => Promise<unknown>;
}

/**
 * One SignalR hub connection that stays up (docs/projectx-gateway.md §6, §9): token in the URL and
 * from the factory, automatic reconnect, then a restart loop with backoff when SignalR gives up, and
 * the ordered subscription list replayed after every (re)connect because the server keeps none.
 */
export class HubLink implements HubEvents {
  private readonly connection: HubConnection;
  private readonly subscriptions = new SubscriptionList();
  private readonly rate: EventRate;
  private stopping = false;
  private restarting = false;
  private looping = false;
  private connectedOnce = false;
  private lastEvent: number | null = null;
  private connectedAt: number | null = null;
  private state: BrokerChannelState = 'down';

  public constructor(
    private readonly settings: HubLinkSettings,
    private readonly parts: HubLinkParts,
  ) {
    this.rate = new EventRate(parts.clock);
    const policy = settings.reconnectDelaysMs;
    // `WebSocket` is read by the client at run time but missing from its types; passing `ws`
    // explicitly keeps Node working whichever build of the client a bundler picks.
    const connectionOptions: IHttpConnectionOptions & { readonly WebSocket: unknown } = {
      skipNegotiation: true,
      transport: HttpTransportType.WebSockets,
      accessTokenFactory: () => parts.token() ?? '',
      WebSocket,
      timeout: 10_000,
      logger: signalrLogger(parts.logger, settings.name, parts.token),
    };
    this.connection = new HubConnectionBuilder()
      .withUrl(this.urlWithToken(), connectionOptions)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => policy[context.previousRetryCount] ?? null })
      .withServerTimeout(settings.serverTimeoutMs)
      .withKeepAliveInterval(settings.keepAliveMs)
      .build();
    this.connection.onreconnecting((error) => {
      this.refreshUrl();
      this.setState('reconnecting', error === undefined ? 'connection lost' : this.describe(error));
    });
    this.connection.onreconnected(() => void this.connected(true));
    this.connection.onclose((error) => this.closed(error));
  }

  /** The hub's name. */
  public get name(): 'user-hub' | 'market-hub' {
    return this.settings.name;
  }

  /** The channel state last reported. */
  public get channelState(): BrokerChannelState {
    return this.state;
  }

  /** When the last server event arrived, or null. */
  public get lastEventAt(): number | null {
    return this.lastEvent;
  }

  /** When the socket last (re)connected, or null. */
  public get lastConnectedAt(): number | null {
    return this.connectedAt;
  }

  /** Reports a silent feed on an open socket (the watchdog's verdict). */
  public markStale(reason: string): void {
    if (this.state === 'live') this.setState('stale', reason);
  }

  /** Reports that events flow again after `markStale`. */
  public markLive(reason: string): void {
    if (this.state === 'stale' && this.isConnected) this.setState('live', reason);
  }

  /** Server events per second, recent average. */
  public eventsPerSecond(): number {
    return this.rate.perSecond();
  }

  /** Whether the socket is up. */
  public get isConnected(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  /** Registers a server event handler (kept across reconnects); it must not throw. */
  public on(target: string, handler: (...args: unknown[]) => void): void {
    this.connection.on(target, (...args: unknown[]) => {
      this.markEvent();
      try {
        handler(...args);
      } catch (error) {
        // Handlers skip bad payloads themselves; this is the last line, so SignalR never sees a throw.
        this.parts.logger.error({ hub: this.settings.name, event: target, reason: this.describe(error) }, 'hub event handler threw');
      }
    });
  }

  /** Counts a server event now. */
  public markEvent(): void {
    this.lastEvent = this.parts.clock.now();
    this.rate.record();
  }

  /** Opens the connection; on failure the restart loop keeps trying. Resolves true when connected now. */
  public async start(): Promise<boolean> {
    if (this.stopping) return false;
    this.setState('connecting', 'opening the hub');
    try {
      this.refreshUrl();
      await this.connection.start();
    } catch (error) {
      this.setState('reconnecting', `cannot open the hub: ${this.describe(error)}`);
      void this.restartLoop();
      return false;
    }
    await this.connected(this.connectedOnce);
    return true;
  }

  /** Adds a subscription (kept for every reconnect) and sends it now when connected. */
  public async add(subscription: HubSubscription): Promise<void> {
    if (!this.subscriptions.add(subscription) || !this.isConnected) return;
    await this.invoke(subscription.subscribe, subscription.args);
  }

  /** Drops a subscription and sends the unsubscribe now when connected. */
  public async remove(subscription: HubSubscription): Promise<void> {
    if (!this.subscriptions.remove(subscription) || !this.isConnected) return;
    await this.invoke(subscription.unsubscribe, subscription.args);
  }

  /** Whether a subscription is kept. */
  public holds(subscription: HubSubscription): boolean {
    return this.subscriptions.has(subscription);
  }

  /** Number of kept subscriptions. */
  public get subscriptionCount(): number {
    return this.subscriptions.size;
  }

  /** The contract ids the kept subscriptions name, without repeats (what the market hub watches). */
  public get subscribedContracts(): string[] {
    const ids = new Set<string>();
    for (const subscription of this.subscriptions.all()) for (const arg of subscription.args) if (typeof arg === 'string') ids.add(arg);
    return [...ids];
  }

  /** Sends every kept subscription again on the open socket; true when all were accepted. */
  public async resubscribe(): Promise<boolean> {
    let accepted = true;
    for (const subscription of this.subscriptions.all()) accepted = (await this.invoke(subscription.subscribe, subscription.args)) && accepted;
    return accepted;
  }

  /** Sends one hub method; false when it failed (logged). */
  public async invoke(method: string, args: readonly unknown[]): Promise<boolean> {
    try {
      await this.connection.invoke(method, ...args);
      return true;
    } catch (error) {
      this.parts.logger.warn({ hub: this.settings.name, method, reason: this.describe(error) }, 'hub method failed');
      return false;
    }
  }

  /** Drops the socket and connects again (the watchdog's second remedy, or a dead session). */
  public async reconnect(reason: string): Promise<void> {
    if (this.stopping || this.restarting) return;
    this.parts.logger.warn({ hub: this.settings.name, reason }, 'reconnecting the hub');
    this.restarting = true;
    this.setState('reconnecting', reason);
    try {
      await this.connection.stop();
    } finally {
      this.restarting = false;
    }
    void this.restartLoop();
  }

  /** Closes the connection for good. */
  public async stop(): Promise<void> {
    this.stopping = true;
    await this.connection.stop();
    this.setState('down', 'stopped');
  }

  private async connected(reconnect: boolean): Promise<void> {
    this.connectedOnce = true;
    // A fresh socket has no events yet; the watchdog counts from here.
    this.connectedAt = this.parts.clock.now();
    await this.resubscribe();
    if (!this.isConnected) return;
    this.setState('live', reconnect ? 'reconnected; subscriptions replayed' : 'connected');
    this.parts.onConnected(reconnect);
  }

  private closed(error: Error | undefined): void {
    if (this.stopping) return;
    // A deliberate reconnect stops the socket itself and then runs the loop.
    if (this.restarting) return;
    this.setState('reconnecting', error === undefined ? 'connection closed' : `connection closed: ${this.describe(error)}`);
    void this.restartLoop();
  }

  private async restartLoop(): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    try {
      let delay = 0;
      for (let attempt = 1; !this.stopping; attempt++) {
        if (delay > 0 && !(await this.parts.timers.sleep(delay))) return;
        // SignalR's own reconnect may be running again; it reports through onclose when it gives up.
        if (this.stopping || this.connection.state !== HubConnectionState.Disconnected) return;
        try {
          this.refreshUrl();
          await this.connection.start();
          await this.connected(true);
          if (this.isConnected) return;
        } catch (error) {
          this.parts.logger.warn({ hub: this.settings.name, attempt, reason: this.describe(error) }, 'hub restart failed');
          this.setState('reconnecting', `restart attempt ${attempt} failed`);
          // A server that restarted or revoked the session refuses the old token: get a new one.
          if (attempt >= 2) await this.parts.renewToken();
        }
        delay = delay === 0 ? this.settings.restartInitialMs : Math.min(this.settings.restartMaxMs, delay * 2);
      }
    } finally {
      this.looping = false;
    }
  }

  private describe(error: unknown): string {
    return redactSecrets(describeError(error), [this.parts.token()]);
  }

  private refreshUrl(): void {
    const state = this.connection.state;
    if (state === HubConnectionState.Disconnected || state === HubConnectionState.Reconnecting) this.connection.baseUrl = this.urlWithToken();
  }

  private urlWithToken(): string {
    const token = this.parts.token();
    if (token === undefined) return this.settings.url;
    const url = new URL(this.settings.url);
    url.searchParams.set('access_token', token);
    return url.toString();
  }

  private setState(state: BrokerChannelState, reason: string): void {
    if (this.stopping && state !== 'down') return;
    this.state = state;
    this.parts.onState(state, reason);
  }
}
