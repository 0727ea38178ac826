import { describe, expect, it } from 'vitest';
import { minuteBars, regularOpen, minute } from '../strategy/testing/bar-builders';
import { computeIndicator } from './indicator-catalog';
import { SmartMoneyConcepts } from './smc/smart-money-concepts';

// A rally to a swing high at 110, a pullback with a last down candle, a break above 110 and a gap up.
const rows = [
  [100, 102, 99, 101],
  [101, 104, 100, 103],
  [103, 110, 102, 108],
  [108, 109, 104, 105],
  [105, 106, 101, 102],
  [102, 103, 100, 101],
  [101, 112, 101, 111],
  [111, 118, 114, 117],
] as const;

describe('Smart Money Concepts', () => {
  it('confirms a swing high two bars after it, then marks the close above it as a break of structure', () => {
    const concepts = new SmartMoneyConcepts(2);

    const updates = minuteBars(regularOpen, rows).map((item) => concepts.update(item));

    expect(updates[4]?.swings).toEqual([{ kind: 'high', time: regularOpen + 2 * minute, priceTicks: 110, confirmedAt: regularOpen + 4 * minute }]);
    expect(updates[6]?.structureBreak).toMatchObject({ kind: 'bos-up', time: regularOpen + 6 * minute, closeTicks: 111, swing: { priceTicks: 110 } });
    expect(concepts.structure.trend).toBe('up');
    expect(updates[7]?.swings).toEqual([expect.objectContaining({ kind: 'low', priceTicks: 100, time: regularOpen + 5 * minute })]);
  });

  it('takes the last down candle before the break as the bullish order block', () => {
    const concepts = new SmartMoneyConcepts(2);

    const updates = minuteBars(regularOpen, rows).map((item) => concepts.update(item));

    expect(updates[6]?.openedZones).toContainEqual({
      kind: 'order-block-up',
      startTime: regularOpen + 5 * minute,
      topTicks: 103,
      bottomTicks: 100,
      endTime: null,
    });
  });

  it('opens fair value gaps on three-bar imbalances and closes them when price fills them', () => {
    const concepts = new SmartMoneyConcepts(2);

    const updates = minuteBars(regularOpen, rows).map((item) => concepts.update(item));

    expect(updates[5]?.openedZones).toContainEqual({
      kind: 'fvg-down',
      startTime: regularOpen + 4 * minute,
      topTicks: 104,
      bottomTicks: 103,
      endTime: regularOpen + 6 * minute,
    });
    expect(updates[6]?.closedZones.map((zone) => zone.kind)).toContain('fvg-down');
    expect(updates[7]?.openedZones).toContainEqual({ kind: 'fvg-up', startTime: regularOpen + 6 * minute, topTicks: 114, bottomTicks: 103, endTime: null });
  });

  it('draws swings, the break and the zones for the chart', () => {
    const drawn = computeIndicator({ kind: 'smc', length: 2 }, minuteBars(regularOpen, rows));

    expect(drawn.markers.map((marker) => marker.kind)).toEqual(['swing-high', 'bos-up', 'swing-low']);
    expect(drawn.segments).toEqual([{ kind: 'bos-up', startTime: regularOpen + 2 * minute, endTime: regularOpen + 6 * minute, valueTicks: 110 }]);
    expect(drawn.zones.map((zone) => zone.kind).sort()).toEqual(['fvg-down', 'fvg-up', 'order-block-up']);
  });
});
