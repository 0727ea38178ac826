import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { callChannels, eventChannels } from '../../src-shared/contract';
import { isErrorCode } from '../../src-shared/result';
import { apiPath } from '../../src-shared/wire';
import { composeTerminal, type Terminal } from '../compose';
import type { Logger } from '../core/logger';
import { startHostServer, type HostServer } from './host-server';
import { maxFrameBytes, maxMessageBytes, peekCallId } from './message-limits';

// The host must survive anything a client sends: every test throws something at the one server
// and ends by checking that it still answers a valid call on a fresh connection.

const token = 'f'.repeat(43);
let server: HostServer;
let terminal: Terminal;
let port: number;
const logs: { level: string; fields: Record<string, unknown>; message: string }[] = [];
const logger: Logger = {
  info: (fields, message) => logs.push({ level: 'info', fields, message }),
  warn: (fields, message) => logs.push({ level: 'warn', fields, message }),
  error: (fields, message) => logs.push({ level: 'error', fields, message }),
};

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fuzz-'));
  terminal = await composeTerminal({ host: 'headless', dataDir, logger, broker: { kind: 'none' } });
  server = await startHostServer({ dispatcher: terminal.dispatcher, events: terminal.events, logger, token, rendererDir: undefined }, 0);
  port = server.address.port;
});

afterAll(async () => {
  await server.close();
  await terminal.dispose();
});

interface Answer {
  readonly t: 'result';
  readonly id: number;
  readonly result: { readonly ok: boolean; readonly value?: unknown; readonly error?: { readonly code: string; readonly message: string } };
}

/** A WebSocket client that collects the host's answers by id. */
class Client {
  public readonly answers = new Map<number, Answer>();
  public readonly malformed: unknown[] = [];
  public closeCode: number | undefined;
  private readonly waiting = new Map<number, (answer: Answer) => void>();

  private constructor(public readonly socket: WebSocket) {
    socket.on('error', () => undefined);
    socket.on('close', (code) => (this.closeCode = code));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Answer;
      if (message.t !== 'result') return;
      if (!isWellFormedResult(message.result)) this.malformed.push(message);
      this.answers.set(message.id, message);
      this.waiting.get(message.id)?.(message);
    });
  }

  public static async open(): Promise<Client> {
    const socket = new WebSocket(`${server.address.api}?token=${token}`);
    await once(socket, 'open');
    return new Client(socket);
  }

  public answer(id: number): Promise<Answer> {
    const known = this.answers.get(id);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  public async call(id: number, channel: string, request: unknown): Promise<Answer> {
    this.socket.send(JSON.stringify({ t: 'call', id, channel, request }));
    return this.answer(id);
  }

  public closed(): Promise<number> {
    if (this.closeCode !== undefined) return Promise.resolve(this.closeCode);
    return new Promise((resolve) => this.socket.once('close', (code) => resolve(code)));
  }
}

function isWellFormedResult(result: Answer['result']): boolean {
  if (result.ok) return true;
  return result.ok === false && isErrorCode(result.error?.code) && typeof result.error?.message === 'string';
}

let pings = 0;
/** The host is up and serves a valid call on a new connection. */
async function expectAlive(): Promise<void> {
  const client = await Client.open();
  const nonce = `alive-${++pings}`;
  const answer = await client.call(1, 'app.ping', { nonce });
  client.socket.close();
  expect(answer.result).toMatchObject({ ok: true, value: { nonce } });
}

/** A connection upgraded by hand, for frames no WebSocket library would send. */
interface RawClient {
  readonly socket: Socket;
  /** The code of the host's close frame, or undefined when the connection ended without one. */
  readonly closed: Promise<number | undefined>;
}

async function rawUpgrade(): Promise<RawClient> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  const key = randomBytes(16).toString('base64');
  socket.write(
    [
      `GET ${apiPath}?token=${token} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${key}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    let settle: (code: number | undefined) => void = () => undefined;
    const closed = new Promise<number | undefined>((done) => (settle = done));
    socket.on('close', () => settle(undefined));
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString();
        if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(`upgrade refused: ${head}`));
        buffer = buffer.subarray(end + 4);
        upgraded = true;
        resolve({ socket, closed });
      }
      const code = closeCode(buffer);
      if (code !== undefined) {
        settle(code);
        socket.destroy();
      }
    });
  });
}

/** The code of the first close frame among the host's (unmasked) frames, if it has arrived. */
function closeCode(buffer: Buffer): number | undefined {
  let offset = 0;
  while (offset + 2 <= buffer.length) {
    const opcode = (buffer[offset] ?? 0) & 0x0f;
    let length = (buffer[offset + 1] ?? 0) & 0x7f;
    let start = offset + 2;
    if (length === 126) {
      if (start + 2 > buffer.length) return undefined;
      length = buffer.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > buffer.length) return undefined;
      length = Number(buffer.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > buffer.length) return undefined;
    if (opcode === 0x8) return length >= 2 ? buffer.readUInt16BE(start) : 1005;
    offset = start + length;
  }
  return undefined;
}

/** One client frame, masked unless told otherwise; `declaredLength` lies about the payload's size. */
function frame(opcode: number, payload: Buffer, options: { rsv?: number; masked?: boolean; fin?: boolean; declaredLength?: number } = {}): Buffer {
  const length = options.declaredLength ?? payload.length;
  const masked = options.masked ?? true;
  const first = ((options.fin ?? true) ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | opcode;
  const maskBit = masked ? 0x80 : 0;
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, maskBit | length]);
  else if (length < 65536) {
    header = Buffer.from([first, maskBit | 126, 0, 0]);
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = maskBit | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  const body = Buffer.alloc(payload.length);
  for (let index = 0; index < payload.length; index++) body[index] = (payload[index] ?? 0) ^ (mask[index % 4] ?? 0);
  return Buffer.concat([header, mask, body]);
}

/** Sends raw bytes over plain TCP and resolves with whatever the host answered before closing. */
async function rawHttp(bytes: string | Buffer, options: { reset?: boolean } = {}): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(bytes);
  if (options.reset === true) socket.resetAndDestroy();
  else setTimeout(() => socket.destroy(), 500).unref();
  await ended;
  return received;
}

function logged(message: string, code?: string): boolean {
  return logs.some((entry) => entry.message === message && (code === undefined || entry.fields.code === code));
}

/** `[[[...]]]` nested `depth` deep. */
function nestedArrays(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('host under hostile input', () => {
  it('answers every call with a typed result and keeps serving through random JSON, wrong types and unknown channels', async () => {
    const client = await Client.open();
    const anyJson = fc.jsonValue({ maxDepth: 4 });
    const callShaped = fc
      .record(
        {
          t: fc.oneof(fc.constantFrom('call', 'sub', 'unsub', 'result', 'event'), anyJson),
          id: fc.oneof(fc.nat(), fc.integer({ min: -5, max: 5 }), fc.double(), anyJson),
          channel: fc.oneof(fc.constantFrom(...callChannels, ...eventChannels), fc.string({ maxLength: 120 }), anyJson),
          request: anyJson,
          channels: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...eventChannels), fc.string()), { maxLength: 120 }), anyJson),
        },
        { requiredKeys: [] },
      )
      .map((message) => JSON.stringify(message));
    const text = fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ unit: 'binary', maxLength: 200 }), callShaped, callShaped);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(text, { maxLength: 25 }), async (messages) => {
        for (const message of messages) client.socket.send(message);
        const id = 2 ** 40 + ++round;
        const answer = await client.call(id, 'app.ping', { nonce: 'still-here' });
        expect(answer.result).toMatchObject({ ok: true, value: { nonce: 'still-here' } });
      }),
      { numRuns: 60 },
    );
    expect(client.malformed).toEqual([]);
    expect(client.closeCode).toBeUndefined();
    client.answers.clear();

    // A few wrong types by hand: each call with a numeric id is answered with a typed error.
    const wrong = await Promise.all([
      client.call(1, 'nope.nothing', {}),
      client.call(2, 'app.ping', []),
      client.call(3, 'app.ping', { nonce: 5 }),
      client.call(4, 'app.ping', 'x'),
      client.call(5, 'orders.place', { symbol: ['ES'], side: 'up', size: -1 }),
      client.call(6, 'risk.config.set', { config: null }),
      client.call(7, '__proto__', { constructor: { prototype: {} } }),
      client.call(8, 'constructor', {}),
    ]);
    expect(wrong.map((answer) => answer.result.error?.code)).toEqual(Array(8).fill(expect.stringMatching(/^(unknown-channel|invalid-request)$/)));
    client.socket.send('{"t":"call","id":9,"channel":"app.ping","request":{"__proto__":{"nonce":"x"}}}');
    client.socket.send(JSON.stringify({ t: 'call', id: 10, channel: 42, request: {} }));
    const late = await Promise.all([client.answer(9), client.answer(10)]);
    expect(late.map((answer) => answer.result.error?.code)).toEqual(['invalid-request', 'invalid-request']);
    client.socket.close();
    await expectAlive();
  });

  it('survives input nested 100 000 deep, as a message and inside requests', async () => {
    const client = await Client.open();
    const deep = nestedArrays(100_000);
    const deepObject = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    client.socket.send(deep);
    client.socket.send(deepObject);
    client.socket.send(`{"t":"sub","channels":${deep}}`);
    client.socket.send(`{"t":"call","id":${deep},"channel":"app.ping","request":{}}`);
    const requests = [
      `{"t":"call","id":1,"channel":"app.ping","request":${deep}}`,
      `{"t":"call","id":2,"channel":"app.ping","request":{"nonce":${deepObject}}}`,
      `{"t":"call","id":3,"channel":"risk.config.set","request":{"config":{"maxContractsPerInstrument":${deep}}}}`,
      `{"t":"call","id":4,"channel":"risk.config.import","request":{"config":{"deep":${deepObject}}}}`,
      `{"t":"call","id":5,"channel":"strategies.create","request":{"kind":"x","symbol":"ES","parameters":${deepObject}}}`,
      `{"t":"call","id":6,"channel":${deep},"request":{}}`,
      // Not JSON (never closed): the id is still found and answered.
      `{"t":"call","id":7,"channel":"app.ping","request":${'['.repeat(100_000)}`,
    ];
    for (const request of requests) client.socket.send(request);
    const answers = await Promise.all(requests.map((_, index) => client.answer(index + 1)));

    expect(answers.every((answer) => isWellFormedResult(answer.result))).toBe(true);
    expect(answers.map((answer) => answer.result.ok)).toEqual(Array(requests.length).fill(false));
    expect(answers[6]?.result.error).toMatchObject({ code: 'invalid-request', message: 'the message is not JSON' });
    expect((await client.call(8, 'app.ping', {})).result.ok).toBe(true);
    client.socket.close();
    await expectAlive();
  });

  it('answers huge strings and binary frames and keeps the connection', async () => {
    const client = await Client.open();
    const huge = 'x'.repeat(3_000_000);
    const answers = await Promise.all([
      client.call(1, 'app.ping', { nonce: huge }),
      client.call(2, huge, {}),
      client.call(3, 'contracts.search', { text: huge }),
      client.call(4, 'risk.config.set', { config: { [huge]: 1 } }),
    ]);
    client.socket.send(Buffer.from(JSON.stringify({ t: 'call', id: 5, channel: 'app.ping', request: { nonce: huge } })), { binary: true });
    client.socket.send(randomBytes(3_000_000), { binary: true });
    client.socket.send(Buffer.alloc(0), { binary: true });
    client.socket.send('');
    const binary = await client.answer(5);

    expect(answers.slice(0, 3).map((answer) => answer.result.error?.code)).toEqual(['invalid-request', 'invalid-request', 'invalid-request']);
    // No account without a broker: the answer is a typed error, whichever.
    expect(isWellFormedResult(answers[3]?.result ?? { ok: true })).toBe(true);
    expect(binary.result.error).toMatchObject({ code: 'invalid-request', message: 'the terminal takes JSON text messages, not binary ones' });
    expect((await client.call(6, 'app.ping', { nonce: 'after' })).result).toMatchObject({ ok: true, value: { nonce: 'after' } });
    client.socket.close();
    await expectAlive();
  });

  it('closes a connection that sends invalid UTF-8 (1007), a reserved opcode or bad framing (1002), with the reason logged', async () => {
    const cases: { name: string; bytes: Buffer; code: number; logCode: string }[] = [
      { name: 'invalid UTF-8', bytes: frame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d])), code: 1007, logCode: 'WS_ERR_INVALID_UTF8' },
      { name: 'reserved data opcode', bytes: frame(0x3, Buffer.from('{}')), code: 1002, logCode: 'WS_ERR_INVALID_OPCODE' },
      { name: 'reserved control opcode', bytes: frame(0xb, Buffer.from('{}')), code: 1002, logCode: 'WS_ERR_INVALID_OPCODE' },
      { name: 'RSV1 without an extension', bytes: frame(0x1, Buffer.from('{}'), { rsv: 4 }), code: 1002, logCode: 'WS_ERR_UNEXPECTED_RSV_1' },
      { name: 'unmasked frame', bytes: frame(0x1, Buffer.from('{}'), { masked: false }), code: 1002, logCode: 'WS_ERR_EXPECTED_MASK' },
      { name: 'fragmented ping', bytes: frame(0x9, Buffer.from('x'), { fin: false }), code: 1002, logCode: 'WS_ERR_EXPECTED_FIN' },
      { name: 'continuation first', bytes: frame(0x0, Buffer.from('{}')), code: 1002, logCode: 'WS_ERR_INVALID_OPCODE' },
    ];
    const codes = await Promise.all(
      cases.map(async ({ bytes }) => {
        const raw = await rawUpgrade();
        raw.socket.write(bytes);
        return raw.closed;
      }),
    );

    expect(codes).toEqual(cases.map((each) => each.code));
    for (const { logCode } of cases) expect(logged('client socket failed; closing it', logCode)).toBe(true);
    await expectAlive();
  });

  it('closes a connection whose frame is over the transport maximum (1009) before reading its payload', async () => {
    const raw = await rawUpgrade();
    raw.socket.write(frame(0x1, Buffer.from('{"t":"call","id":1'), { declaredLength: maxFrameBytes + 1 }));
    expect(await raw.closed).toBe(1009);
    expect(logged('client socket failed; closing it', 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH')).toBe(true);

    // Also when a real client sends it, fragmented or not.
    const client = await Client.open();
    client.socket.send(Buffer.alloc(maxFrameBytes + 1, 0x20));
    expect(await client.closed()).toBe(1009);
    const fragmented = await rawUpgrade();
    const half = Buffer.alloc(Math.ceil(maxFrameBytes / 2) + 1, 0x20);
    fragmented.socket.write(Buffer.concat([frame(0x1, half, { fin: false }), frame(0x0, half)]));
    expect(await fragmented.closed).toBe(1009);
    await expectAlive();
  });

  it('answers a call over the message limit with too-large naming the limit', async () => {
    const client = await Client.open();
    const padding = ' '.repeat(maxMessageBytes);
    client.socket.send(`{"t":"call","id":41,"channel":"risk.config.set","request":{"config":{"note":"${'y'.repeat(maxMessageBytes)}"}}}`);
    client.socket.send(`{"t":"call","channel":"app.ping","request":{}${padding},"id":42}`);
    client.socket.send(`{"t":"call","channel":"app.ping","request":{}${padding}}`);
    const [head, tail] = await Promise.all([client.answer(41), client.answer(42)]);

    expect(head.result).toEqual({
      ok: false,
      error: { code: 'too-large', message: expect.stringContaining(`up to ${maxMessageBytes} bytes (4 MiB)`), field: 'message' },
    });
    expect(tail.result.error?.code).toBe('too-large');
    expect(logged('client message too large')).toBe(true);
    expect((await client.call(43, 'app.ping', { nonce: 'after' })).result.ok).toBe(true);
    client.socket.close();
    await expectAlive();
  });

  it('answers a 1.1 MB message under the limit normally', async () => {
    const client = await Client.open();
    client.socket.send(`{"t":"call","id":1,"channel":"app.ping","request":{"nonce":"big"}${' '.repeat(1_100_000)}}`);
    const limits = Object.fromEntries(Array.from({ length: 100_000 }, (_, index) => [`X${index.toString().padStart(6, '0')}`, 1]));
    const config = { maxContractsPerInstrument: { limits } };
    expect(JSON.stringify(config).length).toBeGreaterThan(1_100_000);
    const [ping, risk] = await Promise.all([client.answer(1), client.call(2, 'risk.config.set', { config })]);
    client.socket.close();

    expect(ping.result).toMatchObject({ ok: true, value: { nonce: 'big' } });
    expect(isWellFormedResult(risk.result)).toBe(true);
    expect(risk.result.error?.code).not.toBe('too-large');
    await expectAlive();
  });

  it('survives malformed HTTP, a bad request target and connections reset mid-handshake', async () => {
    const host = `Host: 127.0.0.1:${port}`;
    const answers = await Promise.all([
      rawHttp(`GET http://[ HTTP/1.1\r\n${host}\r\n\r\n`),
      rawHttp(`GET http://[ HTTP/1.1\r\n${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: x\r\nSec-WebSocket-Version: 13\r\n\r\n`),
      rawHttp(randomBytes(2000)),
      rawHttp(`GET / HTTP/1.1\r\n${host}\r\nX: ${'a'.repeat(100_000)}\r\n\r\n`),
      rawHttp(`GET ${apiPath}?token=${token} HTTP/1.1\r\n${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n`),
      rawHttp(
        `GET ${apiPath}?token=${token} HTTP/1.1\r\n${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 99\r\n\r\n`,
      ),
      rawHttp(`GET ${apiPath}?token=wrong HTTP/1.1\r\n${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`, { reset: true }),
      rawHttp(
        `GET ${apiPath}?token=${token} HTTP/1.1\r\n${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        { reset: true },
      ),
      rawHttp(`GET ${apiPath}?token=${token} HTTP/1.1\r\n${host}\r\nUpgr`),
    ]);

    expect(answers[0]).toMatch(/^HTTP\/1.1 400/);
    expect(answers[1]).toMatch(/^HTTP\/1.1 403/);
    expect(answers[2]).toMatch(/^HTTP\/1.1 400/);
    expect(answers[3]).toMatch(/^HTTP\/1.1 431/);
    expect(answers[4]).toMatch(/^HTTP\/1.1 400/);
    expect(answers[5]).toMatch(/^HTTP\/1.1 400/);
    expect(logged('malformed HTTP request; closing the connection')).toBe(true);
    await expectAlive();
  });
});

describe('peekCallId', () => {
  it('finds the top-level id at the head or just before the end, not one inside the request or a string', () => {
    expect(peekCallId('{"t":"call","id":17,"channel":"x"')).toBe(17);
    expect(peekCallId(Buffer.from('{ "id" : 3 ,"request":{}}'))).toBe(3);
    expect(peekCallId('{"t":"call","request":{"id":5},"id":6}')).toBe(6);
    expect(peekCallId('{"t":"call","note":"\\"id\\":9","id":10}')).toBe(10);
    expect(peekCallId(`{"t":"call","request":{"id":5,"x":"${'z'.repeat(100_000)}"},"id":6}`)).toBe(6);
    expect(peekCallId('{"t":"call","id":1.5}')).toBeUndefined();
    expect(peekCallId('{"t":"call","id":-1}')).toBeUndefined();
    expect(peekCallId('{"t":"call","id":"7"}')).toBeUndefined();
    expect(peekCallId('[{"id":4}]')).toBeUndefined();
    expect(peekCallId('')).toBeUndefined();
  });
});
