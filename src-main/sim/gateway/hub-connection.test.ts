import { HttpTransportType, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, openSession, post, startTestGateway } from './gateway-test-kit';
import { recordSeparator } from './signalr-framing';
import type { SimGateway } from './sim-gateway';
import { eventually } from '../../testing/eventually';

const handshake = `{"protocol":"json","version":1}${recordSeparator}`;

/** A raw WebSocket client that keeps every frame the server sent, as text. */
class RawClient {
  public readonly frames: string[] = [];
  public closeCode: number | undefined;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(String(data));
    });
    socket.on('close', (code) => {
      this.closeCode = code;
    });
  }

  public static async open(url: string, token: string): Promise<RawClient> {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}?access_token=${token}`);
    const client = new RawClient(socket);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return client;
  }

  /** Every record received so far, parsed, in order. */
  public records(): Record<string, unknown>[] {
    return this.frames.flatMap((frame) =>
      frame
        .split(recordSeparator)
        .filter((record) => record.length > 0)
        .map((record) => JSON.parse(record) as Record<string, unknown>),
    );
  }

  public send(text: string): void {
    this.socket.send(text);
  }

  /** Resolves once the condition holds; fails after five seconds showing the frames received. */
  public async until(condition: () => boolean): Promise<void> {
    await eventually(condition, 'the condition on the frames', { detail: () => `frames: ${JSON.stringify(this.frames)}` });
  }

  public close(): void {
    this.socket.terminate();
  }
}

let gateway: SimGateway;
let token: string;
let contractId: string;

beforeAll(async () => {
  gateway = await startTestGateway({ rateLimits: false, pingIntervalMs: 50, clientTimeoutMs: 400 });
  const session = await openSession(gateway);
  token = session.token;
  contractId = session.contract.id;
});

afterAll(async () => {
  await gateway.close();
});

describe('SignalR framing over a raw WebSocket', () => {
  it('answers the handshake with {} and the record separator', async () => {
    const client = await RawClient.open(gateway.urls.userHub, token);

    client.send(handshake);
    await client.until(() => client.frames.length > 0);
    client.close();

    expect(client.frames[0]?.startsWith(`{}${recordSeparator}`)).toBe(true);
  });

  it('reads several records from one client frame and completes each invocation', async () => {
    const client = await RawClient.open(gateway.urls.userHub, token);

    client.send(
      `${handshake}{"type":1,"invocationId":"1","target":"SubscribeAccounts","arguments":[]}${recordSeparator}{"type":6}${recordSeparator}{"type":1,"invocationId":"2","target":"Nope","arguments":[]}${recordSeparator}`,
    );
    await client.until(() => client.records().filter((record) => record.type === 3).length === 2);
    client.close();

    expect(client.records().filter((record) => record.type === 3)).toEqual([
      { type: 3, invocationId: '1', result: 0 },
      { type: 3, invocationId: '2', error: "Unknown hub method 'Nope'" },
    ]);
  });

  it('coalesces the records of one turn into one frame: completion, Reset and book together', async () => {
    const client = await RawClient.open(gateway.urls.marketHub, token);
    client.send(handshake);
    await client.until(() => client.frames.length > 0);

    client.send(`{"type":1,"invocationId":"7","target":"SubscribeContractMarketDepth","arguments":[${JSON.stringify(contractId)}]}${recordSeparator}`);
    await client.until(() => client.frames.some((frame) => frame.includes('"invocationId":"7"')));
    client.close();

    const frame = client.frames.find((text) => text.includes('"invocationId":"7"')) ?? '';
    const records = frame.split(recordSeparator).filter((record) => record.length > 0);
    expect(records.length).toBeGreaterThanOrEqual(2);
    expect(records.map((record) => (JSON.parse(record) as { type: number; target?: string }).target ?? 'completion').slice(0, 2)).toEqual([
      'completion',
      'GatewayDepth',
    ]);
  });

  it('pings the client (type 6) on its own', async () => {
    const client = await RawClient.open(gateway.urls.userHub, token);
    client.send(handshake);

    await client.until(() => client.records().some((record) => record.type === 6));
    client.close();

    expect(client.records()).toContainEqual({ type: 6 });
  });

  it('closes a connection that sends a malformed record with a close message, and keeps serving others', async () => {
    const client = await RawClient.open(gateway.urls.userHub, token);
    client.send(handshake);
    await client.until(() => client.frames.length > 0);

    client.send(`this is not json${recordSeparator}`);
    await client.until(() => client.closeCode !== undefined);
    const next = await RawClient.open(gateway.urls.userHub, token);
    next.send(handshake);
    await next.until(() => next.frames.length > 0);
    next.close();

    expect(client.records().find((record) => record.type === 7)).toMatchObject({ type: 7, error: expect.stringContaining('InvalidDataException') });
    expect(next.frames[0]?.startsWith('{}')).toBe(true);
  });

  it('refuses a handshake for another protocol with an error record', async () => {
    const client = await RawClient.open(gateway.urls.userHub, token);

    client.send(`{"protocol":"messagepack","version":1}${recordSeparator}`);
    await client.until(() => client.closeCode !== undefined);

    expect(client.records()[0]).toEqual({ error: "The protocol 'messagepack' is not supported." });
  });

  it('closes a client that stays silent past the client timeout', async () => {
    const client = await RawClient.open(gateway.urls.userHub, token);
    client.send(handshake);

    await client.until(() => client.closeCode !== undefined);

    expect(client.records().find((record) => record.type === 7)).toMatchObject({ error: expect.stringContaining('Server timeout elapsed') });
  });

  it('survives binary frames, oversized records and a client that vanishes mid-frame', async () => {
    const binary = await RawClient.open(gateway.urls.userHub, token);
    binary.send(handshake);
    await binary.until(() => binary.frames.length > 0);
    (binary as unknown as { socket: WebSocket }).socket.send(Buffer.from([1, 2, 3]));
    await binary.until(() => binary.closeCode !== undefined);
    const oversized = await RawClient.open(gateway.urls.userHub, token);
    oversized.send(`${handshake}{"type":1,"target":"${'x'.repeat(70_000)}`);
    await oversized.until(() => oversized.closeCode !== undefined);
    const vanishing = await RawClient.open(gateway.urls.userHub, token);
    vanishing.send('{"protocol":"js');
    vanishing.close();

    const answer = await get(`${gateway.urls.rest}/api/Status/ping`);

    expect(answer.text).toBe('pong');
  });
});

describe('hub routes', () => {
  it('answers 404 to an upgrade on an unknown hub and 400 to a plain GET on a hub', async () => {
    const unknown = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${gateway.urls.rest.replace(/^http/, 'ws')}/hubs/nope?access_token=${token}`);
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.once('error', () => undefined);
    });
    const plain = await get(gateway.urls.userHub);

    expect(unknown).toBe(404);
    expect(plain.status).toBe(400);
  });

  it('serves clients that negotiate first', async () => {
    const connection = new HubConnectionBuilder()
      .withUrl(gateway.urls.userHub, { accessTokenFactory: () => token, transport: HttpTransportType.WebSockets })
      .configureLogging(LogLevel.None)
      .build();

    await connection.start();
    const result: unknown = await connection.invoke('SubscribeAccounts');
    await connection.stop();

    expect(result).toBe(0);
  });

  it('refuses negotiate without a token', async () => {
    const answer = await post(`${gateway.urls.userHub}/negotiate?negotiateVersion=1`, undefined);

    expect(answer.status).toBe(401);
  });
});
