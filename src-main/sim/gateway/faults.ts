/** Every fault `POST /sim/fault` can inject. */
export const faultKinds = [
  'drop-sockets',
  'freeze-feed',
  'unfreeze-feed',
  'logout',
  'rate-limit',
  'reject-next-order',
  'timeout-next-order',
  'partial-payloads',
] as const;

/** One fault kind. */
export type FaultKind = (typeof faultKinds)[number];

/** How long a timed fault lasts when the request gives no `seconds`. */
export const defaultFaultSeconds = 10;

/** What the faults do to the hubs right away (the rest is state the gateway consults). */
export interface FaultActions {
  /** Closes every hub socket without a close message, as a network drop would. */
  dropSockets(): void;
  /** Sends `GatewayLogout` on every connection of both hubs. */
  sendLogout(): void;
}

/** The active faults, as `GET /sim/state` shows them. */
export interface FaultReport {
  readonly feedFrozen: boolean;
  /** Seconds of forced 429 left, 0 when none. */
  readonly rateLimitedSeconds: number;
  readonly rejectNextOrder: boolean;
  readonly timeoutNextOrder: boolean;
  /** Seconds of partial payloads left, 0 when none. */
  readonly partialPayloadsSeconds: number;
  /** Place requests held without an answer by `timeout-next-order`. */
  readonly heldOrderRequests: number;
}

/** The gateway's fault switches. Times are wall-clock milliseconds. */
export class Faults {
  private frozen = false;
  private frozenUntil = Number.POSITIVE_INFINITY;
  private rateLimitedUntil = 0;
  private partialUntil = 0;
  private rejectNext = false;
  private timeoutNext = false;
  /** Kept up to date by the REST side, for the report. */
  public heldOrderRequests = 0;

  public constructor(
    private readonly actions: FaultActions,
    private readonly now: () => number,
  ) {}

  /** Injects a fault; `seconds` bounds the timed ones (rate-limit, partial-payloads, and freeze-feed when given). */
  public inject(kind: FaultKind, seconds: number | undefined): void {
    const until = this.now() + (seconds ?? defaultFaultSeconds) * 1000;
    switch (kind) {
      case 'drop-sockets':
        this.actions.dropSockets();
        return;
      case 'logout':
        this.actions.sendLogout();
        return;
      case 'freeze-feed':
        this.frozen = true;
        this.frozenUntil = seconds === undefined ? Number.POSITIVE_INFINITY : until;
        return;
      case 'unfreeze-feed':
        this.frozen = false;
        return;
      case 'rate-limit':
        this.rateLimitedUntil = until;
        return;
      case 'partial-payloads':
        this.partialUntil = until;
        return;
      case 'reject-next-order':
        this.rejectNext = true;
        return;
      case 'timeout-next-order':
        this.timeoutNext = true;
        return;
    }
  }

  /** Whether market events are being dropped while the sockets stay open. */
  public feedFrozen(): boolean {
    if (this.frozen && this.now() >= this.frozenUntil) this.frozen = false;
    return this.frozen;
  }

  /** Milliseconds of forced 429 left, or 0. */
  public forcedRateLimitMs(): number {
    return Math.max(0, this.rateLimitedUntil - this.now());
  }

  /** Whether quote and order payloads carry only their changed fields. */
  public partialPayloads(): boolean {
    return this.now() < this.partialUntil;
  }

  /** True once after `reject-next-order`: the caller rejects this place request. */
  public takeRejectNextOrder(): boolean {
    const take = this.rejectNext;
    this.rejectNext = false;
    return take;
  }

  /** True once after `timeout-next-order`: the caller places the order and never answers. */
  public takeTimeoutNextOrder(): boolean {
    const take = this.timeoutNext;
    this.timeoutNext = false;
    return take;
  }

  /** The active faults. */
  public report(): FaultReport {
    return {
      feedFrozen: this.feedFrozen(),
      rateLimitedSeconds: Math.ceil(this.forcedRateLimitMs() / 1000),
      rejectNextOrder: this.rejectNext,
      timeoutNextOrder: this.timeoutNext,
      partialPayloadsSeconds: Math.ceil(Math.max(0, this.partialUntil - this.now()) / 1000),
      heldOrderRequests: this.heldOrderRequests,
    };
  }
}
