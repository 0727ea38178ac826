import { AreaSeries, BaselineSeries, ColorType, createChart, type IChartApi, type ISeriesApi, type Time, type UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef, useState } from 'react';
import type { EquityPoint } from '../../../src-shared/domain/analytics';
import { toChicagoWallSeconds } from '../../../src-shared/exchange';
import { usePalette, useTheme } from '../lib/preferences-store';
import { cssColor } from './spark-line';

/** Equity points as chart points in dollars, on exchange time, strictly increasing in time. */
export function equitySeries(points: readonly EquityPoint[]): { time: UTCTimestamp; equity: number; drawdown: number }[] {
  const result: { time: UTCTimestamp; equity: number; drawdown: number }[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const point of points) {
    const shifted = toChicagoWallSeconds(point.time);
    const time = shifted <= previous ? previous + 1 : shifted;
    previous = time;
    result.push({ time: time as UTCTimestamp, equity: point.equityCents / 100, drawdown: point.drawdownCents / 100 });
  }
  return result;
}

interface EquityCharts {
  readonly chart: IChartApi;
  readonly equity: ISeriesApi<'Baseline', Time>;
  readonly drawdown: ISeriesApi<'Area', Time>;
}

/**
 * An equity curve, green above and red below its baseline (0 for net P&L, the starting balance for a
 * balance; its first point when not given), with the drawdown under it, in dollars, drawn with
 * lightweight-charts.
 */
export function EquityChart({ points, baselineCents, testId }: { points: readonly EquityPoint[]; baselineCents?: number; testId: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [charts, setCharts] = useState<EquityCharts | undefined>(undefined);
  // The colours come from the theme: a new theme draws the chart again.
  const theme = useTheme();
  const palette = usePalette();
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const up = cssColor('--up', '#26a69a');
    const down = cssColor('--down', '#ef5350');
    const chart = createChart(element, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: cssColor('--chart-bg', '#0a0d12') },
        textColor: cssColor('--muted', '#7b8597'),
        fontSize: 11,
        attributionLogo: false,
      },
      grid: { vertLines: { color: cssColor('--chart-grid', '#141923') }, horzLines: { color: cssColor('--chart-grid', '#141923') } },
      rightPriceScale: { borderColor: cssColor('--panel-border', '#222936') },
      timeScale: { borderColor: cssColor('--panel-border', '#222936'), timeVisible: true },
    });
    const equity = chart.addSeries(BaselineSeries, {
      topLineColor: up,
      bottomLineColor: down,
      topFillColor1: 'rgba(38, 166, 154, 0.25)',
      topFillColor2: 'rgba(38, 166, 154, 0.02)',
      bottomFillColor1: 'rgba(239, 83, 80, 0.02)',
      bottomFillColor2: 'rgba(239, 83, 80, 0.25)',
      lineWidth: 2,
      priceFormat: { type: 'price', precision: 2, minMove: 0.01 },
    });
    const drawdown = chart.addSeries(
      AreaSeries,
      {
        lineColor: down,
        topColor: 'rgba(239, 83, 80, 0.05)',
        bottomColor: 'rgba(239, 83, 80, 0.35)',
        lineWidth: 1,
        priceFormat: { type: 'price', precision: 2, minMove: 0.01 },
      },
      1,
    );
    chart.panes()[1]?.setStretchFactor(0.35);
    setCharts({ chart, equity, drawdown });
    return () => {
      setCharts(undefined);
      chart.remove();
    };
  }, [theme, palette]);
  useEffect(() => {
    if (charts === undefined) return;
    const series = equitySeries(points);
    charts.equity.applyOptions({ baseValue: { type: 'price', price: baselineCents === undefined ? (series[0]?.equity ?? 0) : baselineCents / 100 } });
    charts.equity.setData(series.map((point) => ({ time: point.time, value: point.equity })));
    charts.drawdown.setData(series.map((point) => ({ time: point.time, value: point.drawdown })));
    charts.chart.timeScale().fitContent();
    const element = container.current;
    if (element !== null) element.dataset.points = String(series.length);
  }, [charts, points, baselineCents]);
  return <div className="equity-chart" ref={container} data-testid={testId} />;
}
