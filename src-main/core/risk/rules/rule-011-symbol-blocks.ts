import type { ContractId } from '../../../../src-shared/domain/ids';
import { eventContractId, offStatus, ruleLabel, usageStatus } from './rule-helpers';
import type { AccountRiskState, RiskRule } from './rule-types';

/** True when the contract's root is in the configured blocks. */
export function isBlocked(state: AccountRiskState, blocked: ReadonlySet<string>, contractId: ContractId): boolean {
  return blocked.has(state.contract(contractId).symbol);
}

/**
 * RULE-011: a position or working order in a blocked root (e.g. RTY): flatten that contract, cancel
 * its orders, and lock the symbol for as long as the block is configured.
 */
export const symbolBlocksRule: RiskRule = {
  id: '011',
  name: 'symbol blocks',
  runsOn: ['position', 'order'],
  enabled: (settings) => settings.symbolBlocks.enabled && settings.symbolBlocks.symbols.size > 0,
  evaluate({ state, event, settings }) {
    const contractId = eventContractId(event);
    if (contractId === undefined || !isBlocked(state, settings.symbolBlocks.symbols, contractId)) return undefined;
    const hasPosition = state.positions.has(contractId);
    const hasOrders = [...state.workingOrders.values()].some((order) => order.contractId === contractId);
    if (!hasPosition && !hasOrders) return undefined;
    const symbol = state.contract(contractId).symbol;
    const message = `${ruleLabel('011')} ${symbol} is blocked`;
    return {
      ruleId: '011',
      level: 'breach',
      message,
      key: `011|${contractId}`,
      actions: hasPosition ? [{ kind: 'flatten', contractId, unlessProtected: false }] : [{ kind: 'cancel-all', contractId }],
      lock: { symbol, kind: 'condition', ruleId: '011', reason: message, endsAt: null, condition: 'symbol-unblocked', dayScoped: false },
    };
  },
  preTrade({ settings, symbol }) {
    return settings.symbolBlocks.symbols.has(symbol) ? `${ruleLabel('011')} ${symbol} is blocked` : undefined;
  },
  status(state, settings) {
    const config = settings.symbolBlocks;
    if (!config.enabled) return offStatus;
    const held = [...state.positions.keys()]
      .filter((contractId) => isBlocked(state, config.symbols, contractId))
      .map((contractId) => state.contract(contractId).symbol);
    return usageStatus(held.length === 0 ? 'none held' : held.join(', '), [...config.symbols].join(', ') || 'none', held.length > 0 ? 1 : 0);
  },
};
