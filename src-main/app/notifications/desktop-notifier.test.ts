import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '../../../src-shared/domain/connection';
import type { NotificationKind } from '../../../src-shared/domain/host-settings';
import type { FillView, OrderView } from '../../../src-shared/domain/trading';
import { EventHub } from '../../core/event-hub';
import { silentLogger } from '../../core/logger';
import { esContract } from '../../core/testing/fake-broker';
import { createFakeElectron, FakeNotification } from '../testing/fake-electron';
import { fixtureNow, riskView } from '../testing/risk-fixtures';
import { DesktopNotifier } from './desktop-notifier';
import { NoticeRules } from './notice-rules';

const live: ConnectionState = { broker: 'live', trading: 'active', reason: 'connected and reconciled with the broker', since: fixtureNow };
let notifier: DesktopNotifier | undefined;

afterEach(() => {
  notifier?.dispose();
  notifier = undefined;
  vi.useRealTimers();
});

function fill(id: number, side: 'buy' | 'sell' = 'buy'): FillView {
  return {
    id,
    accountId: 101,
    contractId: esContract.id,
    orderId: 9,
    side,
    size: 1,
    priceTicks: 25_341,
    realizedCents: null,
    feesCents: 140,
    voided: false,
    time: fixtureNow,
  } as FillView;
}

function rejected(id: number): OrderView {
  return { id, accountId: 101, contractId: esContract.id, type: 'limit', side: 'sell', size: 2, status: 'rejected' } as OrderView;
}

function start(off: NotificationKind[] = []) {
  vi.useFakeTimers();
  const fake = createFakeElectron();
  const events = new EventHub();
  const shownWindow: number[] = [];
  notifier = new DesktopNotifier({
    electron: fake.electron,
    events,
    rules: new NoticeRules(live, (contractId) => (contractId === esContract.id ? esContract : undefined)),
    enabled: (kind) => !off.includes(kind),
    showWindow: () => shownWindow.push(1),
    logger: silentLogger,
  });
  const shown = () => FakeNotification.shown.map((notification) => `${notification.options.title}: ${notification.options.body ?? ''}`);
  return { events, shown, shownWindow };
}

describe('desktop notifications', () => {
  it('announces fills, rejections, risk breaches, enforcement and the connection', () => {
    const { events, shown } = start();

    events.emit('fills.added', { ...fill(1), cause: 'bracket:target-1' });
    vi.advanceTimersByTime(400);
    events.emit('orders.changed', rejected(77));
    events.emit('orders.changed', rejected(77));
    events.emit('notifications.added', { level: 'error', title: 'Risk RULE-003', message: 'daily realized loss -$850.00 <= -$800.00', at: fixtureNow });
    events.emit('notifications.added', { level: 'error', title: 'Risk enforcement failed', message: 'flatten of ESZ6 failed 3 times', at: fixtureNow });
    events.emit('risk.state', riskView(101, { enforcement: { inFlight: 2, failure: null } }));
    events.emit(
      'risk.state',
      riskView(101, {
        accountName: '50K-1',
        enforcement: { inFlight: 0, failure: null },
        breaches: [{ at: fixtureNow, ruleId: '003', level: 'breach', message: 'm', actions: ['flatten all', 'cancel all'], repeats: 0 }],
      }),
    );
    events.emit('connection.changed', { ...live, broker: 'reconnecting', trading: 'halted', reason: 'lost the user-hub connection' });
    events.emit('connection.changed', { ...live, broker: 'connecting', trading: 'halted', reason: 'reconciling 1 account(s)' });
    events.emit('connection.changed', live);

    expect(shown()).toEqual([
      'Fill · Target 1: Bought 1 ESZ6 @ 6335.25',
      'Order rejected: Sell 2 ESZ6 limit (order 77)',
      'Risk RULE-003: daily realized loss -$850.00 <= -$800.00',
      'Risk enforcement failed: flatten of ESZ6 failed 3 times',
      'Risk enforcement done: 50K-1: flatten all, cancel all',
      'Broker connection lost: lost the user-hub connection. Order entry is halted until the terminal reconciles.',
      'Broker connection restored: connected and reconciled with the broker',
    ]);
  });

  it('shows nothing of a kind that is turned off', () => {
    const { events, shown } = start(['fills', 'rejections', 'risk', 'connection']);

    events.emit('fills.added', fill(1));
    vi.advanceTimersByTime(400);
    events.emit('orders.changed', rejected(5));
    events.emit('notifications.added', { level: 'warning', title: 'Risk RULE-014', message: 'near the floor', at: fixtureNow });
    events.emit('notifications.added', { level: 'error', title: 'Risk enforcement failed', message: 'cancel failed', at: fixtureNow });
    events.emit('connection.changed', { ...live, broker: 'down', trading: 'halted', reason: 'gone' });

    expect(shown()).toEqual(['Risk enforcement failed: cancel failed']);
  });

  it('shows a burst of fills as one notification', () => {
    const { events, shown } = start();

    events.emit('fills.added', fill(1, 'sell'));
    events.emit('fills.added', fill(2, 'sell'));
    events.emit('fills.added', { ...fill(3), voided: true });
    vi.advanceTimersByTime(400);

    expect(shown()).toEqual(['2 fills: Sold 1 ESZ6 @ 6335.25\nSold 1 ESZ6 @ 6335.25']);
  });

  it('does not announce the first connection, and a click shows the window', () => {
    vi.useFakeTimers();
    const fake = createFakeElectron();
    const events = new EventHub();
    let shownWindow = 0;
    notifier = new DesktopNotifier({
      electron: fake.electron,
      events,
      rules: new NoticeRules({ ...live, broker: 'connecting', trading: 'halted' }, () => undefined),
      enabled: () => true,
      showWindow: () => shownWindow++,
      logger: silentLogger,
    });

    events.emit('connection.changed', live);
    notifier.show({ title: 'Flatten all', body: 'done', urgency: 'normal' });
    FakeNotification.shown[0]?.emit('click');

    expect(FakeNotification.shown.map((notification) => notification.options.title)).toEqual(['Flatten all']);
    expect(shownWindow).toBe(1);
  });
});
