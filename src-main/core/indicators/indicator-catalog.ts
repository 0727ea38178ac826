import type {
  IndicatorLine,
  IndicatorMarker,
  IndicatorRequest,
  IndicatorSegment,
  IndicatorSeriesView,
  IndicatorZone,
} from '../../../src-shared/domain/strategies';
import type { BarView } from '../../../src-shared/domain/trading';
import { exchangeTimeZone } from '../../../src-shared/exchange';
import { AverageTrueRange } from './average-true-range';
import { BollingerBands } from './bollinger-bands';
import { DonchianChannel } from './donchian-channel';
import { ExponentialMovingAverage, SimpleMovingAverage } from './moving-averages';
import { RelativeStrengthIndex } from './relative-strength';
import type { PriceZone } from './smc/price-zone';
import { SmartMoneyConcepts } from './smc/smart-money-concepts';
import { SessionVwap } from './vwap';

/** The regular session's open, where a regular-session VWAP restarts. */
export const regularSessionRoll = { hour: 8, minute: 30, timeZone: exchangeTimeZone } as const;

/** Default settings per kind. */
const defaults = { sma: 20, ema: 21, bollinger: 20, atr: 14, rsi: 14, donchian: 20, smc: 5 } as const;

/** A stable key for an indicator, e.g. `bollinger(20,2)`. */
export function indicatorKey(request: IndicatorRequest): string {
  switch (request.kind) {
    case 'vwap':
      return `vwap(${request.multiplier ?? 2},${request.anchor ?? 'trading-day'})`;
    case 'bollinger':
      return `bollinger(${request.length ?? defaults.bollinger},${request.multiplier ?? 2})`;
    default:
      return `${request.kind}(${request.length ?? defaults[request.kind]})`;
  }
}

function lines(bars: readonly BarView[], names: readonly string[], read: (bar: BarView) => readonly (number | null)[]): IndicatorLine[] {
  const points = names.map(() => [] as { time: number; value: number | null }[]);
  for (const bar of bars) {
    const values = read(bar);
    names.forEach((_, index) => points[index]?.push({ time: bar.time, value: values[index] ?? null }));
  }
  return names.map((name, index) => ({ name, points: points[index] ?? [] }));
}

function view(request: IndicatorRequest, computed: Partial<Pick<IndicatorSeriesView, 'lines' | 'markers' | 'zones' | 'segments'>>): IndicatorSeriesView {
  return {
    key: indicatorKey(request),
    kind: request.kind,
    lines: computed.lines ?? [],
    markers: computed.markers ?? [],
    zones: computed.zones ?? [],
    segments: computed.segments ?? [],
  };
}

function smartMoney(request: IndicatorRequest, bars: readonly BarView[]): IndicatorSeriesView {
  const concepts = new SmartMoneyConcepts(request.length ?? defaults.smc);
  const markers: IndicatorMarker[] = [];
  const segments: IndicatorSegment[] = [];
  const zones: PriceZone[] = [];
  for (const bar of bars) {
    const update = concepts.update(bar);
    for (const swing of update.swings)
      markers.push({
        time: swing.time,
        valueTicks: swing.priceTicks,
        kind: swing.kind === 'high' ? 'swing-high' : 'swing-low',
        text: swing.kind === 'high' ? 'SH' : 'SL',
      });
    const broken = update.structureBreak;
    if (broken !== null) {
      markers.push({ time: broken.time, valueTicks: broken.swing.priceTicks, kind: broken.kind, text: 'BOS' });
      segments.push({ kind: broken.kind, startTime: broken.swing.time, endTime: broken.time, valueTicks: broken.swing.priceTicks });
    }
    zones.push(...update.openedZones);
  }
  const drawn: IndicatorZone[] = zones.map((zone) => ({
    kind: zone.kind,
    startTime: zone.startTime,
    endTime: zone.endTime,
    topTicks: zone.topTicks,
    bottomTicks: zone.bottomTicks,
  }));
  return view(request, { markers, segments, zones: drawn });
}

/** Computes one indicator over bars (oldest first), for the chart. Values are in ticks (RSI in 0..100). */
export function computeIndicator(request: IndicatorRequest, bars: readonly BarView[]): IndicatorSeriesView {
  switch (request.kind) {
    case 'sma': {
      const average = new SimpleMovingAverage(request.length ?? defaults.sma);
      return view(request, { lines: lines(bars, ['sma'], (bar) => [average.update(bar)]) });
    }
    case 'ema': {
      const average = new ExponentialMovingAverage(request.length ?? defaults.ema);
      return view(request, { lines: lines(bars, ['ema'], (bar) => [average.update(bar)]) });
    }
    case 'vwap': {
      const vwap = new SessionVwap(request.multiplier ?? 2, request.anchor === 'regular-session' ? regularSessionRoll : undefined);
      return view(request, { lines: lines(bars, ['vwap', 'upper', 'lower'], (bar) => bandValues(vwap.update(bar))) });
    }
    case 'bollinger': {
      const bands = new BollingerBands(request.length ?? defaults.bollinger, request.multiplier ?? 2);
      return view(request, { lines: lines(bars, ['middle', 'upper', 'lower'], (bar) => bandValues(bands.update(bar))) });
    }
    case 'atr': {
      const range = new AverageTrueRange(request.length ?? defaults.atr);
      return view(request, { lines: lines(bars, ['atr'], (bar) => [range.update(bar)]) });
    }
    case 'rsi': {
      const strength = new RelativeStrengthIndex(request.length ?? defaults.rsi);
      return view(request, { lines: lines(bars, ['rsi'], (bar) => [strength.update(bar)]) });
    }
    case 'donchian': {
      const channel = new DonchianChannel(request.length ?? defaults.donchian);
      return view(request, {
        lines: lines(bars, ['upper', 'middle', 'lower'], (bar) => {
          const value = channel.update(bar);
          return value === null ? [null, null, null] : [value.upper, value.middle, value.lower];
        }),
      });
    }
    case 'smc':
      return smartMoney(request, bars);
  }
}

function bandValues(bands: { middle: number; upper: number; lower: number } | null): (number | null)[] {
  return bands === null ? [null, null, null] : [bands.middle, bands.upper, bands.lower];
}
