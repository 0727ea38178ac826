import type { IncomingMessage, ServerResponse } from 'node:http';

/** Most bytes a REST or control body may have; every ProjectX request is small. */
export const maxBodyBytes = 256 * 1024;

/** A request body as text, or `undefined` when it is larger than `maxBodyBytes` (the rest is drained). */
export async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of request) {
    const buffer = chunk instanceof Buffer ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBodyBytes) tooLarge = true;
    else chunks.push(buffer);
  }
  return tooLarge ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON body; an empty body reads as `undefined`, unparseable text as the `invalid` marker. */
export function parseJsonBody(text: string): unknown {
  if (text.trim().length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return invalidJson;
  }
}

/** Marks a body that is not JSON. */
export const invalidJson: unique symbol = Symbol('invalid JSON');

/** Sends already serialised JSON. */
export function sendJsonText(response: ServerResponse, status: number, json: string, contentType = 'application/json; charset=utf-8'): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

/** Sends a value as JSON. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendJsonText(response, status, JSON.stringify(body));
}

/** Sends plain text. */
export function sendText(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** Sends a status with no body and optional headers. */
export function sendEmpty(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { ...headers, 'content-length': 0 });
  response.end();
}
