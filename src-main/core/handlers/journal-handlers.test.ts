import { describe, expect, it } from 'vitest';
import type { TradeStatsView } from '../../../src-shared/domain/analytics';
import type { Result } from '../../../src-shared/result';
import { JournalService } from '../analytics/journal-service';
import { createDispatcher } from '../contract-dispatcher';
import { silentLogger } from '../logger';
import { BarHistory } from '../market/bar-history';
import { OrderAttribution } from '../strategy/order-attribution';
import { buildLiveRig, liveStart, settle } from '../strategy/testing/live-rig';
import { createTerminalHandlers } from '../terminal-service';
import { esContract, evaluationAccount } from '../testing/fake-broker';

/** The journal beside the core, with no strategy service and no backtester. */
async function build() {
  const rig = await buildLiveRig([]);
  const attribution = new OrderAttribution(rig.store);
  const journal = new JournalService({ core: rig.core, store: rig.store, clock: rig.clock, attribution });
  const dispatcher = createDispatcher(
    createTerminalHandlers({
      clock: rig.clock,
      info: { name: 't', version: '0', host: 'headless', pid: 1, startedAt: 0, dataDir: '/tmp' },
      connection: rig.connection,
      trading: { broker: rig.broker, core: rig.core, orders: rig.orders, history: new BarHistory(rig.broker, rig.store), journal },
    }),
    silentLogger,
  );
  return { ...rig, attribution, dispatcher };
}

describe('journal channels', () => {
  it("journals round trips by source and breaks the account's statistics down by strategy, with no strategy service", async () => {
    const { dispatcher, broker, attribution, clock } = await build();
    attribution.record(11, 'tag-a', { strategyId: 'ht-1', role: 'entry' }, clock.now());
    const fill = (id: number, orderId: number, side: 'buy' | 'sell', priceTicks: number, time: number) =>
      broker.emit({
        kind: 'fill',
        fill: {
          id,
          accountId: evaluationAccount.id,
          contractId: esContract.id,
          orderId,
          side,
          size: 1,
          priceTicks,
          realizedCents: null,
          feesCents: 140,
          voided: false,
          time,
        },
      });
    await dispatcher.dispatch('contracts.resolve', { symbol: 'ES' });
    fill(1, 11, 'buy', 20_000, liveStart - 600_000);
    fill(2, 12, 'sell', 20_008, liveStart - 300_000);
    fill(3, 13, 'sell', 20_010, liveStart - 200_000);
    fill(4, 14, 'buy', 20_012, liveStart - 100_000);
    await settle();

    const journal = await dispatcher.dispatch('journal.list', {});
    const stats = (await dispatcher.dispatch('journal.stats', {})) as Result<TradeStatsView>;
    const strategies = await dispatcher.dispatch('strategies.list', {});
    const backtest = await dispatcher.dispatch('backtest.status', { runId: 'bt-1' });

    expect(journal).toMatchObject({
      ok: true,
      value: {
        trades: [
          expect.objectContaining({ side: 'short', source: 'manual', pnlTicks: -2, netCents: -2_500 - 280 }),
          expect.objectContaining({ side: 'long', source: 'strategy', strategyId: 'ht-1', pnlTicks: 8, netCents: 10_000 - 280 }),
        ],
      },
    });
    expect(stats.ok && stats.value.byStrategy.map((group) => [group.key, group.netCents])).toEqual([
      ['ht-1', 9_720],
      ['manual', -2_780],
    ]);
    expect(stats.ok && stats.value.overall).toMatchObject({ trades: 2, wins: 1, netCents: 6_940, maxDrawdownCents: -2_780 });
    expect(strategies).toMatchObject({ ok: false, error: { code: 'not-connected' } });
    expect(backtest).toMatchObject({ ok: false, error: { code: 'not-connected' } });
  });
});
