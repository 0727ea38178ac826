import { describe, expect, it } from 'vitest';
import { volumeColumns, type VolumeLayout, type VolumeSample } from './volume-columns';

function sample(volume: number, open = 10, close = 11): VolumeSample {
  return { volume, open, close };
}

/** Bars 10 media pixels apart starting at x = 5, at a pixel ratio of 1, 100 pixels tall. */
function layout(overrides: Partial<VolumeLayout> = {}): VolumeLayout {
  return { from: 0, to: 10, xOf: (index) => 5 + index * 10, spacing: 10, pixelRatio: 1, height: 100, ...overrides };
}

/** The columns of one colour as [left, width, height] triples. */
function triples(flat: readonly number[]): number[][] {
  const result: number[][] = [];
  for (let offset = 0; offset < flat.length; offset += 3) result.push(flat.slice(offset, offset + 3));
  return result;
}

describe('volume columns', () => {
  it('scales the visible bars so the largest fills the height, split by rising and falling', () => {
    const bars = [sample(50), sample(100, 12, 11), sample(25)];

    const columns = volumeColumns(bars, layout({ to: 2 }));

    expect(columns.width).toBe(8);
    expect(triples(columns.rising)).toEqual([
      [1, 8, 50],
      [21, 8, 25],
    ]);
    expect(triples(columns.falling)).toEqual([[11, 8, 100]]);
  });

  it('scales to the largest visible volume only, ignoring bars scrolled out of view', () => {
    const bars = [sample(1000), sample(10), sample(20)];

    const columns = volumeColumns(bars, layout({ from: 1, to: 2 }));

    expect(triples(columns.rising).map(([, , height]) => height)).toEqual([50, 100]);
  });

  it('clips a range reaching past either end of the data', () => {
    const bars = [sample(10), sample(20)];

    const columns = volumeColumns(bars, layout({ from: -5.5, to: 40.2 }));

    expect(triples(columns.rising)).toHaveLength(2);
  });

  it('merges bars that share a pixel into the largest, in its colour, when zoomed far out', () => {
    const bars = [sample(10), sample(30, 12, 11), sample(20), sample(5)];

    const columns = volumeColumns(bars, layout({ to: 3, spacing: 0.5, xOf: (index) => 100 + index * 0.5 }));

    expect(columns.width).toBe(1);
    expect(triples(columns.falling)).toEqual([[100, 1, 100]]);
    expect(triples(columns.rising)).toEqual([[101, 1, 67]]);
  });

  it('gives a traded bar at least one pixel and draws nothing for bars without volume', () => {
    const bars = [sample(10_000), sample(1), sample(0)];

    const columns = volumeColumns(bars, layout({ to: 2 }));

    expect(triples(columns.rising).map(([, , height]) => height)).toEqual([100, 1]);
  });

  it('draws nothing when nothing visible traded', () => {
    expect(volumeColumns([sample(0), sample(0)], layout())).toEqual({ rising: [], falling: [], width: 8 });
  });
});
