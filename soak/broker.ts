import type { SimTruth } from '../src-main/integration/terminal-on-sim';
import type { Ledger } from './ledger';
import type { SimReady } from './processes';

/** An order as the simulator's REST `Order/search` lists it. */
export interface BrokerOrder {
  readonly id: number;
  readonly accountId: number;
  readonly contractId: string;
  readonly customTag: string | null;
  readonly status: number;
  readonly type: number;
  readonly side: number;
  readonly size: number;
  readonly creationTimestamp: string;
}

/** `/sim/state` with the parts the soak reads. */
export interface SimState extends SimTruth {
  readonly clock: string;
  readonly prices: Record<string, number>;
  readonly trades: (SimTruth['trades'][number] & { readonly voided: boolean })[];
  readonly gateway: {
    readonly faults: {
      readonly feedFrozen: boolean;
      readonly rateLimitedSeconds: number;
      readonly partialPayloadsSeconds: number;
      readonly heldOrderRequests: number;
    };
  };
}

/** The simulator as the soak reaches it: its control API, and its REST as another app with its own login. */
export class SimBroker {
  private token: string | undefined;
  /** Readings of the broker's clock against the wall clock, one per `/sim/state`. */
  private readonly clockSamples: { readonly wall: number; readonly sim: number }[] = [];

  public constructor(
    private readonly urls: SimReady,
    private readonly ledger: Ledger,
  ) {}

  /** Posts to the control API; throws when refused. */
  public async control(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${this.urls.control}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 200) throw new Error(`control ${path} refused: ${response.status} ${await response.text()}`);
  }

  public async state(): Promise<SimState> {
    const response = await fetch(`${this.urls.control}/state`);
    if (response.status !== 200) throw new Error(`/sim/state answered ${response.status}`);
    const state = (await response.json()) as SimState;
    this.clockSamples.push({ wall: Date.now(), sim: Date.parse(state.clock) });
    return state;
  }

  /**
   * The wall-clock time of a broker timestamp, from the nearest reading of the broker's clock (its
   * clock runs in real time but may fall behind when the machine is busy).
   */
  public wallTimeOf(brokerMs: number): number {
    let nearest = this.clockSamples[0];
    for (const sample of this.clockSamples) if (nearest === undefined || Math.abs(sample.sim - brokerMs) < Math.abs(nearest.sim - brokerMs)) nearest = sample;
    return nearest === undefined ? brokerMs : nearest.wall + (brokerMs - nearest.sim);
  }

  /**
   * Calls the REST API as another app on the same login would, recording the call. Answers the
   * body, or undefined on an HTTP error (a 429 storm) or a `success: false` answer.
   */
  public async otherApp(path: string, body: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
    const startedAt = Date.now();
    const accountId = typeof body.accountId === 'number' ? body.accountId : null;
    const customTag = typeof body.customTag === 'string' ? body.customTag : null;
    const finish = (ok: boolean, code: string | null, orderId: number | null = null): void =>
      this.ledger.record({ channel: `rest:${path}`, accountId, startedAt, endedAt: Date.now(), ok, code, customTag, orderId });
    try {
      this.token ??= await this.login();
      let response = await this.post(path, body, this.token);
      if (response.status === 401) {
        this.token = await this.login();
        response = await this.post(path, body, this.token);
      }
      if (response.status !== 200) {
        finish(false, `http-${response.status}`);
        return undefined;
      }
      const answer = (await response.json()) as Record<string, unknown>;
      const ok = answer.success !== false;
      finish(ok, ok ? null : `error-${String(answer.errorCode)}`, typeof answer.orderId === 'number' ? answer.orderId : null);
      return ok ? answer : undefined;
    } catch (error) {
      finish(false, error instanceof Error ? error.message.slice(0, 60) : 'failed');
      return undefined;
    }
  }

  /** Every order of an account since `sinceIso`; retries through a 429 storm for up to `patienceMs`. */
  public async orders(accountId: number, sinceIso: string, patienceMs = 30_000): Promise<BrokerOrder[]> {
    const deadline = Date.now() + patienceMs;
    for (;;) {
      const answer = await this.otherApp('/api/Order/search', { accountId, startTimestamp: sinceIso });
      if (answer !== undefined) return (answer.orders ?? []) as BrokerOrder[];
      if (Date.now() > deadline) throw new Error(`Order/search of account ${accountId} kept failing for ${patienceMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  private async login(): Promise<string> {
    const response = await this.post('/api/Auth/loginKey', { userName: 'demo', apiKey: 'demo' });
    if (response.status !== 200) throw new Error(`loginKey answered HTTP ${response.status}`);
    const answer = (await response.json()) as { token?: string };
    if (typeof answer.token !== 'string') throw new Error('loginKey answered no token');
    return answer.token;
  }

  private post(path: string, body: unknown, token?: string): Promise<Response> {
    return fetch(`${this.urls.rest}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  }
}
