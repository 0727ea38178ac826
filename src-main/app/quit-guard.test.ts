import { describe, expect, it } from 'vitest';
import { installQuitGuard } from './quit-guard';
import { createFakeElectron } from './testing/fake-electron';

/** Lets queued promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function guarded(openPositions: number, answers: number[]) {
  const fake = createFakeElectron({ dialogAnswers: answers });
  const cleaned: string[] = [];
  const guard = installQuitGuard({
    electron: fake.electron,
    openPositions: () => Promise.resolve(openPositions),
    window: () => undefined,
    cleanup: async () => {
      cleaned.push('cleanup');
    },
  });
  return { fake, guard, cleaned };
}

describe('quit guard', () => {
  it('asks before quitting while positions are open, and keeps running when told to', async () => {
    const { fake, guard, cleaned } = guarded(2, [0]);

    fake.electron.app.quit();
    await settle();

    expect(fake.recorded.dialogs).toEqual([
      expect.objectContaining({ message: '2 positions are open.', buttons: ['Keep running', 'Quit anyway'], cancelId: 0 }),
    ]);
    expect(guard.quitting()).toBe(false);
    expect(cleaned).toEqual([]);
    expect(fake.recorded.exit).toBe(0);
  });

  it('quits when confirmed, after cleaning up', async () => {
    const { fake, guard, cleaned } = guarded(1, [1]);

    fake.electron.app.quit();
    await settle();
    await settle();

    expect(fake.recorded.dialogs[0]?.message).toBe('1 position is open.');
    expect(guard.quitting()).toBe(true);
    expect(cleaned).toEqual(['cleanup']);
    expect(fake.recorded.exit).toBe(1);
  });

  it('quits without asking when no position is open', async () => {
    const { fake, cleaned } = guarded(0, []);

    fake.electron.app.quit();
    await settle();
    await settle();

    expect(fake.recorded.dialogs).toEqual([]);
    expect(cleaned).toEqual(['cleanup']);
    expect(fake.recorded.exit).toBe(1);
  });

  it('asks once however often quit is pressed while it asks', async () => {
    const { fake, guard } = guarded(3, [0]);

    fake.electron.app.quit();
    fake.electron.app.quit();
    await settle();
    guard.dispose();
    fake.electron.app.quit();

    expect(fake.recorded.dialogs).toHaveLength(1);
  });
});
