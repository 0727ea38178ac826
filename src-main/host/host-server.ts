import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { apiPath, sessionCheckPath, tokenParameter } from '../../src-shared/wire';
import type { Dispatcher } from '../core/contract-dispatcher';
import type { EventHub } from '../core/event-hub';
import type { Logger } from '../core/logger';
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
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const server = createServer((request, response) => {
    const refusal = checkOrigin(request.headers, boundPort);
    if (refusal !== undefined) return sendText(response, refusal.status, refusal.reason);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'method not allowed');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    // Lets the page tell a refused token from a host that is down (a browser cannot read an upgrade's status).
    if (path === sessionCheckPath) {
      const tokenRefusal = checkToken(url.searchParams.get(tokenParameter), options.token);
      return sendText(response, tokenRefusal?.status ?? 200, tokenRefusal?.reason ?? 'ok');
    }
    if (options.rendererDir === undefined) return sendText(response, 404, 'no UI is served by this host');
    void serveStatic(options.rendererDir, path, response);
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refuseUpgrade(request, boundPort, options.token);
    if (refusal !== undefined) {
      logger.warn({ reason: refusal.reason, status: refusal.status }, 'API connection refused');
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${refusal.reason}`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => serveSocket(client, options.dispatcher, options.events, logger));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
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

function refuseUpgrade(request: IncomingMessage, port: number, token: string): Refusal {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== apiPath) return { status: 403, reason: `no API at ${url.pathname}` };
  return checkOrigin(request.headers, port) ?? checkToken(url.searchParams.get(tokenParameter), token);
}
