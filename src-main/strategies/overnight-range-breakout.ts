import { inWindow } from '../../src-shared/exchange';
import { decimal, integer, minutesOfTime, timeOfDay } from '../core/strategy/parameters';
import { priceText } from '../core/strategy/price-text';
import { defineStrategy } from '../core/strategy/strategy-definition';

/**
 * Overnight range breakout.
 *
 * The overnight (Globex) session, 17:00 to 08:30 CT by default, sets a range: its highest high and
 * lowest low. After the regular open, the first bar that closes more than `bufferTicks` beyond the
 * range enters in the breakout's direction at market, until `entryWindowEnd`. The stop goes to the
 * other side of the range (`bufferTicks` beyond it); the target is `rewardRisk` times that risk.
 * Days whose range is narrower than `minRangeTicks` or wider than `maxStopTicks` are skipped.
 * At most `maxTradesPerDay` trades; any position left is closed at `exitTime`. The range and the
 * day's trade count are kept in the strategy's state, so a restart mid-morning keeps them.
 */
export const overnightRangeBreakout = defineStrategy({
  kind: 'overnight-range-breakout',
  name: 'Overnight range breakout',
  summary: 'Trades the first break of the overnight range after the open, stop at the other side, target in multiples of risk.',
  description:
    'Builds the overnight range (highest high, lowest low between rangeStart and rangeEnd, exchange time). After rangeEnd, a bar closing more than bufferTicks above the range buys at market (below it: sells), until entryWindowEnd. ' +
    'The stop-loss sits bufferTicks beyond the other side of the range; the take-profit is rewardRisk times that distance. Ranges narrower than minRangeTicks or needing a stop wider than maxStopTicks are skipped. ' +
    'At most maxTradesPerDay trades a day; an open position is closed at exitTime.',
  parameters: {
    contracts: integer({ label: 'Contracts', description: 'Size of each entry', default: 1, min: 1, max: 50, live: true }),
    barMinutes: integer({ label: 'Bar minutes', description: 'Timeframe the breakout is judged on', default: 1, min: 1, max: 60, live: false, unit: 'min' }),
    rangeStart: timeOfDay({ label: 'Range start', description: 'Start of the overnight range (exchange time)', default: '17:00', live: false }),
    rangeEnd: timeOfDay({ label: 'Range end', description: 'End of the overnight range: the regular open', default: '08:30', live: false }),
    entryWindowEnd: timeOfDay({ label: 'Last entry', description: 'No new entries from this time', default: '11:00', live: true }),
    exitTime: timeOfDay({ label: 'Exit time', description: 'Close any open position at this time', default: '15:00', live: true }),
    bufferTicks: integer({
      label: 'Buffer',
      description: 'How far beyond the range a close must be, and the stop beyond the other side',
      default: 2,
      min: 0,
      max: 100,
      live: true,
      unit: 'ticks',
    }),
    rewardRisk: decimal({
      label: 'Reward : risk',
      description: 'Target distance in multiples of the stop distance',
      default: 2,
      min: 0.5,
      max: 10,
      live: true,
      unit: '×risk',
    }),
    minRangeTicks: integer({
      label: 'Minimum range',
      description: 'Skip days whose range is narrower',
      default: 8,
      min: 1,
      max: 2000,
      live: true,
      unit: 'ticks',
    }),
    maxStopTicks: integer({
      label: 'Maximum stop',
      description: 'Skip a breakout whose stop would be farther',
      default: 120,
      min: 4,
      max: 4000,
      live: true,
      unit: 'ticks',
    }),
    maxTradesPerDay: integer({ label: 'Trades a day', description: 'Most entries per trading day', default: 1, min: 1, max: 10, live: true }),
  },
  series: (parameters) => [{ unit: 'minute', unitNumber: parameters.barMinutes, warmup: Math.ceil(1000 / parameters.barMinutes) }],
  create(context) {
    const saved = context.state.get('day');
    let day = typeof saved === 'string' ? saved : '';
    let high = numberOr(context.state.get('high'), Number.NEGATIVE_INFINITY);
    let low = numberOr(context.state.get('low'), Number.POSITIVE_INFINITY);
    let trades = numberOr(context.state.get('trades'), 0);

    const save = (): void => {
      context.state.set('day', day);
      context.state.set('high', Number.isFinite(high) ? high : null);
      context.state.set('low', Number.isFinite(low) ? low : null);
      context.state.set('trades', trades);
    };

    return {
      onBar(bar) {
        const parameters = context.parameters;
        const minute = context.calendar.minuteOfDay(bar.time);
        const today = context.calendar.tradingDay(bar.time);
        if (today !== day) {
          day = today;
          high = Number.NEGATIVE_INFINITY;
          low = Number.POSITIVE_INFINITY;
          trades = 0;
          save();
        }
        const rangeStart = minutesOfTime(parameters.rangeStart);
        const rangeEnd = minutesOfTime(parameters.rangeEnd);
        if (inWindow(minute, rangeStart, rangeEnd)) {
          if (bar.high > high || bar.low < low) {
            high = Math.max(high, bar.high);
            low = Math.min(low, bar.low);
            save();
          }
          return;
        }
        const position = context.position().size;
        // The exit is judged at the bar's close.
        const closeMinute = (minute + parameters.barMinutes) % 1440;
        if (position !== 0 && inWindow(closeMinute, minutesOfTime(parameters.exitTime), rangeStart)) {
          if (context.orders.inFlight() === 0) context.orders.exit(`time exit at ${parameters.exitTime}`);
          return;
        }
        if (position !== 0 || trades >= parameters.maxTradesPerDay || context.orders.inFlight() > 0 || context.workingOrders().length > 0) return;
        if (!inWindow(minute, rangeEnd, minutesOfTime(parameters.entryWindowEnd)) || !Number.isFinite(high) || !Number.isFinite(low)) return;
        const width = high - low;
        const buffer = parameters.bufferTicks;
        const long = bar.close > high + buffer;
        const short = bar.close < low - buffer;
        if (!long && !short) return;
        if (width < parameters.minRangeTicks) {
          trades = parameters.maxTradesPerDay;
          save();
          context.log(`skipped the day: the overnight range of ${width} ticks is narrower than ${parameters.minRangeTicks}`);
          return;
        }
        const stopLossTicks = long ? bar.close - (low - buffer) : high + buffer - bar.close;
        if (stopLossTicks > parameters.maxStopTicks) {
          context.log(`skipped a breakout: its stop of ${stopLossTicks} ticks is wider than ${parameters.maxStopTicks}`);
          return;
        }
        const takeProfitTicks = Math.max(1, Math.round(stopLossTicks * parameters.rewardRisk));
        const entered = context.orders.enter({
          side: long ? 'buy' : 'sell',
          size: parameters.contracts,
          type: 'market',
          stopLossTicks,
          takeProfitTicks,
          reason: `${long ? 'long' : 'short'} breakout: close ${priceText(context.contract, bar.close)} beyond the overnight range ${priceText(context.contract, low)}–${priceText(context.contract, high)}`,
        });
        if (entered) {
          trades++;
          save();
        }
      },
    };
  },
});

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
