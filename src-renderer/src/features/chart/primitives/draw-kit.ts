import type { IPrimitivePaneRenderer } from 'lightweight-charts';

/** The drawing target lightweight-charts hands a renderer. */
export type DrawTarget = Parameters<IPrimitivePaneRenderer['draw']>[0];

/** The bitmap-space scope a renderer draws in. */
export type BitmapScope = Parameters<Parameters<DrawTarget['useBitmapCoordinateSpace']>[0]>[0];

/** A label box on a line: text with a background, in media pixels. */
export interface LabelBox {
  readonly x: number;
  readonly width: number;
  readonly text: string;
  readonly background: string;
  readonly color: string;
}

/** Height of line labels in media pixels. */
export const labelHeight = 18;
/** Font of line labels. */
export const labelFont = '600 11px Inter, "Segoe UI", system-ui, sans-serif';

let measureContext: CanvasRenderingContext2D | null | undefined;

/** Width of a label's text in media pixels (measured once per text by the pane views). */
export function measureLabel(text: string): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (measureContext === null) return text.length * 7;
  measureContext.font = labelFont;
  return Math.ceil(measureContext.measureText(text).width);
}

/** How a line is stroked: solid (manual orders), dashed (planned or waiting), dotted (a strategy's orders). */
export type LinePattern = 'solid' | 'dashed' | 'dotted';

/** Draws a horizontal line across the pane at a media y, crisp at any pixel ratio. */
export function drawHorizontalLine(scope: BitmapScope, y: number, color: string, pattern: LinePattern | boolean, width = 1): void {
  const { context, horizontalPixelRatio, verticalPixelRatio, bitmapSize } = scope;
  const lineWidth = Math.max(1, Math.floor(width * verticalPixelRatio));
  const bitmapY = Math.round(y * verticalPixelRatio) + (lineWidth % 2 === 1 ? 0.5 : 0);
  context.save();
  context.strokeStyle = color;
  context.lineWidth = lineWidth;
  const style = pattern === true ? 'dashed' : pattern === false ? 'solid' : pattern;
  const dashes = { solid: [], dashed: [4, 3], dotted: [1, 2] }[style];
  context.setLineDash(dashes.map((length) => length * horizontalPixelRatio));
  context.beginPath();
  context.moveTo(0, bitmapY);
  context.lineTo(bitmapSize.width, bitmapY);
  context.stroke();
  context.restore();
}

/** Draws label boxes centred on a media y. */
export function drawLabels(scope: BitmapScope, y: number, boxes: readonly LabelBox[]): void {
  const { context, horizontalPixelRatio: h, verticalPixelRatio: v } = scope;
  context.save();
  context.font = labelFont.replace('11px', `${Math.round(11 * v)}px`);
  context.textBaseline = 'middle';
  const top = Math.round((y - labelHeight / 2) * v);
  const height = Math.round(labelHeight * v);
  for (const box of boxes) {
    context.fillStyle = box.background;
    context.fillRect(Math.round(box.x * h), top, Math.round(box.width * h), height);
    context.fillStyle = box.color;
    context.fillText(box.text, Math.round((box.x + 6) * h), top + height / 2);
  }
  context.restore();
}
