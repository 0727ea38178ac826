import type { ContractId } from '../../../../src-shared/domain/ids';
import type { Cents } from '../../../../src-shared/domain/money';
import type { RiskSource } from '../../../../src-shared/domain/risk';
import type { OrderView, PositionView } from '../../../../src-shared/domain/trading';
import { openProfit, type OpenProfit } from '../../positions/profit-and-loss';
import type { AccountRiskState, RiskEvent, RuleStatus } from './rule-types';

/** `RULE-003`, or `TRADER-LOCK` for the trader's own lock. */
export function ruleLabel(id: RiskSource): string {
  return id === 'trader' ? 'TRADER-LOCK' : `RULE-${id}`;
}

/** Cents as `-$1,850.00` (the shared formatter's output, without its locale machinery: this runs per event). */
export function money(cents: Cents): string {
  const absolute = Math.abs(Math.round(cents));
  const dollars = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = absolute % 100;
  return `${cents < 0 ? '-' : ''}$${dollars}.${rest < 10 ? '0' : ''}${rest}`;
}

/** A disabled rule's status. */
export const offStatus: RuleStatus = { health: 'off', value: '-', limit: 'off', usage: null };

/**
 * A status whose health follows how far along the way to the limit it is: warning from 80%,
 * breached at the limit. A cap (`exceed`) is breached only above it and has no warning: holding
 * the allowed size is normal, not a reason to turn the tray amber.
 */
export function usageStatus(value: string, limit: string, usage: number | null, mode: 'reach' | 'exceed' = 'reach'): RuleStatus {
  let health: RuleStatus['health'] = 'ok';
  if (usage !== null && mode === 'reach') health = usage >= 1 ? 'breached' : usage >= 0.8 ? 'warning' : 'ok';
  if (usage !== null && mode === 'exceed' && usage > 1) health = 'breached';
  return { health, value, limit, usage: usage === null ? null : Math.round(usage * 1000) / 1000 };
}

/** Open P&L of one position at the last price, or undefined while its contract data is unknown. */
export function positionOpen(state: AccountRiskState, position: PositionView): OpenProfit | undefined {
  const view = state.contract(position.contractId).view;
  if (view === undefined) return undefined;
  return openProfit(position, view, state.quote(position.contractId));
}

/** Open P&L of every position of the account (positions without contract data count 0). */
export function totalOpenCents(state: AccountRiskState): Cents {
  let total = 0;
  for (const position of state.positions.values()) total += positionOpen(state, position)?.cents ?? 0;
  return total;
}

/** The day's realized P&L net of fees. */
export function dayNetCents(state: AccountRiskState): Cents {
  return state.day.realizedCents - state.day.feesCents;
}

/** True for a working order that protects a position: a stop-type order on the closing side. */
export function isProtectiveStop(order: OrderView, position: PositionView): boolean {
  if (order.contractId !== position.contractId) return false;
  if (order.type !== 'stop' && order.type !== 'stop-limit' && order.type !== 'trailing-stop') return false;
  return position.size > 0 ? order.side === 'sell' : order.side === 'buy';
}

/** The protective stops of a position among the account's working orders. */
export function protectiveStops(state: AccountRiskState, position: PositionView): OrderView[] {
  const stops: OrderView[] = [];
  for (const order of state.workingOrders.values()) if (isProtectiveStop(order, position)) stops.push(order);
  return stops;
}

/** The contract an event concerns, if it concerns one. */
export function eventContractId(event: RiskEvent): ContractId | undefined {
  switch (event.kind) {
    case 'position':
      return event.position.contractId;
    case 'order':
      return event.order.contractId;
    case 'quote':
      return event.quote.contractId;
    case 'trade':
      return event.fill.contractId;
    case 'clock':
      return event.contractId ?? undefined;
    default:
      return undefined;
  }
}
