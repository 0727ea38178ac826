import { describe, expect, it } from 'vitest';
import type { BacktestResultView, TradeStatsView } from '../../../src-shared/domain/analytics';
import { ok, type Result } from '../../../src-shared/result';
import { createDispatcher } from '../contract-dispatcher';
import { silentLogger } from '../logger';
import { BarHistory } from '../market/bar-history';
import type { BacktestPort } from '../strategy/backtest-port';
import { StrategyService } from '../strategy/strategy-service';
import { buildLiveRig, liveStart, settle } from '../strategy/testing/live-rig';
import { createTerminalHandlers } from '../terminal-service';
import { esContract, evaluationAccount } from '../testing/fake-broker';
import { overnightKindForHandlers } from './strategy-handlers-fixtures';

const fakeBacktester: BacktestPort = {
  async run(job, control) {
    control.progress(50, 100, null);
    control.progress(100, 100, null);
    return ok({ runId: job.runId, strategy: job.kind.kind, symbol: job.contract.symbol, contractId: job.contract.id, unit: 'minute', unitNumber: 1, from: job.from, to: job.to, parameters: job.parameters, statistics: { trades: 0 }, trades: [], equity: [], log: [] } as unknown as BacktestResultView);
  },
};

async function build() {
  const rig = await buildLiveRig([overnightKindForHandlers]);
  const strategies = new StrategyService({ core: rig.core, orders: rig.orders, broker: rig.broker, history: new BarHistory(rig.broker, rig.store), store: rig.store, clock: rig.clock, events: rig.events, logger: silentLogger, scheduler: rig.scheduler, kinds: [overnightKindForHandlers], backtester: fakeBacktester });
  strategies.start();
  const dispatcher = createDispatcher(
    createTerminalHandlers({ clock: rig.clock, info: { name: 't', version: '0', host: 'headless', pid: 1, startedAt: 0, dataDir: '/tmp' }, connection: rig.connection, trading: { broker: rig.broker, core: rig.core, orders: rig.orders, history: new BarHistory(rig.broker, rig.store), strategies } }),
    silentLogger,
  );
  return { ...rig, strategies, dispatcher };
}

describe('strategy channels', () => {
  it('lists kinds with their parameter schemas and creates a strategy on the selected account', async () => {
    const { dispatcher } = await build();

    const kinds = await dispatcher.dispatch('strategies.kinds', {});
    const created = await dispatcher.dispatch('strategies.create', { kind: 'handlers-test', symbol: 'ES', parameters: { contracts: 2 } });
    const refused = await dispatcher.dispatch('strategies.create', { kind: 'handlers-test', symbol: 'ES', parameters: { contracts: 'two' } });

    expect(kinds).toMatchObject({ ok: true, value: [{ kind: 'handlers-test', parameters: [expect.objectContaining({ key: 'contracts', type: 'integer', default: 1, live: true })] }] });
    expect(created).toMatchObject({ ok: true, value: { id: 'ht-1', accountId: evaluationAccount.id, symbol: 'ES', status: 'stopped', parameters: { contracts: 2 } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'contracts' } });
  });

  it("journals round trips by source and breaks the account's statistics down by strategy", async () => {
    const { dispatcher, broker, strategies, clock } = await build();
    strategies.attribution.record(11, 'tag-a', { strategyId: 'ht-1', role: 'entry' }, clock.now());
    const fill = (id: number, orderId: number, side: 'buy' | 'sell', priceTicks: number, time: number) => broker.emit({ kind: 'fill', fill: { id, accountId: evaluationAccount.id, contractId: esContract.id, orderId, side, size: 1, priceTicks, realizedCents: null, feesCents: 140, voided: false, time } });
    await dispatcher.dispatch('contracts.resolve', { symbol: 'ES' });
    fill(1, 11, 'buy', 20_000, liveStart - 600_000);
    fill(2, 12, 'sell', 20_008, liveStart - 300_000);
    fill(3, 13, 'sell', 20_010, liveStart - 200_000);
    fill(4, 14, 'buy', 20_012, liveStart - 100_000);
    await settle();

    const journal = await dispatcher.dispatch('journal.list', {});
    const stats = (await dispatcher.dispatch('journal.stats', {})) as Result<TradeStatsView>;

    expect(journal).toMatchObject({ ok: true, value: { trades: [expect.objectContaining({ side: 'short', source: 'manual', pnlTicks: -2, netCents: -2_500 - 280 }), expect.objectContaining({ side: 'long', source: 'strategy', strategyId: 'ht-1', pnlTicks: 8, netCents: 10_000 - 280 })] } });
    expect(stats.ok && stats.value.byStrategy.map((group) => [group.key, group.netCents])).toEqual([
      ['ht-1', 9_720],
      ['manual', -2_780],
    ]);
    expect(stats.ok && stats.value.overall).toMatchObject({ trades: 2, wins: 1, netCents: 6_940, maxDrawdownCents: -2_780 });
  });

  it('starts a backtest, pushes its progress once per percent, and serves its result', async () => {
    const { dispatcher, heard } = await build();

    const started = await dispatcher.dispatch('backtest.start', { strategy: 'handlers-test', symbol: 'ES', from: liveStart - 5 * 86_400_000, to: liveStart, source: 'simulator' });
    await settle();
    const result = await dispatcher.dispatch('backtest.result', { runId: 'bt-1' });
    const backwards = await dispatcher.dispatch('backtest.start', { strategy: 'handlers-test', symbol: 'ES', from: liveStart, to: liveStart - 1 });

    expect(started).toMatchObject({ ok: true, value: { runId: 'bt-1', status: 'loading' } });
    expect(heard.filter(([channel]) => channel === 'backtest.progress').map(([, payload]) => (payload as { percent: number }).percent)).toEqual([50, 100]);
    expect(heard.find(([channel]) => channel === 'backtest.finished')?.[1]).toMatchObject({ runId: 'bt-1', status: 'completed' });
    expect(result).toMatchObject({ ok: true, value: { runId: 'bt-1', strategy: 'handlers-test' } });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'to' } });
  });
});
