import { fail, type Result } from '../../src-shared/result';

/**
 * Most bytes one client message may have. The largest legitimate requests (a risk configuration,
 * a strategy's parameters) are a few kilobytes; the limit leaves them room many times over.
 */
export const maxMessageBytes = 4 * 1024 * 1024;

/**
 * Most bytes the WebSocket layer reads of one message. Above `maxMessageBytes` and up to this, a
 * call is answered `too-large`; beyond it the socket is closed with 1009 before the payload is read.
 */
export const maxFrameBytes = maxMessageBytes + 1024 * 1024;

/** The answer to a call whose message is over `maxMessageBytes`. */
export function tooLarge(bytes: number): Result<never> {
  return fail('too-large', `the message is ${bytes} bytes; the terminal takes messages up to ${maxMessageBytes} bytes (4 MiB)`, 'message');
}

/** How far into a message `peekCallId` looks. */
const peekBytes = 64 * 1024;

/**
 * The call id of a message that will not be parsed whole (too large, binary, not JSON), found
 * cheaply: the `"id"` key of the top-level object within its first 64 KiB, or the last member
 * before its final `}`. Undefined when neither holds a whole number.
 */
export function peekCallId(message: Buffer | string): number | undefined {
  const head = typeof message === 'string' ? message.slice(0, peekBytes) : message.subarray(0, peekBytes).toString('latin1');
  const fromHead = idInHead(head);
  if (fromHead !== undefined) return fromHead;
  const tail = typeof message === 'string' ? message.slice(-64) : message.subarray(Math.max(0, message.length - 64)).toString('latin1');
  const last = /"id"\s*:\s*(\d{1,15})\s*\}\s*$/.exec(tail);
  return last?.[1] === undefined ? undefined : Number(last[1]);
}

/** Scans for `"id": <digits>` at depth 1, skipping strings so an `"id"` inside one is not taken. */
function idInHead(head: string): number | undefined {
  let depth = 0;
  for (let index = 0; index < head.length; index++) {
    const char = head[index];
    if (char === '"') {
      const end = stringEnd(head, index);
      if (end < 0) return undefined;
      if (depth === 1 && end === index + 3 && head[index + 1] === 'i' && head[index + 2] === 'd') {
        const value = /^\s*:\s*(\d{1,15})(?![\d.eE])/.exec(head.slice(end + 1, end + 40));
        if (value?.[1] !== undefined) return Number(value[1]);
      }
      index = end;
    } else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return undefined;
}

/** Index of the quote that closes the string opening at `start`, or -1 when it does not close in `text`. */
function stringEnd(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === '"') return index;
  }
  return -1;
}
