import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '../../../src-shared/domain/connection';
import { EventHub } from '../../core/event-hub';
import { clickMenuItem, createFakeElectron, FakeTray, menuItem } from '../testing/fake-electron';
import { fixtureNow, lock, riskView, summary } from '../testing/risk-fixtures';
import { DesktopTray } from './desktop-tray';
import { trayMenuLabels, type TrayMenuActions } from './tray-menu';
import { TrayStatusTracker } from './tray-status';

const live: ConnectionState = { broker: 'live', trading: 'active', reason: 'connected', since: fixtureNow };
let tray: DesktopTray | undefined;

afterEach(() => {
  tray?.dispose();
  tray = undefined;
  vi.useRealTimers();
});

function recordingActions(): TrayMenuActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    showWindow: () => calls.push('showWindow'),
    flattenAll: () => calls.push('flattenAll'),
    cancelAll: () => calls.push('cancelAll'),
    lockForDay: () => calls.push('lockForDay'),
    pauseStrategies: () => calls.push('pauseStrategies'),
    setStartAtLogin: (enabled) => calls.push(`startAtLogin:${enabled}`),
    openLogsFolder: () => calls.push('openLogsFolder'),
    quit: () => calls.push('quit'),
  };
}

function start(connection: ConnectionState = live, simulator?: boolean) {
  const fake = createFakeElectron();
  const events = new EventHub();
  const actions = recordingActions();
  let now = fixtureNow;
  tray = new DesktopTray({
    electron: fake.electron,
    iconsDirectory: '/icons',
    events,
    tracker: new TrayStatusTracker(connection),
    actions,
    menuFacts: () => ({ lockForDayAvailable: true, pauseStrategiesAvailable: false, startAtLogin: false }),
    now: () => now,
    ...(simulator === undefined ? {} : { simulator }),
  });
  const icon = FakeTray.created[0];
  if (icon === undefined) throw new Error('no tray icon');
  return { events, actions, icon, advance: (milliseconds: number) => (now += milliseconds), tray };
}

describe('desktop tray', () => {
  it('changes its icon with the worst risk state, after the burst of events settles', () => {
    vi.useFakeTimers();
    const { events, icon } = start({ ...live, broker: 'connecting' });
    expect(icon.images).toEqual(['/icons/tray-disconnected.png']);

    events.emit('connection.changed', live);
    events.emit('risk.state', riskView(1, { warnings: ['RULE-004 close'] }));
    expect(icon.images.at(-1)).toBe('/icons/tray-disconnected.png');
    vi.advanceTimersByTime(600);
    expect(icon.images.at(-1)).toBe('/icons/tray-warning.png');

    events.emit('risk.state', riskView(1, { effectiveLock: lock(1, fixtureNow + 3_600_000) }));
    vi.advanceTimersByTime(600);
    expect(icon.images.at(-1)).toBe('/icons/tray-locked.png');

    events.emit('risk.state', riskView(1, { enforcement: { inFlight: 0, failure: { at: fixtureNow, message: 'close rejected' } } }));
    vi.advanceTimersByTime(600);
    expect(icon.images.at(-1)).toBe('/icons/tray-enforcement-failed.png');

    events.emit('risk.state', riskView(1));
    vi.advanceTimersByTime(600);
    expect(icon.images.at(-1)).toBe('/icons/tray-ok.png');
  });

  it('shows the day P&L and counts the lock down in its tooltip', () => {
    vi.useFakeTimers();
    const { events, icon, advance } = start();
    events.emit('accounts.changed', summary(1, '50K-1', -85_000));
    events.emit('risk.state', riskView(1, { effectiveLock: lock(1, fixtureNow + 20 * 60_000) }));
    vi.advanceTimersByTime(600);
    expect(icon.tooltip).toBe('Topstep Terminal: Locked\n50K-1 Combine 50K: -$850.00, locked 20m 00s');

    advance(15 * 60_000 + 51_000);
    vi.advanceTimersByTime(1000);
    expect(icon.tooltip).toBe('Topstep Terminal: Locked\n50K-1 Combine 50K: -$850.00, locked 4m 09s');
  });

  it('says SIM in its tooltip on the built-in simulator', () => {
    vi.useFakeTimers();
    const { events, icon } = start(live, true);
    expect(icon.tooltip).toBe('SIM · Topstep Terminal: OK');
    events.emit('accounts.changed', summary(1, '50K-1', -85_000));
    vi.advanceTimersByTime(600);
    expect(icon.tooltip).toBe('SIM · Topstep Terminal: OK\n50K-1 Combine 50K: -$850.00');
  });

  it('has the menu items, and each calls its action', () => {
    const { icon, actions } = start();

    expect(icon.menu.filter((item) => item.label !== undefined).map((item) => item.label)).toEqual([
      'Risk: OK',
      trayMenuLabels.showWindow,
      trayMenuLabels.flattenAll,
      trayMenuLabels.cancelAll,
      trayMenuLabels.lockForDay,
      trayMenuLabels.pauseStrategies,
      trayMenuLabels.startAtLogin,
      trayMenuLabels.openLogsFolder,
      trayMenuLabels.quit,
    ]);
    expect(menuItem(icon.menu, trayMenuLabels.pauseStrategies)?.enabled).toBe(false);
    for (const label of Object.values(trayMenuLabels)) clickMenuItem(icon.menu, label);
    icon.emit('click');

    expect(actions.calls).toEqual([
      'showWindow',
      'flattenAll',
      'cancelAll',
      'lockForDay',
      'pauseStrategies',
      'startAtLogin:true',
      'openLogsFolder',
      'quit',
      'showWindow',
    ]);
  });

  it('releases its listener, timers and icon when disposed', () => {
    vi.useFakeTimers();
    const { events, icon, tray: shown } = start();
    events.emit('risk.state', riskView(1, { effectiveLock: lock(1, fixtureNow + 3_600_000) }));
    vi.advanceTimersByTime(600);
    expect(vi.getTimerCount()).toBe(1);

    shown.dispose();
    events.emit('risk.state', riskView(1));

    expect(icon.destroyed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
