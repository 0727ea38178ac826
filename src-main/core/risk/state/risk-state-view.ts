import type { RiskBreachView, RiskHealth, RiskLockView, RiskStateView } from '../../../../src-shared/domain/risk';
import type { RiskSettings } from '../config/risk-settings';
import { lockView, type RiskLock } from '../lockouts/risk-lock';
import { totalOpenCents } from '../rules/rule-helpers';
import { maxLossFloor } from '../rules/rule-014-max-loss-limit';
import { riskRules } from '../rules/rule-table';
import type { AccountBook } from './account-book';
import type { AccountProgramView } from '../../../../src-shared/programs';
import { buildDistances, buildProgramView } from '../program/program-view';

/** Everything besides the book that the panel shows. */
export interface StateViewParts {
  readonly book: AccountBook;
  /** The settings the rules use (personal with the program's rules on top). */
  readonly settings: RiskSettings;
  /** The trader's own settings: the personal rules are shown with these, apart from the program's. */
  readonly personal: RiskSettings;
  readonly program: AccountProgramView;
  readonly locks: readonly RiskLock[];
  readonly effectiveLock: RiskLock | undefined;
  readonly breaches: readonly RiskBreachView[];
  readonly inFlight: number;
  readonly failure: { readonly at: number; readonly message: string } | undefined;
  readonly frozen: string | null;
  readonly disconnected: string | null;
  readonly configLockedUntil: number | null;
  readonly now: number;
}

/** Builds the risk panel's view of one account: each rule's value against its limit, locks, breaches, heartbeat. */
export function buildStateView(parts: StateViewParts): RiskStateView {
  const { book, settings, now } = parts;
  const timeZone = settings.session.timeZone;
  const { personal } = parts;
  const rules = riskRules.map((rule) => ({ id: rule.id, name: rule.name, enabled: rule.enabled(personal), ...rule.status(book, personal, now) }));
  const distances = buildDistances(book, settings, now);
  const program = buildProgramView(parts.program, book, settings, distances);
  const locks: RiskLockView[] = parts.locks.map((lock) => lockView(lock, timeZone));
  const floor = settings.maxLossLimit.enabled ? (maxLossFloor(book, settings) ?? null) : null;
  const warnings: string[] = [];
  if (parts.frozen !== null) warnings.push(parts.frozen);
  if (parts.disconnected !== null) warnings.push(parts.disconnected);
  for (const rule of rules)
    if (rule.health === 'warning' || rule.health === 'breached') warnings.push(`RULE-${rule.id} ${rule.name}: ${rule.value} / ${rule.limit}`);
  for (const rule of program.rules)
    if (rule.health === 'warning' || rule.health === 'breached') warnings.push(`${parts.program.label} ${rule.name}: ${rule.value} / ${rule.limit}`);
  let health: RiskHealth = 'ok';
  if (parts.failure !== undefined) health = 'enforcement-failed';
  else if (parts.disconnected !== null) health = 'disconnected';
  else if (parts.effectiveLock !== undefined) health = 'locked';
  else if (warnings.length > 0) health = 'warning';
  return {
    accountId: book.accountId,
    accountName: book.account?.name ?? null,
    at: now,
    tradingDay: book.day.day,
    nextRollAt: book.nextRollAt,
    health,
    dayRealizedCents: book.day.realizedCents,
    dayFeesCents: book.day.feesCents,
    dayOpenCents: totalOpenCents(book),
    maxLossFloor: floor,
    rules,
    locks,
    effectiveLock: parts.effectiveLock === undefined ? null : lockView(parts.effectiveLock, timeZone),
    breaches: parts.breaches,
    heartbeat: { lastEventAt: book.lastEventAt, frozen: parts.frozen !== null, message: parts.frozen },
    enforcement: { inFlight: parts.inFlight, failure: parts.failure ?? null },
    warnings,
    configLockedUntil: parts.configLockedUntil,
    program,
    distances,
  };
}
