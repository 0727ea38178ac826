import { offStatus, ruleLabel, usageStatus } from './rule-helpers';
import type { AccountRiskState, Breach, RiskRule } from './rule-types';

const minute = 60_000;
const hour = 3_600_000;

/** The index of the first time above `bound` in ascending times. */
function firstAbove(times: readonly number[], bound: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((times[middle] ?? 0) > bound) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Fills with a time in (reference - window, reference] (the times are sorted: two binary searches). */
export function fillsWithin(state: AccountRiskState, reference: number, window: number): number {
  const times = state.day.recentFillTimes;
  return firstAbove(times, reference) - firstAbove(times, reference - window);
}

/**
 * RULE-006: too many fills in the last minute, hour or session: a cooldown (60 s / 30 min / until
 * the roll); the longest that applies wins. No flatten. A fill seen only at reconciliation counts
 * from its own time, and a cooldown that would already be over is not set.
 */
export const tradeFrequencyRule: RiskRule = {
  id: '006',
  name: 'trade frequency',
  runsOn: ['trade'],
  enabled: (settings) => settings.tradeFrequency.enabled,
  evaluate({ state, event, settings, now }) {
    if (event.kind !== 'trade') return undefined;
    const config = settings.tradeFrequency;
    const reference = event.replay ? event.fill.time : now;
    const candidates: { endsAt: number; what: string; dayScoped: boolean }[] = [];
    const lastMinute = fillsWithin(state, reference, minute);
    const lastHour = fillsWithin(state, reference, hour);
    if (lastMinute > config.perMinute)
      candidates.push({ endsAt: reference + config.minuteCooldownMs, what: `${lastMinute} fills in 60 s > ${config.perMinute}`, dayScoped: false });
    if (lastHour > config.perHour)
      candidates.push({ endsAt: reference + config.hourCooldownMs, what: `${lastHour} fills in 60 min > ${config.perHour}`, dayScoped: false });
    if (state.day.fills > config.perSession)
      candidates.push({ endsAt: state.nextRollAt, what: `${state.day.fills} fills this session > ${config.perSession}`, dayScoped: true });
    const longest = candidates.sort((a, b) => b.endsAt - a.endsAt)[0];
    if (longest === undefined || longest.endsAt <= now) return undefined;
    const message = `${ruleLabel('006')} trade frequency ${longest.what}`;
    const breach: Breach = {
      ruleId: '006',
      level: 'breach',
      message,
      key: `006|${longest.endsAt}`,
      actions: [],
      lock: { symbol: null, kind: 'cooldown', ruleId: '006', reason: message, endsAt: longest.endsAt, condition: null, dayScoped: longest.dayScoped },
    };
    return breach;
  },
  status(state, settings, now) {
    const config = settings.tradeFrequency;
    if (!config.enabled) return offStatus;
    const lastMinute = fillsWithin(state, now, minute);
    const lastHour = fillsWithin(state, now, hour);
    const above = lastMinute > config.perMinute || lastHour > config.perHour || state.day.fills > config.perSession;
    // At a limit is still allowed: only above it is a breach.
    const usage = above ? 1 : Math.min(0.999, Math.max(lastMinute / config.perMinute, lastHour / config.perHour, state.day.fills / config.perSession));
    return usageStatus(
      `${lastMinute}/min ${lastHour}/h ${state.day.fills}/session`,
      `${config.perMinute}/min ${config.perHour}/h ${config.perSession}/session`,
      usage,
    );
  },
};
