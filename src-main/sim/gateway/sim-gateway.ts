import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../../core/logger';
import type { SimExchange } from '../exchange/exchange-api';
import { createSimExchange } from '../exchange/sim-exchange';
import { controlBasePath, serveControl } from './control-api';
import { Faults } from './faults';
import { sendEmpty, sendText } from './http-io';
import { HubServer } from './hub-server';
import { createTokenAuthority, defaultTokenTtlSeconds, demoCredentials, type Credentials } from './jwt-auth';
import { MarketHub } from './market-hub';
import { projectXRateLimits, SlidingWindowLimiter, type RateLimits } from './rate-limiter';
import { serveRest } from './rest-api';
import { UserHub, type UserEventForm } from './user-hub';

/** Options of `startSimGateway`; every field has a default. */
export interface SimGatewayOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on; loopback by default (the control API has no token). */
  readonly host?: string;
  /** Seed of the exchange's market generator. */
  readonly seed?: number;
  /** Where the exchange clock starts (ISO text or epoch ms); it then runs forward in real time. */
  readonly clock?: string | number;
  /** Accepted loginKey pairs; default `demo` / `demo`. */
  readonly credentials?: readonly Credentials[];
  /** Token lifetime; default 24 h. */
  readonly tokenTtlSeconds?: number;
  /** REST budgets; default the documented ProjectX limits; `false` turns limiting off (benchmarks). */
  readonly rateLimits?: RateLimits | false;
  /** `wrapped` (default, as live: `{action, data}`) or `flat` (as the docs print). */
  readonly userEventForm?: UserEventForm;
  /** Write REST prices with nine decimals like the docs (`6335.250000000`); default true. */
  readonly nineDecimalPrices?: boolean;
  /** Server ping interval; default 15 s. */
  readonly pingIntervalMs?: number;
  /** Silence after which a hub client is dropped; default 30 s. */
  readonly clientTimeoutMs?: number;
  /** An exchange to serve instead of a new `createSimExchange`; its owner starts and stops it. */
  readonly exchange?: SimExchange;
  readonly logger?: Logger;
  /** Wall clock of tokens, rate limits and timed faults (tests move it); default `Date.now`. */
  readonly wallClock?: () => number;
}

/** Where the running gateway answers. */
export interface SimGatewayUrls {
  readonly rest: string;
  readonly userHub: string;
  readonly marketHub: string;
  readonly control: string;
}

/** A running simulator gateway. */
export interface SimGateway {
  readonly urls: SimGatewayUrls;
  readonly port: number;
  readonly exchange: SimExchange;
  /** Closes the hubs, held requests and the server; stops the exchange when the gateway created it. */
  close(): Promise<void>;
}

/** Starts the ProjectX-compatible simulator: REST, both SignalR hubs and the control API on one port. */
export async function startSimGateway(options: SimGatewayOptions = {}): Promise<SimGateway> {
  const logger = options.logger ?? silentLogger;
  const now = options.wallClock ?? Date.now;
  const ownsExchange = options.exchange === undefined;
  const exchange = options.exchange ?? createSimExchange({ seed: options.seed, clockStart: options.clock, logger });
  const auth = createTokenAuthority({
    credentials: options.credentials ?? [demoCredentials],
    ttlSeconds: options.tokenTtlSeconds ?? defaultTokenTtlSeconds,
    now,
  });
  const limits = options.rateLimits ?? projectXRateLimits;
  const limiters = limits === false ? undefined : { bars: new SlidingWindowLimiter(limits.bars, now), other: new SlidingWindowLimiter(limits.other, now) };
  const heldResponses = new Set<ServerResponse>();
  // The fault actions reach the hub server, created below, only when a fault is injected.
  const faults = new Faults({ dropSockets: () => hubs.dropAll(), sendLogout: () => hubs.sendLogout() }, now);
  const userHub = new UserHub(options.userEventForm ?? 'wrapped', faults);
  const marketHub = new MarketHub(exchange, faults);
  const hubs = new HubServer({
    auth,
    hubs: { user: userHub, market: marketHub },
    logger,
    pingIntervalMs: options.pingIntervalMs ?? 15_000,
    clientTimeoutMs: options.clientTimeoutMs ?? 30_000,
  });
  const restContext = { exchange, auth, limiters, faults, nineDecimals: options.nineDecimalPrices ?? true, logger, heldResponses };
  const controlContext = { exchange, faults, logger, gatewayState: () => ({ connections: hubs.report(), faults: faults.report() }) };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path.startsWith('/api/')) return serveRest(request, response, path, restContext);
    if (path === controlBasePath || path.startsWith(`${controlBasePath}/`)) return serveControl(request, response, path, controlContext);
    const negotiate = /^(\/hubs\/[^/]+)\/negotiate$/i.exec(path);
    if (negotiate !== null && HubServer.hubOf(negotiate[1] ?? '') !== undefined) return hubs.negotiate(request, response, url);
    // A hub path without an upgrade, as ASP.NET answers it.
    if (HubServer.hubOf(path) !== undefined) return sendText(response, 400, 'Connection ID required');
    sendEmpty(response, 404);
  };
  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      logger.error({ url: request.url, error: error instanceof Error ? error.message : String(error) }, 'gateway request failed');
      sendEmpty(response, 500);
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => hubs.upgrade(request, socket, head));

  const unsubscribe = exchange.subscribe((event) => {
    // A fault in the gateway must not break the exchange's own event loop.
    try {
      userHub.route(event);
      marketHub.route(event);
    } catch (error) {
      logger.error({ kind: event.kind, error: error instanceof Error ? error.message : String(error) }, 'routing an exchange event failed');
    }
  });
  if (ownsExchange) exchange.start();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
  } catch (error) {
    unsubscribe();
    await hubs.close(0);
    if (ownsExchange) exchange.stop();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ base }, 'simulator gateway listening');
  let closing: Promise<void> | undefined;
  return {
    urls: { rest: base, userHub: `${base}/hubs/user`, marketHub: `${base}/hubs/market`, control: `${base}${controlBasePath}` },
    port,
    exchange,
    close: () => {
      closing ??= (async () => {
        unsubscribe();
        await hubs.close();
        for (const response of heldResponses) response.destroy();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        if (ownsExchange) exchange.stop();
      })();
      return closing;
    },
  };
}
