/** A bar's volume and whether it closed at or above its open. */
export interface VolumeSample {
  readonly volume: number;
  readonly open: number;
  readonly close: number;
}

/** Volume columns to draw, in bitmap pixels: left edge, width, height from the bottom. */
export interface VolumeColumns {
  readonly rising: number[];
  readonly falling: number[];
  /** Width of every column in bitmap pixels. */
  readonly width: number;
}

/** Where the columns go: the visible logical range and how logical indexes map to media x. */
export interface VolumeLayout {
  readonly from: number;
  readonly to: number;
  readonly xOf: (index: number) => number | null;
  /** Media pixels between two bars. */
  readonly spacing: number;
  /** Bitmap pixels per media pixel, horizontally. */
  readonly pixelRatio: number;
  /** Height in bitmap pixels of the tallest visible column. */
  readonly height: number;
}

/**
 * Lays out the volume columns of the visible bars, scaled so the largest visible volume fills the
 * height. Each column is three numbers (left, width, height) in a flat list per colour. When bars are
 * narrower than two bitmap pixels, bars sharing a pixel column are merged into the largest of them,
 * so a zoomed-out chart draws at most one column per pixel.
 */
export function volumeColumns(bars: readonly VolumeSample[], layout: VolumeLayout): VolumeColumns {
  const rising: number[] = [];
  const falling: number[] = [];
  const from = Math.max(0, Math.floor(layout.from));
  const to = Math.min(bars.length - 1, Math.ceil(layout.to));
  let largest = 0;
  for (let index = from; index <= to; index += 1) largest = Math.max(largest, bars[index]?.volume ?? 0);
  const barPixels = layout.spacing * layout.pixelRatio;
  const width = barPixels >= 2 ? Math.max(1, Math.floor(barPixels * 0.8)) : 1;
  if (largest <= 0 || from > to) return { rising, falling, width };
  let pixel = Number.NaN;
  let pixelVolume = 0;
  let pixelRising = true;
  const flush = (): void => {
    if (Number.isNaN(pixel) || pixelVolume <= 0) return;
    const height = Math.max(1, Math.round((pixelVolume / largest) * layout.height));
    (pixelRising ? rising : falling).push(pixel, width, height);
  };
  for (let index = from; index <= to; index += 1) {
    const bar = bars[index];
    const x = layout.xOf(index);
    if (bar === undefined || x === null) continue;
    const left = Math.round(x * layout.pixelRatio - width / 2);
    if (left === pixel && barPixels < 2) {
      if (bar.volume > pixelVolume) {
        pixelVolume = bar.volume;
        pixelRising = bar.close >= bar.open;
      }
      continue;
    }
    flush();
    pixel = left;
    pixelVolume = bar.volume;
    pixelRising = bar.close >= bar.open;
  }
  flush();
  return { rising, falling, width };
}
