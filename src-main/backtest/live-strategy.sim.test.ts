import { afterEach, describe, expect, it } from 'vitest';
import type { StrategyView } from '../../src-shared/domain/strategies';
import { createProjectXBroker } from '../adapters/projectx/projectx-broker';
import type { Clock } from '../core/clock';
import { JournalService } from '../core/analytics/journal-service';
import { ConnectionMonitor } from '../core/connection-monitor';
import { EventHub } from '../core/event-hub';
import { silentLogger } from '../core/logger';
import { BarHistory } from '../core/market/bar-history';
import { OrderService } from '../core/orders/order-service';
import type { BrokerPort } from '../core/ports/broker-port';
import { integer } from '../core/strategy/parameters';
import { defineStrategy } from '../core/strategy/strategy-definition';
import { StrategyService } from '../core/strategy/strategy-service';
import { systemScheduler } from '../core/system-scheduler';
import { MemoryStore } from '../core/testing/memory-store';
import { TradingCore } from '../core/trading-core';
import { startSimGateway, type SimGateway } from '../sim/gateway/sim-gateway';
import { eventually } from '../testing/eventually';

/** Wednesday 2026-11-18 10:00 CT: the market is open and busy. */
const clockStart = Date.parse('2026-11-18T16:00:00Z');
/** The simulator's practice account. */
const practiceAccount = 18_103;

/**
 * On 1-second bars: buys when flat (stop 40 ticks, target 400), moves its stop-loss leg up a tick
 * on each of the next two bars, then exits at market.
 */
const scalper = defineStrategy({
  kind: 'sim-scalper',
  name: 'Simulator scalper',
  summary: 'test strategy',
  description: 'Enters, trails its stop twice, exits.',
  parameters: { heldBars: integer({ label: 'Held bars', description: 'Bars to hold', default: 3, min: 1, max: 10, live: true }) },
  series: () => [{ unit: 'second', unitNumber: 1, warmup: 5 }],
  create(context) {
    let held = 0;
    return {
      onBar(bar) {
        if (context.orders.inFlight() > 0) return;
        const position = context.position().size;
        if (position === 0) {
          held = 0;
          if (context.workingOrders().length === 0)
            context.orders.enter({ side: 'buy', size: 1, type: 'market', stopLossTicks: 40, takeProfitTicks: 400, reason: `buy at ${bar.close}` });
          return;
        }
        held++;
        const stop = context.workingOrders().find((order) => order.type === 'stop');
        if (held >= context.parameters.heldBars) context.orders.exit('held long enough');
        else if (stop?.stopTicks !== null && stop !== undefined) context.orders.moveStop(stop.id, (stop.stopTicks ?? 0) + 1, 'trail a tick');
      },
    };
  },
});

let gateway: SimGateway | undefined;
let broker: BrokerPort | undefined;
let service: StrategyService | undefined;

afterEach(async () => {
  service?.stop();
  await broker?.stop();
  await gateway?.close();
});

describe('a live strategy on the simulator', () => {
  it('places, manages and closes trades through the ProjectX adapter, then pauses when its account is locked', async () => {
    gateway = await startSimGateway({ clock: clockStart, seed: 11 });
    const origin = Date.now();
    const clock: Clock = { now: () => clockStart + (Date.now() - origin) };
    broker = createProjectXBroker({
      restUrl: gateway.urls.rest,
      userHubUrl: gateway.urls.userHub,
      marketHubUrl: gateway.urls.marketHub,
      userName: 'demo',
      apiKey: 'demo',
      clock,
      logger: silentLogger,
    });
    const events = new EventHub();
    const store = new MemoryStore();
    const connection = new ConnectionMonitor(clock, events);
    const core = new TradingCore({ broker, store, clock, events, logger: silentLogger, connection });
    let tag = 0;
    const orders = new OrderService({ core, broker, store, connection, clock, newTag: () => `sim-strategy-${++tag}` });
    service = new StrategyService({
      core,
      orders,
      broker,
      history: new BarHistory(broker, store),
      store,
      clock,
      events,
      logger: silentLogger,
      scheduler: systemScheduler,
      kinds: [scalper],
    });
    const strategies = service;
    const views: StrategyView[] = [];
    let entriesAtLock = -1;
    events.forward((channel, payload) => {
      if (channel !== 'strategies.changed') return;
      const view = payload as StrategyView;
      views.push(view);
      // Lock the account the moment the first round trip closes, before the next bar could re-enter.
      if (view.today.trades === 1 && entriesAtLock < 0) {
        entriesAtLock = store.auditRows.filter((entry) => entry.action === 'order.place' && entry.actor === `strategy:${view.id}`).length;
        strategies.pauseAccount(practiceAccount, 'RULE-003 daily realized loss -$850.00 <= -$800.00');
      }
    });
    strategies.start();
    await core.start();
    const created = await strategies.create({ accountId: practiceAccount, kind: 'sim-scalper', symbol: 'ES' });
    if (!created.ok) throw new Error(created.error.message);

    await strategies.startStrategy(created.value.id);
    await eventually(() => entriesAtLock >= 0, 'a closed round trip', { timeoutMs: 15_000, intervalMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const [view] = strategies.list(practiceAccount);
    const detail = strategies.detail(created.value.id);
    const audits = store.auditRows.filter((entry) => entry.actor === `strategy:${created.value.id}`);
    expect(view).toMatchObject({
      status: 'paused',
      pausedBy: 'risk',
      statusReason: 'risk lock: RULE-003 daily realized loss -$850.00 <= -$800.00',
      position: { size: 0 },
      today: { trades: 1 },
    });
    expect(audits.map((entry) => entry.action)).toEqual(['order.place', 'order.modify', 'order.modify', 'order.cancel', 'order.cancel', 'order.place']);
    expect(audits.filter((entry) => entry.action === 'order.place')).toHaveLength(entriesAtLock);
    expect(detail.ok && detail.value.fills.map((fill) => fill.side).sort()).toEqual(['buy', 'sell']);
    expect(
      detail.ok &&
        detail.value.orders
          .filter((order) => order.parentOrderId !== null)
          .map((order) => order.status)
          .sort(),
    ).toEqual(['cancelled', 'cancelled']);
    expect(core.positions.of(practiceAccount)).toEqual([]);
    const journal = new JournalService({ core, store, clock, attribution: strategies.attribution });
    expect(journal.journal(practiceAccount, {}, undefined, 10).trades).toEqual([
      expect.objectContaining({ side: 'long', size: 1, source: 'strategy', strategyId: created.value.id }),
    ]);
  });
});
