import type { Cents } from '../../../../src-shared/domain/money';
import { maxLossFloorCents } from '../../../../src-shared/programs';
import type { RiskSettings } from '../config/risk-settings';
import { money, offStatus, ruleLabel, totalOpenCents, usageStatus } from './rule-helpers';
import type { AccountRiskState, RiskRule } from './rule-types';

/** The account's equity now: its balance plus the open P&L of its positions, or undefined before its balance is known. */
export function accountEquity(state: AccountRiskState): Cents | undefined {
  return state.account === undefined ? undefined : state.account.balanceCents + totalOpenCents(state);
}

/**
 * The account's trailing floor and where its equity stands, or undefined before its balance is
 * known. The floor trails the best end-of-day balance (`eod`), or the highest equity the risk
 * manager recorded (`intraday`, see AccountLedger.updateEquity), and stops at the starting balance.
 */
export function maxLossFloor(state: AccountRiskState, settings: RiskSettings): { floorCents: Cents; equityCents: Cents; distanceCents: Cents } | undefined {
  const equityCents = accountEquity(state);
  if (equityCents === undefined) return undefined;
  const config = settings.maxLossLimit;
  const { history } = state;
  const highs = [history.peakEquityCents, history.dayHighEquityCents].filter((cents): cents is Cents => cents !== null);
  const floorCents = maxLossFloorCents(config.trailing, config.startingBalanceCents, config.drawdownCents, {
    endOfDayCents: history.peakEndOfDayCents,
    equityCents: highs.length === 0 ? null : Math.max(...highs),
  });
  return { floorCents, equityCents, distanceCents: equityCents - floorCents };
}

/**
 * RULE-014: balance + open P&L at or below the trailing max-loss floor plus a buffer: flatten all,
 * cancel all, lock until the roll. Within twice the buffer it is a warning.
 */
export const maxLossLimitRule: RiskRule = {
  id: '014',
  name: 'max loss limit guard',
  runsOn: ['account', 'position', 'quote'],
  enabled: (settings) => settings.maxLossLimit.enabled,
  evaluate({ state, settings }) {
    const floor = maxLossFloor(state, settings);
    if (floor === undefined) return undefined;
    const buffer = settings.maxLossLimit.bufferCents;
    if (floor.distanceCents > 2 * buffer) return undefined;
    const where = `equity ${money(floor.equityCents)} vs floor ${money(floor.floorCents)}`;
    if (floor.distanceCents > buffer) {
      return {
        ruleId: '014',
        level: 'warning',
        message: `${ruleLabel('014')} ${where}: within ${money(2 * buffer)} of the max loss floor`,
        key: `014|warning|${state.day.day}`,
        actions: [],
        lock: null,
      };
    }
    const message = `${ruleLabel('014')} ${where} <= floor + ${money(buffer)} buffer`;
    return {
      ruleId: '014',
      level: 'breach',
      message,
      key: `014|${state.day.day}`,
      actions: [{ kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }],
      lock: { symbol: null, kind: 'hard', ruleId: '014', reason: message, endsAt: state.nextRollAt, condition: null, dayScoped: true },
    };
  },
  preTrade({ state, settings, order, stopLossTicks }) {
    // The floor check: an order whose stop, if hit, would take equity below the floor is refused.
    if (!settings.floorCheck.enabled || stopLossTicks === undefined) return undefined;
    const floor = maxLossFloor(state, settings);
    const tickValue = state.contract(order.contractId).view?.tickValueCents;
    if (floor === undefined || tickValue === undefined) return undefined;
    // Only the lots the order opens are at the stop's risk: a reverse first closes the position.
    const position = state.positions.get(order.contractId)?.size ?? 0;
    const closes = position !== 0 && position > 0 !== (order.side === 'buy') ? Math.min(order.size, Math.abs(position)) : 0;
    const lots = order.size - closes;
    if (lots <= 0) return undefined;
    const lossCents = lots * stopLossTicks * tickValue;
    const after = floor.equityCents - lossCents;
    if (after >= floor.floorCents) return undefined;
    return `${ruleLabel('014')} max loss floor ${money(floor.floorCents)}: if this order's stop (${stopLossTicks} ticks x ${lots}, ${money(-lossCents)}) is hit, equity ${money(floor.equityCents)} falls to ${money(after)}, below the floor`;
  },
  status(state, settings) {
    if (!settings.maxLossLimit.enabled) return offStatus;
    const floor = maxLossFloor(state, settings);
    if (floor === undefined) return usageStatus('unknown', '-', null);
    const buffer = settings.maxLossLimit.bufferCents;
    const health = floor.distanceCents <= buffer ? 'breached' : floor.distanceCents <= 2 * buffer ? 'warning' : 'ok';
    const status = usageStatus(`${money(floor.distanceCents)} above the floor`, `floor ${money(floor.floorCents)} + ${money(buffer)}`, null);
    return { ...status, health };
  },
};
