import type { WebSocket } from 'ws';
import type { Logger } from '../../core/logger';
import {
  closeRecord,
  completionErrorRecord,
  completionRecord,
  handshakeAcceptedRecord,
  handshakeErrorRecord,
  parseClientMessage,
  parseHandshake,
  pingRecord,
  RecordReader,
} from './signalr-framing';

/** The two hubs. */
export type HubName = 'user' | 'market';

/** What a hub method answers: a result (then, optionally, records that follow the completion) or an error. */
export type HubMethodResult = { readonly ok: true; readonly result: unknown; readonly then?: () => void } | { readonly ok: false; readonly error: string };

/** A hub's methods and its bookkeeping when a connection ends. */
export interface HubHandlers {
  invoke(connection: HubConnection, target: string, args: readonly unknown[]): HubMethodResult;
  closed(connection: HubConnection): void;
}

/** Limits and timings of a connection. */
export interface HubConnectionOptions {
  readonly logger: Logger;
  /** A client that falls this far behind is dropped rather than buffered without end. */
  readonly maxBufferedBytes: number;
  /** The longest record a client may send. */
  readonly maxRecordChars: number;
  /** Wall-clock epoch milliseconds. */
  readonly now: () => number;
}

/**
 * One SignalR connection over one WebSocket: handshake, records in and out, completions, pings.
 * Outgoing records are queued and flushed as one frame per event-loop turn, so a burst of events
 * costs one WebSocket send per connection.
 */
export class HubConnection {
  /** Subscription keys such as `orders:123` or `quotes:CON.F.US.EP.Z25`; none survive a reconnect. */
  public readonly subscriptions = new Set<string>();
  /** Wall-clock time of the last record from the client (its pings included). */
  public lastReceived: number;
  private handshaken = false;
  private closed = false;
  private outbox: string[] = [];
  private flushScheduled = false;
  private readonly reader: RecordReader;

  public constructor(
    public readonly id: number,
    public readonly hub: HubName,
    private readonly socket: WebSocket,
    private readonly handlers: HubHandlers,
    private readonly options: HubConnectionOptions,
  ) {
    this.lastReceived = options.now();
    this.reader = new RecordReader(options.maxRecordChars);
    socket.on('message', (data, isBinary) => this.receive(isBinary ? undefined : data.toString()));
    socket.on('close', () => this.ended());
    socket.on('error', (error) => options.logger.warn({ connection: id, error: error.message }, 'hub socket error'));
  }

  /** Whether the handshake completed and the socket is still open. */
  public get open(): boolean {
    return this.handshaken && !this.closed;
  }

  /** Queues a record (already framed) for the next flush. */
  public send(record: string): void {
    if (this.closed) return;
    this.outbox.push(record);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Sends a ping; called by the hub server's timer. */
  public ping(): void {
    if (this.open) this.send(pingRecord);
  }

  /** Closes politely: a close record, then the WebSocket close handshake. */
  public close(error: string | undefined, allowReconnect: boolean): void {
    if (this.closed) return;
    this.outbox.push(closeRecord(error, allowReconnect));
    this.flush();
    this.closed = true;
    this.socket.close(1000);
  }

  /** Drops the TCP connection with no close message, as a network failure would. */
  public terminate(): void {
    this.closed = true;
    this.outbox = [];
    this.socket.terminate();
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.outbox.length === 0 || this.socket.readyState !== this.socket.OPEN) {
      this.outbox = [];
      return;
    }
    if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.options.logger.warn({ connection: this.id, bufferedAmount: this.socket.bufferedAmount }, 'hub client too slow; dropping it');
      this.terminate();
      return;
    }
    const frame = this.outbox.length === 1 ? (this.outbox[0] ?? '') : this.outbox.join('');
    this.outbox = [];
    this.socket.send(frame);
  }

  private receive(text: string | undefined): void {
    if (this.closed) return;
    this.lastReceived = this.options.now();
    if (text === undefined) return this.fail('binary frames are not part of the JSON protocol');
    const records = this.reader.push(text);
    if (!Array.isArray(records)) return this.fail(records.reason);
    for (const record of records) {
      if (this.closed) return;
      if (this.handshaken) this.handle(record);
      else this.handshake(record);
    }
  }

  private handshake(record: string): void {
    const handshake = parseHandshake(record);
    if ('type' in handshake) {
      this.outbox.push(handshakeErrorRecord(handshake.reason));
      this.flush();
      this.closed = true;
      this.socket.close(1000);
      return;
    }
    this.handshaken = true;
    this.send(handshakeAcceptedRecord);
  }

  private handle(record: string): void {
    const message = parseClientMessage(record);
    switch (message.type) {
      case 'error':
        return this.fail(message.reason);
      case 1: {
        let outcome: HubMethodResult;
        try {
          outcome = this.handlers.invoke(this, message.target, message.arguments);
        } catch (error) {
          this.options.logger.error({ connection: this.id, target: message.target, error: String(error) }, 'hub method failed');
          outcome = { ok: false, error: `Failed to invoke '${message.target}' due to an error on the server.` };
        }
        if (message.invocationId !== undefined) {
          this.send(outcome.ok ? completionRecord(message.invocationId, outcome.result) : completionErrorRecord(message.invocationId, outcome.error));
        }
        if (outcome.ok) outcome.then?.();
        return;
      }
      case 4:
        if (message.invocationId !== undefined) this.send(completionErrorRecord(message.invocationId, `The hub has no streaming method '${message.target}'.`));
        return;
      case 7:
        this.closed = true;
        this.socket.close(1000);
        return;
      default:
        // Pings and messages this server does not act on only keep the connection alive.
        return;
    }
  }

  private fail(reason: string): void {
    this.options.logger.warn({ connection: this.id, reason }, 'closing a hub connection on a malformed message');
    this.close(`Connection closed with an error. InvalidDataException: ${reason}`, false);
  }

  private ended(): void {
    this.closed = true;
    this.outbox = [];
    this.handlers.closed(this);
  }
}
