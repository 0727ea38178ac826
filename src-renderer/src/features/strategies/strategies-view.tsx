import { InlineAlert } from '../../components/inline-alert';
import { useStrategies, useStrategyKinds } from '../../lib/queries/strategy-queries';
import { useSelectedAccount } from '../../lib/queries/trading-queries';
import { CreateStrategyDialog } from './create-strategy-dialog';
import { useCreatingStrategy, useSelectedStrategyId, useStrategiesViewActions } from './strategies-store';
import { StrategiesTable } from './strategies-table';
import { useStrategyLifecycle } from './strategy-controls';
import { StrategyDetail } from './strategy-detail';

/**
 * Strategies of the selected account: the list with live state and lifecycle controls, and the chosen
 * one's parameters, orders and decision log. `compact` (the bottom panel's tab) shows the list only.
 */
export function StrategiesView({ compact = false }: { compact?: boolean }) {
  const account = useSelectedAccount();
  const accountId = account?.account.id;
  const strategies = useStrategies(accountId);
  const kinds = useStrategyKinds();
  const selectedId = useSelectedStrategyId();
  const creating = useCreatingStrategy();
  const actions = useStrategiesViewActions();
  const lifecycle = useStrategyLifecycle();
  const list = strategies.data ?? [];
  const selected = list.find((strategy) => strategy.id === selectedId) ?? list[0];
  return (
    <div className={compact ? 'tab-content' : 'strategies-view'} data-testid={compact ? 'strategies-tab' : 'strategies-view'}>
      <div className="tab-toolbar">
        <button
          type="button"
          className="button"
          disabled={kinds.data === undefined || accountId === undefined}
          data-testid="strategy-new"
          onClick={actions.creationOpened}
        >
          New strategy
        </button>
        <span className="muted">{account === undefined ? '' : `on ${account.account.name}`}</span>
        {strategies.isError ? <span className="tone-down">Strategies are not available: {strategies.error.message}</span> : null}
      </div>
      <InlineAlert error={lifecycle.error} onDismiss={lifecycle.dismiss} testId="strategy-error" />
      {compact ? (
        <StrategiesTable strategies={list} selectedId={selected?.id} onSelect={actions.strategySelected} lifecycle={lifecycle} />
      ) : (
        <div className="strategies-split">
          <div className="strategies-list">
            <StrategiesTable strategies={list} selectedId={selected?.id} onSelect={actions.strategySelected} lifecycle={lifecycle} />
          </div>
          {selected === undefined ? null : <StrategyDetail strategy={selected} kind={kinds.data?.find((kind) => kind.kind === selected.kind)} />}
        </div>
      )}
      {creating && kinds.data !== undefined ? (
        <CreateStrategyDialog
          kinds={kinds.data}
          accountId={accountId}
          onClose={actions.creationClosed}
          onCreated={(strategy) => {
            actions.strategySelected(strategy.id);
            actions.creationClosed();
          }}
        />
      ) : null}
    </div>
  );
}
