import { describe, expect, it } from 'vitest';
import { createWallTimekeeper, TestTimekeeper } from './exchange-clock';

describe('exchange clock', () => {
  it('runs due tasks in time order as a test advances it', () => {
    // Arrange
    const clock = new TestTimekeeper(1000);
    const ran: string[] = [];
    clock.schedule(300, () => ran.push(`b@${clock.now()}`));
    clock.schedule(100, () => {
      ran.push(`a@${clock.now()}`);
      clock.schedule(50, () => ran.push(`c@${clock.now()}`));
    });

    // Act
    clock.advance(250);

    // Assert
    expect(ran).toEqual(['a@1100', 'c@1150']);
    expect(clock.now()).toBe(1250);
    clock.advance(100);
    expect(ran).toEqual(['a@1100', 'c@1150', 'b@1300']);
  });

  it('forgets a cancelled task', () => {
    const clock = new TestTimekeeper(0);
    let ran = false;
    const cancel = clock.schedule(10, () => {
      ran = true;
    });
    cancel();
    clock.advance(100);
    expect(ran).toBe(false);
    expect(clock.pendingTasks).toBe(0);
  });

  it('starts the wall clock at the chosen instant and runs it at the chosen speed', () => {
    // Arrange
    let wall = 5000;
    const clock = createWallTimekeeper(Date.parse('2026-08-19T14:00:00Z'), 10, () => wall);

    // Act
    wall += 100;
    const fast = clock.now();
    clock.setSpeed(1);
    wall += 100;

    // Assert
    expect(fast).toBe(Date.parse('2026-08-19T14:00:01Z'));
    expect(clock.now()).toBe(Date.parse('2026-08-19T14:00:01.100Z'));
  });

  it('refuses a speed that is not positive', () => {
    expect(() => createWallTimekeeper(0).setSpeed(0)).toThrow(RangeError);
  });
});
