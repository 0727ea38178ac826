import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../core/logger';
import { TimerScope } from '../support/timer-scope';
import { TestClock } from '../../../core/clock';
import { ManualScheduler } from '../../../core/testing/manual-scheduler';
import { StalenessWatchdog, type WatchedLink } from './staleness-watchdog';

function fakeLink(time: ManualScheduler) {
  const actions: string[] = [];
  const link = {
    name: 'market-hub' as const,
    lastEventAt: time.now() as number | null,
    lastConnectedAt: time.now() as number | null,
    isConnected: true,
    subscriptionCount: 3,
    subscribedContracts: ['CON.F.US.EP.Z26'],
    markStale: (reason: string) => actions.push(`stale: ${reason}`),
    markLive: () => actions.push('live'),
    resubscribe: () => {
      actions.push('resubscribe');
      return Promise.resolve(true);
    },
    reconnect: () => {
      actions.push('reconnect');
      link.lastConnectedAt = time.now();
      return Promise.resolve();
    },
  };
  const typed: WatchedLink = link;
  return { link, typed, actions };
}

function setUp(marketOpen = true) {
  const time = new ManualScheduler(new TestClock(Date.UTC(2026, 10, 18, 16)));
  const { link, typed, actions } = fakeLink(time);
  const watchdog = new StalenessWatchdog(typed, { staleAfterMs: 10_000, checkEveryMs: 1_000 }, () => marketOpen, time, new TimerScope(time), silentLogger);
  watchdog.start();
  return { time, link, actions, watchdog };
}

describe('staleness watchdog', () => {
  it('stays quiet while events flow', async () => {
    const { time, link, actions } = setUp();

    for (let second = 0; second < 30; second++) {
      link.lastEventAt = time.now();
      await time.advance(1000);
    }

    expect(actions).toEqual([]);
  });

  it('reports stale and resubscribes after the silence, then reconnects if the silence lasts', async () => {
    const { time, actions } = setUp();

    await time.advance(10_000);
    const afterSilence = [...actions];
    await time.advance(10_000);

    expect(afterSilence).toEqual(['stale: no market event for 10 s', 'resubscribe']);
    expect(actions).toEqual(['stale: no market event for 10 s', 'resubscribe', 'reconnect']);
  });

  it('reports live again as soon as an event arrives after resubscribing', async () => {
    const { time, link, actions } = setUp();
    await time.advance(10_000);

    link.lastEventAt = time.now() + 1;
    await time.advance(1000);
    await time.advance(20_000);

    expect(actions.slice(0, 3)).toEqual(['stale: no market event for 10 s', 'resubscribe', 'live']);
  });

  it('waits longer before each further reconnect while the feed stays frozen', async () => {
    const { time, actions } = setUp();

    await time.advance(120_000);

    const reconnects = actions.filter((action) => action === 'reconnect').length;
    expect(reconnects).toBeGreaterThanOrEqual(2);
    expect(reconnects).toBeLessThan(6);
  });

  it('ignores silence when the market is closed or nothing is subscribed', async () => {
    const closed = setUp(false);
    await closed.time.advance(60_000);
    const idle = setUp(true);
    idle.link.subscriptionCount = 0;
    await idle.time.advance(60_000);

    expect(closed.actions).toEqual([]);
    expect(idle.actions).toEqual([]);
  });
});
