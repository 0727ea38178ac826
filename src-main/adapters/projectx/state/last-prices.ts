import type { ContractId } from '../../../../src-shared/domain/ids';
import type { Ticks } from '../../../../src-shared/domain/money';
import type { TimerScope } from '../support/timer-scope';

/** Opens a temporary quote subscription for a contract; returns the function that closes it. */
export type QuoteBorrower = (contractId: ContractId) => () => void;

/**
 * The last trade price per contract, fed by the market hub (quotes and prints). A caller that
 * needs a price it does not have (a trailing stop) can borrow a quote subscription and wait.
 */
export class LastPrices {
  private readonly prices = new Map<ContractId, Ticks>();
  private readonly waiters = new Map<ContractId, Set<(ticks: Ticks | undefined) => void>>();

  public constructor(private readonly timers: TimerScope) {}

  /** The last known trade price. */
  public get(contractId: ContractId): Ticks | undefined {
    return this.prices.get(contractId);
  }

  /** Records a trade price and wakes whoever waits for it. */
  public update(contractId: ContractId, ticks: Ticks): void {
    this.prices.set(contractId, ticks);
    const waiting = this.waiters.get(contractId);
    if (waiting === undefined) return;
    this.waiters.delete(contractId);
    for (const wake of waiting) wake(ticks);
  }

  /** The last price, or (borrowing a quote subscription) the next one within `timeoutMs`. */
  public async require(contractId: ContractId, borrow: QuoteBorrower, timeoutMs: number): Promise<Ticks | undefined> {
    const known = this.prices.get(contractId);
    if (known !== undefined) return known;
    const release = borrow(contractId);
    try {
      return await new Promise<Ticks | undefined>((resolve) => {
        const waiting = this.waiters.get(contractId) ?? new Set();
        this.waiters.set(contractId, waiting);
        const cancel = this.timers.schedule(timeoutMs, () => {
          waiting.delete(wake);
          resolve(undefined);
        });
        const wake = (ticks: Ticks | undefined): void => {
          cancel();
          resolve(ticks);
        };
        waiting.add(wake);
      });
    } finally {
      release();
    }
  }

  /** Wakes every waiter with nothing (on stop). */
  public dispose(): void {
    for (const waiting of this.waiters.values()) for (const wake of waiting) wake(undefined);
    this.waiters.clear();
  }
}
