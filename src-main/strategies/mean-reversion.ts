import { choice, decimal, integer, timeOfDay } from '../core/strategy/parameters';
import { priceText } from '../core/strategy/price-text';
import { defineStrategy } from '../core/strategy/strategy-definition';
import { sessionPhase } from './session-window';

/**
 * Mean reversion to VWAP (or a moving average).
 *
 * The mean is the session VWAP (restarting at the regular open) or an SMA of `length` bars; bands
 * sit `bandWidth` standard deviations around it. A bar that closes outside a band fades the move at
 * market: below the lower band buys, above the upper band sells. The target is the mean as it
 * stands at entry; the stop is `stopAtr` ATRs from the entry. Trades only inside the session window,
 * at most `maxTradesPerDay`, waits `cooldownBars` after a trade, and skips signals whose distance to
 * the mean is under `minTargetTicks`. Any position is closed at `exitTime`.
 */
export const meanReversion = defineStrategy({
  kind: 'mean-reversion',
  name: 'Mean reversion',
  summary: 'Fades closes outside VWAP or moving-average bands, targets the mean, stop in ATRs.',
  description:
    'The mean is the regular-session VWAP or an SMA; bands are bandWidth standard deviations around it. A close below the lower band buys at market, above the upper band sells. ' +
    'Take-profit: the distance back to the mean at entry (at least minTargetTicks). Stop-loss: stopAtr × ATR(atrLength), at least 4 ticks. ' +
    'Entries only between sessionStart and sessionEnd, at most maxTradesPerDay, cooldownBars bars apart; open positions close at exitTime.',
  parameters: {
    contracts: integer({ label: 'Contracts', description: 'Size of each entry', default: 1, min: 1, max: 50, live: true }),
    barMinutes: integer({ label: 'Bar minutes', description: 'Timeframe of the bands', default: 5, min: 1, max: 60, live: false, unit: 'min' }),
    anchor: choice({
      label: 'Mean',
      description: 'VWAP of the regular session, or a simple moving average',
      options: ['vwap', 'sma'],
      default: 'vwap',
      live: false,
    }),
    length: integer({
      label: 'SMA length',
      description: 'Bars of the moving average and its deviation (anchor sma)',
      default: 20,
      min: 2,
      max: 500,
      live: false,
      unit: 'bars',
    }),
    bandWidth: decimal({
      label: 'Band width',
      description: 'Standard deviations from the mean to the bands',
      default: 2,
      min: 0.5,
      max: 5,
      live: true,
      unit: 'σ',
    }),
    atrLength: integer({ label: 'ATR length', description: 'Bars of the average true range', default: 14, min: 2, max: 200, live: false, unit: 'bars' }),
    stopAtr: decimal({ label: 'Stop', description: 'Stop distance in ATRs', default: 1.5, min: 0.25, max: 10, live: true, unit: '×ATR' }),
    minTargetTicks: integer({
      label: 'Minimum target',
      description: 'Skip a signal whose target is closer',
      default: 4,
      min: 1,
      max: 1000,
      live: true,
      unit: 'ticks',
    }),
    maxTradesPerDay: integer({ label: 'Trades a day', description: 'Most entries per trading day', default: 4, min: 1, max: 50, live: true }),
    cooldownBars: integer({ label: 'Cooldown', description: 'Bars to wait after an entry', default: 3, min: 0, max: 500, live: true, unit: 'bars' }),
    sessionStart: timeOfDay({ label: 'First entry', description: 'Entries from this time (exchange time)', default: '08:45', live: true }),
    sessionEnd: timeOfDay({ label: 'Last entry', description: 'No entries from this time', default: '14:30', live: true }),
    exitTime: timeOfDay({ label: 'Exit time', description: 'Close any position at this time', default: '15:00', live: true }),
  },
  series: (parameters) => [
    { unit: 'minute', unitNumber: parameters.barMinutes, warmup: Math.max(parameters.length, parameters.atrLength) + Math.ceil(420 / parameters.barMinutes) },
  ],
  create(context) {
    const initial = context.parameters;
    const vwap = initial.anchor === 'vwap' ? context.indicators.vwap(initial.bandWidth, 'regular-session') : null;
    const bollinger = initial.anchor === 'sma' ? context.indicators.bollinger(initial.length, initial.bandWidth) : null;
    const atr = context.indicators.atr(initial.atrLength);
    let day = '';
    let trades = 0;
    let barsSinceEntry = Number.POSITIVE_INFINITY;

    return {
      onBar(bar) {
        const parameters = context.parameters;
        const today = context.calendar.tradingDay(bar.time);
        if (today !== day) {
          day = today;
          trades = 0;
        }
        barsSinceEntry++;
        const phase = sessionPhase(context, bar.time, parameters.barMinutes);
        const position = context.position().size;
        if (phase === 'exit') {
          if (position !== 0 && context.orders.inFlight() === 0) context.orders.exit(`time exit at ${parameters.exitTime}`);
          return;
        }
        if (phase !== 'entries' || position !== 0 || context.orders.inFlight() > 0 || context.workingOrders().length > 0) return;
        if (trades >= parameters.maxTradesPerDay || barsSinceEntry <= parameters.cooldownBars) return;
        const bands = vwap?.value ?? bollinger?.value ?? null;
        const range = atr.value;
        if (bands === null || range === null || bands.deviation === 0) return;
        // The band width is live: rebuild the bands from the deviation with the current multiplier.
        const upper = bands.middle + parameters.bandWidth * bands.deviation;
        const lower = bands.middle - parameters.bandWidth * bands.deviation;
        const long = bar.close < lower;
        const short = bar.close > upper;
        if (!long && !short) return;
        const targetTicks = Math.floor(Math.abs(bands.middle - bar.close));
        if (targetTicks < parameters.minTargetTicks) {
          context.log(`skipped: the mean is only ${targetTicks} ticks away`);
          return;
        }
        const stopLossTicks = Math.max(4, Math.round(parameters.stopAtr * range));
        const entered = context.orders.enter({
          side: long ? 'buy' : 'sell',
          size: parameters.contracts,
          type: 'market',
          stopLossTicks,
          takeProfitTicks: targetTicks,
          reason: `${long ? 'long' : 'short'}: close ${priceText(context.contract, bar.close)} ${long ? 'below' : 'above'} the ${parameters.anchor} band ${priceText(context.contract, long ? lower : upper)}, mean ${priceText(context.contract, bands.middle)}`,
        });
        if (entered) {
          trades++;
          barsSinceEntry = 0;
        }
      },
    };
  },
});
