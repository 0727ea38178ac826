import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Logger } from '../../core/logger';
import { HubConnection, type HubHandlers, type HubName } from './hub-connection';
import { sendEmpty, sendJson } from './http-io';
import { bearerToken, type TokenAuthority } from './jwt-auth';
import { invocationRecord } from './signalr-framing';

/** What the hub server needs. */
export interface HubServerOptions {
  readonly auth: TokenAuthority;
  readonly hubs: Readonly<Record<HubName, HubHandlers>>;
  readonly logger: Logger;
  /** How often the server pings each connection (the official client gives up after 30 s of silence). */
  readonly pingIntervalMs: number;
  /** A client silent this long (its own pings included) is closed. */
  readonly clientTimeoutMs: number;
}

/** One connection as `GET /sim/state` shows it. */
export interface ConnectionReport {
  readonly id: number;
  readonly hub: HubName;
  readonly subscriptions: string[];
}

const hubPaths: ReadonlyMap<string, HubName> = new Map([
  ['/hubs/user', 'user'],
  ['/hubs/market', 'market'],
]);

/** The longest record a client may send; ASP.NET's default maximum message size is 32 KB. */
const maxRecordChars = 64 * 1024;
const maxBufferedBytes = 16 * 1024 * 1024;

/**
 * Accepts the hubs' WebSocket upgrades (no negotiate needed), checks the token from
 * `access_token` (duplicates tolerated) or `Authorization: Bearer`, and keeps every connection
 * for pings, faults and shutdown.
 */
export class HubServer {
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024, perMessageDeflate: false });
  private readonly connections = new Set<HubConnection>();
  private readonly timer: NodeJS.Timeout;
  private nextId = 1;

  public constructor(private readonly options: HubServerOptions) {
    this.timer = setInterval(() => this.keepAlive(), options.pingIntervalMs);
    this.timer.unref();
  }

  /** The hub a path names, if any (ASP.NET routes ignore case). */
  public static hubOf(path: string): HubName | undefined {
    return hubPaths.get(path.toLowerCase().replace(/\/+$/, ''));
  }

  /** Handles an HTTP upgrade request; refuses it with 404 or 401 before any WebSocket exists. */
  public upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const hub = HubServer.hubOf(url.pathname);
    if (hub === undefined) return refuse(socket, 404, 'Not Found');
    // A client that gives up while the token is checked must not crash the server.
    socket.on('error', () => socket.destroy());
    void this.authorised(request, url).then((ok) => {
      if (!ok) {
        this.options.logger.warn({ hub }, 'hub connection refused: no valid token');
        return refuse(socket, 401, 'Unauthorized');
      }
      this.sockets.handleUpgrade(request, socket, head, (webSocket) => {
        const connection = new HubConnection(this.nextId++, hub, webSocket, this.options.hubs[hub], {
          logger: this.options.logger,
          maxBufferedBytes,
          maxRecordChars,
          now: Date.now,
        });
        this.connections.add(connection);
        webSocket.once('close', () => this.connections.delete(connection));
      });
    });
  }

  /** `POST /hubs/<hub>/negotiate`, for clients that do not skip it: it offers WebSockets only. */
  public async negotiate(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.method !== 'POST') return sendEmpty(response, 405, { allow: 'POST' });
    if (!(await this.authorised(request, url))) return sendEmpty(response, 401, { 'www-authenticate': 'Bearer' });
    const connectionId = randomUUID();
    sendJson(response, 200, {
      negotiateVersion: 1,
      connectionId,
      connectionToken: connectionId,
      availableTransports: [{ transport: 'WebSockets', transferFormats: ['Text'] }],
    });
  }

  /** Sends `GatewayLogout` on every connection of both hubs. */
  public sendLogout(): void {
    const record = invocationRecord('GatewayLogout', []);
    for (const connection of this.connections) if (connection.open) connection.send(record);
  }

  /** Drops every hub socket without a close message. */
  public dropAll(): void {
    for (const connection of this.connections) connection.terminate();
  }

  /** Every open connection and its subscriptions. */
  public report(): ConnectionReport[] {
    return [...this.connections].map((connection) => ({ id: connection.id, hub: connection.hub, subscriptions: [...connection.subscriptions].sort() }));
  }

  /** Closes every connection (the clients may reconnect later), giving them `graceMs` to answer before dropping them. */
  public async close(graceMs = 1000): Promise<void> {
    clearInterval(this.timer);
    for (const connection of this.connections) connection.close('Server is shutting down.', true);
    const deadline = Date.now() + graceMs;
    while (this.connections.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    this.dropAll();
    this.sockets.close();
  }

  private async authorised(request: IncomingMessage, url: URL): Promise<boolean> {
    // The browser client puts the token in the query (sometimes twice), the Node client in a header.
    const candidates = new Set(url.searchParams.getAll('access_token').filter((token) => token.length > 0));
    const header = bearerToken(request.headers.authorization);
    if (header !== undefined) candidates.add(header);
    for (const token of candidates) if ((await this.options.auth.verify(token)).ok) return true;
    return false;
  }

  private keepAlive(): void {
    // Transport timing runs on the real clock, whatever clock the tokens and faults use.
    const now = Date.now();
    for (const connection of this.connections) {
      if (now - connection.lastReceived > this.options.clientTimeoutMs) {
        connection.close('Server timeout elapsed without receiving a message from the client.', true);
      } else {
        connection.ping();
      }
    }
  }
}

function refuse(socket: Duplex, status: 401 | 404, reason: string): void {
  const headers = status === 401 ? 'www-authenticate: Bearer\r\n' : '';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers}content-length: 0\r\nconnection: close\r\n\r\n`);
}
