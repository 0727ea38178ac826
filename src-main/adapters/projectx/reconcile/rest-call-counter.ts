import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One REST call that reached the gateway behind the counter. */
export interface CountedCall {
  readonly path: string;
  /** `performance.now()` when the request arrived. */
  readonly at: number;
}

/** A counting pass-through in front of a gateway's REST (tests and benchmarks only). */
export interface RestCallCounter {
  /** Base URL to give the adapter as `restUrl`. */
  readonly url: string;
  /** Every call received so far, in arrival order. */
  readonly calls: readonly CountedCall[];
  close(): Promise<void>;
}

const forwardedHeaders = ['authorization', 'content-type', 'accept'];
const returnedHeaders = ['content-type', 'retry-after'];

/**
 * Starts a loopback HTTP server that forwards every request to `target()` (read per request, so it
 * can be bound after the gateway starts) and records what the gateway received. Test and benchmark
 * tool: it measures how many REST calls the adapter spends, as the gateway sees them.
 */
export async function startRestCallCounter(target: () => string): Promise<RestCallCounter> {
  const calls: CountedCall[] = [];
  const forward = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = request.url ?? '/';
    calls.push({ path: path.split('?')[0] ?? path, at: performance.now() });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const name of forwardedHeaders) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const method = request.method ?? 'GET';
    const answer = await fetch(`${target()}${path}`, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks) });
    const out: Record<string, string> = {};
    for (const name of returnedHeaders) {
      const value = answer.headers.get(name);
      if (value !== null) out[name] = value;
    }
    response.writeHead(answer.status, out);
    response.end(Buffer.from(await answer.arrayBuffer()));
  };
  const server = createServer((request, response) => {
    forward(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
