import { formatDuration } from '../../../src-shared/domain/durations';
import { formatCents } from '../../../src-shared/domain/money';
import type { RiskAuditPage, RiskConfigView, RiskStateView } from '../../../src-shared/domain/risk';
import { floorModeLabels } from '../../../src-shared/programs';
import { formatTime, table } from '../table';

/** The risk panel as text: health, each rule's value against its limit, locks with countdowns, breaches, heartbeat. */
export function formatRiskState(view: RiskStateView): string {
  // Countdowns run on the terminal's clock, which may differ from this machine's.
  const now = view.at;
  const lines = [
    `${view.accountName ?? 'account'} (${view.accountId})  ${view.health.toUpperCase()}  trading day ${view.tradingDay}, resets in ${formatDuration(view.nextRollAt - now)}`,
    `day realized ${formatCents(view.dayRealizedCents)}  fees ${formatCents(view.dayFeesCents)}  open ${formatCents(view.dayOpenCents)}` +
      (view.maxLossFloor === null
        ? ''
        : `  max-loss floor ${formatCents(view.maxLossFloor.floorCents)} (${formatCents(view.maxLossFloor.distanceCents)} away)`),
    ...formatDistances(view),
    '',
    ...formatProgram(view),
    '',
    'personal rules:',
    table(
      ['rule', 'name', 'state', 'value', 'limit'],
      view.rules.map((rule) => [`RULE-${rule.id}`, rule.name, rule.health, rule.value, rule.limit]),
    ),
    '',
    view.locks.length === 0 ? 'locks: none' : 'locks:',
    ...view.locks.map((lock) => `  ${lock.denial}${lock.endsAt === null ? '' : ` (ends in ${formatDuration(lock.endsAt - now)})`}`),
  ];
  if (view.breaches.length > 0)
    lines.push(
      '',
      'last breaches:',
      ...view.breaches.slice(0, 10).map((breach) => `  ${formatTime(breach.at)}  ${breach.message}${breach.repeats > 0 ? ` (x${breach.repeats + 1})` : ''}`),
    );
  if (view.enforcement.failure !== null) lines.push('', `ENFORCEMENT FAILED: ${view.enforcement.failure.message}`);
  for (const warning of view.warnings) lines.push(`warning: ${warning}`);
  lines.push(
    '',
    `heartbeat: ${view.heartbeat.lastEventAt === null ? 'no event yet' : `last event ${formatTime(view.heartbeat.lastEventAt)} UTC`}${view.heartbeat.frozen ? ' (FROZEN FEED)' : ''}`,
  );
  if (view.configLockedUntil !== null) lines.push(`configuration locked in for ${formatDuration(view.configLockedUntil - now)}`);
  return lines.join('\n');
}

/** The distances to every limit that can end the day or the account, on one line. */
export function formatDistances(view: RiskStateView): string[] {
  const d = view.distances;
  const parts: string[] = [];
  if (d.toFloorCents !== null && d.floorCents !== null) parts.push(`to floor ${formatCents(d.toFloorCents)} (floor ${formatCents(d.floorCents)})`);
  if (d.toDailyLossCents !== null) parts.push(`to daily loss limit ${formatCents(d.toDailyLossCents)}`);
  if (d.toProfitTargetCents !== null) parts.push(`to profit target ${formatCents(d.toProfitTargetCents)}`);
  if (d.consistencyAllowanceCents !== null) parts.push(`consistency allows today ${formatCents(d.consistencyAllowanceCents)}`);
  if (d.nextScaling !== null) parts.push(`next tier ${d.nextScaling.lots} lots after ${formatCents(d.nextScaling.toProfitCents)}`);
  if (d.flatAt !== null) parts.push(`flat in ${formatDuration(d.flatAt - view.at)}`);
  return parts.length === 0 ? [] : [parts.join('  ')];
}

/** The account's program and its rules, apart from the personal rules. */
export function formatProgram(view: RiskStateView): string[] {
  const { program, rules } = view.program;
  const source = program.source === 'trader' ? 'set by the trader' : `detected from the ${program.source}`;
  const header = `program: ${program.label} (${source}; figures as of ${program.asOf})`;
  const floor = `maximum loss floor trails: ${floorModeLabels[view.program.floor].toLowerCase()} (risk program --floor eod|intraday)`;
  if (rules.length === 0) return [header, floor, '  no program rules'];
  return [
    header,
    floor,
    table(
      ['program rule', 'state', 'value', 'limit'],
      rules.map((rule) => [rule.name, rule.health, rule.value, rule.limit]),
    ),
  ];
}

/** The configuration as pretty JSON, with its lock-in. */
export function formatRiskConfig(view: RiskConfigView, now: number): string {
  const header =
    view.lockedUntil === null
      ? `account ${view.accountId}: not locked in`
      : `account ${view.accountId}: locked in for ${formatDuration(view.lockedUntil - now)} (limits may only be made stricter)`;
  return `${header}\n${JSON.stringify(view.config, null, 2)}`;
}

/** Audit rows as a table, newest first. */
export function formatRiskAudit(page: RiskAuditPage): string {
  const rows = page.entries.map((entry) => [String(entry.id), formatTime(entry.at), entry.action, entry.actor, describeDetail(entry.detail)]);
  const more = page.nextBefore === null ? '' : `\nmore: --before ${page.nextBefore}`;
  return `${table(['id', 'time (UTC)', 'action', 'actor', 'detail'], rows, new Set([0]))}${more}`;
}

function describeDetail(detail: Readonly<Record<string, unknown>>): string {
  const message = detail.message ?? detail.reason;
  if (typeof message === 'string') return message.slice(0, 120);
  if (typeof detail.attempt === 'number') return `attempt ${detail.attempt}: ${JSON.stringify(detail.result).slice(0, 80)}`;
  return JSON.stringify(detail).slice(0, 120);
}
