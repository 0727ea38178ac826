import { HttpTransportType, HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import { startSimGateway, type SimGateway, type SimGatewayOptions } from './sim-gateway';

/**
 * Helpers for the gateway's conformance tests: a gateway on a loopback port, `fetch` calls and
 * official SignalR clients. Not a test file itself.
 */

/** A Wednesday, 10:00 America/Chicago (15:00 UTC in March, after the DST switch): the market is open. */
export const openMarketClock = '2026-03-18T15:00:00.000Z';

/** Starts a gateway on a free port with a pinned, open-market clock and a fixed seed. */
export async function startTestGateway(options: SimGatewayOptions = {}): Promise<SimGateway> {
  return startSimGateway({ seed: 7, clock: openMarketClock, ...options });
}

/** An HTTP answer with its body parsed when it is JSON. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body, or undefined when it is not JSON. */
  readonly json: Record<string, unknown> | undefined;
}

/** POSTs a JSON body (a string is sent as is) and reads the answer. */
export async function post(url: string, body: unknown, token?: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return read(response);
}

/** GETs a URL and reads the answer. */
export async function get(url: string): Promise<HttpAnswer> {
  return read(await fetch(url));
}

async function read(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text.length > 0 ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A payload field the test expects in an answer; throws with the answer when it is missing. */
export function field<T>(answer: HttpAnswer, name: string): T {
  const value = answer.json?.[name];
  if (value === undefined || value === null) throw new Error(`no ${name} in ${answer.status} ${answer.text}`);
  return value as T;
}

/** Logs in with the demo credentials and returns the token. */
export async function login(gateway: SimGateway, userName = 'demo', apiKey = 'demo'): Promise<string> {
  const answer = await post(`${gateway.urls.rest}/api/Auth/loginKey`, { userName, apiKey });
  const token = answer.json?.token;
  if (typeof token !== 'string') throw new Error(`login failed: ${answer.status} ${answer.text}`);
  return token;
}

/** The contract fields the tests use. */
export interface TestContract {
  readonly id: string;
  readonly symbolId: string;
  readonly tickSize: number;
}

/** A logged-in session: its token, a tradable account and a contract (E-mini S&P when offered). */
export interface TestSession {
  readonly token: string;
  readonly accountId: number;
  readonly contract: TestContract;
}

/** Logs in and finds an account (creating one when the exchange has none) and a contract. */
export async function openSession(gateway: SimGateway): Promise<TestSession> {
  const token = await login(gateway);
  const accounts = field<{ id: number; canTrade: boolean }[]>(
    await post(`${gateway.urls.rest}/api/Account/search`, { onlyActiveAccounts: true }, token),
    'accounts',
  );
  let accountId = accounts.find((account) => account.canTrade)?.id;
  if (accountId === undefined) {
    const created = await post(`${gateway.urls.control}/accounts`, { name: 'PRAC-V2-TEST-1', balance: 50_000, canTrade: true });
    accountId = field<{ id: number }>(created, 'account').id;
  }
  const contracts = field<TestContract[]>(await post(`${gateway.urls.rest}/api/Contract/available`, { live: false }, token), 'contracts');
  const contract = contracts.find((candidate) => candidate.symbolId === 'F.US.EP') ?? contracts[0];
  if (contract === undefined) throw new Error('the exchange offers no contract');
  return { token, accountId, contract };
}

/** The price `ticks` ticks away from the contract's current price, on the tick grid. */
export async function priceAway(gateway: SimGateway, contract: TestContract, ticks: number): Promise<number> {
  const state = (await get(`${gateway.urls.control}/state`)).json as { prices: Record<string, number> } | undefined;
  const current = state?.prices[contract.id];
  if (current === undefined) throw new Error(`no price for ${contract.id}`);
  const decimals = Math.max(0, Math.ceil(-Math.log10(contract.tickSize)) + 2);
  return Number(((Math.round(current / contract.tickSize) + ticks) * contract.tickSize).toFixed(decimals));
}

/** Moves the market `ticks` ticks through the control API; resolves with the new price once the last trade is there. */
export async function moveBy(gateway: SimGateway, contract: TestContract, ticks: number): Promise<number> {
  const price = await priceAway(gateway, contract, ticks);
  const answer = await post(`${gateway.urls.control}/price`, { contractId: contract.id, price });
  if (answer.status !== 200) throw new Error(`moving the price failed: ${answer.status} ${answer.text}`);
  return price;
}

/** How the token reaches the hub: the Node client's header, or the browser's query parameter (optionally twice). */
export type TokenForm = 'header' | 'query' | 'duplicate-query';

/** Builds and starts an official SignalR client with skipNegotiation over WebSockets. */
export async function connectHub(url: string, token: string, form: TokenForm = 'header'): Promise<HubConnection> {
  const connection = buildHub(url, token, form);
  await connection.start();
  return connection;
}

/** Builds an official SignalR client without starting it. */
export function buildHub(url: string, token: string, form: TokenForm = 'header'): HubConnection {
  const query = `access_token=${encodeURIComponent(token)}`;
  const target = form === 'header' ? url : form === 'query' ? `${url}?${query}` : `${url}?${query}&${query}`;
  return new HubConnectionBuilder()
    .withUrl(target, {
      skipNegotiation: true,
      transport: HttpTransportType.WebSockets,
      // With a factory the Node client sends the header; without one only the query carries the token.
      ...(form === 'header' ? { accessTokenFactory: () => token } : {}),
    })
    .configureLogging(LogLevel.None)
    .build();
}

/** Every invocation of some targets a client received, with a way to wait for the next matching one. */
export class EventLog {
  public readonly events: { readonly target: string; readonly args: unknown[] }[] = [];
  private waiters: { target: string; match: (args: unknown[]) => boolean; resolve: (args: unknown[]) => void }[] = [];

  public constructor(connection: HubConnection, targets: readonly string[]) {
    for (const target of targets) {
      // A SignalR handler must return nothing.
      connection.on(target, (...args: unknown[]) => {
        this.events.push({ target, args });
        this.waiters = this.waiters.filter((waiter) => {
          if (waiter.target !== target || !waiter.match(args)) return true;
          waiter.resolve(args);
          return false;
        });
      });
    }
  }

  /** The arguments of every event of a target so far. */
  public of(target: string): unknown[][] {
    return this.events.filter((event) => event.target === target).map((event) => event.args);
  }

  /** The first event of a target that matches, logged from index `from` on or still to come; fails after `timeoutMs`. */
  public async next(target: string, match: (args: unknown[]) => boolean = () => true, from = 0, timeoutMs = 5000): Promise<unknown[]> {
    const logged = this.events.slice(from).find((event) => event.target === target && match(event.args));
    if (logged !== undefined) return logged.args;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${target} event within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        target,
        match,
        resolve: (args) => {
          clearTimeout(timer);
          resolve(args);
        },
      });
    });
  }
}

/** Resolves when the client's connection closes, with the error it reports. */
export function closed(connection: HubConnection): Promise<Error | undefined> {
  return new Promise((resolve) => connection.onclose((error) => resolve(error)));
}
