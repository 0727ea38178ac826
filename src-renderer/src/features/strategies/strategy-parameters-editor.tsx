import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StrategyKindView, StrategyParametersOutcome, StrategyView } from '../../../../src-shared/domain/strategies';
import type { AppError } from '../../../../src-shared/result';
import { useTerminalApi } from '../../bridge/bridge-context';
import { InlineAlert } from '../../components/inline-alert';
import { ParameterFields } from '../../components/parameter-fields';
import { strategyKeys } from '../../lib/queries/query-keys';
import { upsertStrategy } from '../../lib/queries/strategy-queries';
import { changedParameters, parseParameters, type ParameterDrafts } from '../../lib/strategy-parameters';

function outcomeText(outcome: StrategyParametersOutcome): string {
  const applied = outcome.applied.length === 0 ? 'nothing applied now' : `applied now: ${outcome.applied.join(', ')}`;
  return outcome.pending.length === 0 ? applied : `${applied}; on the next start: ${outcome.pending.join(', ')}`;
}

/**
 * A strategy's parameters, editable: live ones apply at once, the others wait for the next start
 * (the channel's answer says which, and the waiting values are shown).
 */
export function StrategyParametersEditor({ strategy, kind }: { strategy: StrategyView; kind: StrategyKindView | undefined }) {
  const api = useTerminalApi();
  const client = useQueryClient();
  const [drafts, setDrafts] = useState<ParameterDrafts>({});
  const [error, setError] = useState<AppError | undefined>(undefined);
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  if (kind === undefined) return <div className="empty-note">Unknown strategy kind {strategy.kind}</div>;
  const parsed = parseParameters(kind.parameters, strategy.parameters, drafts);
  const changes = changedParameters(strategy.parameters, parsed.values);
  const invalid = Object.keys(parsed.errors).length > 0;
  const apply = async () => {
    setError(undefined);
    const result = await api.invoke('strategies.parameters', { id: strategy.id, parameters: changes });
    if (!result.ok) return setError(result.error);
    client.setQueryData<StrategyView[]>(strategyKeys.list(result.value.strategy.accountId), (list) => upsertStrategy(list, result.value.strategy));
    setDrafts({});
    setOutcome(outcomeText(result.value));
  };
  return (
    <div className="strategy-parameters">
      <ParameterFields
        specs={kind.parameters}
        values={strategy.parameters}
        drafts={drafts}
        errors={parsed.errors}
        pending={strategy.pendingParameters}
        showTiming
        onDraft={(key, draft) => {
          setOutcome(undefined);
          setDrafts({ ...drafts, [key]: draft });
        }}
        testId="strategy-parameters"
      />
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={invalid || Object.keys(changes).length === 0}
          data-testid="strategy-parameters-apply"
          onClick={() => void apply()}
        >
          Apply
        </button>
        <button type="button" className="mini-button" disabled={Object.keys(drafts).length === 0} onClick={() => setDrafts({})}>
          Revert
        </button>
        {outcome === undefined ? null : (
          <span className="muted" data-testid="strategy-parameters-outcome">
            {outcome}
          </span>
        )}
      </div>
      <InlineAlert error={error} onDismiss={() => setError(undefined)} testId="strategy-parameters-error" />
    </div>
  );
}
