import { describe, expect, it } from 'vitest';
import type { FillView } from '../../../src-shared/domain/trading';
import { TestClock } from '../clock';
import { ConnectionMonitor } from '../connection-monitor';
import { EventHub } from '../event-hub';
import { silentLogger } from '../logger';
import { OrderService } from '../orders/order-service';
import { esContract, evaluationAccount, FakeBroker } from '../testing/fake-broker';
import { TradingCore } from '../trading-core';
import { JournalService } from './journal-service';

const wednesday = Date.parse('2026-11-18T16:00:00Z');

async function build() {
  const clock = new TestClock(wednesday);
  const events = new EventHub();
  const connection = new ConnectionMonitor(clock, events);
  const broker = new FakeBroker();
  const core = new TradingCore({ broker, store: undefined, clock, events, logger: silentLogger, connection });
  let tag = 0;
  const orders = new OrderService({ core, broker, store: undefined, connection, clock, newTag: () => `tag-${++tag}` });
  await core.start();
  const journal = new JournalService({ core, store: undefined, clock, attribution: { strategyOf: () => null } });
  let fillId = 1;
  const fill = (orderId: number, side: 'buy' | 'sell', size: number, priceTicks: number): void => {
    clock.advance(1_000);
    const view: FillView = {
      id: fillId++,
      accountId: evaluationAccount.id,
      contractId: esContract.id,
      orderId,
      side,
      size,
      priceTicks,
      realizedCents: null,
      feesCents: 140 * size,
      voided: false,
      time: clock.now(),
    };
    broker.emit({ kind: 'fill', fill: view });
  };
  const position = (size: number, averageTicks: number): void =>
    broker.emit({ kind: 'position', position: { accountId: evaluationAccount.id, contractId: esContract.id, size, averageTicks, openedAt: wednesday } });
  return { clock, broker, core, orders, journal, fill, position };
}

describe('journal', () => {
  it('says a trade the risk manager flattened was closed by its rule, and the trader opened it', async () => {
    const { orders, journal, fill, position } = await build();
    const entry = await orders.place({ symbol: 'ES', side: 'buy', size: 2, type: 'market' }, 'trader');
    if (!entry.ok) throw new Error(entry.error.message);
    fill(entry.value.orderId, 'buy', 2, 20_000);
    position(2, 20_000);

    await orders.flatten(undefined, 'ES', 'risk:003', 'priority');
    // The broker's close order is not one the terminal placed: its fill is the flatten's.
    fill(3_600_000_000, 'sell', 2, 19_960);

    const [trip] = journal.journal(evaluationAccount.id, {}, undefined, 10).trades;
    expect(trip).toMatchObject({ side: 'long', size: 2, pnlTicks: -80, entryCause: 'manual', exitCause: 'risk:003', source: 'manual', strategyId: null });
  });

  it("names a fill from outside the terminal as another app's, both ways", async () => {
    const { journal, fill } = await build();

    fill(3_700_000_001, 'sell', 1, 20_000);
    fill(3_700_000_002, 'buy', 1, 19_990);

    expect(journal.journal(evaluationAccount.id, {}, undefined, 10).trades).toEqual([
      expect.objectContaining({ side: 'short', entryCause: 'other-app', exitCause: 'other-app' }),
    ]);
  });
});
