import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../src-shared/domain/connection';
import { fixtureNow, lock, riskView, summary } from '../testing/risk-fixtures';
import { trayHealthOf, type TrayInput } from './tray-health';
import { distancesText, nextLockEnd, trayTooltip, TrayStatusTracker } from './tray-status';

const now = fixtureNow;
const live: ConnectionState = { broker: 'live', trading: 'active', reason: 'connected', since: now };
const input: TrayInput = { connection: 'live', locks: 0, warnings: 0, enforcementFailed: false };

describe('tray state machine', () => {
  it('shows the worst state: enforcement failed, disconnected, locked, warning, ok', () => {
    expect(trayHealthOf(input)).toBe('ok');
    expect(trayHealthOf({ ...input, warnings: 2 })).toBe('warning');
    expect(trayHealthOf({ ...input, warnings: 2, locks: 1 })).toBe('locked');
    expect(trayHealthOf({ ...input, locks: 1, connection: 'reconnecting' })).toBe('disconnected');
    expect(trayHealthOf({ ...input, connection: 'connecting' })).toBe('disconnected');
    expect(trayHealthOf({ ...input, connection: 'down', enforcementFailed: true })).toBe('enforcement-failed');
  });

  it('is disconnected until the broker is live, whatever the accounts say', () => {
    const tracker = new TrayStatusTracker({ ...live, broker: 'connecting', trading: 'halted' });
    tracker.take('accounts.changed', summary(1, '50K-1', -41_200));
    expect(tracker.status().health).toBe('disconnected');

    tracker.take('connection.changed', live);
    expect(tracker.status().health).toBe('ok');
  });

  it('follows the risk manager: warnings, symbol locks, a frozen feed, account locks and failed enforcement', () => {
    const tracker = new TrayStatusTracker(live);
    tracker.take('accounts.changed', summary(1, '50K-1', 0));

    tracker.take('risk.state', riskView(1, { warnings: ['RULE-003 Daily realized loss: -$700.00 / -$800.00'] }));
    expect(tracker.status().health).toBe('warning');
    tracker.take('risk.state', riskView(1, { locks: [lock(1, now + 60_000, 'RTY')] }));
    expect(tracker.status().health).toBe('warning');
    tracker.take('risk.state', riskView(1, { heartbeat: { lastEventAt: now, frozen: true, message: 'no events' } }));
    expect(tracker.status().health).toBe('warning');
    tracker.take('risk.state', riskView(1, { effectiveLock: lock(1, now + 3_600_000), locks: [lock(1, now + 3_600_000)] }));
    expect(tracker.status().health).toBe('locked');
    tracker.take('risk.state', riskView(1, { enforcement: { inFlight: 0, failure: { at: now, message: 'flatten failed' } } }));
    expect(tracker.status().health).toBe('enforcement-failed');
    tracker.take('risk.state', riskView(1));
    expect(tracker.status().health).toBe('ok');
  });

  it('takes the worst account, and the risk manager’s own verdict', () => {
    const tracker = new TrayStatusTracker(live);
    tracker.take('risk.state', riskView(1));
    tracker.take('risk.state', riskView(2, { effectiveLock: lock(2, now + 1000) }));
    tracker.take('risk.state', riskView(3, { health: 'warning' }));

    const status = tracker.status();
    expect(status.health).toBe('locked');
    expect(status.accounts.map((account) => [account.accountId, account.health])).toEqual([
      [2, 'locked'],
      [3, 'warning'],
      [1, 'ok'],
    ]);
  });

  it('ignores events it does not show', () => {
    const tracker = new TrayStatusTracker(live);
    expect(tracker.take('quotes.tick', {})).toBe(false);
    expect(tracker.take('connection.changed', live)).toBe(true);
  });
});

describe('tray tooltip', () => {
  it('shows the state, each account’s day P&L and the lock countdown', () => {
    const tracker = new TrayStatusTracker(live);
    tracker.take('accounts.changed', summary(1, '50KTC-V2-1', -85_000));
    tracker.take(
      'risk.state',
      riskView(1, { effectiveLock: lock(1, now + 2 * 3_600_000 + 5 * 60_000), distances: { ...riskView(1).distances, toFloorCents: 115_000 } }),
    );
    tracker.take('accounts.changed', summary(2, 'PRAC-2', 12_550));

    expect(trayTooltip(tracker.status(), now)).toBe(
      'Topstep Terminal: Locked\n50KTC-V2-1 Combine 50K: -$850.00, floor $1,150.00 away, locked 2h 05m\nPRAC-2 Practice: $125.50',
    );
    expect(nextLockEnd(tracker.status(), now)).toBe(now + 2 * 3_600_000 + 5 * 60_000);
  });

  it('stays within the 127 characters Windows shows and counts the accounts left out', () => {
    const tracker = new TrayStatusTracker(live);
    for (let id = 1; id <= 6; id++) tracker.take('accounts.changed', summary(id, `A-very-long-account-name-${id}`, -id * 10_000));

    const tooltip = trayTooltip(tracker.status(), now);
    expect(tooltip.length).toBeLessThanOrEqual(127);
    expect(tooltip.startsWith('Topstep Terminal: OK\n')).toBe(true);
  });

  it('starts with SIM on the built-in simulator and still stays within 127 characters', () => {
    const tracker = new TrayStatusTracker(live);
    tracker.take('accounts.changed', summary(2, 'PRAC-2', 12_550));
    expect(trayTooltip(tracker.status(), now, true)).toBe('SIM · Topstep Terminal: OK\nPRAC-2 Practice: $125.50');
    expect(trayTooltip(tracker.status(), now)).toBe('Topstep Terminal: OK\nPRAC-2 Practice: $125.50');

    for (let id = 1; id <= 6; id++) tracker.take('accounts.changed', summary(id, `A-very-long-account-name-${id}`, -id * 10_000));
    const tooltip = trayTooltip(tracker.status(), now, true);
    expect(tooltip.length).toBeLessThanOrEqual(127);
    expect(tooltip.startsWith('SIM · Topstep Terminal: OK\n')).toBe(true);
  });

  it('says locked without a countdown for a lock that waits for a condition, and uses the risk P&L without a summary', () => {
    const tracker = new TrayStatusTracker(live);
    tracker.take('risk.state', riskView(7, { dayRealizedCents: -10_000, dayOpenCents: 2_500, dayFeesCents: 500, effectiveLock: lock(7, null) }));

    expect(trayTooltip(tracker.status(), now)).toBe('Topstep Terminal: Locked\nacct-7 Combine 50K: -$80.00, locked');
    expect(nextLockEnd(tracker.status(), now)).toBeUndefined();
  });

  it('writes the countdown as the CLI and the UI do, in seconds under an hour', () => {
    const tracker = new TrayStatusTracker(live);
    tracker.take('risk.state', riskView(7, { effectiveLock: lock(7, now + 14 * 60_000 + 9_000) }));

    expect(trayTooltip(tracker.status(), now)).toMatch(/, locked 14m 09s$/);
  });

  it('lists every distance of an account for the menu, leaving out the ones it does not have', () => {
    const view = riskView(1, {
      distances: {
        floorCents: 4_800_000,
        toFloorCents: 200_000,
        dailyLossLimitCents: 100_000,
        toDailyLossCents: 100_000,
        profitTargetCents: 300_000,
        toProfitTargetCents: 300_000,
        consistencyAllowanceCents: 150_000,
        nextScaling: { lots: 3, toProfitCents: 150_000 },
        flatAt: now + 5 * 3_600_000 + 7 * 60_000,
      },
    });

    expect(distancesText(view, now)).toBe(
      'floor $2,000.00 away · daily loss limit $1,000.00 away · target $3,000.00 away · consistency allows $1,500.00 · 3 lots after $1,500.00 · flat in 5h 07m',
    );
    expect(
      distancesText(
        riskView(2, {
          distances: { ...view.distances, toDailyLossCents: null, toProfitTargetCents: null, consistencyAllowanceCents: null, nextScaling: null, flatAt: null },
        }),
        now,
      ),
    ).toBe('floor $2,000.00 away');
  });
});
