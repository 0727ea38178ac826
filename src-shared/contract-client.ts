import { isEventChannel, type CallChannel, type CallRequest, type CallResponse, type EventChannel, type EventPayload } from './contract';
import { fail, isErrorCode, type Result } from './result';
import type { TerminalApi } from './terminal-api';
import type { ClientMessage, HostMessage } from './wire';

interface PendingCall {
  readonly resolve: (result: Result<unknown>) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** Options of a contract client. */
export interface ContractClientOptions {
  /** How long a call may wait for its answer before it fails with `timeout`. */
  readonly callTimeoutMs: number;
}

/**
 * The contract over any text transport (a WebSocket in the browser or in Node).
 * The owner attaches a send function when the socket opens, feeds it every message, and detaches
 * it when the socket closes. Calls made while detached fail at once with `not-connected`: an order
 * is never queued behind a dead link.
 */
export class ContractClient implements TerminalApi {
  private nextId = 1;
  private send: ((text: string) => void) | undefined;
  private readonly pending = new Map<number, PendingCall>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  public constructor(private readonly options: ContractClientOptions) {}

  /** True while a transport is attached. */
  public get attached(): boolean {
    return this.send !== undefined;
  }

  /** Starts using a transport and re-subscribes every channel someone listens to. */
  public attach(send: (text: string) => void): void {
    this.send = send;
    const channels = [...this.listeners.keys()];
    if (channels.length > 0) this.post({ t: 'sub', channels });
  }

  /** Stops using the transport; calls in flight fail with `not-connected`. */
  public detach(reason: string): void {
    this.send = undefined;
    for (const [id, call] of this.pending) {
      clearTimeout(call.timer);
      call.resolve(fail('not-connected', reason));
      this.pending.delete(id);
    }
  }

  /** Handles one text message from the host. Malformed messages are ignored. */
  public receive(text: string): void {
    const message = parseHostMessage(text);
    if (message === undefined) return;
    if (message.t === 'result') {
      const call = this.pending.get(message.id);
      if (call === undefined) return;
      this.pending.delete(message.id);
      clearTimeout(call.timer);
      call.resolve(message.result);
      return;
    }
    const listeners = this.listeners.get(message.channel);
    if (listeners === undefined) return;
    for (const listener of [...listeners]) listener(message.payload);
  }

  public invoke<C extends CallChannel>(channel: C, request: CallRequest<C>): Promise<Result<CallResponse<C>>> {
    if (this.send === undefined) return Promise.resolve(fail('not-connected', 'not connected to the terminal'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(fail('timeout', `${channel} got no answer within ${this.options.callTimeoutMs} ms`));
      }, this.options.callTimeoutMs);
      this.pending.set(id, { resolve: resolve as (result: Result<unknown>) => void, timer });
      this.post({ t: 'call', id, channel, request });
    });
  }

  public on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
    if (!isEventChannel(channel)) throw new Error(`unknown event channel '${String(channel)}'`);
    let set = this.listeners.get(channel);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(channel, set);
      this.post({ t: 'sub', channels: [channel] });
    }
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => {
      const current = this.listeners.get(channel);
      if (current === undefined || !current.delete(untyped) || current.size > 0) return;
      this.listeners.delete(channel);
      this.post({ t: 'unsub', channels: [channel] });
    };
  }

  private post(message: ClientMessage): void {
    this.send?.(JSON.stringify(message));
  }
}

/** Parses a host message, checking only what the client relies on. */
function parseHostMessage(text: string): HostMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  if (message.t === 'event' && typeof message.channel === 'string') {
    return { t: 'event', channel: message.channel, payload: message.payload };
  }
  if (message.t === 'result' && typeof message.id === 'number' && isResult(message.result)) {
    return { t: 'result', id: message.id, result: message.result };
  }
  return undefined;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as Record<string, unknown>;
  if (result.ok === true) return true;
  if (result.ok !== false || typeof result.error !== 'object' || result.error === null) return false;
  const error = result.error as Record<string, unknown>;
  return isErrorCode(error.code) && typeof error.message === 'string';
}
