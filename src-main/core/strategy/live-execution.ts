import type { StrategyOrderRole } from '../../../src-shared/domain/strategies';
import type { AccountId } from '../../../src-shared/domain/ids';
import { ticksToPrice } from '../../../src-shared/domain/money';
import type { ContractView, OrderView } from '../../../src-shared/domain/trading';
import type { Result } from '../../../src-shared/result';
import type { OrderService } from '../orders/order-service';
import type { TradingCore } from '../trading-core';
import type { OrderAttribution } from './order-attribution';
import type { ExecutionCommand } from './strategy-execution';
import type { StrategyRuntime } from './strategy-runtime';

/** What the live execution needs. */
export interface LiveExecutionDependencies {
  readonly strategyId: string;
  readonly accountId: AccountId;
  readonly contract: ContractView;
  readonly core: TradingCore;
  readonly orders: OrderService;
  readonly attribution: OrderAttribution;
  readonly now: () => number;
  /** A command the gate denied for risk: the strategy pauses. */
  readonly riskDenied: (message: string) => void;
}

/**
 * Sends a strategy's commands through the order service one at a time (a command issued from a
 * callback never re-enters the order service mid-call), with the actor `strategy:<id>` and the same
 * pre-trade gate as the trader. A placed order is attributed at once, and what the broker already
 * said about it (it may answer faster than the REST call returns) is replayed to the strategy.
 */
export class LiveExecution {
  private readonly queue: ExecutionCommand[] = [];
  private draining = false;

  public constructor(
    private readonly dependencies: LiveExecutionDependencies,
    private readonly runtime: () => StrategyRuntime,
  ) {}

  /** Queues a command. */
  public send(command: ExecutionCommand): void {
    this.queue.push(command);
    if (!this.draining) void this.drain();
  }

  /** Commands not answered yet. */
  public get pending(): number {
    return this.queue.length + (this.draining ? 1 : 0);
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (let command = this.queue.shift(); command !== undefined; command = this.queue.shift()) {
        let error: string | null;
        try {
          error = await this.execute(command);
        } catch (thrown) {
          error = `failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
        }
        this.runtime().settle(command, error);
      }
    } finally {
      this.draining = false;
    }
  }

  private async execute(command: ExecutionCommand): Promise<string | null> {
    const { orders, accountId, contract, strategyId } = this.dependencies;
    const actor = `strategy:${strategyId}`;
    const price = (ticks: number | undefined): number | undefined => (ticks === undefined ? undefined : ticksToPrice(ticks, contract.tickSize));
    switch (command.kind) {
      case 'enter': {
        const { entry } = command;
        const placed = await orders.place(
          {
            accountId,
            symbol: contract.id,
            side: entry.side,
            size: entry.size,
            type: entry.type,
            ...(entry.type === 'limit' ? { limitPrice: price(entry.limitTicks) } : {}),
            ...(entry.type === 'stop' ? { stopPrice: price(entry.stopTicks) } : {}),
            stopLossTicks: entry.stopLossTicks,
            ...(entry.takeProfitTicks === undefined ? {} : { takeProfitTicks: entry.takeProfitTicks }),
          },
          actor,
        );
        return this.placed(placed, 'entry');
      }
      case 'close': {
        const placed = await orders.place({ accountId, symbol: contract.id, side: command.side, size: command.size, type: 'market' }, actor);
        return this.placed(placed, 'exit');
      }
      case 'cancel': {
        const cancelled = await orders.cancel(accountId, command.orderId, actor);
        return cancelled.ok ? null : cancelled.error.message;
      }
      case 'modify': {
        const known = this.dependencies.core.orders.get(command.orderId);
        const change =
          known?.type === 'stop' || known?.type === 'trailing-stop' ? { stopPrice: price(command.stopTicks) } : { price: price(command.limitTicks) };
        const modified = await orders.modify({ accountId, orderId: command.orderId, ...change }, actor);
        return modified.ok ? null : modified.error.message;
      }
    }
  }

  private placed(placed: Result<{ orderId: number; customTag: string }>, role: StrategyOrderRole): string | null {
    if (!placed.ok) {
      if (placed.error.code === 'risk-denied') this.dependencies.riskDenied(placed.error.message);
      return placed.error.message;
    }
    const { attribution, strategyId } = this.dependencies;
    attribution.record(placed.value.orderId, placed.value.customTag, { strategyId, role }, this.dependencies.now());
    this.replay(placed.value.orderId);
    return null;
  }

  /** Hands the strategy what the core already knows of a new order: its state, its legs and its fills. */
  private replay(orderId: number): void {
    const { core, attribution, accountId } = this.dependencies;
    const runtime = this.runtime();
    const related: OrderView[] = core.orders
      .recent(accountId, 200)
      .filter((order) => order.id === orderId || attribution.of(order)?.strategyId === this.dependencies.strategyId);
    for (const order of related.reverse()) {
      const role = attribution.of(order)?.role;
      if (role !== undefined && (order.id === orderId || order.parentOrderId === orderId)) runtime.deliverOrder(order, role);
    }
    const fills = core.fills
      .recent(accountId, 500)
      .filter((fill) => fill.orderId === orderId || related.some((order) => order.id === fill.orderId && order.parentOrderId === orderId));
    for (const fill of fills.reverse()) runtime.deliverFill(fill);
  }
}
