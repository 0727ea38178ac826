import type { z } from 'zod';
import { callChannels, calls, isCallChannel, type CallChannel, type CallResponse, type ParsedRequest } from '../../src-shared/contract';
import { fail, type Result } from '../../src-shared/result';
import type { Logger } from './logger';

/** One handler for every call channel; a missing one is a type error. */
export type ContractHandlers = {
  readonly [C in CallChannel]: (request: ParsedRequest<C>) => Promise<Result<CallResponse<C>>> | Result<CallResponse<C>>;
};

/** Runs contract calls from untrusted clients: checks the channel, validates the request, never throws. */
export interface Dispatcher {
  dispatch(channel: unknown, request: unknown): Promise<Result<unknown>>;
}

/**
 * Throws when a contract channel has no handler. Called at start-up by both hosts so a channel
 * added without its handler fails loudly before any client connects.
 */
export function assertEveryChannelHandled(handlers: Readonly<Record<string, unknown>>): void {
  const missing = callChannels.filter((channel) => typeof handlers[channel] !== 'function');
  if (missing.length > 0) throw new Error(`contract channels without a handler: ${missing.join(', ')}`);
}

/** Builds the dispatcher both hosts use, after checking that every channel is handled. */
export function createDispatcher(handlers: ContractHandlers, logger: Logger): Dispatcher {
  assertEveryChannelHandled(handlers);
  return {
    async dispatch(channel, request) {
      if (!isCallChannel(channel)) {
        return fail('unknown-channel', `unknown channel '${String(channel).slice(0, 100)}'`, 'channel');
      }
      const parsed = validateRequest(channel, request);
      if (!parsed.ok) return parsed;
      const handler = handlers[channel] as (request: unknown) => Promise<Result<unknown>> | Result<unknown>;
      try {
        return await handler(parsed.value);
      } catch (error) {
        logger.error({ channel, error: describeError(error) }, 'contract handler threw');
        return fail('internal', `${channel} failed: ${describeError(error)}`);
      }
    },
  };
}

/** Validates a request against its channel's schema; the error names the field and the reason. */
export function validateRequest<C extends CallChannel>(channel: C, request: unknown): Result<ParsedRequest<C>> {
  const schema: z.ZodType = calls[channel].request;
  const parsed = schema.safeParse(request === undefined ? {} : request);
  if (parsed.success) return { ok: true, value: parsed.data as ParsedRequest<C> };
  const issue = parsed.error.issues[0];
  if (issue === undefined) return fail('invalid-request', `${channel}: invalid request`);
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = [...issue.path, ...keys.slice(0, 1)].map(String);
  const field = path.length > 0 ? path.join('.') : 'request';
  const reason = issue.code === 'unrecognized_keys' ? 'is not a field of this request' : issue.message;
  return fail('invalid-request', `${channel}: ${field} ${reason}`, field);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
