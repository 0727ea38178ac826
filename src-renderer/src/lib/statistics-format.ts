import { formatCents } from '../../../src-shared/domain/money';

/** `62.5%` from a 0..1 rate. */
export function formatRate(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A profit factor: two decimals, `∞` when nothing was lost (null), `—` without trades. */
export function formatProfitFactor(factor: number | null, trades: number): string {
  if (trades === 0) return '—';
  return factor === null ? '∞' : factor.toFixed(2);
}

/** A Sharpe ratio with two decimals, or `—` when it cannot be computed. */
export function formatSharpe(sharpe: number | null): string {
  return sharpe === null || !Number.isFinite(sharpe) ? '—' : sharpe.toFixed(2);
}

/** Money that may be fractional (averages per trade), rounded to the cent. */
export function formatAverageCents(cents: number): string {
  return formatCents(Math.round(cents));
}

/** Money with its sign shown: `+$1,250.00`. */
export function formatSignedCents(cents: number): string {
  const rounded = Math.round(cents);
  return rounded > 0 ? `+${formatCents(rounded)}` : formatCents(rounded);
}
