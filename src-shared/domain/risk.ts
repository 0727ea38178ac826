import type { AccountId, EpochMs } from './ids';
import type { Cents } from './money';
import type { RiskConfigJson } from './risk-config';
import type { AccountProgramView, FloorMode } from '../programs';

/** The rules of docs/risk-rules.md §3, by id. */
export const riskRuleIds = ['001', '002', '003', '004', '005', '006', '007', '008', '009', '010', '011', '012', '013', '014', '015'] as const;
/** A rule id, e.g. `003` (shown as `RULE-003`). */
export type RiskRuleId = (typeof riskRuleIds)[number];
/** What set a lock or produced a breach: a rule, or `trader` for the trader's own lock for the day (`risk.lockForDay`). */
export type RiskSource = RiskRuleId | 'trader';

/** How a lock ends: at a time (hard or cooldown) or when a condition holds. */
export type RiskLockKind = 'hard' | 'cooldown' | 'condition';
/** The conditions a condition lock waits for. */
export type RiskLockCondition = 'trading-enabled' | 'symbol-unblocked';

/** A lock in force. `symbol` null means the whole account. */
export interface RiskLockView {
  readonly id: string;
  readonly accountId: AccountId;
  readonly symbol: string | null;
  readonly kind: RiskLockKind;
  readonly ruleId: RiskSource;
  /** The breach that set it, e.g. `RULE-003 daily realized loss -$850.00 <= -$800.00`. */
  readonly reason: string;
  readonly startedAt: EpochMs;
  /** Null for a condition lock. */
  readonly endsAt: EpochMs | null;
  readonly condition: RiskLockCondition | null;
  /** The sentence the gate answers with, e.g. `... : trading locked until 2026-11-18 17:00 CT`. */
  readonly denial: string;
}

/** How a rule stands now. */
export type RiskRuleHealth = 'off' | 'ok' | 'warning' | 'breached';

/** One rule's current value against its limit, for the risk panel. */
export interface RiskRuleStatusView {
  readonly id: RiskRuleId;
  readonly name: string;
  readonly enabled: boolean;
  readonly health: RiskRuleHealth;
  /** e.g. `-$412.00`. */
  readonly value: string;
  /** e.g. `-$800.00`. */
  readonly limit: string;
  /** How far along the way to the limit (1 = at it), null when it does not apply. */
  readonly usage: number | null;
}

/** A breach (or warning, or trade-management step) the rules produced. */
export interface RiskBreachView {
  readonly at: EpochMs;
  readonly ruleId: RiskSource;
  readonly level: 'breach' | 'warning' | 'automation';
  readonly message: string;
  readonly actions: readonly string[];
  /** How many times the same breach repeated since it was first recorded. */
  readonly repeats: number;
}

/** The worst state of an account, for the tray colour. */
export type RiskHealth = 'ok' | 'warning' | 'locked' | 'disconnected' | 'enforcement-failed';

/** One of the account's program rules (apart from the personal rules), e.g. the maximum loss limit. */
export interface ProgramRuleView {
  readonly id: 'max-loss-limit' | 'max-position' | 'flat-by' | 'profit-target' | 'consistency' | 'scaling';
  readonly name: string;
  readonly health: RiskRuleHealth;
  /** e.g. `$48,000.00`, `2 of 5 lots`. */
  readonly value: string;
  /** e.g. `floor (trails end-of-day, stops at $50,000.00)`. */
  readonly limit: string;
}

/** The account's program and its rules, as the risk panel shows them. */
export interface RiskProgramView {
  readonly program: AccountProgramView;
  /** How the maximum loss floor trails: the best end-of-day balance, or the highest intraday equity (the trader's choice). */
  readonly floor: FloorMode;
  /** Empty for a practice account (no program rules). */
  readonly rules: readonly ProgramRuleView[];
}

/**
 * How far the account is from each limit that can end its day or its account, in cents (null when
 * it does not apply): equity to the loss floor, the day's net to the daily loss limit, the total
 * profit to the profit target, what today may still make under the consistency rule (only once it
 * can bind), the next Express Funded scaling tier, and when the account must be flat.
 */
export interface RiskDistancesView {
  readonly floorCents: Cents | null;
  readonly toFloorCents: Cents | null;
  readonly dailyLossLimitCents: Cents | null;
  readonly toDailyLossCents: Cents | null;
  readonly profitTargetCents: Cents | null;
  readonly toProfitTargetCents: Cents | null;
  readonly consistencyAllowanceCents: Cents | null;
  readonly nextScaling: { readonly lots: number; readonly toProfitCents: Cents } | null;
  /** Epoch ms when positions are flattened (15:10 CT minus the margin), while the session is open. */
  readonly flatAt: EpochMs | null;
}

/** Everything the risk panel and the tray show for one account. */
export interface RiskStateView {
  readonly accountId: AccountId;
  readonly accountName: string | null;
  /** Epoch ms when the view was built. */
  readonly at: EpochMs;
  readonly tradingDay: string;
  readonly nextRollAt: EpochMs;
  readonly health: RiskHealth;
  readonly dayRealizedCents: Cents;
  readonly dayFeesCents: Cents;
  readonly dayOpenCents: Cents;
  /** The max-loss floor (rule 014), when enabled. */
  readonly maxLossFloor: { readonly floorCents: Cents; readonly equityCents: Cents; readonly distanceCents: Cents } | null;
  readonly rules: readonly RiskRuleStatusView[];
  readonly locks: readonly RiskLockView[];
  /** The most restrictive account-wide lock in force, if any. */
  readonly effectiveLock: RiskLockView | null;
  /** Newest first. */
  readonly breaches: readonly RiskBreachView[];
  readonly heartbeat: { readonly lastEventAt: EpochMs | null; readonly frozen: boolean; readonly message: string | null };
  readonly enforcement: { readonly inFlight: number; readonly failure: { readonly at: EpochMs; readonly message: string } | null };
  readonly warnings: readonly string[];
  readonly configLockedUntil: EpochMs | null;
  /** The account's program and its rules. */
  readonly program: RiskProgramView;
  readonly distances: RiskDistancesView;
}

/** An account's configuration and its lock-in. */
export interface RiskConfigView {
  readonly accountId: AccountId;
  readonly config: RiskConfigJson;
  /** While set, limits may only be made stricter. */
  readonly lockedUntil: EpochMs | null;
}

/** One audit row of the risk manager. */
export interface RiskAuditEntryView {
  readonly id: number;
  readonly at: EpochMs;
  readonly accountId: AccountId | null;
  readonly action: string;
  readonly actor: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** A page of risk audit rows, newest first; `nextBefore` is the cursor of the next page. */
export interface RiskAuditPage {
  readonly entries: readonly RiskAuditEntryView[];
  readonly nextBefore: number | null;
}

/** The export file: one account's configuration in its JSON form. */
export interface RiskConfigExport {
  readonly accountId: AccountId;
  readonly exportedAt: EpochMs;
  readonly config: RiskConfigJson;
}
