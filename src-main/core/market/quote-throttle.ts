import type { ContractId } from '../../../src-shared/domain/ids';
import type { QuoteView } from '../../../src-shared/domain/trading';
import type { Clock } from '../clock';

/** At most this many quote updates per second per contract reach the clients. */
export const maxQuotesPerSecond = 60;
const intervalMs = 1000 / maxQuotesPerSecond;

/**
 * Coalesces quotes to display rate per contract: the first goes out at once, later ones within the
 * interval are merged into one sent when it ends (always the latest).
 */
export class QuoteThrottle {
  private readonly lastSent = new Map<ContractId, number>();
  private readonly waiting = new Map<ContractId, QuoteView>();
  private readonly timers = new Map<ContractId, ReturnType<typeof setTimeout>>();

  public constructor(
    private readonly clock: Clock,
    private readonly send: (quote: QuoteView) => void,
  ) {}

  /** Offers a quote; it is sent now or folded into the next send. */
  public offer(quote: QuoteView): void {
    const now = this.clock.now();
    const last = this.lastSent.get(quote.contractId);
    if (last === undefined || now - last >= intervalMs) {
      this.lastSent.set(quote.contractId, now);
      this.send(quote);
      return;
    }
    this.waiting.set(quote.contractId, quote);
    if (this.timers.has(quote.contractId)) return;
    const timer = setTimeout(() => this.release(quote.contractId), Math.max(1, intervalMs - (now - last)));
    this.timers.set(quote.contractId, timer);
  }

  /** Cancels pending sends. */
  public dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.waiting.clear();
  }

  private release(contractId: ContractId): void {
    this.timers.delete(contractId);
    const quote = this.waiting.get(contractId);
    if (quote === undefined) return;
    this.waiting.delete(contractId);
    this.lastSent.set(contractId, this.clock.now());
    this.send(quote);
  }
}
