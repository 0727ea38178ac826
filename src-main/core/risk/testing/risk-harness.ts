import { referenceRiskConfig } from '../../../../src-shared/domain/risk-config';
import type { ContractView, FillView, OrderView, PositionView, QuoteView } from '../../../../src-shared/domain/trading';
import { TestClock } from '../../clock';
import { ConnectionMonitor } from '../../connection-monitor';
import { EventHub } from '../../event-hub';
import { silentLogger } from '../../logger';
import { OrderService } from '../../orders/order-service';
import { esContract, evaluationAccount } from '../../testing/fake-broker';
import { TradingCore } from '../../trading-core';
import { createRiskManager } from '../create-risk-manager';
import type { RiskManager } from '../risk-manager';
import { ManualScheduler } from '../../testing/manual-scheduler';
import { MemoryStore } from '../../testing/memory-store';
import { ScriptedBroker } from './scripted-broker';
import { mnqContract, nqContract, rtyContract, wednesdayMorning } from './test-contracts';

/** What a risk test works with. */
export interface RiskHarness {
  readonly clock: TestClock;
  readonly scheduler: ManualScheduler;
  readonly events: EventHub;
  readonly heard: [string, unknown][];
  readonly broker: ScriptedBroker;
  readonly store: MemoryStore;
  readonly core: TradingCore;
  readonly orders: OrderService;
  readonly risk: RiskManager;
  /** Stops the manager and the core (a crash keeps the store). */
  stop(): Promise<void>;
}

/** Options of a harness; a store and a clock given are shared with a previous run (a restart). */
export interface HarnessOptions {
  readonly start?: number;
  readonly store?: MemoryStore;
  readonly clock?: TestClock;
  readonly broker?: ScriptedBroker;
  /** A partial risk configuration for the test account, applied before the core starts. */
  readonly config?: Record<string, unknown>;
}

/** Builds the core, order service and risk manager over a scripted broker and an in-memory store, started and reconciled. */
export async function startRiskHarness(options: HarnessOptions = {}): Promise<RiskHarness> {
  const clock = options.clock ?? new TestClock(options.start ?? wednesdayMorning);
  const scheduler = new ManualScheduler(clock);
  const events = new EventHub();
  const heard: [string, unknown][] = [];
  events.forward((channel, payload) => heard.push([channel, payload]));
  const store = options.store ?? new MemoryStore();
  const broker = options.broker ?? new ScriptedBroker();
  broker.contracts = [esContract, nqContract, mnqContract, rtyContract];
  const connection = new ConnectionMonitor(clock, events);
  const core = new TradingCore({ broker, store, clock, events, logger: silentLogger, connection });
  let tag = 0;
  const orders = new OrderService({ core, broker, store, connection, clock, newTag: () => `tag-${++tag}` });
  const risk = createRiskManager({ core, orders, broker, store, clock, events, logger: silentLogger, scheduler, retryPolicy: { verifyTimeoutMs: 500 } });
  // The rules' scenarios run on the reference configuration (every rule on, docs/risk-rules.md §7),
  // unless the test restarts on a store that already has one.
  if (options.store === undefined) {
    const imported = risk.config.import(evaluationAccount.id, referenceRiskConfig, 'test');
    if (!imported.ok) throw new Error(imported.error.message);
  }
  if (options.config !== undefined) {
    const set = risk.config.set(evaluationAccount.id, options.config, 'test');
    if (!set.ok) throw new Error(set.error.message);
  }
  risk.start();
  await core.start();
  risk.syncAccounts();
  for (const contract of broker.contracts) await core.contracts.resolve(contract.id);
  await scheduler.settle();
  return {
    clock,
    scheduler,
    events,
    heard,
    broker,
    store,
    core,
    orders,
    risk,
    stop: async () => {
      risk.stop();
      await core.stop();
    },
  };
}

/** A position of the test account in ES (override what the test is about). */
export function aPosition(overrides: Partial<PositionView> = {}): PositionView {
  return { accountId: evaluationAccount.id, contractId: esContract.id, size: 1, averageTicks: 20_000, openedAt: wednesdayMorning, ...overrides };
}

let nextFillId = 3_000_000_001;

/** A fill of the test account in ES; realized P&L given means a closing fill. */
export function aFill(overrides: Partial<FillView> = {}): FillView {
  return {
    id: nextFillId++,
    accountId: evaluationAccount.id,
    contractId: esContract.id,
    orderId: nextFillId,
    side: 'sell',
    size: 1,
    priceTicks: 20_000,
    realizedCents: null,
    feesCents: 0,
    voided: false,
    time: wednesdayMorning,
    ...overrides,
  };
}

let nextOrderId = 3_400_000_001;

/** A working sell stop of the test account in ES (a bracket stop under a long). */
export function aStop(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: nextOrderId++,
    accountId: evaluationAccount.id,
    contractId: esContract.id,
    type: 'stop',
    side: 'sell',
    size: 1,
    status: 'open',
    limitTicks: null,
    stopTicks: 19_980,
    trailTicks: null,
    filledSize: 0,
    averageFillTicks: null,
    customTag: null,
    parentOrderId: null,
    linkedOrderId: null,
    createdAt: wednesdayMorning,
    updatedAt: wednesdayMorning,
    ...overrides,
  };
}

/** A quote with a last trade at `lastTicks`. */
export function aQuote(lastTicks: number, contract: ContractView = esContract, time = wednesdayMorning): QuoteView {
  return { contractId: contract.id, bidTicks: lastTicks - 1, askTicks: lastTicks + 1, lastTicks, volume: 1, time };
}
