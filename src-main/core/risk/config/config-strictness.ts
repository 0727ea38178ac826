import type { RiskConfigJson } from '../../../../src-shared/domain/risk-config';
import { clockMinutes } from '../../../../src-shared/exchange';

type Json = RiskConfigJson;
type Check = (current: Json, proposed: Json) => readonly string[];

const day = 1440;

function atMost(field: string, current: number, proposed: number): string[] {
  return proposed <= current ? [] : [field];
}

function atLeast(field: string, current: number, proposed: number): string[] {
  return proposed >= current ? [] : [field];
}

function same(field: string, current: unknown, proposed: unknown): string[] {
  return current === proposed ? [] : [field];
}

/** A rule switched off is looser; a rule that was off may take any settings. */
function rule<K extends keyof Json>(key: K, parameters: (current: Json[K], proposed: Json[K]) => string[]): Check {
  return (current, proposed) => {
    const was = current[key] as { enabled: boolean };
    const now = proposed[key] as { enabled: boolean };
    if (!was.enabled) return [];
    if (!now.enabled) return [`${key}.enabled`];
    return parameters(current[key], proposed[key]).map((field) => `${key}.${field}`);
  };
}

function capOf(policy: Json['maxContractsPerInstrument']['unknown']): number {
  if (policy === 'allow') return Number.POSITIVE_INFINITY;
  if (policy === 'block') return 0;
  return policy;
}

function cooldownAt(tiers: Json['cooldownAfterLoss']['tiers'], loss: number): number {
  return Math.max(0, ...tiers.filter((tier) => tier.loss <= loss).map((tier) => tier.seconds));
}

/** True when the window [open, close) of `inner` lies inside that of `outer` (windows may cross midnight). */
function windowInside(outer: Json['session'], inner: Json['session']): boolean {
  const outerOpen = clockMinutes(outer.open);
  const outerLength = (clockMinutes(outer.close) - outerOpen + day) % day;
  const innerOffset = (clockMinutes(inner.open) - outerOpen + day) % day;
  const innerLength = (clockMinutes(inner.close) - clockMinutes(inner.open) + day) % day;
  return innerOffset + innerLength <= outerLength;
}

const checks: readonly Check[] = [
  (current, proposed) => (current.dayRoll.time === proposed.dayRoll.time && current.dayRoll.timezone === proposed.dayRoll.timezone ? [] : ['dayRoll']),
  (current, proposed) => atMost('orderThrottlePerSecond', current.orderThrottlePerSecond, proposed.orderThrottlePerSecond),
  rule('maxContracts', (current, proposed) => [
    ...atMost('limit', current.limit, proposed.limit),
    ...(current.count === 'gross' && proposed.count === 'net' ? ['count'] : []),
    ...atLeast('microWeight', current.microWeight, proposed.microWeight),
    ...(current.action === 'flatten' && proposed.action === 'reduce' ? ['action'] : []),
  ]),
  rule('maxContractsPerInstrument', (current, proposed) => {
    const symbols = new Set([...Object.keys(current.limits), ...Object.keys(proposed.limits)]);
    const looser = [...symbols]
      .filter((symbol) => (proposed.limits[symbol] ?? capOf(proposed.unknown)) > (current.limits[symbol] ?? capOf(current.unknown)))
      .map((symbol) => `limits.${symbol}`);
    if (capOf(proposed.unknown) > capOf(current.unknown)) looser.push('unknown');
    if (current.action === 'flatten' && proposed.action === 'reduce') looser.push('action');
    return looser;
  }),
  rule('dailyRealizedLoss', (current, proposed) => atMost('limit', current.limit, proposed.limit)),
  rule('dailyUnrealizedLoss', (current, proposed) => [
    ...atMost('limit', current.limit, proposed.limit),
    ...same('scope', current.scope, proposed.scope),
    ...(current.lock && !proposed.lock ? ['lock'] : []),
  ]),
  rule('maxUnrealizedProfit', (current, proposed) => [
    ...atMost('target', current.target, proposed.target),
    ...same('scope', current.scope, proposed.scope),
    ...(current.lock && !proposed.lock ? ['lock'] : []),
  ]),
  rule('tradeFrequency', (current, proposed) => [
    ...atMost('perMinute', current.perMinute, proposed.perMinute),
    ...atMost('perHour', current.perHour, proposed.perHour),
    ...atMost('perSession', current.perSession, proposed.perSession),
    ...atLeast('cooldownSeconds.minute', current.cooldownSeconds.minute, proposed.cooldownSeconds.minute),
    ...atLeast('cooldownSeconds.hour', current.cooldownSeconds.hour, proposed.cooldownSeconds.hour),
  ]),
  rule('cooldownAfterLoss', (current, proposed) => {
    const losses = [...current.tiers, ...proposed.tiers].map((tier) => tier.loss);
    return losses.some((loss) => cooldownAt(proposed.tiers, loss) < cooldownAt(current.tiers, loss)) ? ['tiers'] : [];
  }),
  rule('noStopLossGrace', (current, proposed) => atMost('seconds', current.seconds, proposed.seconds)),
  rule('session', (current, proposed) => [
    ...same('timezone', current.timezone, proposed.timezone),
    ...(current.timezone === proposed.timezone && !windowInside(current, proposed) ? ['open'] : []),
    ...atLeast('flattenMarginSeconds', current.flattenMarginSeconds, proposed.flattenMarginSeconds),
  ]),
  rule('tradingDisabledGuard', () => []),
  rule('symbolBlocks', (current, proposed) => (current.symbols.every((symbol) => proposed.symbols.includes(symbol)) ? [] : ['symbols'])),
  rule('dailyRealizedProfit', (current, proposed) => atMost('target', current.target, proposed.target)),
  rule('maxLossLimit', (current, proposed) => [
    ...atLeast('startingBalance', current.startingBalance, proposed.startingBalance),
    ...atMost('drawdown', current.drawdown, proposed.drawdown),
    ...atLeast('buffer', current.buffer, proposed.buffer),
  ]),
  rule('consistency', (current, proposed) => atMost('maxBestDayShare', current.maxBestDayShare, proposed.maxBestDayShare)),
  rule('floorCheck', () => []),
];

/**
 * The fields a proposed configuration loosens against the current one (the lock-in refuses them).
 * Trade management is automation, not a limit, and may change freely; a change that is neither
 * stricter nor looser (a different scope or time zone) counts as looser.
 */
export function looserFields(current: RiskConfigJson, proposed: RiskConfigJson): string[] {
  return checks.flatMap((check) => check(current, proposed));
}
