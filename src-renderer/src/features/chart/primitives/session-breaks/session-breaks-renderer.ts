import type { IPrimitivePaneRenderer } from 'lightweight-charts';
import type { DrawTarget } from '../draw-kit';

/** Draws dashed vertical lines behind the bars where a trading day starts. */
export class SessionBreaksRenderer implements IPrimitivePaneRenderer {
  public constructor(
    private readonly xs: readonly number[],
    private readonly color: string,
  ) {}

  public draw(): void {
    // Everything is drawn in the background, under the candles.
  }

  public drawBackground(target: DrawTarget): void {
    if (this.xs.length === 0) return;
    target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio, verticalPixelRatio, bitmapSize }) => {
      context.save();
      context.strokeStyle = this.color;
      context.lineWidth = Math.max(1, Math.floor(horizontalPixelRatio));
      context.setLineDash([3 * verticalPixelRatio, 3 * verticalPixelRatio]);
      context.beginPath();
      for (const x of this.xs) {
        const bitmapX = Math.round(x * horizontalPixelRatio) + 0.5;
        context.moveTo(bitmapX, 0);
        context.lineTo(bitmapX, bitmapSize.height);
      }
      context.stroke();
      context.restore();
    });
  }
}
