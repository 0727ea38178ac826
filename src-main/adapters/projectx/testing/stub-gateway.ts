import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the stub received. */
export interface StubRequest {
  readonly path: string;
  readonly body: unknown;
  readonly authorization: string | undefined;
}

/** How the stub answers: a status with JSON, or `hold` (never answer, as a lost response). */
export type StubReply = { readonly status?: number; readonly json?: unknown; readonly text?: string; readonly headers?: Record<string, string> } | 'hold';

/** Answers one request. */
export type StubHandler = (request: StubRequest) => StubReply | Promise<StubReply>;

/**
 * A scripted REST server on a loopback port for the REST client's tests: every request is
 * recorded, every answer comes from the test's handler. Test helper only.
 */
export class StubGateway {
  public readonly requests: StubRequest[] = [];
  private readonly held = new Set<ServerResponse>();

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    public readonly url: string,
  ) {}

  /** Starts a stub on a free port. */
  public static async start(handler: StubHandler): Promise<StubGateway> {
    let stub: StubGateway | undefined;
    const server = createServer((request, response) => {
      void read(request).then(async (text) => {
        const recorded: StubRequest = {
          path: request.url ?? '/',
          body: text.length > 0 ? (JSON.parse(text) as unknown) : undefined,
          authorization: request.headers.authorization,
        };
        stub?.requests.push(recorded);
        const reply = await handler(recorded);
        if (reply === 'hold') {
          stub?.held.add(response);
          return;
        }
        respond(response, reply);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    stub = new StubGateway(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return stub;
  }

  /** The requests to one path. */
  public to(path: string): StubRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  /** Closes the server and every held response. */
  public async close(): Promise<void> {
    for (const response of this.held) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A success envelope with payload fields. */
export function envelope(payload: Record<string, unknown> = {}, errorCode = 0, errorMessage: string | null = null): StubReply {
  return { json: { ...payload, success: errorCode === 0, errorCode, errorMessage } };
}

/** An unsigned JWT with an `exp` (the adapter decodes, never verifies). */
export function testToken(name: string, expiresAtMs: number): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: name, exp: Math.floor(expiresAtMs / 1000) })}.c2lnbmF0dXJl`;
}

function read(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function respond(response: ServerResponse, reply: Exclude<StubReply, 'hold'>): void {
  const body = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
  response.end(body);
}
