import type { Cents } from '../../../../src-shared/domain/money';
import { clockMinutes } from '../../../../src-shared/exchange';
import { programFigures, scalingLots, type ProgramFigures } from '../../../../src-shared/programs';
import type { RiskSettings } from '../config/risk-settings';

const day = 1440;

/** How close to the profit target (share of it) the consistency rule starts to warn. */
export const consistencyWarnFromShare = 0.8;

/** True when the session window [open, close) of `inner` lies inside that of `outer` (windows may cross midnight). */
function windowInside(outer: RiskSettings['session'], inner: { openMinutes: number; closeMinutes: number }): boolean {
  const outerLength = (outer.closeMinutes - outer.openMinutes + day) % day;
  const innerOffset = (inner.openMinutes - outer.openMinutes + day) % day;
  const innerLength = (inner.closeMinutes - inner.openMinutes + day) % day;
  return innerOffset + innerLength <= outerLength;
}

/** The maximum position of a program now: the Express Funded scaling tier at the last close, else the program's figure. */
export function programMaxPosition(figures: ProgramFigures, endOfDayProfitCents: Cents): number | null {
  if (figures.scaling !== null) return scalingLots(figures.scaling, endOfDayProfitCents);
  return figures.maxPosition;
}

/** The profit the consistency rule of a program is checked at: a combine's target; an Express Funded account's payout (taken as its size's combine target). */
export function consistencyTarget(figures: ProgramFigures): Cents | null {
  if (figures.consistencyShare === null) return null;
  return figures.profitTargetCents ?? programFigures('combine', figures.size)?.profitTargetCents ?? null;
}

/**
 * The settings the rules and the gate use for an account: its personal settings with its program's
 * rules on top (risk-rules issue 15). Each program rule is on from first sight and the personal
 * figure can only tighten it: the stricter of the two wins. The maximum position counts every
 * product absolutely (gross), micros at the program's weight; the floor is the program's trailing
 * maximum loss limit (a personal drawdown only lowers it); flat by the program's time; consistency
 * checked at the program's target. Without a program (practice) the personal settings stand alone.
 */
export function withProgram(personal: RiskSettings, figures: ProgramFigures | null, endOfDayProfitCents: Cents): RiskSettings {
  if (figures === null) return personal;
  const maxPosition = programMaxPosition(figures, endOfDayProfitCents);
  let maxContracts = personal.maxContracts;
  if (maxPosition !== null) {
    const own = personal.maxContracts;
    maxContracts = {
      enabled: true,
      limit: own.enabled ? Math.min(own.limit, maxPosition) : maxPosition,
      count: 'gross',
      microWeight: Math.max(own.enabled ? own.microWeight : 0, figures.microWeight ?? 1),
      action: own.enabled ? own.action : 'reduce',
    };
  }
  let session = personal.session;
  if (figures.flatBy !== null) {
    const programSession = { ...personal.session, enabled: true, closeMinutes: clockMinutes(figures.flatBy.time), timeZone: figures.flatBy.timezone };
    const ownInside = personal.session.enabled && personal.session.timeZone === figures.flatBy.timezone && windowInside(programSession, personal.session);
    session = ownInside ? personal.session : { ...programSession, flattenMarginMs: Math.max(personal.session.flattenMarginMs, programSession.flattenMarginMs) };
  }
  let maxLossLimit = personal.maxLossLimit;
  if (figures.maxLossLimitCents !== null) {
    const own = personal.maxLossLimit;
    const sameStart = own.enabled && own.startingBalanceCents === figures.startingBalanceCents;
    maxLossLimit = {
      enabled: true,
      startingBalanceCents: figures.startingBalanceCents,
      drawdownCents: sameStart ? Math.min(own.drawdownCents, figures.maxLossLimitCents) : figures.maxLossLimitCents,
      bufferCents: own.bufferCents,
      source: 'program',
      trailing: own.trailing,
    };
  }
  let consistency = personal.consistency;
  const target = consistencyTarget(figures);
  if (figures.consistencyShare !== null && target !== null) {
    const own = personal.consistency;
    consistency = {
      enabled: true,
      maxBestDayShare: own.enabled ? Math.min(own.maxBestDayShare, figures.consistencyShare) : figures.consistencyShare,
      targetCents: target,
      warnFromShare: consistencyWarnFromShare,
    };
  }
  return { ...personal, maxContracts, session, maxLossLimit, consistency, program: { figures, maxPosition, endOfDayProfitCents } };
}
