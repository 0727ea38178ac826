import type { AccountProgramView } from '../../../src-shared/programs';

const sources = { name: 'detected from the account name', balance: 'detected from the balance', trader: 'set by you' } as const;

/** An account's Topstep program as a badge, e.g. `Combine 150K`, with where it came from and the figures' date. */
export function ProgramBadge({ program, testId }: { program: AccountProgramView | undefined; testId?: string }) {
  if (program === undefined) return null;
  return (
    <span
      className={`program-badge program-${program.kind}`}
      data-testid={testId}
      data-program={program.kind}
      data-size={program.size ?? ''}
      title={`${program.label}: ${sources[program.source]}; Topstep figures as of ${program.asOf}`}
    >
      {program.label}
    </span>
  );
}

/** The badge that says prices come from the built-in simulator. */
export function SimBadge({ show, testId = 'sim-badge' }: { show: boolean; testId?: string }) {
  return show ? (
    <span className="sim-badge" data-testid={testId} title="Connected to the built-in simulator: prices and fills are simulated">
      SIM
    </span>
  ) : null;
}
