import { ColorType, CrosshairMode, LineStyle, type ChartOptions, type DeepPartial, type Time, type TickMarkType } from 'lightweight-charts';
import type { ChartColors } from './chart-colors';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number) => String(value).padStart(2, '0');

/**
 * Axis labels. Chart times are already exchange (CT) wall time written as UTC, so they are read
 * with the UTC getters.
 */
function tickMark(time: Time, type: TickMarkType): string {
  const date = new Date(Number(time) * 1000);
  switch (type) {
    case 0:
      return String(date.getUTCFullYear());
    case 1:
      return months[date.getUTCMonth()] ?? '';
    case 2:
      return `${months[date.getUTCMonth()] ?? ''} ${date.getUTCDate()}`;
    case 3:
      return `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}`;
    default:
      return `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  }
}

function crosshairTime(time: Time): string {
  const date = new Date(Number(time) * 1000);
  const clock = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${months[date.getUTCMonth()] ?? ''} ${date.getUTCDate()} ${clock} CT`;
}

/** The chart's options in a theme: dense, dark, exchange time on the axis. */
export function chartOptions(colors: ChartColors): DeepPartial<ChartOptions> {
  return {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: colors.background },
      textColor: colors.text,
      fontSize: 11,
      fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif',
      attributionLogo: false,
    },
    grid: { vertLines: { color: colors.grid }, horzLines: { color: colors.grid } },
    crosshair: {
      mode: CrosshairMode.Normal,
      vertLine: { color: colors.crosshair, style: LineStyle.Dashed, labelBackgroundColor: colors.labelBackground },
      horzLine: { color: colors.crosshair, style: LineStyle.Dashed, labelBackgroundColor: colors.labelBackground },
    },
    rightPriceScale: { borderColor: colors.border, scaleMargins: { top: 0.08, bottom: 0.22 } },
    timeScale: { borderColor: colors.border, timeVisible: true, rightOffset: 8, barSpacing: 7, minBarSpacing: 0.05, tickMarkFormatter: tickMark },
    localization: { timeFormatter: crosshairTime },
  };
}
