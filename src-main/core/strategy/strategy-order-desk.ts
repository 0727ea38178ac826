import type { StrategyLogEntry, StrategyStatus } from '../../../src-shared/domain/strategies';
import type { OrderId } from '../../../src-shared/domain/ids';
import type { OrderView } from '../../../src-shared/domain/trading';
import type { EntryOrder, LogFields, StrategyOrders } from './strategy-context';
import type { ExecutionCommand, RuntimeHost } from './strategy-execution';
import type { StrategyLedger } from './strategy-ledger';

/** What the desk reads of the runtime it serves (the runtime owns the desk, not the other way round). */
export interface DeskRuntime {
  readonly status: StrategyStatus;
  readonly warmingUp: boolean;
  readonly working: ReadonlyMap<OrderId, OrderView>;
  readonly ledger: Pick<StrategyLedger, 'position'>;
  record(level: StrategyLogEntry['level'], message: string, fields?: LogFields): void;
}

/**
 * The strategy's order API: checks each command against the runtime's state (running, warmed up,
 * one entry in flight at a time, its own orders only), logs it, and sends it to the host.
 */
export class StrategyOrderDesk {
  private inFlight = 0;
  private entryInFlight = false;

  public constructor(
    private readonly runtime: DeskRuntime,
    private readonly host: RuntimeHost,
  ) {}

  /** The API the strategy context exposes. */
  public api(): StrategyOrders {
    return {
      enter: (entry) => this.enter(entry),
      exit: (reason) => this.exit(reason),
      cancel: (orderId, reason) => this.cancel(orderId, reason),
      moveStop: (orderId, stopTicks, reason) => this.modify(orderId, { stopTicks }, reason),
      moveLimit: (orderId, limitTicks, reason) => this.modify(orderId, { limitTicks }, reason),
      inFlight: () => this.inFlight,
    };
  }

  /** Sends an entry with its bracket, or refuses it with a logged reason. */
  public enter(entry: EntryOrder): boolean {
    const refusal = this.refusal(entry);
    if (refusal !== null) {
      if (!this.runtime.warmingUp) this.runtime.record('warning', `entry refused: ${refusal}`, { reason: entry.reason });
      return false;
    }
    this.entryInFlight = true;
    this.runtime.record('decision', entry.reason, {
      action: 'enter',
      side: entry.side,
      size: entry.size,
      type: entry.type,
      stopLossTicks: entry.stopLossTicks,
      takeProfitTicks: entry.takeProfitTicks ?? null,
      ...(entry.limitTicks === undefined ? {} : { limitTicks: entry.limitTicks }),
      ...(entry.stopTicks === undefined ? {} : { stopTicks: entry.stopTicks }),
    });
    this.send({ kind: 'enter', entry });
    return true;
  }

  /** Cancels its working orders, then closes its own position at market. */
  public exit(reason: string): void {
    for (const order of this.runtime.working.values()) this.send({ kind: 'cancel', orderId: order.id, reason });
    const position = this.runtime.ledger.position();
    if (position.size !== 0) {
      this.runtime.record('decision', reason, { action: 'exit', size: position.size });
      this.send({ kind: 'close', side: position.size > 0 ? 'sell' : 'buy', size: Math.abs(position.size), reason });
    }
  }

  /** Cancels one of its working orders. */
  public cancel(orderId: OrderId, reason: string): void {
    if (!this.runtime.working.has(orderId)) {
      this.runtime.record('warning', `cancel refused: order ${orderId} is not a working order of this strategy`);
      return;
    }
    this.send({ kind: 'cancel', orderId, reason });
  }

  /** The broker answered a command. */
  public settle(command: ExecutionCommand, error: string | null): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (command.kind === 'enter') this.entryInFlight = false;
    if (error !== null)
      this.runtime.record('warning', `${command.kind} refused: ${error}`, { reason: command.kind === 'enter' ? command.entry.reason : command.reason });
  }

  private modify(orderId: OrderId, change: { stopTicks?: number; limitTicks?: number }, reason: string): void {
    const order = this.runtime.working.get(orderId);
    if (order === undefined) {
      this.runtime.record('warning', `modify refused: order ${orderId} is not a working order of this strategy`);
      return;
    }
    if (change.stopTicks === order.stopTicks && change.limitTicks === undefined) return;
    if (change.limitTicks === order.limitTicks && change.stopTicks === undefined) return;
    this.runtime.record('decision', reason, {
      action: 'modify',
      orderId,
      ...(change.stopTicks === undefined ? {} : { stopTicks: change.stopTicks }),
      ...(change.limitTicks === undefined ? {} : { limitTicks: change.limitTicks }),
    });
    this.send({ kind: 'modify', orderId, ...change, reason });
  }

  private refusal(entry: EntryOrder): string | null {
    if (this.runtime.warmingUp) return 'the strategy is warming up on history';
    if (this.runtime.status !== 'running') return `the strategy is ${this.runtime.status}`;
    if (this.entryInFlight) return 'an entry is already on its way';
    if (!Number.isInteger(entry.size) || entry.size < 1) return `size ${entry.size} is not a whole number of contracts`;
    if (!Number.isInteger(entry.stopLossTicks) || entry.stopLossTicks < 1) return 'every entry needs a stop-loss of at least one tick';
    if (entry.takeProfitTicks !== undefined && (!Number.isInteger(entry.takeProfitTicks) || entry.takeProfitTicks < 1))
      return 'a take-profit must be at least one tick';
    if (entry.type === 'limit' && entry.limitTicks === undefined) return 'a limit entry needs limitTicks';
    if (entry.type === 'stop' && entry.stopTicks === undefined) return 'a stop entry needs stopTicks';
    return null;
  }

  private send(command: ExecutionCommand): void {
    this.inFlight++;
    this.host.send(command);
  }
}
