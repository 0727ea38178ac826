import type { IPrimitivePaneRenderer } from 'lightweight-charts';
import { drawHorizontalLine, drawLabels, type DrawTarget, type LabelBox, type LinePattern } from '../draw-kit';

/** A line with its coordinates, worked out by the pane view. */
export interface PlacedLine {
  readonly y: number;
  readonly color: string;
  readonly pattern: LinePattern;
  readonly labels: readonly LabelBox[];
}

/** Draws order lines and their labels; knows nothing about orders. */
export class OrderLinesRenderer implements IPrimitivePaneRenderer {
  public constructor(private readonly lines: readonly PlacedLine[]) {}

  public draw(target: DrawTarget): void {
    target.useBitmapCoordinateSpace((scope) => {
      for (const line of this.lines) {
        drawHorizontalLine(scope, line.y, line.color, line.pattern);
        drawLabels(scope, line.y, line.labels);
      }
    });
  }
}
