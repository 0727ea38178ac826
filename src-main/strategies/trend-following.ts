import type { OrderSide } from '../../src-shared/domain/trading';
import { choice, decimal, integer, timeOfDay, toggle } from '../core/strategy/parameters';
import { priceText } from '../core/strategy/price-text';
import { defineStrategy } from '../core/strategy/strategy-definition';
import { sessionPhase } from './session-window';

/**
 * Trend following with a trailing stop.
 *
 * Signals come from an EMA crossover (`fastLength` over `slowLength`) or a Donchian breakout (a
 * close beyond the previous `channelLength` bars' high or low). An entry goes in at market with a
 * stop-loss `stopAtr` ATRs away and, unless `takeProfitAtr` is 0, a far target. While the trade
 * runs, the stop-loss leg trails the close by `trailAtr` ATRs, only ever tightening. An opposite
 * signal exits, and the reverse entry follows on the next bar if the signal still holds. Entries
 * only between `sessionStart` and `sessionEnd`; any position is closed at `exitTime`.
 */
export const trendFollowing = defineStrategy({
  kind: 'trend-following',
  name: 'Trend following',
  summary: 'EMA crossover or Donchian breakout entries with an ATR stop that trails the trend.',
  description:
    'Long when the fast EMA crosses above the slow EMA (mode ma-cross) or a close breaks above the previous channelLength-bar high (mode donchian); short on the mirror signal when allowShort is on. ' +
    'Entries at market with a stop-loss of stopAtr × ATR and a take-profit of takeProfitAtr × ATR (0: none). The stop-loss leg trails the close by trailAtr × ATR and only tightens. ' +
    'An opposite signal exits, and reverses on the next bar if the signal holds. Entries between sessionStart and sessionEnd; positions close at exitTime.',
  parameters: {
    contracts: integer({ label: 'Contracts', description: 'Size of each entry', default: 1, min: 1, max: 50, live: true }),
    barMinutes: integer({ label: 'Bar minutes', description: 'Timeframe of the signals', default: 5, min: 1, max: 240, live: false, unit: 'min' }),
    mode: choice({ label: 'Signal', description: 'EMA crossover or Donchian breakout', options: ['ma-cross', 'donchian'], default: 'ma-cross', live: false }),
    fastLength: integer({ label: 'Fast EMA', description: 'Bars of the fast average', default: 9, min: 2, max: 200, live: false, unit: 'bars' }),
    slowLength: integer({ label: 'Slow EMA', description: 'Bars of the slow average', default: 21, min: 3, max: 500, live: false, unit: 'bars' }),
    channelLength: integer({ label: 'Channel', description: 'Bars of the Donchian channel', default: 20, min: 2, max: 500, live: false, unit: 'bars' }),
    atrLength: integer({ label: 'ATR length', description: 'Bars of the average true range', default: 14, min: 2, max: 200, live: false, unit: 'bars' }),
    stopAtr: decimal({ label: 'Initial stop', description: 'Stop distance in ATRs', default: 2, min: 0.25, max: 20, live: true, unit: '×ATR' }),
    trailAtr: decimal({
      label: 'Trailing stop',
      description: 'Distance the stop trails the close, in ATRs',
      default: 3,
      min: 0.25,
      max: 20,
      live: true,
      unit: '×ATR',
    }),
    takeProfitAtr: decimal({
      label: 'Target',
      description: 'Target in ATRs (0: no target, the trail exits)',
      default: 6,
      min: 0,
      max: 50,
      live: true,
      unit: '×ATR',
    }),
    allowShort: toggle({ label: 'Shorts', description: 'Take short signals too', default: true, live: true }),
    sessionStart: timeOfDay({ label: 'First entry', description: 'Entries from this time (exchange time)', default: '08:30', live: true }),
    sessionEnd: timeOfDay({ label: 'Last entry', description: 'No entries from this time', default: '14:30', live: true }),
    exitTime: timeOfDay({ label: 'Exit time', description: 'Close any position at this time', default: '15:00', live: true }),
  },
  series: (parameters) => [
    { unit: 'minute', unitNumber: parameters.barMinutes, warmup: Math.max(parameters.slowLength, parameters.channelLength, parameters.atrLength) * 3 },
  ],
  create(context) {
    const initial = context.parameters;
    const fast = initial.mode === 'ma-cross' ? context.indicators.ema(initial.fastLength) : null;
    const slow = initial.mode === 'ma-cross' ? context.indicators.ema(initial.slowLength) : null;
    const channel = initial.mode === 'donchian' ? context.indicators.donchian(initial.channelLength) : null;
    const atr = context.indicators.atr(initial.atrLength);
    let previousFast: number | null = null;
    let previousSlow: number | null = null;
    let previousUpper: number | null = null;
    let previousLower: number | null = null;
    let reverseTo: OrderSide | null = null;

    /** The trend's direction now (+1 up, -1 down, 0 none) and whether it just turned. */
    const signal = (close: number): { readonly direction: number; readonly fresh: boolean } => {
      if (fast !== null && slow !== null) {
        const now = fast.value !== null && slow.value !== null ? Math.sign(fast.value - slow.value) : 0;
        const before = previousFast !== null && previousSlow !== null ? Math.sign(previousFast - previousSlow) : 0;
        return { direction: now, fresh: now !== 0 && before !== 0 && now !== before };
      }
      if (previousUpper === null || previousLower === null) return { direction: 0, fresh: false };
      if (close > previousUpper) return { direction: 1, fresh: true };
      if (close < previousLower) return { direction: -1, fresh: true };
      return { direction: 0, fresh: false };
    };

    const remember = (): void => {
      previousFast = fast?.value ?? null;
      previousSlow = slow?.value ?? null;
      previousUpper = channel?.value?.upper ?? null;
      previousLower = channel?.value?.lower ?? null;
    };

    const trail = (close: number, range: number): void => {
      const position = context.position().size;
      const stop = context.workingOrders().find((order) => order.type === 'stop' && order.side === (position > 0 ? 'sell' : 'buy'));
      if (stop === undefined || stop.stopTicks === null) return;
      const distance = Math.max(1, Math.round(context.parameters.trailAtr * range));
      const next = position > 0 ? close - distance : close + distance;
      if (position > 0 ? next > stop.stopTicks : next < stop.stopTicks)
        context.orders.moveStop(
          stop.id,
          next,
          `trail the stop to ${priceText(context.contract, next)} (${context.parameters.trailAtr} ATR behind ${priceText(context.contract, close)})`,
        );
    };

    return {
      onBar(bar) {
        const parameters = context.parameters;
        const range = atr.value;
        const { direction, fresh } = signal(bar.close);
        remember();
        if (range === null || context.orders.inFlight() > 0) return;
        const phase = sessionPhase(context, bar.time, parameters.barMinutes);
        const position = context.position().size;
        if (phase === 'exit') {
          reverseTo = null;
          if (position !== 0) context.orders.exit(`time exit at ${parameters.exitTime}`);
          return;
        }
        if (position !== 0) {
          if (fresh && direction === -Math.sign(position)) {
            reverseTo = direction > 0 ? 'buy' : 'sell';
            context.orders.exit(`exit ${position > 0 ? 'long' : 'short'}: the trend turned`);
            return;
          }
          trail(bar.close, range);
          return;
        }
        if (phase !== 'entries' || context.workingOrders().length > 0) return;
        const wanted: OrderSide | null =
          fresh && direction !== 0 ? (direction > 0 ? 'buy' : 'sell') : reverseTo !== null && direction === (reverseTo === 'buy' ? 1 : -1) ? reverseTo : null;
        reverseTo = null;
        if (wanted === null || (wanted === 'sell' && !parameters.allowShort)) return;
        const stopLossTicks = Math.max(2, Math.round(parameters.stopAtr * range));
        const takeProfitTicks = parameters.takeProfitAtr > 0 ? Math.max(2, Math.round(parameters.takeProfitAtr * range)) : undefined;
        context.orders.enter({
          side: wanted,
          size: parameters.contracts,
          type: 'market',
          stopLossTicks,
          ...(takeProfitTicks === undefined ? {} : { takeProfitTicks }),
          reason: `${wanted === 'buy' ? 'long' : 'short'}: ${parameters.mode === 'ma-cross' ? `EMA ${parameters.fastLength} crossed ${wanted === 'buy' ? 'above' : 'below'} EMA ${parameters.slowLength}` : `close ${priceText(context.contract, bar.close)} broke the ${parameters.channelLength}-bar channel`}`,
        });
      },
    };
  },
});
