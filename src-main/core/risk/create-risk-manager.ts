import { RiskManager } from './risk-manager';
import type { RiskManagerDependencies } from './risk-manager-dependencies';

/**
 * Builds the risk manager and installs its pre-trade gate on the order service. Call `start()`
 * before the trading core starts, so it sees the first reconciliation, and `stop()` on dispose.
 */
export function createRiskManager(dependencies: RiskManagerDependencies): RiskManager {
  const manager = new RiskManager(dependencies);
  dependencies.orders.setGate(manager.gate);
  return manager;
}
