import { z } from 'zod';
import type { Result } from './result';

/**
 * Messages of the contract over one WebSocket (headless host, CLI, browser bridge).
 * Requests are correlated by a numeric id chosen by the client.
 */

/** Client to host: a contract call. */
export const callMessage = z.object({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  request: z.unknown(),
});

/** Client to host: start or stop receiving some event channels. */
export const subscriptionMessage = z.object({
  t: z.enum(['sub', 'unsub']),
  channels: z.array(z.string().max(100)).max(100),
});

/** Everything a client may send. */
export const clientMessage = z.discriminatedUnion('t', [callMessage, subscriptionMessage]);
/** A parsed client message. */
export type ClientMessage = z.infer<typeof clientMessage>;

/** Host to client: the answer to a call. */
export interface ResultMessage {
  readonly t: 'result';
  readonly id: number;
  readonly result: Result<unknown>;
}

/** Host to client: an event on a subscribed channel. */
export interface EventMessage {
  readonly t: 'event';
  readonly channel: string;
  readonly payload: unknown;
}

/** Everything the host may send. */
export type HostMessage = ResultMessage | EventMessage;

/** Query parameter that carries the host's token on the page URL and the WebSocket URL. */
export const tokenParameter = 'token';
/** Path of the contract WebSocket on the host. */
export const apiPath = '/api';
/** Path where a page checks its token over plain HTTP: 200 when accepted, 401 when not. */
export const sessionCheckPath = '/api/session';

/** Electron IPC channel that carries every contract call (channel and request as arguments). */
export const ipcInvokeChannel = 'contract:invoke';
/** Electron IPC channel that carries every contract event (channel and payload as arguments). */
export const ipcEventChannel = 'contract:event';
