import type { CallRequest } from '../../../../src-shared/contract';
import type { StrategyKindView } from '../../../../src-shared/domain/strategies';
import { exchangeDateRange } from '../../../../src-shared/exchange';
import { defaultParameters, parseParameters } from '../../lib/strategy-parameters';
import { timeframeById } from '../../lib/timeframes';
import type { BacktestForm } from './backtest-store';

/** The form read as a `backtest.start` request, or the reason per field it cannot be sent. */
export function backtestRequest(
  form: BacktestForm,
  kind: StrategyKindView | undefined,
): { request: CallRequest<'backtest.start'> | undefined; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (kind === undefined) errors.kind = 'choose a strategy';
  if (form.symbol.trim() === '') errors.symbol = 'a symbol is required';
  const range = exchangeDateRange(form.fromDate, form.toDate);
  if (range === undefined) errors.dates = 'the period needs a first and a last date, in order';
  const slippage = Number(form.slippageTicks);
  if (!Number.isInteger(slippage) || slippage < 0 || slippage > 100) errors.slippageTicks = 'whole ticks, 0 to 100';
  const balance = Number(form.startingBalance);
  if (!Number.isFinite(balance) || balance <= 0) errors.startingBalance = 'a positive amount';
  const specs = kind?.parameters ?? [];
  const parameters = parseParameters(specs, defaultParameters(specs), form.drafts);
  for (const [key, reason] of Object.entries(parameters.errors)) errors[`parameter.${key}`] = reason;
  if (Object.keys(errors).length > 0 || kind === undefined || range === undefined) return { request: undefined, errors };
  const frame = timeframeById(form.timeframeId);
  return {
    request: {
      strategy: kind.kind,
      symbol: form.symbol.trim(),
      from: range.from,
      to: range.to,
      unit: frame.unit,
      unitNumber: frame.unitNumber,
      parameters: parameters.values,
      source: form.source,
      slippageTicks: slippage,
      startingBalance: balance,
    },
    errors,
  };
}
