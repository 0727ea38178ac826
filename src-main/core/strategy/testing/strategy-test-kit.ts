import type { StrategyLogEntry, StrategyParameters } from '../../../../src-shared/domain/strategies';
import type { BarView, FillView, OrderView } from '../../../../src-shared/domain/trading';
import { esContract, evaluationAccount } from '../../testing/fake-broker';
import { mergeParameters } from '../parameters';
import type { JsonValue } from '../strategy-context';
import type { StrategyKind } from '../strategy-definition';
import type { ExecutionCommand, OrderRole, RuntimeHost } from '../strategy-execution';
import { StrategyRuntime } from '../strategy-runtime';

/**
 * Runs one strategy on crafted bars for tests (not a test file itself). Commands are recorded and,
 * with `autoFill`, answered like a simple broker: market orders fill at the last close, entries
 * get their bracket legs, and `touch` fills legs the price reaches.
 */
export class StrategyTestKit implements RuntimeHost {
  public readonly commands: ExecutionCommand[] = [];
  public readonly logs: StrategyLogEntry[] = [];
  public readonly timers = new Map<string, number>();
  public state: Readonly<Record<string, JsonValue>> = {};
  public readonly runtime: StrategyRuntime;
  public time = 0;
  public autoFill = true;
  private lastClose = 0;
  private nextOrderId = 1000;
  private nextFillId = 5000;

  public constructor(kind: StrategyKind, parameters: StrategyParameters = {}, state: Readonly<Record<string, JsonValue>> = {}) {
    const merged = mergeParameters(kind.parameters, {}, parameters);
    if (!merged.ok) throw new Error(merged.error.message);
    this.state = state;
    this.runtime = new StrategyRuntime({
      id: 'test-1',
      kind,
      accountId: evaluationAccount.id,
      contract: esContract,
      parameters: merged.value,
      clock: { now: () => this.time },
      host: this,
    });
  }

  /** Starts the strategy. */
  public start(): this {
    this.runtime.start();
    return this;
  }

  /** Delivers closed bars of the main series, each at its close time. */
  public feed(bars: readonly BarView[]): this {
    const series = this.runtime.feeds.feeds[0]?.series;
    if (series === undefined) throw new Error('no series');
    const length = series.unit === 'minute' ? 60_000 * series.unitNumber : 3_600_000 * series.unitNumber;
    for (const bar of bars) {
      this.time = bar.time + length;
      this.lastClose = bar.close;
      this.runtime.deliverBar(series, bar);
    }
    return this;
  }

  /** The commands of one kind. */
  public sent<K extends ExecutionCommand['kind']>(kind: K): Extract<ExecutionCommand, { kind: K }>[] {
    return this.commands.filter((command): command is Extract<ExecutionCommand, { kind: K }> => command.kind === kind);
  }

  /** Fills every working order the price reaches (stops at or beyond, limits through). */
  public touch(priceTicks: number): void {
    for (const order of [...this.runtime.working.values()]) {
      const reached =
        order.type === 'stop'
          ? order.side === 'buy'
            ? priceTicks >= (order.stopTicks ?? Infinity)
            : priceTicks <= (order.stopTicks ?? -Infinity)
          : order.side === 'buy'
            ? priceTicks < (order.limitTicks ?? -Infinity)
            : priceTicks > (order.limitTicks ?? Infinity);
      if (reached) this.fill(order, order.type === 'stop' ? (order.stopTicks ?? priceTicks) : (order.limitTicks ?? priceTicks));
    }
  }

  public send(command: ExecutionCommand): void {
    this.commands.push(command);
    if (!this.autoFill) {
      this.runtime.settle(command, null);
      return;
    }
    switch (command.kind) {
      case 'enter': {
        const entry = this.order({ side: command.entry.side, size: command.entry.size, type: command.entry.type }, 'entry');
        this.runtime.settle(command, null);
        this.fill(entry, this.lastClose);
        const exitSide = command.entry.side === 'buy' ? 'sell' : 'buy';
        const sign = command.entry.side === 'buy' ? 1 : -1;
        this.order(
          { side: exitSide, size: command.entry.size, type: 'stop', stopTicks: this.lastClose - sign * command.entry.stopLossTicks, parentOrderId: entry.id },
          'stop-loss',
        );
        if (command.entry.takeProfitTicks !== undefined)
          this.order(
            {
              side: exitSide,
              size: command.entry.size,
              type: 'limit',
              limitTicks: this.lastClose + sign * command.entry.takeProfitTicks,
              parentOrderId: entry.id,
            },
            'take-profit',
          );
        return;
      }
      case 'close': {
        const order = this.order({ side: command.side, size: command.size, type: 'market' }, 'exit');
        this.runtime.settle(command, null);
        this.fill(order, this.lastClose);
        return;
      }
      case 'cancel': {
        const order = this.runtime.working.get(command.orderId);
        this.runtime.settle(command, null);
        if (order !== undefined) this.runtime.deliverOrder({ ...order, status: 'cancelled' }, this.runtime.roles.get(order.id) ?? 'other');
        return;
      }
      case 'modify': {
        const order = this.runtime.working.get(command.orderId);
        this.runtime.settle(command, null);
        if (order !== undefined)
          this.runtime.deliverOrder(
            { ...order, stopTicks: command.stopTicks ?? order.stopTicks, limitTicks: command.limitTicks ?? order.limitTicks },
            this.runtime.roles.get(order.id) ?? 'other',
          );
        return;
      }
    }
  }

  public setTimer(name: string, at: number): void {
    this.timers.set(name, at);
  }

  public clearTimer(name: string): void {
    this.timers.delete(name);
  }

  public loadState(): Readonly<Record<string, JsonValue>> {
    return this.state;
  }

  public saveState(state: Readonly<Record<string, JsonValue>>): void {
    this.state = { ...state };
  }

  public log(entry: StrategyLogEntry): void {
    this.logs.push(entry);
  }

  public changed(): void {}

  private order(fields: Pick<OrderView, 'side' | 'size' | 'type'> & Partial<OrderView>, role: OrderRole): OrderView {
    const order: OrderView = {
      id: this.nextOrderId++,
      accountId: evaluationAccount.id,
      contractId: esContract.id,
      status: 'open',
      limitTicks: null,
      stopTicks: null,
      trailTicks: null,
      filledSize: 0,
      averageFillTicks: null,
      customTag: null,
      parentOrderId: null,
      linkedOrderId: null,
      createdAt: this.time,
      updatedAt: this.time,
      ...fields,
    };
    this.runtime.deliverOrder(order, role);
    return order;
  }

  private fill(order: OrderView, priceTicks: number): void {
    const role = this.runtime.roles.get(order.id) ?? 'other';
    this.runtime.deliverOrder({ ...order, status: 'filled', filledSize: order.size, averageFillTicks: priceTicks }, role);
    const fill: FillView = {
      id: this.nextFillId++,
      accountId: order.accountId,
      contractId: order.contractId,
      orderId: order.id,
      side: order.side,
      size: order.size,
      priceTicks,
      realizedCents: null,
      feesCents: 140 * order.size,
      voided: false,
      time: this.time,
    };
    this.runtime.deliverFill(fill);
    // A filled leg cancels its sibling (OCO).
    if (order.parentOrderId !== null) {
      for (const sibling of [...this.runtime.working.values()])
        if (sibling.parentOrderId === order.parentOrderId)
          this.runtime.deliverOrder({ ...sibling, status: 'cancelled' }, this.runtime.roles.get(sibling.id) ?? 'other');
    }
  }
}
