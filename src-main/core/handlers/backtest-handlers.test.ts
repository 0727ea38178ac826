import { describe, expect, it } from 'vitest';
import type { BacktestResultView } from '../../../src-shared/domain/analytics';
import { ok } from '../../../src-shared/result';
import { createDispatcher } from '../contract-dispatcher';
import { silentLogger } from '../logger';
import { BarHistory } from '../market/bar-history';
import type { BacktestPort } from '../strategy/backtest-port';
import { BacktestRuns } from '../strategy/backtest-runs';
import { buildLiveRig, liveStart, settle } from '../strategy/testing/live-rig';
import { createTerminalHandlers } from '../terminal-service';
import { overnightKindForHandlers } from './strategy-handlers-fixtures';

const fakeBacktester: BacktestPort = {
  async run(job, control) {
    control.progress(50, 100, null);
    control.progress(100, 100, null);
    return ok({
      runId: job.runId,
      strategy: job.kind.kind,
      symbol: job.contract.symbol,
      contractId: job.contract.id,
      unit: 'minute',
      unitNumber: 1,
      from: job.from,
      to: job.to,
      parameters: job.parameters,
      statistics: { trades: 0 },
      trades: [],
      equity: [],
      log: [],
    } as unknown as BacktestResultView);
  },
};

/** The backtests beside the core, with no strategy service. */
async function build() {
  const rig = await buildLiveRig([]);
  const history = new BarHistory(rig.broker, rig.store);
  const backtests = new BacktestRuns({
    port: fakeBacktester,
    kinds: [overnightKindForHandlers],
    resolve: (symbol) => rig.core.contracts.resolve(symbol),
    history,
    events: rig.events,
    clock: rig.clock,
    logger: silentLogger,
  });
  const dispatcher = createDispatcher(
    createTerminalHandlers({
      clock: rig.clock,
      info: { name: 't', version: '0', host: 'headless', pid: 1, startedAt: 0, dataDir: '/tmp' },
      connection: rig.connection,
      trading: { broker: rig.broker, core: rig.core, orders: rig.orders, history, backtests },
    }),
    silentLogger,
  );
  return { ...rig, dispatcher };
}

describe('backtest channels', () => {
  it('starts a backtest, pushes its progress once per percent, and serves its result', async () => {
    const { dispatcher, heard } = await build();

    const started = await dispatcher.dispatch('backtest.start', {
      strategy: 'handlers-test',
      symbol: 'ES',
      from: liveStart - 5 * 86_400_000,
      to: liveStart,
      source: 'simulator',
    });
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
