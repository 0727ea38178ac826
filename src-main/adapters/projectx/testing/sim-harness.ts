// The simulator is another team's module: adapters may not import it, tests may. This helper is the
// one place that does; the lead can whitelist this file in .oxlintrc.json and drop the comment below.
import { startSimGateway, type SimGateway } from '../../../sim/gateway/sim-gateway';
import type { Clock } from '../../../core/clock';
import type { BrokerEvent, BrokerPort } from '../../../core/ports/broker-port';
import type { ProjectXBrokerOptions } from '../broker-options';
import { createProjectXBroker } from '../projectx-broker';
import { RecordingLogger } from './recording-logger';

/** Wednesday 2026-11-18 10:00 CT: the market is open. */
export const simClockStart = Date.parse('2026-11-18T16:00:00Z');
/** The simulator's demo credentials. */
export const simCredentials = { userName: 'demo', apiKey: 'demo' } as const;
/** The practice account of a fresh simulator. */
export const practiceAccount = 18_103;
/** The E-mini S&P contract the simulator lists on the pinned date. */
export const esContract = 'CON.F.US.EP.Z26';

/** A fault `POST /sim/fault` can inject. */
export type SimFault =
  'drop-sockets' | 'freeze-feed' | 'unfreeze-feed' | 'logout' | 'rate-limit' | 'reject-next-order' | 'timeout-next-order' | 'partial-payloads';

/** An order as `GET /sim/state` shows it. */
export interface SimOrder {
  readonly id: number;
  readonly customTag: string | null;
  readonly status: number;
  readonly limitPrice: number | null;
  readonly stopPrice: number | null;
  readonly size: number;
}

/** The parts of `GET /sim/state` the tests read. */
export interface SimState {
  readonly workingOrders: SimOrder[];
  readonly positions: { readonly accountId: number; readonly contractId: string; readonly size: number; readonly type: number }[];
  readonly trades: { readonly id: number; readonly orderId: number }[];
  readonly prices: Record<string, number>;
  readonly gateway: { readonly connections: { readonly hub: string; readonly subscriptions: string[] }[] };
}

/** A simulator and an adapter pointed at it, with every event recorded. Test helper only. */
export class SimSession {
  public readonly events: BrokerEvent[] = [];
  public readonly logger = new RecordingLogger();
  public readonly broker: BrokerPort;
  private waiters: { match: (event: BrokerEvent) => boolean; resolve: (event: BrokerEvent) => void }[] = [];

  private constructor(
    private current: SimGateway,
    clock: Clock,
    overrides: Partial<ProjectXBrokerOptions>,
  ) {
    const gateway = current;
    this.broker = createProjectXBroker({
      ...simCredentials,
      restUrl: gateway.urls.rest,
      userHubUrl: gateway.urls.userHub,
      marketHubUrl: gateway.urls.marketHub,
      clock,
      logger: this.logger,
      requestTimeoutMs: 1_000,
      staleFeedMs: 1_500,
      watchdogCheckMs: 250,
      reconnectDelaysMs: [0, 250, 500, 1_000],
      restartBackoffMs: { initial: 200, max: 1_000 },
      logoutGraceMs: 1_000,
      reconcileRetryMs: { initial: 200, max: 1_000 },
      ...overrides,
    });
    this.broker.subscribe((event) => {
      this.events.push(event);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.match(event)) return true;
        waiter.resolve(event);
        return false;
      });
    });
  }

  /** Starts a simulator pinned inside a trading session (or at `clockStart`), and an adapter whose clock follows it. */
  public static async open(overrides: Partial<ProjectXBrokerOptions> = {}, clockStart = simClockStart): Promise<SimSession> {
    const gateway = await startSimGateway({ clock: clockStart, seed: 11 });
    const origin = Date.now();
    const clock: Clock = { now: () => clockStart + (Date.now() - origin) };
    return new SimSession(gateway, clock, overrides);
  }

  /** The running simulator. */
  public get gateway(): SimGateway {
    return this.current;
  }

  /** Shuts the simulator down for `downMs`, then starts a fresh one on the same port (new tokens, new state). */
  public async restartGateway(downMs: number): Promise<void> {
    const port = this.current.port;
    await this.current.close();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.current = await startSimGateway({ port, clock: simClockStart, seed: 11 });
  }

  /** The next event (from `from` on, or a new one) that matches; fails after `timeoutMs`. */
  public async next<K extends BrokerEvent['kind']>(
    kind: K,
    match: (event: Extract<BrokerEvent, { kind: K }>) => boolean = () => true,
    from = this.events.length,
    timeoutMs = 5_000,
  ): Promise<Extract<BrokerEvent, { kind: K }>> {
    const test = (event: BrokerEvent): event is Extract<BrokerEvent, { kind: K }> => event.kind === kind && match(event as Extract<BrokerEvent, { kind: K }>);
    const logged = this.events.slice(from).find(test);
    if (logged !== undefined) return logged;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching ${kind} event within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match: test,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event as Extract<BrokerEvent, { kind: K }>);
        },
      });
    });
  }

  /** Every recorded event of a kind, from `from` on. */
  public all<K extends BrokerEvent['kind']>(kind: K, from = 0): Extract<BrokerEvent, { kind: K }>[] {
    return this.events.slice(from).filter((event): event is Extract<BrokerEvent, { kind: K }> => event.kind === kind);
  }

  /** Injects a fault through the control API. */
  public async fault(kind: SimFault, seconds?: number): Promise<void> {
    const response = await fetch(`${this.gateway.urls.control}/fault`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(seconds === undefined ? { kind } : { kind, seconds }),
    });
    if (response.status !== 200) throw new Error(`fault ${kind} refused: ${response.status} ${await response.text()}`);
  }

  /** The simulator's whole state (the broker's truth). */
  public async state(): Promise<SimState> {
    return (await (await fetch(`${this.gateway.urls.control}/state`)).json()) as SimState;
  }

  /** Every order of the account carrying a customTag, any status (Order/search read directly, not through the adapter). */
  public async ordersTagged(accountId: number, customTag: string): Promise<SimOrder[]> {
    const rest = this.gateway.urls.rest;
    const post = async (path: string, body: unknown, token?: string): Promise<Record<string, unknown>> => {
      const response = await fetch(`${rest}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Record<string, unknown>;
    };
    const login = await post('/api/Auth/loginKey', simCredentials);
    const search = await post('/api/Order/search', { accountId, startTimestamp: new Date(simClockStart - 86_400_000).toISOString() }, String(login.token));
    return ((search.orders ?? []) as SimOrder[]).filter((order) => order.customTag === customTag);
  }

  /** Stops the adapter, then the simulator. */
  public async close(): Promise<void> {
    await this.broker.stop();
    await this.gateway.close();
  }
}
