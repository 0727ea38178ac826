import type { Cents } from '../../../../src-shared/domain/money';
import type { ProgramRuleView, RiskDistancesView, RiskProgramView } from '../../../../src-shared/domain/risk';
import type { RiskRuleHealth } from '../../../../src-shared/domain/risk';
import { formatChicagoClock } from '../../../../src-shared/exchange';
import { consistencyAllowance, nextScalingTier, type AccountProgramView } from '../../../../src-shared/programs';
import type { RiskSettings } from '../config/risk-settings';
import { accountContracts, formatContracts, unit } from '../rules/exposure';
import { dayNetCents, money } from '../rules/rule-helpers';
import { maxLossFloor } from '../rules/rule-014-max-loss-limit';
import { consistencyFigures } from '../rules/rule-015-consistency';
import type { AccountRiskState } from '../rules/rule-types';

/** The account's profit since its program's start (balance minus the starting balance), or null without a balance. */
function totalProfit(state: AccountRiskState, settings: RiskSettings): Cents | null {
  const program = settings.program;
  if (program === null || state.account === undefined) return null;
  return state.account.balanceCents - program.figures.startingBalanceCents;
}

function signed(cents: Cents): string {
  return cents > 0 ? `+${money(cents)}` : money(cents);
}

/** The distances of an account to each limit that can end its day or its account. */
export function buildDistances(state: AccountRiskState, settings: RiskSettings, now: number): RiskDistancesView {
  const floor = settings.maxLossLimit.enabled ? maxLossFloor(state, settings) : undefined;
  const daily = settings.dailyRealizedLoss;
  const program = settings.program;
  const profit = totalProfit(state, settings);
  const target = program?.figures.profitTargetCents ?? null;
  let allowance: Cents | null = null;
  const consistency = settings.consistency;
  if (consistency.enabled && consistency.targetCents !== null && profit !== null) {
    const { bestCents } = consistencyFigures(state);
    const figures = consistencyAllowance(consistency.maxBestDayShare, consistency.targetCents, bestCents, profit);
    if (figures.binds) allowance = figures.allowanceCents;
  }
  const scaling = program?.figures.scaling ?? null;
  const next = scaling === null || program === null ? null : nextScalingTier(scaling, program.endOfDayProfitCents);
  const session = settings.session.enabled ? state.session.state(now, 'equity') : undefined;
  return {
    floorCents: floor?.floorCents ?? null,
    toFloorCents: floor?.distanceCents ?? null,
    dailyLossLimitCents: daily.enabled ? daily.limitCents : null,
    toDailyLossCents: daily.enabled ? daily.limitCents + dayNetCents(state) : null,
    profitTargetCents: target,
    toProfitTargetCents: target === null || profit === null ? null : Math.max(0, target - profit),
    consistencyAllowanceCents: allowance,
    nextScaling: next === null ? null : { lots: next.lots, toProfitCents: next.distanceCents },
    flatAt: session?.tradable === true ? session.flattenAt : null,
  };
}

/** The account's program rules for the panel, apart from the personal rules. */
export function buildProgramView(program: AccountProgramView, state: AccountRiskState, settings: RiskSettings, distances: RiskDistancesView): RiskProgramView {
  const layer = settings.program;
  const floor = settings.maxLossLimit.trailing;
  if (layer === null) return { program, floor, rules: [] };
  const { figures } = layer;
  const rules: ProgramRuleView[] = [];
  if (figures.maxLossLimitCents !== null) {
    const buffer = settings.maxLossLimit.bufferCents;
    const distance = distances.toFloorCents;
    let health: RiskRuleHealth = 'ok';
    if (distance !== null) health = distance <= buffer ? 'breached' : distance <= 2 * buffer ? 'warning' : 'ok';
    rules.push({
      id: 'max-loss-limit',
      name: 'maximum loss limit',
      health,
      value: distances.floorCents === null ? 'unknown' : `floor ${money(distances.floorCents)}`,
      limit: `${distance === null ? '' : `${money(distance)} above it; `}trails the ${floor === 'intraday' ? 'highest intraday equity' : 'best close'} by ${money(settings.maxLossLimit.drawdownCents)}, stops at ${money(figures.startingBalanceCents)}`,
    });
  }
  if (layer.maxPosition !== null) {
    const held = accountContracts(state, settings);
    const limit = settings.maxContracts.limit;
    rules.push({
      id: 'max-position',
      name: 'maximum position',
      health: held > limit * unit ? 'breached' : 'ok',
      value: `${formatContracts(held)} of ${limit}`,
      limit: `${limit} contracts${figures.microWeight === null ? '' : `, ${Math.round(1 / figures.microWeight)} micros = 1 mini`}`,
    });
  }
  if (figures.scaling !== null) {
    rules.push({
      id: 'scaling',
      name: 'scaling plan',
      health: 'ok',
      value: `${layer.maxPosition ?? 0} lots at ${signed(layer.endOfDayProfitCents)}`,
      limit:
        distances.nextScaling === null ? 'top tier' : `${distances.nextScaling.lots} lots after ${money(distances.nextScaling.toProfitCents)} more at a close`,
    });
  }
  if (figures.flatBy !== null) {
    rules.push({
      id: 'flat-by',
      name: `flat by ${figures.flatBy.time} CT`,
      health: 'ok',
      value: distances.flatAt === null ? 'session closed' : `flattens at ${formatChicagoClock(distances.flatAt)} CT`,
      limit: `Topstep's close; the session reopens at 17:00 CT`,
    });
  }
  const profit = totalProfit(state, settings);
  if (figures.profitTargetCents !== null) {
    rules.push({
      id: 'profit-target',
      name: 'profit target',
      health: 'ok',
      value: profit === null ? 'unknown' : signed(profit),
      limit: money(figures.profitTargetCents),
    });
  }
  if (settings.consistency.enabled && settings.consistency.targetCents !== null) {
    const { bestCents } = consistencyFigures(state);
    const near = profit !== null && profit >= settings.consistency.warnFromShare * settings.consistency.targetCents;
    const share = settings.consistency.maxBestDayShare;
    rules.push({
      id: 'consistency',
      name: 'consistency',
      health: near && bestCents > share * Math.max(profit ?? 0, 0) ? 'warning' : 'ok',
      value: `best day ${money(bestCents)}`,
      limit: `at most ${Math.round(share * 100)}% of the profit${distances.consistencyAllowanceCents === null ? '' : `; today may make ${money(distances.consistencyAllowanceCents)}`}`,
    });
  }
  return { program, floor, rules };
}
