import type { RiskLockView, RiskStateView } from '../../../src-shared/domain/risk';
import type { AccountSummary } from '../../../src-shared/domain/summaries';
import { detectProgram } from '../../../src-shared/programs';

/** The instant the fixtures are built at: Wednesday 2026-11-18 10:00 CT. */
export const fixtureNow = Date.UTC(2026, 10, 18, 16, 0);
const now = fixtureNow;

/** An account summary with a day P&L. */
export function summary(id: number, name: string, netCents: number): AccountSummary {
  return {
    account: { id, name, balanceCents: 5_000_000, canTrade: true, isVisible: true, simulated: true },
    tradingDay: '2026-11-18',
    realizedCents: netCents,
    feesCents: 0,
    openCents: 0,
    netCents,
    fills: 0,
    selected: false,
    program: detectProgram(name, 5_000_000),
  };
}

/** A risk view with what the tray reads. */
export function riskView(accountId: number, changes: Partial<RiskStateView> = {}): RiskStateView {
  return {
    accountId,
    accountName: `acct-${accountId}`,
    at: now,
    tradingDay: '2026-11-18',
    nextRollAt: now + 3_600_000,
    health: 'ok',
    dayRealizedCents: 0,
    dayFeesCents: 0,
    dayOpenCents: 0,
    maxLossFloor: null,
    rules: [],
    locks: [],
    effectiveLock: null,
    breaches: [],
    heartbeat: { lastEventAt: now, frozen: false, message: null },
    enforcement: { inFlight: 0, failure: null },
    warnings: [],
    configLockedUntil: null,
    program: { program: detectProgram(`acct-${accountId}`, 5_000_000), floor: 'eod', rules: [] },
    distances: {
      floorCents: null,
      toFloorCents: null,
      dailyLossLimitCents: null,
      toDailyLossCents: null,
      profitTargetCents: null,
      toProfitTargetCents: null,
      consistencyAllowanceCents: null,
      nextScaling: null,
      flatAt: null,
    },
    ...changes,
  };
}

/** A hard lock of an account (symbol null) or of a symbol. */
export function lock(accountId: number, endsAt: number | null, symbol: string | null = null): RiskLockView {
  return {
    id: `l-${accountId}-${symbol ?? ''}`,
    accountId,
    symbol,
    kind: endsAt === null ? 'condition' : 'hard',
    ruleId: '003',
    reason: 'RULE-003 daily realized loss',
    startedAt: now,
    endsAt,
    condition: endsAt === null ? 'trading-enabled' : null,
    denial: 'locked',
  };
}
