import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Logger } from '../../core/logger';
import type { ExchangeAnswer, SimExchange } from '../exchange/exchange-api';
import { faultKinds, type FaultReport, type Faults } from './faults';
import type { ConnectionReport } from './hub-server';
import { invalidJson, parseJsonBody, readBody, sendJson } from './http-io';

/**
 * The simulator's control API under `/sim`, for tests and the demo.
 *
 * Auth decision: no token. The gateway listens on loopback only, and every control request must
 * carry a loopback Host header (so a DNS-rebound page cannot reach it) and, when a browser sends
 * one, a loopback Origin (so a page on another site cannot post faults).
 */
export interface ControlContext {
  readonly exchange: SimExchange;
  readonly faults: Faults;
  readonly logger: Logger;
  readonly gatewayState: () => { readonly connections: ConnectionReport[]; readonly faults: FaultReport };
}

/** Base path of the control API. */
export const controlBasePath = '/sim';

const positive = z.number().finite().positive();
const priceBody = z
  .strictObject({ contractId: z.string().min(1).optional(), symbol: z.string().min(1).optional(), price: z.number().finite() })
  .refine((body) => body.contractId !== undefined || body.symbol !== undefined, { message: 'contractId or symbol is required', path: ['contractId'] });
/** `quotesPerSecond` (with `seconds` and `symbols`) starts a quote storm; 0 ends one. */
const feedBody = z.strictObject({
  paused: z.boolean().optional(),
  speed: positive.optional(),
  quotesPerSecond: z.number().finite().min(0).max(20_000).optional(),
  seconds: positive.max(600).optional(),
  symbols: z.array(z.string().min(1).max(40)).min(1).max(20).optional(),
});
const accountBody = z.strictObject({
  id: z.number().int().positive().optional(),
  name: z.string().min(1).max(100),
  balance: z.number().finite(),
  canTrade: z.boolean().optional(),
  /** `position` refuses brackets on Order/place (Position Brackets mode), as such a live account does. */
  bracketMode: z.enum(['auto-oco', 'position']).optional(),
});
const faultBody = z.strictObject({ kind: z.enum(faultKinds), seconds: positive.max(3600).optional() });

/** Serves one `/sim/...` request. */
export async function serveControl(request: IncomingMessage, response: ServerResponse, path: string, context: ControlContext): Promise<void> {
  const refusal = foreignCaller(request);
  if (refusal !== undefined) return sendJson(response, 403, { error: { field: refusal, message: `control requests must come from loopback (${refusal})` } });
  const route = path.slice(controlBasePath.length);
  if (route === '/state') {
    if (request.method !== 'GET') return methodNotAllowed(response, 'GET');
    return sendJson(response, 200, { ...context.exchange.state(), gateway: context.gatewayState() });
  }
  if (!['/price', '/feed', '/accounts', '/fault'].includes(route))
    return sendJson(response, 404, { error: { field: 'path', message: `no control endpoint ${path}` } });
  if (request.method !== 'POST') return methodNotAllowed(response, 'POST');
  const text = await readBody(request);
  const body = text === undefined ? invalidJson : parseJsonBody(text);
  if (body === invalidJson || body === undefined) return badRequest(response, 'body', 'a JSON object is required');
  switch (route) {
    case '/price': {
      const parsed = priceBody.safeParse(body);
      if (!parsed.success) return invalid(response, parsed.error);
      const answer = await context.exchange.movePrice(parsed.data);
      if (answer.errorCode !== 0) return refused(response, answer, parsed.data.contractId !== undefined ? 'contractId' : 'symbol');
      return sendJson(response, 200, { ok: true, ...parsed.data });
    }
    case '/feed': {
      const parsed = feedBody.safeParse(body);
      if (!parsed.success) return invalid(response, parsed.error);
      const answer = context.exchange.setFeed(parsed.data);
      if (answer.errorCode !== 0) return refused(response, answer, answer.invalidField ?? (parsed.data.speed !== undefined ? 'speed' : 'paused'));
      const storm =
        parsed.data.quotesPerSecond === undefined
          ? {}
          : { storm: { quotesPerSecond: parsed.data.quotesPerSecond, seconds: parsed.data.quotesPerSecond === 0 ? 0 : (parsed.data.seconds ?? 10) } };
      return sendJson(response, 200, { ok: true, feed: context.exchange.state().feed, ...storm });
    }
    case '/accounts': {
      const parsed = accountBody.safeParse(body);
      if (!parsed.success) return invalid(response, parsed.error);
      const answer = context.exchange.upsertAccount(parsed.data);
      if (answer.errorCode !== 0) return refused(response, answer, parsed.data.id !== undefined ? 'id' : 'name');
      return sendJson(response, 200, { ok: true, account: answer.value ?? null });
    }
    default: {
      const parsed = faultBody.safeParse(body);
      if (!parsed.success) return invalid(response, parsed.error);
      context.faults.inject(parsed.data.kind, parsed.data.seconds);
      context.logger.info({ kind: parsed.data.kind, seconds: parsed.data.seconds }, 'fault injected');
      return sendJson(response, 200, { ok: true, faults: context.faults.report() });
    }
  }
}

const loopbackNames = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The header that shows a non-loopback caller, or undefined. */
function foreignCaller(request: IncomingMessage): 'host' | 'origin' | undefined {
  const host = request.headers.host;
  if (host === undefined || !loopbackNames.has(hostName(`http://${host}`))) return 'host';
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null' && !loopbackNames.has(hostName(origin))) return 'origin';
  return undefined;
}

function hostName(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function invalid(response: ServerResponse, error: z.ZodError): void {
  const issue = error.issues[0];
  const keys = issue !== undefined && issue.code === 'unrecognized_keys' ? issue.keys : [];
  const field = keys[0] ?? (issue === undefined || issue.path.length === 0 ? 'body' : issue.path.join('.'));
  badRequest(response, field, issue?.message ?? 'invalid body');
}

function refused(response: ServerResponse, answer: ExchangeAnswer<unknown>, field: string): void {
  badRequest(response, field, answer.errorMessage ?? `refused by the exchange (code ${answer.errorCode})`);
}

function badRequest(response: ServerResponse, field: string, message: string): void {
  sendJson(response, 400, { error: { field, message } });
}

function methodNotAllowed(response: ServerResponse, allowed: string): void {
  response.setHeader('allow', allowed);
  sendJson(response, 405, { error: { field: 'method', message: `use ${allowed}` } });
}
