import { HttpTransportType, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import type { SimExchange } from '../src-main/sim/exchange/exchange-api';
import { recordSeparator } from '../src-main/sim/gateway/signalr-framing';
import { startSimGateway, type SimGateway } from '../src-main/sim/gateway/sim-gateway';
import { median, round, type Benchmark } from './bench-harness';

const events = 100_000;
const runs = 5;
/** Events the exchange emits per event-loop turn (a busy feed emits several per tick). */
const burst = 50;
/** The emitter stays at most this many events ahead of the client, so a run measures throughput, not buffering. */
const window = 5_000;
const target = 20_000;
/** A Wednesday, 10:00 America/Chicago: the market is open. */
const clock = '2026-03-18T15:00:00.000Z';
const handshake = `{"protocol":"json","version":1}${recordSeparator}`;

/**
 * Market events per second from the simulator (real exchange, `burst` load of quotes and depth
 * updates) through the gateway to ONE official @microsoft/signalr client, next to a raw `ws`
 * baseline that replays the very frames the gateway sent (same count and sizes, no SignalR, no gateway).
 */
export const simMarketEventsBenchmark: Benchmark = {
  name: 'sim-market-events',
  async run() {
    const frames = await captureFrames();
    const signalr: number[] = [];
    const raw: number[] = [];
    for (let index = 0; index < runs; index++) {
      signalr.push(await signalrRun());
      raw.push(await rawRun(frames));
    }
    const signalrRate = median(signalr);
    const rawRate = median(raw);
    return {
      events,
      runs,
      burst,
      meanRecordBytes: round(frames.reduce((sum, frame) => sum + frame.length, 0) / events, 0),
      signalrEventsPerSecond: round(signalrRate, 0),
      rawWsEventsPerSecond: round(rawRate, 0),
      ratioToRawWs: round(signalrRate / rawRate),
      targetEventsPerSecond: target,
      meetsTarget: signalrRate >= target,
    };
  },
};

interface Load {
  readonly gateway: SimGateway;
  readonly token: string;
  readonly contractId: string;
  /** Market events the exchange emitted for the contract so far. */
  emitted(): number;
  /** Emits one burst. */
  fire(): void;
}

/** A gateway on a paused feed, logged in, with the E-mini S&P contract and a counter of what the exchange emits. */
async function startLoad(): Promise<Load> {
  const gateway = await startSimGateway({ seed: 11, clock, rateLimits: false });
  const post = async (path: string, body: unknown, token?: string): Promise<Record<string, unknown>> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) };
    const response = await fetch(`${gateway.urls.rest}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    return (await response.json()) as Record<string, unknown>;
  };
  await post('/sim/feed', { paused: true });
  const token = String((await post('/api/Auth/loginKey', { userName: 'demo', apiKey: 'demo' })).token);
  const contracts = (await post('/api/Contract/available', { live: false }, token)).contracts as { id: string; symbolId: string }[];
  const contractId = (contracts.find((contract) => contract.symbolId === 'F.US.EP') ?? contracts[0])?.id ?? '';
  const exchange: SimExchange = gateway.exchange;
  if (exchange.burst === undefined) throw new Error('the exchange offers no burst');
  const fire = exchange.burst.bind(exchange);
  let emitted = 0;
  exchange.subscribe((event) => {
    if ((event.kind === 'quote' || event.kind === 'depth') && event.contractId === contractId) emitted++;
  });
  return { gateway, token, contractId, emitted: () => emitted, fire: () => fire(contractId, burst) };
}

/** Fires bursts, never more than `window` events ahead of `received()`, until `events` arrived; resolves with events per second. */
async function drive(fire: () => void, emitted: () => number, received: () => number): Promise<number> {
  const started = performance.now();
  while (received() < events) {
    if (emitted() < events && emitted() - received() < window) fire();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return events / ((performance.now() - started) / 1000);
}

async function signalrRun(): Promise<number> {
  const load = await startLoad();
  const connection = new HubConnectionBuilder()
    .withUrl(load.gateway.urls.marketHub, { skipNegotiation: true, transport: HttpTransportType.WebSockets, accessTokenFactory: () => load.token })
    .configureLogging(LogLevel.None)
    .build();
  let received = 0;
  connection.on('GatewayQuote', () => {
    received++;
  });
  connection.on('GatewayDepth', () => {
    received++;
  });
  await connection.start();
  await connection.invoke('SubscribeContractQuotes', load.contractId);
  await connection.invoke('SubscribeContractMarketDepth', load.contractId);
  // The snapshots (quote, Reset, book) are not part of the measured stream.
  while (received < 3) await new Promise((resolve) => setImmediate(resolve));
  received = 0;
  const base = load.emitted();
  const rate = await drive(
    load.fire,
    () => load.emitted() - base,
    () => received,
  );
  await connection.stop();
  await load.gateway.close();
  return rate;
}

/** The frames the gateway sends for the measured stream, read by a raw SignalR client (untimed). */
async function captureFrames(): Promise<string[]> {
  const load = await startLoad();
  const socket = new WebSocket(`${load.gateway.urls.marketHub.replace(/^http/, 'ws')}?access_token=${load.token}`);
  const frames: string[] = [];
  let received = 0;
  let snapshots = 0;
  let capturing = false;
  socket.on('message', (data) => {
    const frame = String(data);
    const records = frame.split(recordSeparator).filter((record) => record.includes('"type":1,')).length;
    if (!capturing) {
      snapshots += records;
      return;
    }
    frames.push(frame);
    received += records;
  });
  await new Promise((resolve) => socket.once('open', resolve));
  const subscribe = (id: number, method: string): string =>
    `{"type":1,"invocationId":"${id}","target":"${method}","arguments":[${JSON.stringify(load.contractId)}]}${recordSeparator}`;
  socket.send(`${handshake}${subscribe(1, 'SubscribeContractQuotes')}${subscribe(2, 'SubscribeContractMarketDepth')}`);
  // The snapshots (quote, Reset, book) pass before capturing.
  while (snapshots < 3) await new Promise((resolve) => setImmediate(resolve));
  capturing = true;
  const base = load.emitted();
  await drive(
    load.fire,
    () => load.emitted() - base,
    () => received,
  );
  socket.terminate();
  await load.gateway.close();
  return frames;
}

/** Replays the captured frames from a plain ws server to a plain ws client that splits and parses every record. */
async function rawRun(frames: readonly string[]): Promise<number> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise((resolve) => server.once('listening', resolve));
  const connected = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  let received = 0;
  client.on('message', (data) => {
    for (const record of String(data).split(recordSeparator)) {
      if (record.length === 0) continue;
      const message = JSON.parse(record) as { type: number };
      if (message.type === 1) received++;
    }
  });
  const socket = await connected;
  await new Promise((resolve) => client.once('open', resolve));
  const sizes = frames.map((frame) => frame.split(recordSeparator).filter((record) => record.includes('"type":1,')).length);
  let next = 0;
  let sent = 0;
  const rate = await drive(
    () => {
      const frame = frames[next];
      if (frame === undefined) return;
      socket.send(frame);
      sent += sizes[next] ?? 0;
      next++;
    },
    () => sent,
    () => received,
  );
  client.close();
  server.close();
  return rate;
}
