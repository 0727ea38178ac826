import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { apiPath, sessionCheckPath, tokenParameter } from '../../src-shared/wire';
import type { Dispatcher } from '../core/contract-dispatcher';
import type { EventHub } from '../core/event-hub';
import type { Logger } from '../core/logger';
import { maxFrameBytes } from './message-limits';
import { checkOrigin, checkToken, type Refusal } from './request-guard';
import { sendText, serveStatic } from './static-files';
import { serveSocket } from './socket-session';

/** What the local server needs. */
export interface HostServerOptions {
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  readonly logger: Logger;
  readonly token: string;
  /** Folder of the built renderer, or undefined to serve the API only. */
  readonly rendererDir: string | undefined;
}

/** Where a running server can be reached. */
export interface HostAddress {
  readonly port: number;
  /** The UI, token included. */
  readonly url: string;
  /** The contract WebSocket, without the token. */
  readonly api: string;
}

/** A running local server. */
export interface HostServer {
  readonly address: HostAddress;
  close(): Promise<void>;
}

/** Starts the loopback HTTP + WebSocket server that carries the contract. Port 0 picks a free one. */
export async function startHostServer(options: HostServerOptions, port: number): Promise<HostServer> {
  const { logger } = options;
  let boundPort = port;
  // Frames up to maxFrameBytes are read so that a call over the message limit can be answered `too-large`.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes, perMessageDeflate: false });
  sockets.on('error', (error) => logger.error({ error: error.message }, 'WebSocket server failed'));
  const server = createServer((request, response) => {
    const refusal = checkOrigin(request.headers, boundPort);
    if (refusal !== undefined) return sendText(response, refusal.status, refusal.reason);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'method not allowed');
    const url = requestUrl(request);
    if (url === undefined) return sendText(response, 400, 'bad request target');
    const path = url.pathname;
    // Lets the page tell a refused token from a host that is down (a browser cannot read an upgrade's status).
    if (path === sessionCheckPath) {
      const tokenRefusal = checkToken(url.searchParams.get(tokenParameter), options.token);
      return sendText(response, tokenRefusal?.status ?? 200, tokenRefusal?.reason ?? 'ok');
    }
    if (options.rendererDir === undefined) return sendText(response, 404, 'no UI is served by this host');
    void serveStatic(options.rendererDir, path, response);
  });
  // A malformed request line or headers: answered and closed here, logged (Node's own handling, plus the log).
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    logger.warn({ code: error.code, reason: error.message }, 'malformed HTTP request; closing the connection');
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\n\r\n`);
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node removes its own error listener from an upgraded socket; a reset during the handshake or
    // after a refusal must not become an uncaught error. ws adds its own once it owns the socket.
    socket.on('error', (error: Error & { code?: string }) => logger.warn({ code: error.code, reason: error.message }, 'API connection failed'));
    const refusal = refuseUpgrade(request, boundPort, options.token);
    if (refusal !== undefined) {
      logger.warn({ reason: refusal.reason, status: refusal.status }, 'API connection refused');
      socket.end(
        `HTTP/1.1 ${refusal.status} ${refusal.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${refusal.reason}`,
      );
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => serveSocket(client, options.dispatcher, options.events, logger));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error({ error: error.message }, 'host server failed'));
  boundPort = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${boundPort}`;
  return {
    address: {
      port: boundPort,
      url: `${base}/?${tokenParameter}=${encodeURIComponent(options.token)}`,
      api: `ws://127.0.0.1:${boundPort}${apiPath}`,
    },
    close: async () => {
      for (const client of sockets.clients) client.close(1001, 'host shutting down');
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The request's URL, or undefined when its target does not parse (e.g. `GET http://[ HTTP/1.1`). */
function requestUrl(request: IncomingMessage): URL | undefined {
  try {
    return new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

function refuseUpgrade(request: IncomingMessage, port: number, token: string): Refusal {
  const url = requestUrl(request);
  if (url === undefined) return { status: 403, reason: 'bad request target' };
  if (url.pathname !== apiPath) return { status: 403, reason: `no API at ${url.pathname}` };
  return checkOrigin(request.headers, port) ?? checkToken(url.searchParams.get(tokenParameter), token);
}
