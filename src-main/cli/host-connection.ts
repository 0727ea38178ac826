import WebSocket from 'ws';
import { ContractClient } from '../../src-shared/contract-client';
import { fail, ok, type Result } from '../../src-shared/result';
import { tokenParameter, type ResultMessage } from '../../src-shared/wire';
import { maxMessageBytes, peekCallId, tooLarge } from '../host/message-limits';
import type { HostTarget } from './host-target';

/** An open connection to a running terminal. */
export interface HostConnection {
  readonly client: ContractClient;
  close(): void;
}

/** Connects to the host; a refused token or an unreachable host comes back as a typed error. */
export function connectToHost(target: HostTarget, timeoutMs = 5000): Promise<Result<HostConnection>> {
  const url = new URL(target.api);
  url.searchParams.set(tokenParameter, target.token);
  const socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
  const client = new ContractClient({ callTimeoutMs: 30_000 });
  return new Promise((resolve) => {
    socket.once('open', () => {
      client.attach((text) => send(socket, client, text));
      socket.on('message', (data) => client.receive(data.toString()));
      socket.on('close', (code) =>
        client.detach(code === 1009 ? 'the terminal closed the connection: a message was too large' : 'the terminal closed the connection'),
      );
      resolve(ok({ client, close: () => socket.close() }));
    });
    socket.once('unexpected-response', (_request, response) => {
      const status = response.statusCode ?? 0;
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => {
        socket.terminate();
        const reason = body.trim() || `HTTP ${status}`;
        resolve(fail(status === 401 ? 'unauthorized' : 'not-connected', `the terminal refused the connection: ${reason}`));
      });
    });
    // `on`, not `once`: a second error (a reset after a failed handshake) must not be unhandled.
    socket.on('error', (error) => resolve(fail('not-connected', `cannot reach the terminal at ${target.api}: ${error.message}`)));
  });
}

/**
 * Sends a message; one over the terminal's limit is not sent (the terminal would refuse it, or
 * close the connection when it is far over) but answered here with the terminal's own `too-large`.
 */
function send(socket: WebSocket, client: ContractClient, text: string): void {
  const bytes = Buffer.byteLength(text);
  if (bytes <= maxMessageBytes) {
    socket.send(text);
    return;
  }
  const id = peekCallId(text);
  if (id === undefined) return;
  const answer: ResultMessage = { t: 'result', id, result: tooLarge(bytes) };
  queueMicrotask(() => client.receive(JSON.stringify(answer)));
}
