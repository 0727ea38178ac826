import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StrategyKindView, StrategyView } from '../../../../src-shared/domain/strategies';
import type { AppError } from '../../../../src-shared/result';
import { useTerminalApi } from '../../bridge/bridge-context';
import { InlineAlert } from '../../components/inline-alert';
import { Modal } from '../../components/modal';
import { ParameterFields } from '../../components/parameter-fields';
import { strategyKeys } from '../../lib/queries/query-keys';
import { upsertStrategy } from '../../lib/queries/strategy-queries';
import { defaultParameters, parseParameters, type ParameterDrafts } from '../../lib/strategy-parameters';
import { useActiveSymbol } from '../../lib/workspace-store';

/** Creates a stopped strategy from a kind, on the selected account and a contract, with its parameters. */
export function CreateStrategyDialog({
  kinds,
  accountId,
  onCreated,
  onClose,
}: {
  kinds: readonly StrategyKindView[];
  accountId: number | undefined;
  onCreated(strategy: StrategyView): void;
  onClose(): void;
}) {
  const api = useTerminalApi();
  const client = useQueryClient();
  const activeSymbol = useActiveSymbol();
  const [kindId, setKindId] = useState(kinds[0]?.kind ?? '');
  const [symbol, setSymbol] = useState(activeSymbol);
  const [name, setName] = useState('');
  const [drafts, setDrafts] = useState<ParameterDrafts>({});
  const [error, setError] = useState<AppError | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const kind = kinds.find((candidate) => candidate.kind === kindId);
  const specs = kind?.parameters ?? [];
  const parsed = parseParameters(specs, defaultParameters(specs), drafts);
  const invalid = Object.keys(parsed.errors).length > 0 || symbol.trim() === '' || kind === undefined;
  const create = async () => {
    setError(undefined);
    setPending(true);
    const result = await api.invoke('strategies.create', {
      accountId,
      kind: kindId,
      symbol: symbol.trim(),
      parameters: parsed.values,
      ...(name.trim() === '' ? {} : { name: name.trim() }),
    });
    setPending(false);
    if (!result.ok) return setError(result.error);
    client.setQueryData<StrategyView[]>(strategyKeys.list(result.value.accountId), (list) => upsertStrategy(list, result.value));
    onCreated(result.value);
  };
  return (
    <Modal title="New strategy" onClose={onClose} testId="create-strategy-dialog">
      <div className="create-strategy">
        <div className="form-row">
          <label className="settings-field">
            <span className="field-label">Kind</span>
            <select
              value={kindId}
              data-testid="create-strategy-kind"
              onChange={(event) => {
                setKindId(event.target.value);
                setDrafts({});
              }}
            >
              {kinds.map((candidate) => (
                <option key={candidate.kind} value={candidate.kind}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
          <label className="settings-field">
            <span className="field-label">Contract</span>
            <input
              className="mono text-input"
              value={symbol}
              spellCheck={false}
              data-testid="create-strategy-symbol"
              onChange={(event) => setSymbol(event.target.value.toUpperCase())}
            />
          </label>
          <label className="settings-field">
            <span className="field-label">Name</span>
            <input
              className="text-input"
              value={name}
              placeholder="optional"
              data-testid="create-strategy-name"
              onChange={(event) => setName(event.target.value)}
            />
          </label>
        </div>
        {kind === undefined ? null : <p className="muted strategy-description">{kind.description}</p>}
        <ParameterFields
          specs={specs}
          values={defaultParameters(specs)}
          drafts={drafts}
          errors={parsed.errors}
          showTiming
          onDraft={(key, draft) => setDrafts({ ...drafts, [key]: draft })}
          testId="create-strategy-parameters"
        />
        <InlineAlert error={error} onDismiss={() => setError(undefined)} testId="create-strategy-error" />
        <div className="form-actions">
          <button type="button" className="button" disabled={invalid || pending} data-testid="create-strategy-submit" onClick={() => void create()}>
            Create (stopped)
          </button>
          <button type="button" className="mini-button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}
