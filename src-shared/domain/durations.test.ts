import { describe, expect, it } from 'vitest';
import { formatDuration } from './durations';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

describe('formatDuration', () => {
  it('writes the two largest units, the second two digits wide', () => {
    expect(formatDuration(12 * second)).toBe('12s');
    expect(formatDuration(4 * minute + 9 * second)).toBe('4m 09s');
    expect(formatDuration(2 * hour + 5 * minute)).toBe('2h 05m');
    expect(formatDuration(3 * 24 * hour + 4 * hour + 30 * minute)).toBe('3d 04h');
  });

  it('changes unit at each boundary', () => {
    expect(formatDuration(59 * second)).toBe('59s');
    expect(formatDuration(minute)).toBe('1m 00s');
    expect(formatDuration(hour - second)).toBe('59m 59s');
    expect(formatDuration(hour)).toBe('1h 00m');
    expect(formatDuration(24 * hour - minute)).toBe('23h 59m');
    expect(formatDuration(24 * hour)).toBe('1d 00h');
  });

  it('rounds up to whole seconds, so a countdown never reads 0s while time remains', () => {
    expect(formatDuration(1)).toBe('1s');
    expect(formatDuration(59_500)).toBe('1m 00s');
    expect(formatDuration(2 * hour + 5 * minute + 59 * second)).toBe('2h 05m');
  });

  it('reads 0s for nothing, a negative or a non-finite duration', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(-5)).toBe('0s');
    expect(formatDuration(Number.NaN)).toBe('0s');
  });
});
