import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallChannel, CallRequest, CallResponse } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import { composeTerminal, type Terminal } from '../compose';
import { silentLogger } from '../core/logger';
import { startSimGateway, type SimGateway } from '../sim/gateway/sim-gateway';

/** Wednesday 2026-11-18 10:00 CT: the market is open. */
export const simClockStart = Date.parse('2026-11-18T16:00:00Z');
/** The practice account of a fresh simulator. */
export const practiceAccount = 18_103;

/** An order as the simulator's `/sim/state` lists it. */
export interface SimWorkingOrder {
  readonly id: number;
  readonly accountId: number;
  readonly contractId: string;
  readonly customTag: string | null;
  readonly status: number;
  readonly type: number;
  readonly side: number;
  readonly size: number;
  readonly limitPrice: number | null;
  readonly stopPrice: number | null;
}

/** The parts of `/sim/state` these tests read. */
export interface SimTruth {
  readonly workingOrders: SimWorkingOrder[];
  readonly positions: {
    readonly accountId: number;
    readonly contractId: string;
    readonly size: number;
    readonly type: number;
    readonly averagePrice: number;
  }[];
  readonly trades: {
    readonly id: number;
    readonly orderId: number;
    readonly accountId: number;
    readonly contractId: string;
    readonly side: number;
    readonly size: number;
  }[];
}

/**
 * A terminal (the real core, store, adapter) on a separately started simulator, driven through the
 * contract like a client, with the simulator's control API and REST at hand for prices, faults and
 * "another app". The terminal can be restarted against the same simulator and data folder.
 * Test helper only.
 */
export class TerminalOnSim {
  public terminal: Terminal;
  private otherAppToken: string | undefined;

  private constructor(
    public readonly gateway: SimGateway,
    public readonly dataDir: string,
    terminal: Terminal,
    private readonly unlimited: boolean,
  ) {
    this.terminal = terminal;
  }

  /** Starts a simulator (feed paused so prices move only when told) and a terminal on it. */
  public static async open(options: { readonly rateLimits?: boolean } = {}): Promise<TerminalOnSim> {
    const gateway = await startSimGateway({ clock: simClockStart, seed: 11, ...(options.rateLimits === false ? { rateLimits: false } : {}) });
    const dataDir = mkdtempSync(join(tmpdir(), 'terminal-on-sim-'));
    const unlimited = options.rateLimits === false;
    const terminal = await TerminalOnSim.compose(gateway, dataDir, unlimited);
    const session = new TerminalOnSim(gateway, dataDir, terminal, unlimited);
    await session.control('/feed', { paused: true });
    return session;
  }

  private static async compose(gateway: SimGateway, dataDir: string, unlimited: boolean): Promise<Terminal> {
    const terminal = await composeTerminal({
      host: 'headless',
      dataDir,
      logger: silentLogger,
      broker: {
        kind: 'projectx',
        restUrl: gateway.urls.rest,
        userHubUrl: gateway.urls.userHub,
        marketHubUrl: gateway.urls.marketHub,
        userName: 'demo',
        apiKey: 'demo',
        // On a simulator without rate limits, the client's own budget is lifted too.
        ...(unlimited ? { rateBudgets: { bars: { requests: 100_000, windowMs: 1_000 }, other: { requests: 100_000, windowMs: 1_000 } } } : {}),
      },
      clockStart: Date.parse(gateway.exchange.state().clock),
    });
    await terminal.start();
    return terminal;
  }

  /** Calls a contract channel; throws on a failure (use `try` for expected ones). */
  public async call<C extends CallChannel>(channel: C, request: CallRequest<C>): Promise<CallResponse<C>> {
    const result = await this.try(channel, request);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  /** Calls a contract channel and returns its result. */
  public async try<C extends CallChannel>(channel: C, request: CallRequest<C>): Promise<Result<CallResponse<C>>> {
    return (await this.terminal.dispatcher.dispatch(channel, request)) as Result<CallResponse<C>>;
  }

  /** Posts to the simulator's control API. */
  public async control(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${this.gateway.urls.control}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 200) throw new Error(`control ${path} refused: ${response.status} ${await response.text()}`);
  }

  /** Moves a contract's price (trades through the levels in between). */
  public async price(symbol: string, price: number): Promise<void> {
    await this.control('/price', { symbol, price });
  }

  /** The broker's truth. */
  public async truth(): Promise<SimTruth> {
    return (await (await fetch(`${this.gateway.urls.control}/state`)).json()) as SimTruth;
  }

  /** Calls the simulator's REST as another app would (its own login). */
  public async otherApp(path: string, body: unknown): Promise<Record<string, unknown>> {
    const post = async (route: string, payload: unknown, token?: string) => {
      const response = await fetch(`${this.gateway.urls.rest}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(payload),
      });
      return (await response.json()) as Record<string, unknown>;
    };
    this.otherAppToken ??= String((await post('/api/Auth/loginKey', { userName: 'demo', apiKey: 'demo' })).token);
    return post(path, body, this.otherAppToken);
  }

  /** Every order of an account since the simulator started, in any state, as the broker's REST lists it. */
  public async brokerOrders(accountId: number): Promise<{ id: number; customTag: string | null; status: number }[]> {
    const answer = await this.otherApp('/api/Order/search', { accountId, startTimestamp: new Date(simClockStart - 86_400_000).toISOString() });
    return (answer.orders ?? []) as { id: number; customTag: string | null; status: number }[];
  }

  /** Stops the terminal (the simulator keeps running) and starts a new one on the same data folder. */
  public async restart(whileDown?: () => Promise<void>): Promise<void> {
    await this.terminal.dispose();
    await whileDown?.();
    this.terminal = await TerminalOnSim.compose(this.gateway, this.dataDir, this.unlimited);
  }

  /** Resolves once the terminal's protection engine has nothing in flight. */
  public async settled(): Promise<void> {
    await this.terminal.trading?.protection?.engine.settled();
  }

  /** Stops the terminal and the simulator and removes the data folder. */
  public async close(): Promise<void> {
    await this.terminal.dispose();
    await this.gateway.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
