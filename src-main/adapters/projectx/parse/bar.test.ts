import { describe, expect, it } from 'vitest';
import { loadFixtureObject } from '../testing/fixtures';
import { barView } from './bar';

describe('bar payloads', () => {
  it('reads the docs bars (9 decimals, newest first) into ticks', () => {
    const bars = loadFixtureObject('rest-history-retrieveBars-1.json').bars as unknown[];

    const views = bars.map((bar) => barView(bar, 0.1));

    expect(views.every((view) => view.ok)).toBe(true);
    const times = views.map((view) => (view.ok ? view.value.time : 0));
    expect(times).toEqual([...times].sort((left, right) => right - left));
  });

  it('refuses a bar with an off-grid price', () => {
    expect(barView({ t: '2026-01-01T00:00:00Z', o: 1.05, h: 1.1, l: 1, c: 1, v: 2 }, 0.1).ok).toBe(false);
  });

  it('refuses a malformed bar naming the field, and a bar whose time is not an instant', () => {
    const withTextPrice = barView({ t: '2026-01-01T00:00:00Z', o: '1.1', h: 1.1, l: 1, c: 1, v: 2 }, 0.1);
    const withNegativeVolume = barView({ t: '2026-01-01T00:00:00Z', o: 1.1, h: 1.1, l: 1, c: 1, v: -2 }, 0.1);
    const withBadTime = barView({ t: 'yesterday', o: 1.1, h: 1.1, l: 1, c: 1, v: 2 }, 0.1);

    expect(withTextPrice.ok ? '' : withTextPrice.reason).toMatch(/^o: /);
    expect(withNegativeVolume.ok ? '' : withNegativeVolume.reason).toMatch(/^v: /);
    expect(withBadTime.ok).toBe(false);
  });
});
