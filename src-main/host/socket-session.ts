import type { WebSocket } from 'ws';
import { isEventChannel, type EventChannel } from '../../src-shared/contract';
import { fail } from '../../src-shared/result';
import { clientMessage, type HostMessage } from '../../src-shared/wire';
import type { Dispatcher } from '../core/contract-dispatcher';
import type { EventHub } from '../core/event-hub';
import type { Logger } from '../core/logger';

/** Most bytes a client message may have; the contract's requests are small. */
const maxMessageBytes = 256 * 1024;
/** A client that falls this far behind on events is disconnected rather than buffered without end. */
const maxBufferedBytes = 16 * 1024 * 1024;

/** Serves the contract to one WebSocket client: calls, subscriptions and events. */
export function serveSocket(socket: WebSocket, dispatcher: Dispatcher, events: EventHub, logger: Logger): void {
  const subscribed = new Set<EventChannel>();
  const send = (message: HostMessage): void => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > maxBufferedBytes) {
      logger.warn({ bufferedAmount: socket.bufferedAmount }, 'client too slow for its events; closing it');
      socket.close(1013, 'too slow');
      return;
    }
    socket.send(JSON.stringify(message));
  };
  const stopForwarding = events.forward((channel, payload) => {
    if (subscribed.has(channel)) send({ t: 'event', channel, payload });
  });
  socket.on('close', stopForwarding);
  socket.on('message', (data, isBinary) => {
    const text = isBinary ? '' : data.toString();
    if (text.length === 0 || text.length > maxMessageBytes) {
      logger.warn({ bytes: text.length, isBinary }, 'client message refused');
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      logger.warn({}, 'client message is not JSON');
      return;
    }
    const parsed = clientMessage.safeParse(raw);
    if (!parsed.success) {
      const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
      if (typeof id === 'number') send({ t: 'result', id, result: fail('invalid-request', 'malformed call message', 'message') });
      return;
    }
    const message = parsed.data;
    if (message.t === 'call') {
      void dispatcher.dispatch(message.channel, message.request).then((result) => send({ t: 'result', id: message.id, result }));
      return;
    }
    for (const channel of message.channels) {
      if (!isEventChannel(channel)) continue;
      if (message.t === 'sub') subscribed.add(channel);
      else subscribed.delete(channel);
    }
  });
}
