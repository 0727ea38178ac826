import type { RawData, WebSocket } from 'ws';
import { isEventChannel, type EventChannel } from '../../src-shared/contract';
import { fail, type Result } from '../../src-shared/result';
import { clientMessage, type HostMessage } from '../../src-shared/wire';
import type { Dispatcher } from '../core/contract-dispatcher';
import type { EventHub } from '../core/event-hub';
import type { Logger } from '../core/logger';
import { maxMessageBytes, peekCallId, tooLarge } from './message-limits';

/** A client that falls this far behind on events is disconnected rather than buffered without end. */
const maxBufferedBytes = 16 * 1024 * 1024;

/**
 * Serves the contract to one WebSocket client: calls, subscriptions and events. Nothing a client
 * sends can throw out of here: a bad message is answered (when it carries a call id) or dropped,
 * and a bad frame closes this socket only, with the reason logged.
 */
export function serveSocket(socket: WebSocket, dispatcher: Dispatcher, events: EventHub, logger: Logger): void {
  const subscribed = new Set<EventChannel>();
  const send = (message: HostMessage): void => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > maxBufferedBytes) {
      logger.warn({ bufferedAmount: socket.bufferedAmount }, 'client too slow for its events; closing it');
      socket.close(1013, 'too slow');
      return;
    }
    const text = serialize(message, logger);
    if (text !== undefined) socket.send(text);
  };
  const answer = (id: number | undefined, result: Result<unknown>): void => {
    if (id !== undefined) send({ t: 'result', id, result });
  };
  const stopForwarding = events.forward((channel, payload) => {
    if (subscribed.has(channel)) send({ t: 'event', channel, payload });
  });
  socket.on('close', stopForwarding);
  // Oversized frames, invalid UTF-8 and protocol violations: ws has already sent the close frame
  // (1009, 1007, 1002); without this listener the error would end the process.
  socket.on('error', (error: Error & { code?: string }) => {
    logger.warn({ code: error.code, reason: error.message }, 'client socket failed; closing it');
  });
  socket.on('message', (data, isBinary) => {
    try {
      handle(data, isBinary);
    } catch (error) {
      logger.error({ error: describeError(error) }, 'client message handling threw');
    }
  });

  function handle(data: RawData, isBinary: boolean): void {
    const bytes = toBuffer(data);
    if (bytes.length > maxMessageBytes) {
      const id = peekCallId(bytes);
      logger.warn({ bytes: bytes.length, limit: maxMessageBytes, id }, 'client message too large');
      answer(id, tooLarge(bytes.length));
      return;
    }
    if (isBinary) {
      const id = peekCallId(bytes);
      logger.warn({ bytes: bytes.length, id }, 'client message refused: binary');
      answer(id, fail('invalid-request', 'the terminal takes JSON text messages, not binary ones', 'message'));
      return;
    }
    const text = bytes.toString();
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      // SyntaxError, or RangeError for input nested past what the parser takes.
      const id = peekCallId(bytes);
      logger.warn({ bytes: bytes.length, error: error instanceof Error ? error.name : 'unknown', id }, 'client message is not JSON');
      answer(id, fail('invalid-request', 'the message is not JSON', 'message'));
      return;
    }
    const parsed = clientMessage.safeParse(raw);
    if (!parsed.success) {
      const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
      if (typeof id === 'number') answer(id, fail('invalid-request', 'malformed call message', 'message'));
      else logger.warn({ bytes: bytes.length }, 'client message is not a call or a subscription');
      return;
    }
    const message = parsed.data;
    if (message.t === 'call') {
      const { id, channel } = message;
      // The dispatcher never throws by contract; a bug that does (a stack overflow in validation)
      // still gets an answer rather than an unhandled rejection.
      let pending: Promise<Result<unknown>>;
      try {
        pending = dispatcher.dispatch(channel, message.request);
      } catch (error) {
        pending = Promise.reject(error);
      }
      pending
        .then(
          (result) => answer(id, result),
          (error: unknown) => {
            logger.error({ channel, error: describeError(error) }, 'contract call threw');
            answer(id, fail('internal', `${channel} failed: ${describeError(error)}`));
          },
        )
        .catch((error: unknown) => logger.error({ channel, error: describeError(error) }, 'contract answer could not be sent'));
      return;
    }
    for (const channel of message.channels) {
      if (!isEventChannel(channel)) continue;
      if (message.t === 'sub') subscribed.add(channel);
      else subscribed.delete(channel);
    }
  }
}

/**
 * The message as JSON. An answer that cannot be written (nested too deep, a BigInt) becomes
 * `internal`; such an event is dropped.
 */
function serialize(message: HostMessage, logger: Logger): string | undefined {
  try {
    return JSON.stringify(message);
  } catch (error) {
    const where = message.t === 'result' ? { id: message.id } : { channel: message.channel };
    logger.error({ ...where, error: describeError(error) }, 'host message cannot be written as JSON');
    if (message.t === 'event') return undefined;
    return JSON.stringify({ t: 'result', id: message.id, result: fail('internal', 'the answer could not be written as JSON') });
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
