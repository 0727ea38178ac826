import { describe, expect, it } from 'vitest';
import { liveRedrawInterval, RedrawPacer, type PacerScheduling } from './redraw-pacer';

/** A hand-driven clock with frames and timers. */
function manualScheduling(): PacerScheduling & { advance(ms: number): void; paintFrame(): void } {
  let now = 0;
  let nextHandle = 1;
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    frame: (callback) => {
      frames.set(nextHandle, callback);
      return nextHandle++;
    },
    cancelFrame: (handle) => frames.delete(handle),
    delay: (callback, ms) => {
      timers.set(nextHandle, { at: now + ms, callback });
      return nextHandle++ as unknown as ReturnType<typeof setTimeout>;
    },
    cancelDelay: (handle) => timers.delete(handle as unknown as number),
    advance(ms) {
      now += ms;
      for (const [handle, timer] of [...timers]) {
        if (timer.at > now) continue;
        timers.delete(handle);
        timer.callback();
      }
    },
    paintFrame() {
      const due = [...frames.values()];
      frames.clear();
      for (const callback of due) callback();
    },
  };
}

describe('live redraw pacing', () => {
  it('redraws short histories every frame and spaces out long ones in proportion to their length', () => {
    expect(liveRedrawInterval(2000)).toBe(0);
    expect(liveRedrawInterval(5000)).toBe(0);
    expect(liveRedrawInterval(20_000)).toBe(200);
    expect(liveRedrawInterval(100_000)).toBe(1000);
  });

  it('merges requests made before the frame into one redraw', () => {
    const scheduling = manualScheduling();
    let redraws = 0;
    const pacer = new RedrawPacer(
      () => redraws++,
      () => 0,
      scheduling,
    );

    pacer.request();
    pacer.request();
    pacer.request();
    scheduling.paintFrame();

    expect(redraws).toBe(1);
  });

  it('holds a request until the interval since the last redraw has passed, then draws on a frame', () => {
    const scheduling = manualScheduling();
    let redraws = 0;
    const pacer = new RedrawPacer(
      () => redraws++,
      () => 1000,
      scheduling,
    );
    pacer.request();
    scheduling.paintFrame();

    pacer.request();
    scheduling.advance(999);
    scheduling.paintFrame();
    expect(redraws).toBe(1);

    scheduling.advance(1);
    scheduling.paintFrame();
    expect(redraws).toBe(2);
  });

  it('drops the redraw that was due when cancelled', () => {
    const scheduling = manualScheduling();
    let redraws = 0;
    const pacer = new RedrawPacer(
      () => redraws++,
      () => 1000,
      scheduling,
    );
    pacer.request();
    scheduling.paintFrame();
    pacer.request();

    pacer.cancel();
    scheduling.advance(2000);
    scheduling.paintFrame();

    expect(redraws).toBe(1);
  });
});
