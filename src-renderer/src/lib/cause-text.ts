import { causeLabel, type OrderCause } from '../../../src-shared/domain/order-cause';

/** An order's or fill's cause in a trader's words, a strategy by its name where it is known. */
export function causeText(cause: OrderCause | null | undefined, strategyNames?: ReadonlyMap<string, string>): string {
  return causeLabel(cause, (id) => strategyNames?.get(id));
}

/** The class a cause is shown with: muted for the trader's own, the strategy colour, the risk colour, or a leg's. */
export function causeTone(cause: OrderCause | null | undefined): string {
  if (cause === null || cause === undefined || cause === 'manual') return 'cause cause-manual';
  if (cause.startsWith('strategy:')) return 'cause source-strategy';
  if (cause.startsWith('risk:')) return 'cause cause-risk';
  if (cause.startsWith('bracket:')) return 'cause cause-bracket';
  return 'cause cause-other';
}

/** A fill marker's short prefix for its cause: `SL`, `BE`, `TR`, `T2`, `RISK`; empty for a manual fill (a strategy's is its id). */
export function causeMarker(cause: OrderCause | null | undefined): string {
  if (cause === null || cause === undefined || cause === 'manual' || cause.startsWith('strategy:')) return '';
  if (cause === 'bracket:stop') return 'SL';
  if (cause === 'bracket:break-even') return 'BE';
  if (cause === 'bracket:trail') return 'TR';
  if (cause.startsWith('bracket:target-')) return `T${cause.slice('bracket:target-'.length)}`;
  if (cause.startsWith('risk:')) return 'RISK';
  return 'EXT';
}
