import { maxContractsRule } from './rule-001-max-contracts';
import { maxContractsPerInstrumentRule } from './rule-002-max-contracts-per-instrument';
import { dailyRealizedLossRule } from './rule-003-daily-realized-loss';
import { dailyUnrealizedLossRule } from './rule-004-daily-unrealized-loss';
import { maxUnrealizedProfitRule } from './rule-005-max-unrealized-profit';
import { tradeFrequencyRule } from './rule-006-trade-frequency';
import { cooldownAfterLossRule } from './rule-007-cooldown-after-loss';
import { noStopLossGraceRule } from './rule-008-no-stop-loss-grace';
import { sessionBlockRule } from './rule-009-session-block';
import { tradingDisabledGuardRule } from './rule-010-trading-disabled-guard';
import { symbolBlocksRule } from './rule-011-symbol-blocks';
import { tradeManagementRule } from './rule-012-trade-management';
import { dailyRealizedProfitRule } from './rule-013-daily-realized-profit';
import { maxLossLimitRule } from './rule-014-max-loss-limit';
import { consistencyRule } from './rule-015-consistency';
import type { RiskEventKind, RiskRule } from './rule-types';

/** Every rule, in id order (the order they run and report in). */
export const riskRules: readonly RiskRule[] = [
  maxContractsRule,
  maxContractsPerInstrumentRule,
  dailyRealizedLossRule,
  dailyUnrealizedLossRule,
  maxUnrealizedProfitRule,
  tradeFrequencyRule,
  cooldownAfterLossRule,
  noStopLossGraceRule,
  sessionBlockRule,
  tradingDisabledGuardRule,
  symbolBlocksRule,
  tradeManagementRule,
  dailyRealizedProfitRule,
  maxLossLimitRule,
  consistencyRule,
];

const kinds: readonly RiskEventKind[] = ['account', 'order', 'position', 'trade', 'quote', 'clock', 'day-roll'];

/** The rules routed to each event kind (docs/risk-rules.md §3, "Runs on"), in id order. */
export const rulesByEvent: ReadonlyMap<RiskEventKind, readonly RiskRule[]> = new Map(
  kinds.map((kind) => [kind, riskRules.filter((rule) => rule.runsOn.includes(kind))]),
);
