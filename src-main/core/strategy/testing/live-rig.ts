import type { StrategyLogEntry } from '../../../../src-shared/domain/strategies';
import type { TapeTrade } from '../../../../src-shared/domain/trading';
import { TestClock } from '../../clock';
import { ConnectionMonitor } from '../../connection-monitor';
import { EventHub } from '../../event-hub';
import { silentLogger } from '../../logger';
import { BarHistory } from '../../market/bar-history';
import { OrderService } from '../../orders/order-service';
import { esContract, FakeBroker } from '../../testing/fake-broker';
import { TradingCore } from '../../trading-core';
import type { StrategyKind } from '../strategy-definition';
import { StrategyService } from '../strategy-service';
import { ManualScheduler } from '../../testing/manual-scheduler';
import { MemoryStore } from '../../testing/memory-store';

/** Wednesday 2026-11-18 10:00 CT. */
export const liveStart = Date.parse('2026-11-18T16:00:00Z');

/** A trading core on the fake broker with the strategy service, for core tests (not a test file itself). */
export async function buildLiveRig(kinds: readonly StrategyKind[], store = new MemoryStore()) {
  const clock = new TestClock(liveStart);
  const events = new EventHub();
  const heard: [string, unknown][] = [];
  events.forward((channel, payload) => heard.push([channel, payload]));
  const connection = new ConnectionMonitor(clock, events);
  const broker = new FakeBroker();
  const core = new TradingCore({ broker, store, clock, events, logger: silentLogger, connection });
  let tag = 0;
  const orders = new OrderService({ core, broker, store, connection, clock, newTag: () => `tag-${++tag}` });
  const scheduler = new ManualScheduler(clock);
  const strategies = new StrategyService({
    core,
    orders,
    broker,
    history: new BarHistory(broker, store),
    store,
    clock,
    events,
    logger: silentLogger,
    scheduler,
    kinds,
  });
  await core.start();
  strategies.start();
  const logs = (): StrategyLogEntry[] => heard.filter(([channel]) => channel === 'strategies.log').map(([, payload]) => payload as StrategyLogEntry);
  /** A print at the clock's time, then the clock moves on. */
  const print = (priceTicks: number, advanceMs = 0): void => {
    clock.advance(advanceMs);
    const trade: TapeTrade = { contractId: esContract.id, priceTicks, size: 1, side: 'buy', time: clock.now() };
    broker.emit({ kind: 'tape', contractId: esContract.id, trades: [trade] });
  };
  return { clock, events, heard, connection, broker, core, orders, scheduler, strategies, store, logs, print };
}

/** Lets queued promises (order calls) settle. */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
}
