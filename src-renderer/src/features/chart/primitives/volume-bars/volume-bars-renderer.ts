import type { IPrimitivePaneRenderer } from 'lightweight-charts';
import type { DrawTarget } from '../draw-kit';
import type { VolumeColumns } from './volume-columns';

/** Fills the volume columns along the bottom of the pane, one path per colour. */
export class VolumeBarsRenderer implements IPrimitivePaneRenderer {
  public constructor(
    private readonly columns: VolumeColumns,
    private readonly risingColor: string,
    private readonly fallingColor: string,
  ) {}

  public draw(target: DrawTarget): void {
    target.useBitmapCoordinateSpace(({ context, bitmapSize }) => {
      const bottom = bitmapSize.height;
      for (const [flat, color] of [
        [this.columns.rising, this.risingColor],
        [this.columns.falling, this.fallingColor],
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
