import type { ProgramRuleView, RiskBreachView, RiskLockView, RiskRuleStatusView, RiskStateView } from '../../../../src-shared/domain/risk';
import {
  floorModeLabels,
  floorModes,
  programKinds,
  programSizes,
  type AccountProgramView,
  type FloorMode,
  type ProgramKind,
  type ProgramSize,
} from '../../../../src-shared/programs';
import { describeError, useContractAction } from '../../lib/use-contract-action';
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

/** One program rule (maximum loss limit, maximum position, flat by, profit target, consistency, scaling). */
export function ProgramRuleRow({ rule }: { rule: ProgramRuleView }) {
  return (
    <li className={`program-rule rule-${rule.health}`} data-testid="program-rule" data-rule={rule.id}>
      <span className="program-rule-name">{rule.name}</span>
      <span className="num program-rule-value">{rule.value}</span>
      <span className="muted program-rule-limit">{rule.limit}</span>
    </li>
  );
}

/** The distances to every limit that can end the day or the account. */
export function DistanceFigures({ state, now }: { state: RiskStateView; now: number }) {
  const d = state.distances;
  const items: [string, string, string][] = [];
  if (d.toFloorCents !== null && d.floorCents !== null)
    items.push(['floor', 'To loss floor', `${formatCents(d.toFloorCents)} (floor ${formatCents(d.floorCents)})`]);
  if (d.toDailyLossCents !== null) items.push(['daily-loss', 'To daily loss limit', formatCents(d.toDailyLossCents)]);
  if (d.toProfitTargetCents !== null) items.push(['target', 'To profit target', formatCents(d.toProfitTargetCents)]);
  if (d.consistencyAllowanceCents !== null) items.push(['consistency', 'Consistency allows today', formatCents(d.consistencyAllowanceCents)]);
  if (d.nextScaling !== null) items.push(['scaling', 'Next scaling tier', `${d.nextScaling.lots} lots after ${formatCents(d.nextScaling.toProfitCents)}`]);
  if (d.flatAt !== null) items.push(['flat', 'Flat by 15:10 CT in', formatDuration(d.flatAt - now)]);
  if (items.length === 0) return null;
  return (
    <div className="risk-distances" data-testid="risk-distances">
      {items.map(([id, label, value]) => (
        <span key={id} className="figure" data-testid={`distance-${id}`}>
          <span className="figure-label">{label}</span>
          <span className="num">{value}</span>
        </span>
      ))}
    </div>
  );
}

const programLabels: Record<ProgramKind, string> = { combine: 'Trading Combine', express: 'Express Funded', live: 'Live Funded', practice: 'Practice' };

/** The trader's override of the account's program (auto: detected from the name or balance). */
export function ProgramChooser({ accountId, program }: { accountId: number; program: AccountProgramView }) {
  const set = useContractAction('risk.program.set');
  const value = program.source === 'trader' ? `${program.kind}:${program.size ?? ''}` : 'auto';
  const choices: { value: string; label: string }[] = [{ value: 'auto', label: `Auto (${program.source === 'trader' ? 'from the account' : program.label})` }];
  for (const kind of programKinds) {
    if (kind === 'practice') choices.push({ value: 'practice:', label: programLabels.practice });
    else for (const size of programSizes) choices.push({ value: `${kind}:${size}`, label: `${programLabels[kind]} ${size}` });
  }
  return (
    <label className="field-inline">
      <span className="muted">Program</span>
      <select
        aria-label="Program"
        data-testid="program-choice"
        value={choices.some((choice) => choice.value === value) ? value : 'auto'}
        disabled={set.pending}
        onChange={(event) => {
          const [kind, size] = event.target.value.split(':');
          void set.run(
            kind === 'auto' || kind === undefined
              ? { accountId, program: null }
              : { accountId, program: kind as ProgramKind, size: size === '' || size === undefined ? null : (size as ProgramSize) },
          );
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {set.error === undefined ? null : <span className="inline-alert inline-alert-error">{describeError(set.error)}</span>}
    </label>
  );
}

/** How the account's maximum loss floor trails: end of day (the default) or the highest intraday equity; kept beside the program override. */
export function FloorModeChooser({ accountId, floor }: { accountId: number; floor: FloorMode }) {
  const set = useContractAction('risk.program.set');
  return (
    <label className="field-inline">
      <span className="muted">Loss floor trails</span>
      <select
        aria-label="Loss floor trails"
        data-testid="floor-mode"
        value={floor}
        disabled={set.pending}
        title="End of day: the best close. Intraday: the highest equity (balance plus open P&L) reached. Both stop at the starting balance."
        onChange={(event) => void set.run({ accountId, floor: event.target.value as FloorMode })}
      >
        {floorModes.map((mode) => (
          <option key={mode} value={mode}>
            {floorModeLabels[mode]}
          </option>
        ))}
      </select>
      {set.error === undefined ? null : <span className="inline-alert inline-alert-error">{describeError(set.error)}</span>}
    </label>
  );
}
