import type { StrategySeries } from '../../../src-shared/domain/strategies';
import type { BarView } from '../../../src-shared/domain/trading';
import { AverageTrueRange } from '../indicators/average-true-range';
import { BollingerBands } from '../indicators/bollinger-bands';
import { DonchianChannel } from '../indicators/donchian-channel';
import { regularSessionRoll } from '../indicators/indicator-catalog';
import { ExponentialMovingAverage, SimpleMovingAverage } from '../indicators/moving-averages';
import { RelativeStrengthIndex } from '../indicators/relative-strength';
import { SmartMoneyConcepts } from '../indicators/smc/smart-money-concepts';
import { SessionVwap } from '../indicators/vwap';
import type { StrategyIndicators } from './strategy-context';
import type { SeriesRequest } from './strategy-definition';

/** Anything updated with each closed bar. */
interface BarConsumer {
  update(bar: BarView): unknown;
}

/** One series a strategy reads: its recent closed bars and the indicators fed from it. */
export interface SeriesFeed {
  readonly series: SeriesRequest;
  readonly key: string;
  readonly bars: BarView[];
  readonly keep: number;
  readonly indicators: BarConsumer[];
}

/** The key of a series, e.g. `minute:5`. */
export function seriesKey(series: StrategySeries): string {
  return `${series.unit}:${series.unitNumber}`;
}

/** The series of a strategy, each with its bar window and indicators. */
export class SeriesFeeds {
  public readonly feeds: SeriesFeed[];

  public constructor(requests: readonly SeriesRequest[]) {
    if (requests.length === 0) throw new Error('a strategy reads at least one bar series');
    this.feeds = requests.map((series) => ({ series, key: seriesKey(series), bars: [], keep: Math.max(series.warmup, 200), indicators: [] }));
  }

  private lastAsked: StrategySeries | undefined;
  private lastFound: SeriesFeed | undefined;

  /** The feed of a series (default: the main one). */
  public feed(series?: StrategySeries): SeriesFeed {
    // Callers pass the same series object bar after bar: skip building its key.
    if (series !== undefined && series === this.lastAsked && this.lastFound !== undefined) return this.lastFound;
    const found = this.find(series);
    if (series !== undefined) {
      this.lastAsked = series;
      this.lastFound = found;
    }
    return found;
  }

  private find(series?: StrategySeries): SeriesFeed {
    const key = series === undefined ? undefined : seriesKey(series);
    const found = key === undefined ? this.feeds[0] : this.feeds.find((feed) => feed.key === key);
    if (found === undefined) throw new Error(`the strategy did not ask for the ${key ?? 'main'} series`);
    return found;
  }

  /** Records a closed bar and updates its indicators. */
  public take(feed: SeriesFeed, bar: BarView): void {
    const bars = feed.bars;
    bars.push(bar);
    // Trim in batches so the window costs O(1) per bar.
    if (bars.length > 2 * feed.keep) bars.splice(0, bars.length - feed.keep);
    const indicators = feed.indicators;
    for (let index = 0; index < indicators.length; index++) indicators[index]?.update(bar);
  }

  /** The indicator factory a strategy context exposes. */
  public indicators(): StrategyIndicators {
    const add = <Indicator extends BarConsumer>(indicator: Indicator, series: StrategySeries | undefined): Indicator => {
      this.feed(series).indicators.push(indicator);
      return indicator;
    };
    return {
      sma: (length, series) => add(new SimpleMovingAverage(length), series),
      ema: (length, series) => add(new ExponentialMovingAverage(length), series),
      bollinger: (length, multiplier, series) => add(new BollingerBands(length, multiplier), series),
      vwap: (multiplier, anchor, series) => add(new SessionVwap(multiplier, anchor === 'regular-session' ? regularSessionRoll : undefined), series),
      atr: (length, series) => add(new AverageTrueRange(length), series),
      rsi: (length, series) => add(new RelativeStrengthIndex(length), series),
      donchian: (length, series) => add(new DonchianChannel(length), series),
      smartMoney: (swingLength, series) => add(new SmartMoneyConcepts(swingLength), series),
    };
  }
}
