import { describeError } from '../support/event-stream';
import type { TimerScope } from '../support/timer-scope';

/** What one HTTP exchange ended with. */
export type TransportOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly headers: Headers; readonly text: string }
  /** No answer in time: the server may or may not have acted on the request. */
  | { readonly kind: 'timeout' }
  /** The connection failed; `sent` is false only when the request certainly never left. */
  | { readonly kind: 'network'; readonly message: string; readonly sent: boolean }
  | { readonly kind: 'cancelled' };

/** The `fetch` the adapter uses (injectable for tests). */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

// Errors raised before any byte was written: the request certainly did not reach the server.
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** POSTs JSON with a deadline; every request in flight is aborted by `dispose()`. */
export class HttpTransport {
  private readonly inFlight = new Set<AbortController>();

  public constructor(
    private readonly fetchFunction: FetchFunction,
    private readonly timers: TimerScope,
  ) {}

  /** Sends one request and reads the whole answer within `timeoutMs`. */
  public async post(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<TransportOutcome> {
    if (this.timers.isDisposed) return { kind: 'cancelled' };
    const controller = new AbortController();
    let timedOut = false;
    const cancelTimer = this.timers.schedule(timeoutMs, () => {
      timedOut = true;
      controller.abort();
    });
    this.inFlight.add(controller);
    try {
      const response = await this.fetchFunction(url, {
        method: 'POST',
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await response.text();
      return { kind: 'response', status: response.status, headers: response.headers, text };
    } catch (error) {
      if (timedOut) return { kind: 'timeout' };
      if (controller.signal.aborted) return { kind: 'cancelled' };
      const code = causeCode(error);
      return { kind: 'network', message: code ?? describeError(error), sent: code === undefined || !notSentCodes.has(code) };
    } finally {
      cancelTimer();
      this.inFlight.delete(controller);
    }
  }

  /** Aborts every request in flight. */
  public dispose(): void {
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
  }
}

function causeCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return undefined;
}
