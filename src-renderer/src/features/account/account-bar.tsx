import type { ReactNode } from 'react';
import { formatDuration } from '../../../../src-shared/domain/durations';
import { formatCents } from '../../../../src-shared/domain/money';
import { ProgramBadge, SimBadge } from '../../components/program-badge';
import { Money } from '../../components/signed-value';
import { useOnSimulator } from '../../lib/queries/app-queries';
import { useRiskFloor, useRiskState } from '../../lib/queries/risk-queries';
import { useServerNow } from '../../lib/server-clock';
import { useAccountPicker, useLiveOpenCents } from './queries';

/** The account picker with each account's program, and the day's figures: balance, realized, open, net, distance to the floor. */
export function AccountBar() {
  const picker = useAccountPicker();
  const summary = picker.selected;
  const open = useLiveOpenCents(summary);
  const realized = summary === undefined ? undefined : summary.realizedCents - summary.feesCents;
  const net = realized === undefined || open === undefined ? undefined : realized + open;
  const floor = useRiskFloor(summary?.account.id, summary === undefined || open === undefined ? undefined : summary.account.balanceCents + open);
  const simulator = useOnSimulator();
  return (
    <div className="account-bar" data-testid="account-bar">
      <SimBadge show={simulator} />
      <select
        className="account-picker"
        aria-label="Account"
        data-testid="account-picker"
        value={summary?.account.id ?? ''}
        onChange={(event) => void picker.choose(Number(event.target.value))}
        title={picker.error?.message}
      >
        {picker.accounts.length === 0 ? <option value="">No account</option> : null}
        {picker.accounts.map((account) => (
          <option key={account.account.id} value={account.account.id}>
            {account.account.name} · {account.program.label}
            {account.account.canTrade ? '' : ' (cannot trade)'}
          </option>
        ))}
      </select>
      <ProgramBadge program={summary?.program} testId="account-program" />
      <Figure label="Balance" testId="account-balance">
        <span className="num">{summary === undefined ? '—' : formatCents(summary.account.balanceCents)}</span>
      </Figure>
      <Figure label="Realized" title="Closed trades today, net of fees">
        <Money cents={realized} testId="account-realized" />
      </Figure>
      <Figure label="Open" title="Open positions at the last trade">
        <Money cents={open} testId="account-open" />
      </Figure>
      <Figure label="Day net">
        <Money cents={net} testId="account-net" />
      </Figure>
      <Figure label="To floor" title={floor.title} testId="account-floor">
        {floor.distanceCents === undefined ? (
          <span className="num muted">—</span>
        ) : (
          <span className={`num ${floor.warning ? 'tone-down' : ''}`}>{formatCents(floor.distanceCents)}</span>
        )}
      </Figure>
    </div>
  );
}

/**
 * The selected account's other distances, in a strip under the top bar: to the daily loss limit, to
 * the profit target, what consistency still allows today, the next scaling tier and the flat-by
 * countdown (each only when it applies).
 */
export function AccountLimits() {
  const summary = useAccountPicker().selected;
  const distances = useRiskState(summary?.account.id).data?.distances;
  const now = useServerNow();
  if (summary === undefined || distances === undefined) return null;
  return (
    <div className="account-limits" data-testid="account-limits">
      <ProgramBadge program={summary.program} />
      {distances.toDailyLossCents === null ? null : (
        <Figure
          label="To loss limit"
          title={`Today's net may still fall this much before the daily loss limit of ${formatCents(distances.dailyLossLimitCents ?? 0)}`}
          testId="account-daily-loss"
        >
          <span className="num">{formatCents(distances.toDailyLossCents)}</span>
        </Figure>
      )}
      {distances.toProfitTargetCents === null ? null : (
        <Figure
          label="To target"
          title={`Profit still needed for the profit target of ${formatCents(distances.profitTargetCents ?? 0)}`}
          testId="account-target"
        >
          <span className="num">{formatCents(distances.toProfitTargetCents)}</span>
        </Figure>
      )}
      {distances.consistencyAllowanceCents === null ? null : (
        <Figure
          label="Consistency"
          title="What today may still make before it becomes more than the consistency rule allows of the profit target"
          testId="account-consistency"
        >
          <span className="num">{formatCents(distances.consistencyAllowanceCents)}</span>
        </Figure>
      )}
      {distances.nextScaling === null ? null : (
        <Figure label="Next tier" title="The next Express Funded scaling tier: its lots, after this much more profit at a close" testId="account-scaling">
          <span className="num">
            {distances.nextScaling.lots} lots +{formatCents(distances.nextScaling.toProfitCents)}
          </span>
        </Figure>
      )}
      {distances.flatAt === null ? null : (
        <Figure label="Flat in" title="Positions are flattened before 15:10 CT" testId="account-flat-in">
          <span className="num">{formatDuration(distances.flatAt - now)}</span>
        </Figure>
      )}
    </div>
  );
}

function Figure({ label, children, title, testId }: { label: string; children: ReactNode; title?: string; testId?: string }) {
  return (
    <span className="figure" title={title} data-testid={testId}>
      <span className="figure-label">{label}</span>
      {children}
    </span>
  );
}
