import { formatCents } from '../../../src-shared/domain/money';
import { formatTicks } from '../lib/profit-and-loss';

function toneOf(value: number): string {
  return value > 0 ? 'up' : value < 0 ? 'down' : 'flat';
}

/** Money coloured by its sign: `+$1,250.00` green, `-$412.50` red. */
export function Money({ cents, signed = true, testId }: { cents: number | undefined; signed?: boolean; testId?: string }) {
  if (cents === undefined) return <span className="num muted">—</span>;
  const text = formatCents(cents);
  return (
    <span className={`num tone-${toneOf(cents)}`} data-testid={testId}>
      {signed && cents > 0 ? `+${text}` : text}
    </span>
  );
}

/** Ticks coloured by their sign: `+12 t`. */
export function Ticks({ ticks }: { ticks: number | undefined }) {
  if (ticks === undefined) return <span className="num muted">—</span>;
  return <span className={`num tone-${toneOf(ticks)}`}>{formatTicks(ticks)}</span>;
}
