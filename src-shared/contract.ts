import { z } from 'zod';
import type { AppInfo, Pong } from './domain/app-info';
import type { ConnectionState } from './domain/connection';

/**
 * THE contract between the main process and every client (renderer, CLI, tests).
 * A call channel pairs a runtime request schema with a response type; an event channel names a
 * payload type. Adding a channel is one entry below; handlers are then required by the type
 * system and checked again at start-up.
 */

/** Declares a call channel: the request schema, then `.returns<Response>()` names the response type. */
function call<Request extends z.ZodType>(request: Request): { returns<Response>(): CallSpec<Request, Response> } {
  return {
    returns<Response>(): CallSpec<Request, Response> {
      return { request };
    },
  };
}

/** Declares an event channel by its payload type. */
function event<Payload>(): EventSpec<Payload> {
  return {} as EventSpec<Payload>;
}

/** A call channel's declaration. The response field exists only in the type. */
export interface CallSpec<Request extends z.ZodType, Response> {
  readonly request: Request;
  readonly response?: Response;
}

/** An event channel's declaration. The payload field exists only in the type. */
export interface EventSpec<Payload> {
  readonly payload?: Payload;
}

const empty = z.object({}).strict();

/** Every call channel. */
export const calls = {
  'app.info': call(empty).returns<AppInfo>(),
  'app.ping': call(z.object({ nonce: z.string().max(64).optional() }).strict()).returns<Pong>(),
  'connection.get': call(empty).returns<ConnectionState>(),
};

/** Every event channel. */
export const events = {
  'connection.changed': event<ConnectionState>(),
};

/** Name of a call channel. */
export type CallChannel = keyof typeof calls;
/** Name of an event channel. */
export type EventChannel = keyof typeof events;
/** What a caller passes (before defaults are applied). */
export type CallRequest<C extends CallChannel> = z.input<(typeof calls)[C]['request']>;
/** What a handler receives (after validation and defaults). */
export type ParsedRequest<C extends CallChannel> = z.output<(typeof calls)[C]['request']>;
/** What a call returns on success. */
export type CallResponse<C extends CallChannel> = NonNullable<(typeof calls)[C]['response']>;
/** An event's payload. */
export type EventPayload<E extends EventChannel> = NonNullable<(typeof events)[E]['payload']>;

/** All call channel names, for run-time checks. */
export const callChannels = Object.keys(calls) as CallChannel[];
/** All event channel names, for run-time checks. */
export const eventChannels = Object.keys(events) as EventChannel[];

/** True when the string names a call channel. */
export function isCallChannel(value: unknown): value is CallChannel {
  return typeof value === 'string' && Object.hasOwn(calls, value);
}

/** True when the string names an event channel. */
export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
