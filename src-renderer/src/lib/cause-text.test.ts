import { describe, expect, it } from 'vitest';
import { causeMarker, causeText } from './cause-text';

describe('causes', () => {
  it('names strategies by their names where known', () => {
    const names = new Map([['s-1', 'Mean reversion ES']]);

    expect(causeText('strategy:s-1', names)).toBe('Strategy Mean reversion ES');
    expect(causeText('strategy:s-2', names)).toBe('Strategy s-2');
    expect(causeText('bracket:target-2')).toBe('Target 2');
    expect(causeText(undefined)).toBe('Manual');
  });

  it('gives fill markers a short prefix', () => {
    expect(
      ['bracket:stop', 'bracket:break-even', 'bracket:trail', 'bracket:target-1', 'risk:008', 'other-app', 'manual', 'strategy:x'].map((cause) =>
        causeMarker(cause as never),
      ),
    ).toEqual(['SL', 'BE', 'TR', 'T1', 'RISK', 'EXT', '', '']);
  });
});
