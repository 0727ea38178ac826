import { timingSafeEqual } from 'node:crypto';

/** Why the host refused a request, or undefined when it is allowed. */
export type Refusal = { readonly status: 401 | 403; readonly reason: string } | undefined;

/** Host names a loopback client may use in the Host header (DNS-rebinding defence). */
function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Checks the Host header and, when present, the Origin header against the host's own address. */
export function checkOrigin(headers: { host?: string; origin?: string }, port: number): Refusal {
  const hosts = allowedHosts(port);
  if (headers.host === undefined || !hosts.has(headers.host.toLowerCase())) {
    return { status: 403, reason: `foreign Host header '${headers.host ?? ''}'` };
  }
  // Non-browser clients (the CLI) send no Origin; a browser always does, and it must be ours.
  if (headers.origin !== undefined) {
    let originHost: string;
    try {
      const origin = new URL(headers.origin);
      originHost = origin.protocol === 'http:' ? origin.host : '';
    } catch {
      originHost = '';
    }
    if (!hosts.has(originHost.toLowerCase())) return { status: 403, reason: `foreign Origin '${headers.origin}'` };
  }
  return undefined;
}

/** Checks the token in constant time. */
export function checkToken(presented: string | null, expected: string): Refusal {
  if (presented === null || presented.length === 0) return { status: 401, reason: 'missing token' };
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { status: 401, reason: 'wrong token' };
  return undefined;
}
