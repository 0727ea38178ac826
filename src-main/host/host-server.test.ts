import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { composeTerminal, type Terminal } from '../compose';
import { silentLogger } from '../core/logger';
import { startHostServer, type HostServer } from './host-server';

const token = 't'.repeat(43);
let server: HostServer | undefined;
let terminal: Terminal | undefined;

async function start(): Promise<{ server: HostServer; terminal: Terminal }> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  terminal = await composeTerminal({ host: 'headless', dataDir: rendererDir, logger: silentLogger, broker: { kind: 'none' } });
  server = await startHostServer({ dispatcher: terminal.dispatcher, events: terminal.events, logger: silentLogger, token, rendererDir }, 0);
  return { server, terminal };
}

afterEach(async () => {
  await server?.close();
  await terminal?.dispose();
  server = undefined;
});

/** Opens a socket and resolves with it, or with the HTTP status of a refused upgrade. */
function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', () => resolve(0));
  });
}

function nextMessage(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

function httpGet(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('host server', () => {
  it('serves contract calls to a client with the token', async () => {
    const { server } = await start();
    const socket = await open(`${server.address.api}?token=${token}`);
    if (typeof socket === 'number') throw new Error(`refused with ${socket}`);

    socket.send(JSON.stringify({ t: 'call', id: 7, channel: 'app.info', request: {} }));
    const answer = await nextMessage(socket);
    socket.close();

    expect(answer).toMatchObject({ t: 'result', id: 7, result: { ok: true, value: { host: 'headless' } } });
  });

  it('refuses a missing or wrong token, a foreign Origin and a foreign Host', async () => {
    const { server } = await start();
    const { api, port } = server.address;

    const statuses = await Promise.all([
      open(api),
      open(`${api}?token=wrong`),
      open(`${api}?token=${token}`, { origin: 'http://evil.example' }),
      open(`${api}?token=${token}`, { host: `attacker.example:${port}` }),
    ]);

    expect(statuses).toEqual([401, 401, 403, 403]);
  });

  it('answers an unknown channel and a bad request with typed errors and keeps serving', async () => {
    const { server } = await start();
    const socket = await open(`${server.address.api}?token=${token}`);
    if (typeof socket === 'number') throw new Error(`refused with ${socket}`);

    socket.send('{ not json');
    socket.send(JSON.stringify({ t: 'call', id: 1, channel: 'nope.nothing', request: {} }));
    const unknown = await nextMessage(socket);
    socket.send(JSON.stringify({ t: 'call', id: 2, channel: 'app.ping', request: { nonce: 5 } }));
    const invalid = await nextMessage(socket);
    socket.send(JSON.stringify({ t: 'call', id: 'x', channel: 'app.ping' }));
    socket.send(JSON.stringify({ t: 'call', id: 3, channel: 'app.ping', request: { nonce: 'ok' } }));
    const fine = await nextMessage(socket);
    socket.close();

    expect(unknown).toMatchObject({ id: 1, result: { ok: false, error: { code: 'unknown-channel' } } });
    expect(invalid).toMatchObject({ id: 2, result: { ok: false, error: { code: 'invalid-request', field: 'nonce' } } });
    expect(fine).toMatchObject({ id: 3, result: { ok: true, value: { nonce: 'ok' } } });
  });

  it('sends events only on channels the client subscribed to', async () => {
    const { server, terminal } = await start();
    const socket = await open(`${server.address.api}?token=${token}`);
    if (typeof socket === 'number') throw new Error(`refused with ${socket}`);

    terminal.connection.update('connecting', 'halted', 'before subscribing');
    socket.send(JSON.stringify({ t: 'sub', channels: ['connection.changed', 'made.up'] }));
    socket.send(JSON.stringify({ t: 'call', id: 1, channel: 'app.ping', request: {} }));
    await nextMessage(socket);
    const event = nextMessage(socket);
    terminal.connection.update('live', 'active', 'after subscribing');

    await expect(event).resolves.toMatchObject({ t: 'event', channel: 'connection.changed', payload: { broker: 'live', reason: 'after subscribing' } });
    socket.close();
  });

  it('serves the UI only inside its folder and only to a loopback Host', async () => {
    const { server } = await start();
    const { port } = server.address;
    const local = `127.0.0.1:${port}`;

    const statuses = await Promise.all([
      httpGet(port, '/', local),
      httpGet(port, '/../../etc/passwd', local),
      httpGet(port, '/%2e%2e/%2e%2e/etc/passwd', local),
      httpGet(port, '/', `evil.example:${port}`),
      httpGet(port, `/api/session?token=${token}`, local),
      httpGet(port, '/api/session?token=nope', local),
    ]);

    expect(statuses).toEqual([200, 404, 404, 403, 200, 401]);
  });
});
