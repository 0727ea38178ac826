/**
 * The SignalR JSON hub protocol as text: records end with the ASCII record separator, a frame may
 * carry several records, and the first record of a connection is the handshake.
 */

/** Ends every record of the JSON hub protocol. */
export const recordSeparator = '\u001e';

/** Hub message types the gateway reads or writes. */
export const messageType = {
  invocation: 1,
  streamItem: 2,
  completion: 3,
  streamInvocation: 4,
  cancelInvocation: 5,
  ping: 6,
  close: 7,
} as const;

/** A message a client sent, as far as the gateway cares. */
export type ClientHubMessage =
  | { readonly type: 1; readonly invocationId: string | undefined; readonly target: string; readonly arguments: readonly unknown[] }
  | { readonly type: 4; readonly invocationId: string | undefined; readonly target: string }
  | { readonly type: 6 }
  | { readonly type: 7 }
  | { readonly type: 'other' };

/** A record that could not be understood; the connection should be closed with this reason. */
export interface FramingError {
  readonly type: 'error';
  readonly reason: string;
}

/** The ping record, ready to send. */
export const pingRecord = `{"type":6}${recordSeparator}`;
/** The handshake answer that accepts the protocol. */
export const handshakeAcceptedRecord = `{}${recordSeparator}`;

/**
 * Splits incoming text into complete records. A record cut across frames is kept until its end
 * arrives; one that grows beyond `maxRecordChars` is an error rather than unbounded memory.
 */
export class RecordReader {
  private pending = '';

  public constructor(private readonly maxRecordChars: number) {}

  /** Adds a frame's text; returns the records it completed, or an error. */
  public push(text: string): string[] | FramingError {
    const parts = (this.pending + text).split(recordSeparator);
    this.pending = parts.pop() ?? '';
    if (this.pending.length > this.maxRecordChars) {
      this.pending = '';
      return { type: 'error', reason: `a record exceeds ${this.maxRecordChars} characters` };
    }
    return parts;
  }
}

/** The protocol a client asked for in its handshake, or why the handshake is refused. */
export function parseHandshake(record: string): { readonly protocol: 'json'; readonly version: number } | FramingError {
  const raw = parseJson(record);
  if (!isRecord(raw)) return { type: 'error', reason: 'the handshake is not a JSON object' };
  const { protocol, version } = raw;
  if (typeof protocol !== 'string') return { type: 'error', reason: 'the handshake has no protocol' };
  if (protocol !== 'json') return { type: 'error', reason: `The protocol '${protocol}' is not supported.` };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > 2) {
    return { type: 'error', reason: `The server does not support version ${String(version)} of the 'json' protocol.` };
  }
  return { protocol, version };
}

/** Reads one record sent after the handshake. */
export function parseClientMessage(record: string): ClientHubMessage | FramingError {
  const raw = parseJson(record);
  if (!isRecord(raw)) return { type: 'error', reason: 'a message is not a JSON object' };
  const invocationId = raw.invocationId;
  if (invocationId !== undefined && invocationId !== null && typeof invocationId !== 'string') {
    return { type: 'error', reason: 'invocationId must be a string' };
  }
  const id = typeof invocationId === 'string' ? invocationId : undefined;
  switch (raw.type) {
    case messageType.invocation: {
      if (typeof raw.target !== 'string') return { type: 'error', reason: 'an invocation has no target' };
      const args = raw.arguments ?? [];
      if (!Array.isArray(args)) return { type: 'error', reason: 'arguments must be an array' };
      return { type: 1, invocationId: id, target: raw.target, arguments: args };
    }
    case messageType.streamInvocation:
      return { type: 4, invocationId: id, target: typeof raw.target === 'string' ? raw.target : '' };
    case messageType.ping:
      return { type: 6 };
    case messageType.close:
      return { type: 7 };
    case undefined:
      return { type: 'error', reason: 'a message has no type' };
    default:
      return { type: 'other' };
  }
}

/** An invocation record (server to client), serialised once so it can go to many connections. */
export function invocationRecord(target: string, args: readonly unknown[]): string {
  return `{"type":1,"target":${JSON.stringify(target)},"arguments":${JSON.stringify(args)}}${recordSeparator}`;
}

/** A successful completion record. */
export function completionRecord(invocationId: string, result: unknown): string {
  return `${JSON.stringify({ type: messageType.completion, invocationId, result })}${recordSeparator}`;
}

/** A failed completion record. */
export function completionErrorRecord(invocationId: string, error: string): string {
  return `${JSON.stringify({ type: messageType.completion, invocationId, error })}${recordSeparator}`;
}

/** A close record; `allowReconnect` tells the official client it may reconnect automatically. */
export function closeRecord(error: string | undefined, allowReconnect: boolean): string {
  const message = error === undefined ? { type: messageType.close, allowReconnect } : { type: messageType.close, error, allowReconnect };
  return `${JSON.stringify(message)}${recordSeparator}`;
}

/** The handshake answer that refuses the connection. */
export function handshakeErrorRecord(error: string): string {
  return `${JSON.stringify({ error })}${recordSeparator}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
