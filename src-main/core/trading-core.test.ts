import { describe, expect, it } from 'vitest';
import { fail } from '../../src-shared/result';
import type { OrderView } from '../../src-shared/domain/trading';
import { TestClock } from './clock';
import { ConnectionMonitor } from './connection-monitor';
import { EventHub } from './event-hub';
import { silentLogger } from './logger';
import { OrderService } from './orders/order-service';
import { summarizeAccount } from './positions/summaries';
import { esContract, evaluationAccount, FakeBroker } from './testing/fake-broker';
import { TradingCore } from './trading-core';

const wednesday = Date.parse('2026-11-18T16:00:00Z');

function workingStop(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: 3_400_000_001,
    accountId: evaluationAccount.id,
    contractId: esContract.id,
    type: 'stop',
    side: 'sell',
    size: 2,
    status: 'open',
    limitTicks: null,
    stopTicks: 19_980,
    trailTicks: null,
    filledSize: 0,
    averageFillTicks: null,
    customTag: 'other-app',
    parentOrderId: null,
    linkedOrderId: null,
    createdAt: wednesday,
    updatedAt: wednesday,
    ...overrides,
  };
}

function build() {
  const clock = new TestClock(wednesday);
  const events = new EventHub();
  const heard: [string, unknown][] = [];
  events.forward((channel, payload) => heard.push([channel, payload]));
  const connection = new ConnectionMonitor(clock, events);
  const broker = new FakeBroker();
  const core = new TradingCore({ broker, store: undefined, clock, events, logger: silentLogger, connection });
  let tag = 0;
  const orders = new OrderService({ core, broker, store: undefined, connection, clock, newTag: () => `tag-${++tag}` });
  return { clock, events, heard, connection, broker, core, orders };
}

describe('trading core', () => {
  it('starts halted and allows orders only after every account is reconciled', async () => {
    const { connection, core, orders, broker } = build();

    const before = await orders.place({ symbol: 'ES', side: 'buy', size: 1, type: 'market' }, 'trader');
    await core.start();
    const after = await orders.place({ symbol: 'ES', side: 'buy', size: 1, type: 'market' }, 'trader');

    expect(before).toMatchObject({ ok: false, error: { code: 'not-connected' } });
    expect(connection.current).toMatchObject({ broker: 'live', trading: 'active' });
    expect(after).toMatchObject({ ok: true, value: { orderId: 3_500_000_000, customTag: 'tag-1', contractId: esContract.id } });
    expect(broker.watchedAccounts.has(evaluationAccount.id)).toBe(true);
  });

  it('stays halted when the broker refuses the start, and trades once a later start gets through', async () => {
    const { connection, core, broker } = build();
    broker.startAnswers.push(fail('timeout', 'still rate-limited by the broker after 30 waits'));

    const first = await core.start();
    const halted = connection.current;
    const second = await core.start();

    expect(first).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(halted).toMatchObject({ broker: 'down', trading: 'halted' });
    expect(second).toEqual({ ok: true, value: undefined });
    expect(connection.current).toMatchObject({ broker: 'live', trading: 'active' });
  });

  it('halts order entry when a broker connection drops and resumes after the next reconciliation', async () => {
    const { connection, core, broker, orders } = build();
    await core.start();

    broker.emit({ kind: 'link', channel: 'user-hub', state: 'reconnecting', reason: 'socket closed' });
    const whileDown = await orders.place({ symbol: 'ES', side: 'buy', size: 1, type: 'market' }, 'trader');
    const haltedState = connection.current;
    broker.emit({ kind: 'link', channel: 'user-hub', state: 'live', reason: 'reconnected' });
    const beforeReconcile = connection.current.trading;
    broker.emit({ kind: 'reconciled', snapshot: { accountId: evaluationAccount.id, orders: [], positions: [], fills: [], at: wednesday } });

    expect(whileDown).toMatchObject({ ok: false, error: { code: 'not-connected' } });
    expect(haltedState).toMatchObject({ broker: 'reconnecting', trading: 'halted' });
    expect(beforeReconcile).toBe('halted');
    expect(connection.current.trading).toBe('active');
  });

  it('shows fills made while the terminal was away once it reconciles, and counts each fill once', async () => {
    const { core, broker, heard } = build();
    const fill = {
      id: 3_000_000_001,
      accountId: evaluationAccount.id,
      contractId: esContract.id,
      orderId: 1,
      side: 'sell' as const,
      size: 1,
      priceTicks: 20_000,
      realizedCents: -5000,
      feesCents: 140,
      voided: false,
      time: wednesday - 60_000,
    };
    broker.snapshots.set(evaluationAccount.id, { accountId: evaluationAccount.id, orders: [], positions: [], fills: [fill], at: wednesday });

    await core.start();
    broker.emit({ kind: 'fill', fill });

    expect(core.fills.account(evaluationAccount.id)).toMatchObject({ realizedCents: -5000, feesCents: 140, fills: 1 });
    expect(heard.filter(([channel]) => channel === 'fills.added')).toHaveLength(1);
  });

  it('refuses an off-grid limit price naming the field, without calling the broker', async () => {
    const { core, orders, broker } = build();
    await core.start();

    const result = await orders.place({ symbol: 'ES', side: 'buy', size: 1, type: 'limit', limitPrice: 5000.1 }, 'trader');

    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'limitPrice' } });
    expect(broker.calls).toEqual([]);
  });

  it('flattens a contract by cancelling its working orders before closing the position', async () => {
    const { core, orders, broker } = build();
    await core.start();
    broker.emit({ kind: 'order', order: workingStop() });
    broker.emit({
      kind: 'position',
      position: { accountId: evaluationAccount.id, contractId: esContract.id, size: 2, averageTicks: 20_000, openedAt: wednesday },
    });

    const result = await orders.flatten(undefined, 'ES', 'risk:004', 'priority');

    expect(result).toEqual({ ok: true, value: { cancelledOrders: 1, closedPositions: 1, placedOrders: 0 } });
    expect(broker.calls.map((call) => `${call.call}:${call.lane}`)).toEqual(['cancel:priority', 'close:priority']);
  });

  it('flattening also cancels bracket legs the broker lists that the terminal had not heard of yet', async () => {
    const { core, orders, broker } = build();
    await core.start();
    broker.emit({
      kind: 'position',
      position: { accountId: evaluationAccount.id, contractId: esContract.id, size: 1, averageTicks: 20_000, openedAt: wednesday },
    });
    broker.snapshots.set(evaluationAccount.id, {
      accountId: evaluationAccount.id,
      orders: [workingStop({ id: 3_400_000_009, customTag: 'tt-x-SL' })],
      positions: [],
      fills: [],
      at: wednesday,
    });

    const result = await orders.flatten(undefined, 'ES', 'trader');

    expect(result).toEqual({ ok: true, value: { cancelledOrders: 1, closedPositions: 1, placedOrders: 0 } });
    expect(broker.calls.map((call) => call.call)).toEqual(['close', 'cancel']);
  });

  it('reverses a long position with one market sell of twice its size', async () => {
    const { core, orders, broker } = build();
    await core.start();
    broker.emit({
      kind: 'position',
      position: { accountId: evaluationAccount.id, contractId: esContract.id, size: 2, averageTicks: 20_000, openedAt: wednesday },
    });

    await orders.reverse(undefined, 'ES', 'trader');

    expect(broker.calls).toEqual([expect.objectContaining({ call: 'place', request: expect.objectContaining({ side: 'sell', size: 4, type: 'market' }) })]);
  });

  it('marks open P&L to the last trade in ticks and cents', async () => {
    const { core, broker } = build();
    await core.start();
    await core.contracts.resolve('ES');
    broker.emit({
      kind: 'position',
      position: { accountId: evaluationAccount.id, contractId: esContract.id, size: -2, averageTicks: 20_000, openedAt: wednesday },
    });

    broker.emit({ kind: 'quote', quote: { contractId: esContract.id, bidTicks: 19_987, askTicks: 19_989, lastTicks: 19_988, volume: 10, time: wednesday } });
    const summary = summarizeAccount(core, evaluationAccount);

    expect(summary.openCents).toBe(2 * 12 * 1250);
  });
});
