import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../core/logger';
import { ok } from '../../../../src-shared/result';
import { TimerScope } from '../support/timer-scope';
import { TestClock } from '../../../core/clock';
import { ManualScheduler } from '../../../core/testing/manual-scheduler';
import { LogoutMonitor, type LoggedOutLink } from './logout-monitor';

function setUp(options: { expectsEvents: boolean; resubscribeAccepted?: boolean }) {
  const time = new ManualScheduler(new TestClock(1_000_000));
  const actions: string[] = [];
  let handler: () => void = () => undefined;
  const link = {
    name: 'user-hub' as const,
    lastEventAt: time.now() as number | null,
    isConnected: true,
    on: (target: string, registered: (...args: unknown[]) => void) => {
      if (target === 'GatewayLogout') handler = () => registered();
    },
    resubscribe: () => {
      actions.push('resubscribe');
      return Promise.resolve(options.resubscribeAccepted ?? true);
    },
    reconnect: (reason: string) => {
      actions.push(`reconnect: ${reason}`);
      return Promise.resolve();
    },
  };
  const typed: LoggedOutLink = link;
  const monitor = new LogoutMonitor(typed, {
    refreshToken: () => {
      actions.push('validate');
      return Promise.resolve(ok('token'));
    },
    expectsEvents: () => options.expectsEvents,
    timers: new TimerScope(time),
    logger: silentLogger,
    graceMs: 15_000,
  });
  monitor.register();
  const logout = () => {
    link.lastEventAt = time.now();
    handler();
  };
  return { time, link, actions, logout };
}

describe('GatewayLogout handling', () => {
  it('validates the token and keeps the connection while events keep flowing', async () => {
    const { time, link, actions, logout } = setUp({ expectsEvents: true });

    logout();
    await time.advance(5_000);
    link.lastEventAt = time.now();
    await time.advance(15_000);

    expect(actions).toEqual(['validate']);
  });

  it('reconnects a hub that should be streaming when events stop after the logout', async () => {
    const { time, actions, logout } = setUp({ expectsEvents: true });

    logout();
    await time.advance(15_000);

    expect(actions).toEqual(['validate', 'reconnect: events stopped after GatewayLogout']);
  });

  it('keeps a quiet hub that still accepts its subscriptions, and reconnects one that refuses them', async () => {
    const quiet = setUp({ expectsEvents: false });
    quiet.logout();
    await quiet.time.advance(15_000);
    const refused = setUp({ expectsEvents: false, resubscribeAccepted: false });
    refused.logout();
    await refused.time.advance(15_000);

    expect(quiet.actions).toEqual(['validate', 'resubscribe']);
    expect(refused.actions).toEqual(['validate', 'resubscribe', 'reconnect: the hub refused its subscriptions after GatewayLogout']);
  });
});
