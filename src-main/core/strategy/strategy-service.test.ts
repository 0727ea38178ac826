import { describe, expect, it } from 'vitest';
import type { StrategyView } from '../../../src-shared/domain/strategies';
import type { OrderView } from '../../../src-shared/domain/trading';
import { fail } from '../../../src-shared/result';
import { esContract, evaluationAccount } from '../testing/fake-broker';
import { decimal, integer } from './parameters';
import { defineStrategy } from './strategy-definition';
import { buildLiveRig, settle } from './testing/live-rig';
import { MemoryStore } from '../testing/memory-store';

const minute = 60_000;

/** Buys once on its first closed bar, bracketed; throws on a bar above `throwAbove`. */
const firstBarLong = defineStrategy({
  kind: 'first-bar-long',
  name: 'First bar long',
  summary: 'test strategy',
  description: 'Buys on the first closed bar.',
  parameters: {
    contracts: integer({ label: 'Contracts', description: '', default: 1, min: 1, max: 5, live: true }),
    barMinutes: integer({ label: 'Bar minutes', description: '', default: 1, min: 1, max: 5, live: false }),
    throwAbove: decimal({ label: 'Throw above', description: '', default: 1e9, min: 0, max: 1e9, live: true }),
  },
  series: (parameters) => [{ unit: 'minute', unitNumber: parameters.barMinutes, warmup: 5 }],
  create(context) {
    return {
      onBar(bar) {
        if (bar.close > context.parameters.throwAbove) throw new Error('bad bar');
        context.state.set('bars', Number(context.state.get('bars') ?? 0) + 1);
        if (context.position().size === 0 && context.workingOrders().length === 0)
          context.orders.enter({
            side: 'buy',
            size: context.parameters.contracts,
            type: 'market',
            stopLossTicks: 8,
            takeProfitTicks: 16,
            reason: `buy the close ${bar.close}`,
          });
      },
    };
  },
});

function filled(id: number, overrides: Partial<OrderView> = {}): OrderView {
  return {
    id,
    accountId: evaluationAccount.id,
    contractId: esContract.id,
    type: 'market',
    side: 'buy',
    size: 1,
    status: 'filled',
    limitTicks: null,
    stopTicks: null,
    trailTicks: null,
    filledSize: 1,
    averageFillTicks: 20_001,
    customTag: 'tag-1',
    parentOrderId: null,
    linkedOrderId: null,
    createdAt: 0,
    updatedAt: 1,
    ...overrides,
  };
}

async function runningRig(store?: MemoryStore) {
  const rig = await buildLiveRig([firstBarLong], store);
  const created = await rig.strategies.create({ accountId: evaluationAccount.id, kind: 'first-bar-long', symbol: 'ES' });
  if (!created.ok) throw new Error(created.error.message);
  await rig.strategies.startStrategy(created.value.id);
  return { ...rig, id: created.value.id };
}

describe('strategy service', () => {
  it('trades through the order service as strategy:<id>, with the bracket, and attributes the fill and P&L to the strategy', async () => {
    const rig = await runningRig();

    rig.print(20_000);
    rig.print(20_001, minute);
    await settle();
    rig.broker.emit({ kind: 'order', order: filled(3_500_000_000) });
    rig.broker.emit({
      kind: 'fill',
      fill: {
        id: 1,
        accountId: evaluationAccount.id,
        contractId: esContract.id,
        orderId: 3_500_000_000,
        side: 'buy',
        size: 1,
        priceTicks: 20_001,
        realizedCents: null,
        feesCents: 140,
        voided: false,
        time: rig.clock.now(),
      },
    });
    rig.broker.emit({
      kind: 'order',
      order: filled(3_500_000_001, {
        type: 'stop',
        side: 'sell',
        status: 'open',
        filledSize: 0,
        averageFillTicks: null,
        stopTicks: 19_993,
        customTag: 'tag-1-SL',
        parentOrderId: 3_500_000_000,
      }),
    });
    await settle();

    expect(rig.broker.calls).toEqual([
      {
        call: 'place',
        lane: 'normal',
        request: expect.objectContaining({ contractId: esContract.id, side: 'buy', size: 1, type: 'market', stopLossTicks: 8, takeProfitTicks: 16 }),
      },
    ]);
    expect(rig.store.auditRows.find((entry) => entry.action === 'order.place')?.actor).toBe(`strategy:${rig.id}`);
    const [view] = rig.strategies.list(evaluationAccount.id);
    expect(view).toMatchObject({ status: 'running', position: { size: 1, averageTicks: 20_001 }, workingOrders: 1, today: { feesCents: 140 } });
    expect(rig.strategies.marks(evaluationAccount.id, undefined).map((mark) => [mark.orderId, mark.role])).toEqual(
      expect.arrayContaining([
        [3_500_000_000, 'entry'],
        [3_500_000_001, 'stop-loss'],
      ]),
    );
  });

  it('pauses every strategy of a locked account and says why; resumes them when the lock ends', async () => {
    const rig = await runningRig();

    rig.strategies.pauseAccount(evaluationAccount.id, 'RULE-003 daily realized loss -$850.00 <= -$800.00');
    rig.print(20_000);
    rig.print(20_001, minute);
    await settle();
    const paused = rig.strategies.list(evaluationAccount.id)[0];
    const refusedResume = await rig.strategies.resume(rig.id);
    rig.strategies.resumeAccount(evaluationAccount.id);

    expect(paused).toMatchObject({ status: 'paused', pausedBy: 'risk', statusReason: 'risk lock: RULE-003 daily realized loss -$850.00 <= -$800.00' });
    expect(rig.broker.calls).toEqual([]);
    expect(refusedResume).toMatchObject({ ok: false, error: { code: 'risk-denied' } });
    expect(rig.strategies.list(evaluationAccount.id)[0]?.status).toBe('running');
  });

  it('submits through the same pre-trade gate: a risk denial pauses the strategy with the reason', async () => {
    const rig = await runningRig();
    rig.orders.setGate(() => fail('risk-denied', 'RULE-001: 1 contract would exceed the max of 0'));

    rig.print(20_000);
    rig.print(20_001, minute);
    await settle();

    expect(rig.broker.calls).toEqual([]);
    expect(rig.strategies.list(evaluationAccount.id)[0]).toMatchObject({
      status: 'paused',
      pausedBy: 'risk',
      statusReason: 'risk denied an order: RULE-001: 1 contract would exceed the max of 0',
    });
  });

  it('stops a strategy that throws, logs and shows why, and keeps the terminal running', async () => {
    const rig = await runningRig();
    rig.strategies.setParameters(rig.id, { throwAbove: 10 });

    rig.print(20_000);
    rig.print(20_001, minute);
    await settle();

    expect(rig.strategies.list(evaluationAccount.id)[0]).toMatchObject({ status: 'faulted', statusReason: 'threw in onBar: bad bar' });
    expect(rig.logs().at(-1)).toMatchObject({ level: 'error', message: 'stopped: the strategy threw in onBar: bad bar' });
    expect(rig.heard.some(([channel, payload]) => channel === 'notifications.added' && (payload as { level: string }).level === 'error')).toBe(true);
    expect(rig.connection.current.trading).toBe('active');
  });

  it('applies live parameters at once and keeps the others for the next start', async () => {
    const rig = await runningRig();

    const outcome = rig.strategies.setParameters(rig.id, { contracts: 2, barMinutes: 5 });
    const invalid = rig.strategies.setParameters(rig.id, { contracts: 99 });
    rig.strategies.stopStrategy(rig.id, false);
    await rig.strategies.startStrategy(rig.id);

    expect(outcome).toMatchObject({
      ok: true,
      value: {
        applied: ['contracts'],
        pending: ['barMinutes'],
        strategy: { parameters: { contracts: 2, barMinutes: 1 }, pendingParameters: { barMinutes: 5 } },
      },
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'contracts' } });
    expect(rig.strategies.list(evaluationAccount.id)[0]).toMatchObject({ parameters: { contracts: 2, barMinutes: 5 }, pendingParameters: null });
  });

  it('stop and flatten cancels its orders and closes its own position at market', async () => {
    const rig = await runningRig();
    rig.print(20_000);
    rig.print(20_001, minute);
    await settle();
    rig.broker.emit({ kind: 'order', order: filled(3_500_000_000) });
    rig.broker.emit({
      kind: 'fill',
      fill: {
        id: 1,
        accountId: evaluationAccount.id,
        contractId: esContract.id,
        orderId: 3_500_000_000,
        side: 'buy',
        size: 1,
        priceTicks: 20_001,
        realizedCents: null,
        feesCents: 140,
        voided: false,
        time: rig.clock.now(),
      },
    });
    rig.broker.emit({
      kind: 'order',
      order: filled(3_500_000_001, {
        type: 'stop',
        side: 'sell',
        status: 'open',
        filledSize: 0,
        averageFillTicks: null,
        stopTicks: 19_993,
        customTag: 'tag-1-SL',
        parentOrderId: 3_500_000_000,
      }),
    });

    const stopped = rig.strategies.stopStrategy(rig.id, true);
    await settle();

    expect(stopped).toMatchObject({ ok: true, value: { status: 'stopped', statusReason: 'stopped and flattened by the trader' } });
    expect(rig.broker.calls.slice(1)).toEqual([
      { call: 'cancel', accountId: evaluationAccount.id, orderId: 3_500_000_001, lane: 'normal' },
      { call: 'place', lane: 'normal', request: expect.objectContaining({ side: 'sell', size: 1, type: 'market' }) },
    ]);
  });

  it('keeps strategies, their state and their position across a restart; one that ran comes back paused until resumed', async () => {
    const store = new MemoryStore();
    const first = await runningRig(store);
    first.print(20_000);
    first.print(20_001, minute);
    await settle();
    first.broker.emit({ kind: 'order', order: filled(3_500_000_000) });
    first.broker.emit({
      kind: 'fill',
      fill: {
        id: 1,
        accountId: evaluationAccount.id,
        contractId: esContract.id,
        orderId: 3_500_000_000,
        side: 'buy',
        size: 1,
        priceTicks: 20_001,
        realizedCents: null,
        feesCents: 140,
        voided: false,
        time: first.clock.now(),
      },
    });
    first.broker.emit({
      kind: 'position',
      position: { accountId: evaluationAccount.id, contractId: esContract.id, size: 1, averageTicks: 20_001, openedAt: first.clock.now() },
    });
    first.strategies.stop();
    await settle();

    const second = await buildLiveRig([firstBarLong], store);
    second.broker.snapshots.set(evaluationAccount.id, {
      accountId: evaluationAccount.id,
      orders: [],
      positions: [{ accountId: evaluationAccount.id, contractId: esContract.id, size: 1, averageTicks: 20_001, openedAt: 0 }],
      fills: [],
      at: 0,
    });
    await second.core.reconcileAccount(evaluationAccount.id);
    const restored = second.strategies.list(evaluationAccount.id)[0] as StrategyView;
    const resumed = await second.strategies.resume(restored.id);

    expect(restored).toMatchObject({ id: first.id, status: 'paused', pausedBy: 'restart' });
    expect(resumed).toMatchObject({ ok: true, value: { status: 'running', position: { size: 1, averageTicks: 20_001 }, today: { feesCents: 140 } } });
    expect(store.setting(`strategies.state.${first.id}`)).toEqual({ bars: 1 });
  });
});
