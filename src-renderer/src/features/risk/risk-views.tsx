import type { RiskBreachView, RiskLockView, RiskRuleStatusView, RiskStateView } from '../../../../src-shared/domain/risk';
import { formatCents } from '../../../../src-shared/domain/money';
import { formatChicagoClock } from '../../../../src-shared/exchange';
import { formatDuration } from '../../../../src-shared/domain/durations';

/** How long a lock still holds, or what it waits for. */
export function lockRemaining(lock: RiskLockView, now: number): string {
  if (lock.endsAt === null) return lock.condition === 'trading-enabled' ? 'until the broker re-enables trading' : 'while the symbol is blocked';
  return `${formatDuration(lock.endsAt - now)} left (until ${formatChicagoClock(lock.endsAt)} CT)`;
}

/** One rule's value against its limit, with a usage bar. */
export function RuleRow({ rule }: { rule: RiskRuleStatusView }) {
  const usage = rule.usage === null ? undefined : Math.max(0, Math.min(1, rule.usage));
  return (
    <tr className={`rule-row rule-${rule.health}`} data-testid="risk-rule" data-rule={rule.id}>
      <td className="num muted">{rule.id}</td>
      <td>{rule.name}</td>
      <td className="align-right num">{rule.enabled ? rule.value : '—'}</td>
      <td className="align-right num muted">{rule.enabled ? rule.limit : 'off'}</td>
      <td className="usage-cell">{usage === undefined || !rule.enabled ? null : <UsageBar usage={usage} health={rule.health} />}</td>
    </tr>
  );
}

function UsageBar({ usage, health }: { usage: number; health: RiskRuleStatusView['health'] }) {
  return (
    <span className="usage">
      <span
        className={`usage-fill usage-${health}`}
        ref={(element) => {
          if (element !== null) element.style.width = `${Math.round(usage * 100)}%`;
        }}
      />
    </span>
  );
}

/** A lock in force with its countdown. */
export function LockRow({ lock, now }: { lock: RiskLockView; now: number }) {
  return (
    <li className="lock-row" data-testid="risk-lock">
      <span className="lock-scope">{lock.symbol ?? 'Account'}</span>
      <span className="lock-reason">{lock.reason}</span>
      <span className="lock-time num">{lockRemaining(lock, now)}</span>
    </li>
  );
}

/** A recorded breach. */
export function BreachRow({ breach }: { breach: RiskBreachView }) {
  return (
    <li className={`breach-row breach-${breach.level}`}>
      <span className="num muted">{formatChicagoClock(breach.at)}</span>
      <span>
        {breach.message}
        {breach.repeats > 0 ? <span className="muted"> ×{breach.repeats + 1}</span> : null}
      </span>
      {breach.actions.length > 0 ? <span className="muted">{breach.actions.join(', ')}</span> : null}
    </li>
  );
}

/** Floor distance text: `$1,412.00 above the floor`. */
export function floorText(state: RiskStateView): string | undefined {
  const floor = state.maxLossFloor;
  if (floor === null) return undefined;
  return `${formatCents(floor.distanceCents)} above the floor of ${formatCents(floor.floorCents)}`;
}
