import { describe, expect, it } from 'vitest';
import { TestClock } from '../../clock';
import { silentLogger } from '../../logger';
import { ManualScheduler } from '../../testing/manual-scheduler';
import { MemoryStore } from '../../testing/memory-store';
import { NamedTimers, type TimerRecord } from './named-timers';

function build(store = new MemoryStore(), clock = new TestClock(1_000_000)) {
  const scheduler = new ManualScheduler(clock);
  const timers = new NamedTimers(clock, scheduler, store, silentLogger);
  const fired: [string, number][] = [];
  timers.handle('cooldown', (record: TimerRecord) => fired.push([record.name, clock.now()]));
  return { timers, clock, scheduler, store, fired };
}

describe('named timers', () => {
  it('fire at their deadline on the injected clock; setting a name again moves it', async () => {
    const { timers, scheduler, fired } = build();
    timers.set({ name: 'a', kind: 'cooldown', deadline: 1_060_000, data: {}, persist: false });
    timers.set({ name: 'a', kind: 'cooldown', deadline: 1_030_000, data: {}, persist: false });
    timers.set({ name: 'b', kind: 'cooldown', deadline: 1_010_000, data: {}, persist: false });

    await scheduler.advance(59_000);

    expect(fired).toEqual([
      ['b', 1_010_000],
      ['a', 1_030_000],
    ]);
  });

  it('can be cancelled', async () => {
    const { timers, scheduler, fired } = build();
    timers.set({ name: 'a', kind: 'cooldown', deadline: 1_010_000, data: {}, persist: true });
    timers.cancel('a');

    await scheduler.advance(20_000);

    expect(fired).toEqual([]);
    expect(timers.names()).toEqual([]);
  });

  it('persist their deadlines so a restart resumes them, firing overdue ones at once', async () => {
    const first = build();
    first.timers.set({ name: 'grace:1', kind: 'cooldown', deadline: 1_015_000, data: { accountId: 1 }, persist: true });
    first.timers.set({ name: 'later', kind: 'cooldown', deadline: 1_100_000, data: {}, persist: true });
    first.timers.set({ name: 'memory-only', kind: 'cooldown', deadline: 1_005_000, data: {}, persist: false });
    first.timers.dispose();

    first.clock.advance(30_000);
    const second = build(first.store, first.clock);
    second.timers.restore();
    await second.scheduler.settle();
    const afterStart = [...second.fired];
    await second.scheduler.advance(70_000);

    expect(afterStart).toEqual([['grace:1', 1_030_000]]);
    expect(second.fired.map(([name]) => name)).toEqual(['grace:1', 'later']);
  });
});
