import { useEffect, useRef } from 'react';

/** Reads a CSS custom property of the page (theme colours for canvas drawing). */
export function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

/** A small line of recent closes, coloured by the day's direction (or, without one, since its first point). */
export function SparkLine({ values, direction, width = 72, height = 20 }: { values: readonly number[]; direction?: number; width?: number; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (element === null || element === undefined || context === null || context === undefined) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(width * ratio);
    element.height = Math.round(height * ratio);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const first = values[0];
    const last = values.at(-1);
    if (values.length < 2 || first === undefined || last === undefined) return;
    let low = Infinity;
    let high = -Infinity;
    for (const value of values) {
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
    const span = high - low || 1;
    context.beginPath();
    values.forEach((value, index) => {
      const x = (index / (values.length - 1)) * (width - 2) + 1;
      const y = height - 2 - ((value - low) / span) * (height - 4);
      if (index === 0) context.moveTo(x, y);
      else context.lineTo(x, y);
    });
    const rising = direction === undefined ? last >= first : direction >= 0;
    context.strokeStyle = rising ? cssColor('--up', '#26a69a') : cssColor('--down', '#ef5350');
    context.lineWidth = 1.25;
    context.stroke();
  }, [values, direction, width, height]);
  return <canvas ref={canvas} className="spark-line" width={width} height={height} aria-hidden="true" />;
}
