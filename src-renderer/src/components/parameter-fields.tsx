import type { StrategyParameterSpec, StrategyParameters } from '../../../src-shared/domain/strategies';
import { draftOf, type ParameterDrafts } from '../lib/strategy-parameters';

/**
 * A form for a strategy kind's parameters: numbers, switches, choices and exchange times, each with
 * its unit, whether a change applies live or on the next start, the value waiting for a restart,
 * and the reason a draft is refused.
 */
export function ParameterFields({
  specs,
  values,
  drafts,
  errors,
  pending,
  showTiming,
  onDraft,
  testId,
}: {
  specs: readonly StrategyParameterSpec[];
  /** The values in force (drafts are edits over them). */
  values: StrategyParameters;
  drafts: ParameterDrafts;
  errors: Readonly<Record<string, string>>;
  /** Values kept for the next start. */
  pending?: StrategyParameters | null;
  /** Show the live / on-restart tag (a running strategy's editor). */
  showTiming: boolean;
  onDraft(key: string, draft: string | boolean): void;
  testId: string;
}) {
  return (
    <div className="parameter-grid" data-testid={testId}>
      {specs.map((spec) => {
        const draft = drafts[spec.key] ?? draftOf(values[spec.key] ?? spec.default);
        const error = errors[spec.key];
        const waiting = pending?.[spec.key];
        return (
          <label key={spec.key} className="parameter-field" title={spec.description} data-key={spec.key}>
            <span className="parameter-label">
              {spec.label}
              {showTiming ? <span className={`timing timing-${spec.live ? 'live' : 'restart'}`}>{spec.live ? 'live' : 'on restart'}</span> : null}
            </span>
            <span className="parameter-input">
              <ParameterInput spec={spec} draft={draft} invalid={error !== undefined} onDraft={(next) => onDraft(spec.key, next)} />
              {spec.unit === undefined ? null : <span className="field-suffix">{spec.unit}</span>}
            </span>
            {error === undefined ? null : <span className="parameter-error">{error}</span>}
            {waiting === undefined ? null : <span className="parameter-pending">next start: {String(waiting)}</span>}
          </label>
        );
      })}
    </div>
  );
}

function ParameterInput({
  spec,
  draft,
  invalid,
  onDraft,
}: {
  spec: StrategyParameterSpec;
  draft: string | boolean;
  invalid: boolean;
  onDraft(draft: string | boolean): void;
}) {
  const testId = `parameter-${spec.key}`;
  if (spec.type === 'boolean')
    return <input type="checkbox" checked={draft === true} data-testid={testId} onChange={(event) => onDraft(event.target.checked)} />;
  const text = typeof draft === 'boolean' ? '' : draft;
  if (spec.type === 'choice') {
    return (
      <select value={text} data-testid={testId} onChange={(event) => onDraft(event.target.value)}>
        {(spec.options ?? []).map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      className="mono"
      inputMode={spec.type === 'time' ? 'text' : 'decimal'}
      placeholder={spec.type === 'time' ? 'HH:MM' : undefined}
      value={text}
      aria-invalid={invalid}
      data-testid={testId}
      onChange={(event) => onDraft(event.target.value)}
    />
  );
}
