import type { IPrimitivePaneRenderer } from 'lightweight-charts';
import type { DrawTarget } from '../draw-kit';
import { volumeColumns, type VolumeLayout, type VolumeSample } from './volume-columns';

/** Share of the pane's height the tallest visible column takes, along the bottom. */
const heightShare = 0.18;

/** What the pane view measured in media pixels; the renderer scales it to the bitmap it draws in. */
export type VolumeView = Omit<VolumeLayout, 'pixelRatio' | 'height'> & { readonly bars: readonly VolumeSample[] };

/** Fills the volume columns along the bottom of the pane, one path per colour. */
export class VolumeBarsRenderer implements IPrimitivePaneRenderer {
  public constructor(
    private readonly view: VolumeView | undefined,
    private readonly risingColor: string,
    private readonly fallingColor: string,
  ) {}

  public draw(target: DrawTarget): void {
    const view = this.view;
    if (view === undefined) return;
    target.useBitmapCoordinateSpace(({ context, bitmapSize, horizontalPixelRatio }) => {
      const bottom = bitmapSize.height;
      const columns = volumeColumns(view.bars, { ...view, pixelRatio: horizontalPixelRatio, height: Math.floor(bottom * heightShare) });
      for (const [flat, color] of [
        [columns.rising, this.risingColor],
        [columns.falling, this.fallingColor],
      ] as const) {
        if (flat.length === 0) continue;
        context.beginPath();
        for (let offset = 0; offset < flat.length; offset += 3) {
          const height = flat[offset + 2] ?? 0;
          context.rect(flat[offset] ?? 0, bottom - height, flat[offset + 1] ?? 0, height);
        }
        context.fillStyle = color;
        context.fill();
      }
    });
  }
}
