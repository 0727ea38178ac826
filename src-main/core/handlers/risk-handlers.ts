import { fail, ok } from '../../../src-shared/result';
import type { ContractHandlers } from '../contract-dispatcher';
import type { OrderService } from '../orders/order-service';
import type { RiskManager } from '../risk/risk-manager';

/** The risk channels; the account defaults to the selected one. */
export type RiskChannel =
  | 'risk.state'
  | 'risk.config.get'
  | 'risk.config.set'
  | 'risk.config.export'
  | 'risk.config.import'
  | 'risk.presets.apply'
  | 'risk.lockIn'
  | 'risk.lockForDay'
  | 'risk.program.set'
  | 'risk.audit';

/** The risk panel, configuration, lock-in, the trader's lock for the day and the audit log. Changes are audited with the actor `trader`. */
export function createRiskHandlers(risk: RiskManager, orders: OrderService, clock: { now(): number }): Pick<ContractHandlers, RiskChannel> {
  return {
    'risk.state': (request) => {
      const accountId = orders.account(request.accountId);
      if (!accountId.ok) return accountId;
      const state = risk.state(accountId.value);
      return state === undefined ? fail('not-found', `account ${accountId.value} is not known to the risk manager`, 'accountId') : ok(state);
    },
    'risk.config.get': (request) => {
      const accountId = orders.account(request.accountId);
      return accountId.ok ? ok(risk.config.view(accountId.value)) : accountId;
    },
    'risk.config.set': (request) => {
      const accountId = orders.account(request.accountId);
      return accountId.ok ? risk.config.set(accountId.value, request.config, 'trader') : accountId;
    },
    'risk.config.export': (request) => {
      const accountId = orders.account(request.accountId);
      if (!accountId.ok) return accountId;
      return ok({ accountId: accountId.value, exportedAt: clock.now(), config: risk.config.view(accountId.value).config });
    },
    'risk.config.import': (request) => {
      const accountId = orders.account(request.accountId);
      return accountId.ok ? risk.config.import(accountId.value, request.config, 'trader') : accountId;
    },
    'risk.presets.apply': (request) => {
      const accountId = orders.account(request.accountId);
      return accountId.ok ? risk.config.applyPreset(accountId.value, request.preset, 'trader') : accountId;
    },
    'risk.lockIn': (request) => {
      const accountId = orders.account(request.accountId);
      return accountId.ok ? risk.config.lockIn(accountId.value, 'trader') : accountId;
    },
    'risk.program.set': (request) => {
      const accountId = orders.account(request.accountId);
      if (!accountId.ok) return accountId;
      if (request.program === undefined && request.floor === undefined)
        return fail('invalid-request', 'give the program, the floor mode (eod or intraday) or both', 'program');
      if (request.program === undefined && request.size !== null) return fail('invalid-request', 'a size needs its program', 'size');
      const choice = request.program === undefined || request.program === null ? request.program : { kind: request.program, size: request.size };
      return risk.setProgram(accountId.value, choice, 'trader', request.floor);
    },
    'risk.lockForDay': (request) => {
      const accountId = orders.account(request.accountId);
      if (!accountId.ok) return accountId;
      const state = risk.lockForDay(accountId.value);
      return state === undefined ? fail('not-found', `account ${accountId.value} is not known to the risk manager`, 'accountId') : ok(state);
    },
    'risk.audit': (request) => {
      const accountId = request.accountId === undefined ? null : orders.account(request.accountId);
      if (accountId !== null && !accountId.ok) return accountId;
      return ok(risk.audit(accountId === null ? null : accountId.value, request.before ?? null, request.limit));
    },
  };
}
