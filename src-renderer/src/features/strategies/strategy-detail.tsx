import type { StrategyKindView, StrategyView } from '../../../../src-shared/domain/strategies';
import { Money } from '../../components/signed-value';
import { useContract } from '../../lib/queries/trading-queries';
import { positionText, reasonText, statusText } from './strategy-format';
import { StrategyLog } from './strategy-log';
import { StrategyOrders } from './strategy-orders';
import { StrategyParametersEditor } from './strategy-parameters-editor';

/** One strategy: what it does, its state and figures, its parameters, orders and decision log. */
export function StrategyDetail({ strategy, kind }: { strategy: StrategyView; kind: StrategyKindView | undefined }) {
  const contract = useContract(strategy.contractId).data;
  const reason = reasonText(strategy);
  return (
    <div className="strategy-detail" data-testid="strategy-detail" data-strategy={strategy.id}>
      <header className="strategy-header">
        <div>
          <div className="strategy-title">{strategy.name}</div>
          <div className="muted">{kind === undefined ? strategy.kind : `${kind.name} — ${kind.summary}`}</div>
        </div>
        <div className="strategy-figures">
          <span className="figure">
            <span className="figure-label">State</span>
            <span className={`strategy-status-${strategy.status}`}>{statusText(strategy)}</span>
          </span>
          <span className="figure">
            <span className="figure-label">Position</span>
            <span className="num">{positionText(strategy, contract?.tickSize)}</span>
          </span>
          <span className="figure">
            <span className="figure-label">Today</span>
            <Money cents={strategy.today.netCents} />
          </span>
          <span className="figure">
            <span className="figure-label">Trades</span>
            <span className="num">{`${strategy.today.trades} · ${strategy.today.wins} won`}</span>
          </span>
        </div>
      </header>
      {reason === undefined ? null : (
        <div
          className={`inline-alert ${strategy.status === 'faulted' || strategy.pausedBy === 'risk' ? 'inline-alert-error' : 'inline-alert-risk'}`}
          data-testid="strategy-detail-reason"
        >
          {reason}
        </div>
      )}
      {strategy.lastDecision === null || strategy.lastDecision === reason ? null : (
        <div className="strategy-decision">Last decision: {strategy.lastDecision}</div>
      )}
      {kind === undefined ? null : <p className="strategy-description muted">{kind.description}</p>}
      <div className="strategy-sections">
        <section>
          <div className="section-label">Parameters</div>
          <StrategyParametersEditor key={strategy.id} strategy={strategy} kind={kind} />
        </section>
        <section>
          <div className="section-label">Orders today</div>
          <StrategyOrders strategyId={strategy.id} contract={contract} />
          <div className="section-label">Decision log</div>
          <StrategyLog strategyId={strategy.id} />
        </section>
      </div>
    </div>
  );
}
