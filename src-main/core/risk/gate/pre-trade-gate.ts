import type { AccountId } from '../../../../src-shared/domain/ids';
import type { ContractView } from '../../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../../src-shared/result';
import type { Clock } from '../../clock';
import type { PreTradeGate } from '../../orders/order-service';
import type { BrokerOrderRequest } from '../../ports/broker-port';
import type { RiskSettings } from '../config/risk-settings';
import type { LockoutBook } from '../lockouts/lockout-book';
import { lockDenial } from '../lockouts/risk-lock';
import type { ProspectiveOrder } from '../rules/exposure';
import { riskRules } from '../rules/rule-table';
import type { AccountRiskState } from '../rules/rule-types';
import type { OrderThrottle } from './order-throttle';

/** What the gate reads. */
export interface PreTradeGateDependencies {
  readonly clock: Clock;
  readonly locks: LockoutBook;
  readonly throttle: OrderThrottle;
  /** The risk state of an account (the gate also makes the contract known to it). */
  readonly state: (accountId: AccountId, contract: ContractView) => AccountRiskState;
  readonly settings: (accountId: AccountId) => RiskSettings;
  /** True once the broker reported the order carrying a client tag (in any state). */
  readonly orderSeen: (accountId: AccountId, customTag: string) => boolean;
}

/** How long an order let through counts as working before the broker reports it (or after it was rejected). */
export const unconfirmedOrderMs = 5000;

interface Unconfirmed {
  readonly order: ProspectiveOrder;
  readonly customTag: string;
  readonly at: number;
}

function denied(message: string): Result<void> {
  return fail('risk-denied', message);
}

/**
 * True when the order closes part or all of the position: opposite side, at most its size. Working
 * bracket orders are not counted against it: a trader must be able to close a bracketed position
 * while locked, and anything a leftover bracket opens later is new exposure the pipeline flattens.
 */
export function onlyReduces(state: AccountRiskState, order: ProspectiveOrder): boolean {
  const position = state.positions.get(order.contractId);
  if (position === undefined || position.size > 0 === (order.side === 'buy')) return false;
  return order.size <= Math.abs(position.size);
}

/**
 * The pre-trade gate: every order from any source passes it before the broker. Denies (as typed
 * `risk-denied` results naming the rule) while a lock covers the account or symbol, when a rule's
 * own pre-trade verdict refuses it (a blocked symbol, a closed session, exposure past rules 001/002
 * counting working orders of the same side), or past the order-rate throttle. Malformed sizes and prices are `invalid-request`. An order that
 * only reduces a position is never denied for risk.
 */
export function createPreTradeGate(dependencies: PreTradeGateDependencies): PreTradeGate {
  // Orders let through that the broker has not reported yet still count against 001/002:
  // two market orders sent back to back must not both pass a cap of one.
  const unconfirmed = new Map<AccountId, Unconfirmed[]>();
  const stillUnconfirmed = (accountId: AccountId, now: number): Unconfirmed[] => {
    const kept = (unconfirmed.get(accountId) ?? []).filter(
      (entry) => now - entry.at < unconfirmedOrderMs && !dependencies.orderSeen(accountId, entry.customTag),
    );
    unconfirmed.set(accountId, kept);
    return kept;
  };
  return (request: BrokerOrderRequest, contract: ContractView, replaces?: string, plannedStopTicks?: number): Result<void> => {
    // The order this one replaces was refused by the broker: it no longer counts as working.
    if (replaces !== undefined)
      unconfirmed.set(
        request.accountId,
        (unconfirmed.get(request.accountId) ?? []).filter((entry) => entry.customTag !== replaces),
      );
    if (!Number.isSafeInteger(request.size) || request.size <= 0) return fail('invalid-request', `size ${request.size} is not a positive whole number`, 'size');
    for (const [field, ticks] of [
      ['limitPrice', request.limitTicks],
      ['stopPrice', request.stopTicks],
    ] as const) {
      if (ticks !== undefined && !Number.isSafeInteger(ticks))
        return fail('invalid-request', `${field} is not on ${contract.name}'s tick grid of ${contract.tickSize}`, field);
    }
    const { clock, locks } = dependencies;
    const now = clock.now();
    const state = dependencies.state(request.accountId, contract);
    const settings = dependencies.settings(request.accountId);
    const order: ProspectiveOrder = { contractId: request.contractId, side: request.side, size: request.size };
    if (onlyReduces(state, order)) return ok(undefined);
    const symbol = state.contract(request.contractId).symbol;

    const lock = locks.effective(request.accountId, symbol);
    if (lock !== undefined) return denied(lockDenial(lock, settings.session.timeZone));
    // Each rule that guards entry judges the order in its own file, in rule order.
    const pending = [...stillUnconfirmed(request.accountId, now).map((entry) => entry.order), order];
    for (const rule of riskRules) {
      if (rule.preTrade === undefined || !rule.enabled(settings)) continue;
      const stopLossTicks = request.stopLossTicks ?? plannedStopTicks;
      const denial = rule.preTrade({ state, settings, order, pending, symbol, now, ...(stopLossTicks === undefined ? {} : { stopLossTicks }) });
      if (denial !== undefined) return denied(denial);
    }
    if (dependencies.throttle.wouldExceed(request.accountId, now, settings.orderThrottlePerSecond)) {
      return denied(`order throttle: more than ${settings.orderThrottlePerSecond} orders in one second on this account`);
    }
    dependencies.throttle.record(request.accountId, now);
    unconfirmed.set(request.accountId, [...stillUnconfirmed(request.accountId, now), { order, customTag: request.customTag, at: now }]);
    return ok(undefined);
  };
}
