import type { BrokerLinkStatus } from '../../../src-shared/domain/connection';
import type { RiskHealth } from '../../../src-shared/domain/risk';

/** What the tray shows, worst last: the same states as the risk panel's health. */
export type TrayHealth = RiskHealth;

/** Every tray state from best to worst. */
export const trayHealthOrder: readonly TrayHealth[] = ['ok', 'warning', 'locked', 'disconnected', 'enforcement-failed'];

/** The facts the tray state is made of. */
export interface TrayInput {
  readonly connection: BrokerLinkStatus;
  /** Account-wide locks in force. */
  readonly locks: number;
  /** Rules near or past their limit, symbol locks, a frozen feed. */
  readonly warnings: number;
  /** An enforcement (flatten, cancel) that did not complete. */
  readonly enforcementFailed: boolean;
}

/**
 * The tray state of a set of facts. A failed enforcement is worst (positions may be unprotected),
 * then a broker link that is not live (nothing is watched), then a lock, then a warning.
 */
export function trayHealthOf(input: TrayInput): TrayHealth {
  if (input.enforcementFailed) return 'enforcement-failed';
  if (input.connection !== 'live') return 'disconnected';
  if (input.locks > 0) return 'locked';
  if (input.warnings > 0) return 'warning';
  return 'ok';
}

/** The worse of tray states; `ok` for none. */
export function worstHealth(states: Iterable<TrayHealth>): TrayHealth {
  let worst: TrayHealth = 'ok';
  for (const state of states) if (trayHealthOrder.indexOf(state) > trayHealthOrder.indexOf(worst)) worst = state;
  return worst;
}

/** The words for a tray state, in the tooltip and the menu. */
export const trayHealthLabels: Readonly<Record<TrayHealth, string>> = {
  ok: 'OK',
  warning: 'Warning',
  locked: 'Locked',
  disconnected: 'Disconnected',
  'enforcement-failed': 'ENFORCEMENT FAILED',
};
