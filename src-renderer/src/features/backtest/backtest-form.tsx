import type { StrategyKindView } from '../../../../src-shared/domain/strategies';
import { ParameterFields } from '../../components/parameter-fields';
import { defaultParameters, parseParameters } from '../../lib/strategy-parameters';
import { timeframes } from '../../lib/timeframes';
import { useBacktestActions, type BacktestForm } from './backtest-store';

function FieldError({ text }: { text: string | undefined }) {
  return text === undefined ? null : <span className="parameter-error">{text}</span>;
}

/** Strategy kind, symbol, period, bar unit, data source, costs and the kind's parameters. */
export function BacktestFormFields({
  form,
  kinds,
  kind,
  errors,
}: {
  form: BacktestForm;
  kinds: readonly StrategyKindView[];
  kind: StrategyKindView | undefined;
  errors: Readonly<Record<string, string>>;
}) {
  const actions = useBacktestActions();
  const specs = kind?.parameters ?? [];
  const parameterErrors = parseParameters(specs, defaultParameters(specs), form.drafts).errors;
  return (
    <div className="backtest-form" data-testid="backtest-form">
      <div className="form-grid">
        <label className="form-field">
          <span className="field-label">Strategy</span>
          <select value={kind?.kind ?? ''} data-testid="backtest-kind" onChange={(event) => actions.formEdited({ kind: event.target.value })}>
            {kinds.map((candidate) => (
              <option key={candidate.kind} value={candidate.kind}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span className="field-label">Symbol</span>
          <input
            className="mono text-input"
            value={form.symbol}
            spellCheck={false}
            data-testid="backtest-symbol"
            onChange={(event) => actions.formEdited({ symbol: event.target.value.toUpperCase() })}
          />
          <FieldError text={errors.symbol} />
        </label>
        <label className="form-field">
          <span className="field-label">From</span>
          <input
            type="date"
            className="text-input"
            value={form.fromDate}
            data-testid="backtest-from"
            onChange={(event) => actions.formEdited({ fromDate: event.target.value })}
          />
        </label>
        <label className="form-field">
          <span className="field-label">To</span>
          <input
            type="date"
            className="text-input"
            value={form.toDate}
            data-testid="backtest-to"
            onChange={(event) => actions.formEdited({ toDate: event.target.value })}
          />
          <FieldError text={errors.dates} />
        </label>
        <label className="form-field">
          <span className="field-label">Bars</span>
          <select value={form.timeframeId} data-testid="backtest-unit" onChange={(event) => actions.formEdited({ timeframeId: event.target.value })}>
            {timeframes.map((frame) => (
              <option key={frame.id} value={frame.id}>
                {frame.label}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span className="field-label">Data</span>
          <select
            value={form.source}
            data-testid="backtest-source"
            onChange={(event) => actions.formEdited({ source: event.target.value === 'simulator' ? 'simulator' : 'history' })}
          >
            <option value="history">Broker history</option>
            <option value="simulator">Simulator tape</option>
          </select>
        </label>
        <label className="form-field">
          <span className="field-label">Slippage</span>
          <span>
            <input
              className="mono text-input short-input"
              value={form.slippageTicks}
              data-testid="backtest-slippage"
              onChange={(event) => actions.formEdited({ slippageTicks: event.target.value })}
            />
            <span className="field-suffix">ticks</span>
          </span>
          <FieldError text={errors.slippageTicks} />
        </label>
        <label className="form-field">
          <span className="field-label">Balance</span>
          <span>
            <input
              className="mono text-input short-input"
              value={form.startingBalance}
              data-testid="backtest-balance"
              onChange={(event) => actions.formEdited({ startingBalance: event.target.value })}
            />
            <span className="field-suffix">$</span>
          </span>
          <FieldError text={errors.startingBalance} />
        </label>
      </div>
      {kind === undefined ? null : <p className="muted strategy-description">{kind.description}</p>}
      <ParameterFields
        specs={specs}
        values={defaultParameters(specs)}
        drafts={form.drafts}
        errors={parameterErrors}
        showTiming={false}
        onDraft={actions.parameterEdited}
        testId="backtest-parameters"
      />
    </div>
  );
}
