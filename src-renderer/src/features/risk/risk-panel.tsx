import { formatCents } from '../../../../src-shared/domain/money';
import { Panel } from '../../components/panel';
import { Money } from '../../components/signed-value';
import { useServerNow } from '../../lib/server-clock';
import { useRiskState } from '../../lib/queries/risk-queries';
import { useSelectedAccount } from '../../lib/queries/trading-queries';
import { ProgramBadge, SimBadge } from '../../components/program-badge';
import { useOnSimulator } from '../../lib/queries/app-queries';
import { BreachRow, DistanceFigures, FloorModeChooser, floorText, LockRow, ProgramChooser, ProgramRuleRow, RuleRow } from './risk-views';

const healthLabels = { ok: 'OK', warning: 'Warning', locked: 'Locked', disconnected: 'Disconnected', 'enforcement-failed': 'Enforcement failed' } as const;

/**
 * The account's program and its rules, the distances to every limit, then the personal rules
 * against their limits, locks with countdowns and the last breaches.
 */
export function RiskPanel() {
  const account = useSelectedAccount();
  const risk = useRiskState(account?.account.id);
  const now = useServerNow();
  const state = risk.data;
  const simulator = useOnSimulator();
  return (
    <Panel
      title="Risk"
      testId="risk-panel"
      actions={
        state === undefined ? null : (
          <>
            <SimBadge show={simulator} testId="risk-sim-badge" />
            <span className={`health health-${state.health}`} data-testid="risk-health">
              {healthLabels[state.health]}
            </span>
          </>
        )
      }
    >
      {state === undefined ? (
        <div className="empty-note">{risk.available ? 'Waiting for the risk manager…' : 'The risk manager is not reporting to this window.'}</div>
      ) : (
        <div className="risk">
          <div className="risk-figures">
            <span className="figure">
              <span className="figure-label">Realized</span>
              <Money cents={state.dayRealizedCents - state.dayFeesCents} />
            </span>
            <span className="figure">
              <span className="figure-label">Open</span>
              <Money cents={state.dayOpenCents} />
            </span>
            <span className="figure" title={floorText(state)}>
              <span className="figure-label">Equity</span>
              <span className="num" data-testid="risk-equity">
                {state.maxLossFloor === null ? '—' : formatCents(state.maxLossFloor.equityCents)}
              </span>
            </span>
          </div>
          {state.enforcement.failure === null ? null : (
            <div className="inline-alert inline-alert-error" role="alert">
              Enforcement failed: {state.enforcement.failure.message}
            </div>
          )}
          {state.heartbeat.frozen ? (
            <div className="inline-alert inline-alert-risk">{state.heartbeat.message ?? 'The feed looks frozen while positions are open'}</div>
          ) : null}
          {state.warnings.map((warning) => (
            <div key={warning} className="inline-alert inline-alert-risk">
              {warning}
            </div>
          ))}
          {state.locks.length === 0 ? null : (
            <ul className="lock-list">
              {state.locks.map((lock) => (
                <LockRow key={lock.id} lock={lock} now={now} />
              ))}
            </ul>
          )}
          <DistanceFigures state={state} now={now} />
          <div className="section-label">
            Program <ProgramBadge program={state.program.program} testId="risk-program" />{' '}
            <span className="muted">Topstep figures as of {state.program.program.asOf}</span>
          </div>
          <ProgramChooser accountId={state.accountId} program={state.program.program} />
          <FloorModeChooser accountId={state.accountId} floor={state.program.floor} />
          {state.program.rules.length === 0 ? (
            <div className="muted" data-testid="program-rules-none">
              No program rules: personal rules only.
            </div>
          ) : (
            <ul className="program-rules" data-testid="program-rules">
              {state.program.rules.map((rule) => (
                <ProgramRuleRow key={rule.id} rule={rule} />
              ))}
            </ul>
          )}
          <div className="section-label">Personal rules</div>
          <table className="rule-table">
            <tbody>
              {state.rules.map((rule) => (
                <RuleRow key={rule.id} rule={rule} />
              ))}
            </tbody>
          </table>
          {state.breaches.length === 0 ? null : (
            <>
              <div className="section-label">Last breaches</div>
              <ul className="breach-list">
                {state.breaches.slice(0, 8).map((breach) => (
                  <BreachRow key={`${breach.at}-${breach.ruleId}`} breach={breach} />
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </Panel>
  );
}
