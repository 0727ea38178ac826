import type { StrategyLogEntry, StrategyOrderRole } from '../../../src-shared/domain/strategies';
import type { OrderId } from '../../../src-shared/domain/ids';
import type { Ticks } from '../../../src-shared/domain/money';
import type { OrderSide } from '../../../src-shared/domain/trading';
import type { EntryOrder, JsonValue } from './strategy-context';

/** A command a strategy sends; live it goes through the order service and its gate, in a backtest to the simulated exchange. */
export type ExecutionCommand =
  | { readonly kind: 'enter'; readonly entry: EntryOrder }
  /** Closes the strategy's own position at market, without brackets. */
  | { readonly kind: 'close'; readonly side: OrderSide; readonly size: number; readonly reason: string }
  | { readonly kind: 'cancel'; readonly orderId: OrderId; readonly reason: string }
  | { readonly kind: 'modify'; readonly orderId: OrderId; readonly stopTicks?: Ticks; readonly limitTicks?: Ticks; readonly reason: string };

/** Where the runtime sends commands and reports what happens; the live service and the backtester implement it. */
export interface RuntimeHost {
  /** Sends a command; the host calls `runtime.settle(command, error)` once the broker answered. */
  send(command: ExecutionCommand): void;
  /** Arms (or re-arms) a named timer at an epoch ms; the host calls `runtime.fireTimer(name)`. */
  setTimer(name: string, at: number): void;
  clearTimer(name: string): void;
  /** The strategy's saved state. */
  loadState(): Readonly<Record<string, JsonValue>>;
  saveState(state: Readonly<Record<string, JsonValue>>): void;
  log(entry: StrategyLogEntry): void;
  /** Status, position, orders or figures changed. */
  changed(): void;
}

/** Which part an order of the strategy plays, as the host attributed it. */
export type OrderRole = StrategyOrderRole;
