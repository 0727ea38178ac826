import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../core/logger';
import type { ExchangeAnswer, SimExchange } from '../exchange/exchange-api';
import { envelope, problemDetails, restJson } from './envelope';
import type { Faults } from './faults';
import { invalidJson, parseJsonBody, readBody, sendEmpty, sendJsonText, sendText } from './http-io';
import { bearerToken, type TokenAuthority } from './jwt-auth';
import type { RateDecision, SlidingWindowLimiter } from './rate-limiter';
import { restEndpoints, type RestEndpoint } from './rest-endpoints';

/** What the REST side needs. */
export interface RestContext {
  readonly exchange: SimExchange;
  readonly auth: TokenAuthority;
  /** Undefined when rate limiting is off. */
  readonly limiters: { readonly bars: SlidingWindowLimiter; readonly other: SlidingWindowLimiter } | undefined;
  readonly faults: Faults;
  readonly nineDecimals: boolean;
  readonly logger: Logger;
  /** Place requests held open by `timeout-next-order`. */
  readonly heldResponses: Set<ServerResponse>;
}

/** The message of an order rejected by the `reject-next-order` fault. */
export const injectedRejectionMessage = 'Order rejected by the simulator (injected fault).';

// Not one of any endpoint's codes: a malformed body never reaches the endpoint.
const malformedBodyCode = -1;

const authPaths = new Set(['/api/Auth/loginKey', '/api/Auth/validate', '/api/Auth/logout']);
const success = { errorCode: 0, errorMessage: null };
const badBody: unique symbol = Symbol('bad body');

/** Serves one `/api/...` request. */
export async function serveRest(request: IncomingMessage, response: ServerResponse, path: string, context: RestContext): Promise<void> {
  const endpoint = restEndpoints.get(path);
  const known = endpoint !== undefined || path === '/api/Status/ping' || authPaths.has(path);
  if (!known) return sendEmpty(response, 404);
  if (path === '/api/Status/ping') {
    if (request.method !== 'GET') return sendEmpty(response, 405, { allow: 'GET' });
  } else if (request.method !== 'POST') {
    return sendEmpty(response, 405, { allow: 'POST' });
  }
  const refusal = rateDecision(context, endpoint?.bucket ?? 'other');
  if (!refusal.allowed) return sendEmpty(response, 429, { 'retry-after': String(Math.max(1, Math.ceil(refusal.retryAfterMs / 1000))) });
  if (path === '/api/Status/ping') return sendText(response, 200, 'pong');
  if (path === '/api/Auth/loginKey') return login(request, response, context);

  const token = bearerToken(request.headers.authorization);
  const check = await context.auth.verify(token);
  if (!check.ok) {
    const description = check.reason === 'missing' ? 'Bearer' : `Bearer error="invalid_token", error_description="${check.description}"`;
    return sendEmpty(response, 401, { 'www-authenticate': description });
  }
  if (path === '/api/Auth/validate') {
    const newToken = await context.auth.issue(check.userName);
    return sendEnvelope(response, context, envelope({ newToken }, success));
  }
  if (path === '/api/Auth/logout') {
    if (token !== undefined) await context.auth.revoke(token);
    return sendEnvelope(response, context, envelope({}, success));
  }
  if (endpoint === undefined) return sendEmpty(response, 404);
  const body = await readShapedBody(request, response, endpoint);
  if (body === badBody) return;
  if (path === '/api/Order/place') return placeOrder(response, body, endpoint, context);
  const { answer, payload } = endpoint.call(context.exchange, body);
  if (answer.invalidField !== undefined) return refuseInvalid(response, endpoint, answer);
  sendEnvelope(response, context, envelope(payload, answer));
}

/** The exchange's schema found the body malformed: answer 400, as the real server's model binding does. */
function refuseInvalid(response: ServerResponse, endpoint: RestEndpoint, answer: ExchangeAnswer<unknown>): void {
  const field = answer.invalidField ?? '$';
  sendBadRequest(response, undefined, endpoint.badRequest, endpoint.payloadField, field, answer.errorMessage ?? `The ${field} field is invalid.`);
}

function rateDecision(context: RestContext, bucket: 'bars' | 'other'): RateDecision {
  const forced = context.faults.forcedRateLimitMs();
  if (forced > 0) return { allowed: false, retryAfterMs: forced };
  return context.limiters?.[bucket].tryAcquire() ?? { allowed: true };
}

async function login(request: IncomingMessage, response: ServerResponse, context: RestContext): Promise<void> {
  const text = await readBody(request);
  const body = text === undefined ? invalidJson : parseJsonBody(text);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  const userName = fields?.userName;
  const apiKey = fields?.apiKey;
  if (typeof userName !== 'string' || typeof apiKey !== 'string') {
    const field = typeof userName !== 'string' ? 'userName' : 'apiKey';
    return sendBadRequest(response, context, 'envelope', 'token', field, `The ${field} field is required.`);
  }
  if (!context.auth.accepts(userName, apiKey)) {
    // The documented failure: HTTP 200, code 3 InvalidCredentials, and no message.
    return sendEnvelope(response, context, envelope({ token: null }, { errorCode: 3, errorMessage: null }));
  }
  const token = await context.auth.issue(userName);
  sendEnvelope(response, context, envelope({ token }, success));
}

async function readShapedBody(request: IncomingMessage, response: ServerResponse, endpoint: RestEndpoint): Promise<unknown> {
  const text = await readBody(request);
  const body = text === undefined ? invalidJson : parseJsonBody(text);
  const fail = (field: string, message: string): typeof badBody => {
    sendBadRequest(response, undefined, endpoint.badRequest, endpoint.payloadField, field, message);
    return badBody;
  };
  if (body === invalidJson) return fail('$', 'The request body is not valid JSON.');
  if (body === undefined) return fail('$', 'A non-empty request body is required.');
  const parsed = endpoint.shape.safeParse(body);
  if (parsed.success) return body;
  const issue = parsed.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? '$' : issue.path.join('.');
  return fail(field, issue?.message ?? 'The request body is invalid.');
}

function placeOrder(response: ServerResponse, body: unknown, endpoint: RestEndpoint, context: RestContext): void {
  const { exchange, faults } = context;
  if (faults.takeRejectNextOrder()) {
    const answer = exchange.rejectOrder?.(body, injectedRejectionMessage) ?? fabricatedRejection();
    return sendEnvelope(response, context, envelope({ orderId: answer.orderId }, answer));
  }
  const { answer, payload } = endpoint.call(exchange, body);
  if (answer.invalidField !== undefined) return refuseInvalid(response, endpoint, answer);
  if (faults.takeTimeoutNextOrder()) {
    // The order stands in the exchange; the caller never hears about it (until it reconciles).
    context.heldResponses.add(response);
    faults.heldOrderRequests = context.heldResponses.size;
    response.once('close', () => {
      context.heldResponses.delete(response);
      faults.heldOrderRequests = context.heldResponses.size;
    });
    context.logger.info({ orderId: payload.orderId }, 'holding an Order/place answer (timeout-next-order)');
    return;
  }
  sendEnvelope(response, context, envelope(payload, answer));
}

// Used only when the exchange cannot record a rejected order: the id still looks like a real one.
let fabricatedOrderId = 3_900_000_000;
function fabricatedRejection(): ExchangeAnswer<number> & { readonly orderId: number } {
  fabricatedOrderId++;
  return { errorCode: 2, errorMessage: injectedRejectionMessage, value: fabricatedOrderId, orderId: fabricatedOrderId };
}

function sendEnvelope(response: ServerResponse, context: RestContext, body: Record<string, unknown>): void {
  sendJsonText(response, 200, restJson(body, context.nineDecimals));
}

function sendBadRequest(
  response: ServerResponse,
  context: RestContext | undefined,
  form: RestEndpoint['badRequest'],
  payloadField: string | undefined,
  field: string,
  message: string,
): void {
  if (form === 'problem') return sendJsonText(response, 400, JSON.stringify(problemDetails(field, message)), 'application/problem+json; charset=utf-8');
  const payload = payloadField === undefined ? {} : { [payloadField]: null };
  const body = envelope(payload, { errorCode: malformedBodyCode, errorMessage: `${field}: ${message}` });
  sendJsonText(response, 400, restJson(body, context?.nineDecimals ?? false));
}
