import type { IPrimitivePaneRenderer } from 'lightweight-charts';
import type { DrawTarget } from '../draw-kit';

/** A zone's box in media pixels; `right` null runs to the pane's right edge. */
export interface PlacedZone {
  readonly left: number;
  readonly right: number | null;
  readonly top: number;
  readonly bottom: number;
  readonly fill: string;
  readonly edge: string;
}

/** A structure level in media pixels. */
export interface PlacedSegment {
  readonly left: number;
  readonly right: number;
  readonly y: number;
  readonly color: string;
}

/** Draws zones behind the bars and structure levels over them; knows nothing about indicators. */
export class SmcZonesRenderer implements IPrimitivePaneRenderer {
  public constructor(
    private readonly zones: readonly PlacedZone[],
    private readonly segments: readonly PlacedSegment[],
  ) {}

  public drawBackground(target: DrawTarget): void {
    target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio: h, verticalPixelRatio: v, bitmapSize }) => {
      context.save();
      for (const zone of this.zones) {
        const left = Math.round(zone.left * h);
        const right = zone.right === null ? bitmapSize.width : Math.round(zone.right * h);
        const top = Math.round(Math.min(zone.top, zone.bottom) * v);
        const height = Math.max(1, Math.round(Math.abs(zone.bottom - zone.top) * v));
        if (right <= 0 || left >= bitmapSize.width) continue;
        context.fillStyle = zone.fill;
        context.fillRect(left, top, Math.max(1, right - left), height);
        context.strokeStyle = zone.edge;
        context.lineWidth = 1;
        context.strokeRect(left + 0.5, top + 0.5, Math.max(1, right - left) - 1, height - 1);
      }
      context.restore();
    });
  }

  public draw(target: DrawTarget): void {
    target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio: h, verticalPixelRatio: v }) => {
      context.save();
      context.lineWidth = Math.max(1, Math.floor(v));
      context.setLineDash([5 * h, 3 * h]);
      for (const segment of this.segments) {
        const y = Math.round(segment.y * v) + 0.5;
        context.strokeStyle = segment.color;
        context.beginPath();
        context.moveTo(Math.round(segment.left * h), y);
        context.lineTo(Math.round(segment.right * h), y);
        context.stroke();
      }
      context.restore();
    });
  }
}
