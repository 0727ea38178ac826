/**
 * Who caused an order, and so its fills: the trader by hand, one of the position's protective legs,
 * the risk manager (with its rule), a strategy (with its id), or something outside this terminal.
 */
export type OrderCause =
  'manual' | 'other-app' | 'bracket:stop' | 'bracket:break-even' | 'bracket:trail' | `bracket:target-${number}` | `risk:${string}` | `strategy:${string}`;

/** True for a protective leg's cause. */
export function isBracketCause(cause: OrderCause): boolean {
  return cause.startsWith('bracket:');
}

/** The cause of an order placed by `actor` (`trader`, `cli`, `risk:003`, `strategy:<id>`, ...). */
export function causeOfActor(actor: string): OrderCause {
  if (actor.startsWith('risk:') || actor.startsWith('strategy:') || actor.startsWith('bracket:')) return actor as OrderCause;
  return 'manual';
}

/** The cause in a trader's words: "Manual", "Target 2", "Risk RULE-003", "Strategy s-1", "Another app". */
export function causeLabel(cause: OrderCause | null | undefined, strategyName?: (id: string) => string | undefined): string {
  if (cause === null || cause === undefined || cause === 'manual') return 'Manual';
  if (cause === 'other-app') return 'Another app';
  if (cause === 'bracket:stop') return 'Stop';
  if (cause === 'bracket:break-even') return 'Break-even stop';
  if (cause === 'bracket:trail') return 'Trailing stop';
  if (cause.startsWith('bracket:target-')) return `Target ${cause.slice('bracket:target-'.length)}`;
  if (cause.startsWith('risk:')) {
    const rule = cause.slice('risk:'.length);
    return /^\d{3}$/.test(rule) ? `Risk RULE-${rule}` : `Risk ${rule}`;
  }
  const id = cause.slice('strategy:'.length);
  return `Strategy ${strategyName?.(id) ?? id}`;
}
