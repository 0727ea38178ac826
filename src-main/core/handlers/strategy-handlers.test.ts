import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../contract-dispatcher';
import { silentLogger } from '../logger';
import { BarHistory } from '../market/bar-history';
import { StrategyService } from '../strategy/strategy-service';
import { buildLiveRig } from '../strategy/testing/live-rig';
import { createTerminalHandlers } from '../terminal-service';
import { evaluationAccount } from '../testing/fake-broker';
import { overnightKindForHandlers } from './strategy-handlers-fixtures';

async function build() {
  const rig = await buildLiveRig([overnightKindForHandlers]);
  const strategies = new StrategyService({
    core: rig.core,
    orders: rig.orders,
    broker: rig.broker,
    history: new BarHistory(rig.broker, rig.store),
    store: rig.store,
    clock: rig.clock,
    events: rig.events,
    logger: silentLogger,
    scheduler: rig.scheduler,
    kinds: [overnightKindForHandlers],
  });
  strategies.start();
  const dispatcher = createDispatcher(
    createTerminalHandlers({
      clock: rig.clock,
      info: { name: 't', version: '0', host: 'headless', pid: 1, startedAt: 0, dataDir: '/tmp' },
      connection: rig.connection,
      trading: { broker: rig.broker, core: rig.core, orders: rig.orders, history: new BarHistory(rig.broker, rig.store), strategies },
    }),
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

    expect(kinds).toMatchObject({
      ok: true,
      value: [{ kind: 'handlers-test', parameters: [expect.objectContaining({ key: 'contracts', type: 'integer', default: 1, live: true })] }],
    });
    expect(created).toMatchObject({
      ok: true,
      value: { id: 'ht-1', accountId: evaluationAccount.id, symbol: 'ES', status: 'stopped', parameters: { contracts: 2 } },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'contracts' } });
  });
});
