import type { ReactNode } from 'react';
import { formatCents } from '../../../../src-shared/domain/money';
import { Money } from '../../components/signed-value';
import { useRiskFloor } from '../../lib/queries/risk-queries';
import { useAccountPicker, useLiveOpenCents } from './queries';

/** The account picker and the day's figures: balance, realized, open, net, distance to the floor. */
export function AccountBar() {
  const picker = useAccountPicker();
  const summary = picker.selected;
  const open = useLiveOpenCents(summary);
  const realized = summary === undefined ? undefined : summary.realizedCents - summary.feesCents;
  const net = realized === undefined || open === undefined ? undefined : realized + open;
  const floor = useRiskFloor(summary?.account.id, summary === undefined || open === undefined ? undefined : summary.account.balanceCents + open);
  return (
    <div className="account-bar" data-testid="account-bar">
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
            {account.account.name}
            {account.account.canTrade ? '' : ' (cannot trade)'}
          </option>
        ))}
      </select>
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
        {floor.distanceCents === undefined ? <span className="num muted">—</span> : <span className={`num ${floor.warning ? 'tone-down' : ''}`}>{formatCents(floor.distanceCents)}</span>}
      </Figure>
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
