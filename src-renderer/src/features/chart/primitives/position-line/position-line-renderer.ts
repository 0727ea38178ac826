import type { IPrimitivePaneRenderer } from 'lightweight-charts';
import { drawHorizontalLine, drawLabels, type DrawTarget, type LabelBox } from '../draw-kit';

/** Draws the position line and its label boxes at a cached y. */
export class PositionLineRenderer implements IPrimitivePaneRenderer {
  public constructor(
    private readonly y: number | null,
    private readonly color: string,
    private readonly labels: readonly LabelBox[],
  ) {}

  public draw(target: DrawTarget): void {
    const { y } = this;
    if (y === null) return;
    target.useBitmapCoordinateSpace((scope) => {
      drawHorizontalLine(scope, y, this.color, false, 1.5);
      drawLabels(scope, y, this.labels);
    });
  }
}
