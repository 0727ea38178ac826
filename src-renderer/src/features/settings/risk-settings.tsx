import { useState } from 'react';
import type { AppError } from '../../../../src-shared/result';
import { riskPresets } from '../../../../src-shared/domain/risk-config';
import { useTerminalApi } from '../../bridge/bridge-context';
import { InlineAlert } from '../../components/inline-alert';
import { formatChicagoStamp } from '../../../../src-shared/exchange';
import { useRememberRiskConfig, useRiskConfig } from '../../lib/queries/risk-queries';
import { useSelectedAccount } from '../../lib/queries/trading-queries';
import { loosens, partialConfig, readField, riskFields } from './risk-fields';

/** The account's risk configuration: presets, the main limits, JSON export and import, and the lock-in. */
export function RiskSettings() {
  const api = useTerminalApi();
  const account = useSelectedAccount();
  const accountId = account?.account.id;
  const config = useRiskConfig(accountId);
  const remember = useRememberRiskConfig();
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [error, setError] = useState<AppError | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [documentText, setDocumentText] = useState<string | undefined>(undefined);
  const view = config.data;
  if (view === undefined) {
    return (
      <div className="settings-section" data-testid="risk-settings">
        <p className="muted">{config.isError ? `The risk configuration cannot be read: ${config.error.message}` : 'Reading the risk configuration…'}</p>
      </div>
    );
  }
  const locked = view.lockedUntil !== null;
  const answer = (result: Awaited<ReturnType<typeof api.invoke<'risk.config.set'>>>, done: string) => {
    if (result.ok) {
      remember(result.value);
      setEdits({});
      setError(undefined);
      setSaved(done);
    } else {
      setError(result.error);
      setSaved(undefined);
    }
  };
  const changes = partialConfig(view.config, edits);
  return (
    <div className="settings-section" data-testid="risk-settings">
      <div className="settings-field">
        <span className="field-label">Preset</span>
        <div className="segmented" role="group" aria-label="Risk preset">
          {riskPresets.map((preset) => (
            <button key={preset} type="button" className="segment" data-testid={`risk-preset-${preset}`} onClick={async () => answer(await api.invoke('risk.presets.apply', { accountId, preset }), `Applied the ${preset.toUpperCase()} preset`)}>
              {preset.toUpperCase()} evaluation
            </button>
          ))}
        </div>
      </div>
      <div className="risk-form">
        {riskFields.map((field) => {
          const key = field.path.join('.');
          const current = readField(view.config, field);
          const text = edits[key] ?? String(current ?? '');
          const next = Number(text);
          const looser = locked && Number.isFinite(next) && loosens(field, current, next);
          return (
            <label key={key} className="settings-field">
              <span className="field-label">{field.label}</span>
              <span>
                <input type="number" value={text} aria-invalid={looser} data-testid={`risk-field-${key}`} onChange={(event) => setEdits({ ...edits, [key]: event.target.value })} />
                <span className="field-suffix">{field.unit}</span>
                {looser ? <span className="tone-down"> locked in: only stricter</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      <div className="settings-field">
        <button type="button" className="button" disabled={Object.keys(changes).length === 0} data-testid="risk-save" onClick={async () => answer(await api.invoke('risk.config.set', { accountId, config: changes }), 'Saved')}>
          Save limits
        </button>
        <button
          type="button"
          className="mini-button"
          disabled={locked}
          data-testid="risk-lock-in"
          title="Until the next day roll, limits may only be made stricter"
          onClick={async () => answer(await api.invoke('risk.lockIn', { accountId }), 'Locked in until the day roll')}
        >
          {locked ? `Locked in until ${formatChicagoStamp(view.lockedUntil ?? 0)} CT` : 'Lock in until the day roll'}
        </button>
        <button
          type="button"
          className="mini-button"
          onClick={async () => {
            const exported = await api.invoke('risk.config.export', { accountId });
            if (exported.ok) setDocumentText(JSON.stringify(exported.value.config, null, 2));
            else setError(exported.error);
          }}
        >
          Export JSON
        </button>
      </div>
      {documentText === undefined ? null : (
        <div className="settings-field risk-document">
          <textarea className="mono" rows={10} value={documentText} onChange={(event) => setDocumentText(event.target.value)} aria-label="Risk configuration JSON" />
          <button
            type="button"
            className="mini-button"
            onClick={async () => {
              let parsed: unknown;
              try {
                parsed = JSON.parse(documentText);
              } catch {
                return setError({ code: 'invalid-request', message: 'the text is not valid JSON' });
              }
              if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return setError({ code: 'invalid-request', message: 'the document must be a JSON object' });
              answer(await api.invoke('risk.config.import', { accountId, config: parsed as Record<string, unknown> }), 'Imported');
            }}
          >
            Import
          </button>
        </div>
      )}
      <InlineAlert error={error} onDismiss={() => setError(undefined)} testId="risk-settings-error" />
      {saved === undefined ? null : <div className="muted">{saved}</div>}
    </div>
  );
}
