import { describe, expect, it } from 'vitest';
import { formatCountdown, formatDuration } from './durations';

describe('durations', () => {
  it('writes countdowns without negatives', () => {
    expect(formatCountdown(3_909_000)).toBe('1:05:09');
    expect(formatCountdown(42_000)).toBe('0:42');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  it('writes durations from seconds to days', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(725_000)).toBe('12m 05s');
    expect(formatDuration(3 * 3_600_000 + 20 * 60_000)).toBe('3h 20m');
    expect(formatDuration(52 * 3_600_000)).toBe('2d 4h');
  });
});
