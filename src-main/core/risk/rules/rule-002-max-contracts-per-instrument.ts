import { symbolCap, symbolContracts } from './exposure';
import { eventContractId, offStatus, ruleLabel, usageStatus } from './rule-helpers';
import type { RiskAction, RiskRule } from './rule-types';

/** RULE-002: one symbol's size above its cap (unknown symbols: allow, block or a common cap). */
export const maxContractsPerInstrumentRule: RiskRule = {
  id: '002',
  name: 'max contracts per instrument',
  runsOn: ['position'],
  enabled: (settings) => settings.maxContractsPerInstrument.enabled,
  evaluate({ state, event, settings }) {
    const contractId = eventContractId(event);
    if (contractId === undefined) return undefined;
    const symbol = state.contract(contractId).symbol;
    const cap = symbolCap(settings, symbol);
    if (cap === undefined) return undefined;
    const size = symbolContracts(state, symbol);
    if (size <= cap) return undefined;
    const flatten = settings.maxContractsPerInstrument.action === 'flatten' || cap === 0;
    const actions: RiskAction[] = [];
    let excess = size - cap;
    // Every contract month of the root counts; the largest is cut first.
    const positions = [...state.positions.values()]
      .filter((position) => state.contract(position.contractId).symbol === symbol)
      .sort((a, b) => Math.abs(b.size) - Math.abs(a.size));
    for (const position of positions) {
      if (flatten) {
        actions.push({ kind: 'flatten', contractId: position.contractId, unlessProtected: false });
        continue;
      }
      if (excess <= 0) break;
      const lots = Math.min(Math.abs(position.size), excess);
      const targetSize = Math.abs(position.size) - lots;
      actions.push(
        targetSize === 0
          ? { kind: 'flatten', contractId: position.contractId, unlessProtected: false }
          : { kind: 'reduce', contractId: position.contractId, targetSize },
      );
      excess -= lots;
    }
    return {
      ruleId: '002',
      level: 'breach',
      message: `${ruleLabel('002')} ${symbol} size ${size} > cap ${cap}`,
      key: `002|${symbol}|${size}`,
      actions,
      lock: null,
    };
  },
  preTrade({ state, settings, pending, symbol }) {
    const cap = symbolCap(settings, symbol);
    if (cap === undefined) return undefined;
    const projected = symbolContracts(state, symbol, pending, true);
    return projected > cap
      ? `${ruleLabel('002')} ${symbol} cap: this order would bring ${symbol} to ${projected} (working orders included) > ${cap}`
      : undefined;
  },
  status(state, settings) {
    if (!settings.maxContractsPerInstrument.enabled) return offStatus;
    let worst: { symbol: string; size: number; cap: number } | undefined;
    const symbols = new Set([...state.positions.values()].map((position) => state.contract(position.contractId).symbol));
    for (const symbol of symbols) {
      const cap = symbolCap(settings, symbol);
      if (cap === undefined) continue;
      const size = symbolContracts(state, symbol);
      if (worst === undefined || size / Math.max(cap, 0.001) > worst.size / Math.max(worst.cap, 0.001)) worst = { symbol, size, cap };
    }
    if (worst === undefined)
      return usageStatus(
        'flat',
        [...settings.maxContractsPerInstrument.limits].map(([symbol, cap]) => `${symbol} ${cap}`).join(', ') || 'no caps',
        0,
        'exceed',
      );
    return usageStatus(`${worst.symbol} ${worst.size}`, `${worst.cap}`, worst.cap === 0 ? (worst.size > 0 ? 2 : 0) : worst.size / worst.cap, 'exceed');
  },
};
