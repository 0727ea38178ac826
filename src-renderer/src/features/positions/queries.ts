import type { PositionSummary } from '../../../../src-shared/domain/summaries';
import type { QuoteView } from '../../../../src-shared/domain/trading';
import { openProfit } from '../../lib/profit-and-loss';
import { useLastQuotes } from '../../lib/quote-feed-context';
import { usePositions, useSelectedAccount } from '../../lib/queries/trading-queries';

/** A position row with its live mark and open P&L. */
export interface PositionRow {
  readonly summary: PositionSummary;
  readonly markTicks: number | null;
  readonly openTicks: number | undefined;
  readonly openCents: number | undefined;
}

/** Live open P&L of a position from the latest quote (the summary's figure until one arrives). */
export function positionRow(summary: PositionSummary, quote: QuoteView | undefined): PositionRow {
  const mark = quote?.lastTicks ?? summary.markTicks;
  if (mark === null) return { summary, markTicks: null, openTicks: undefined, openCents: undefined };
  const profit = openProfit(summary.position, mark, summary.contract);
  return { summary, markTicks: mark, openTicks: profit.ticks, openCents: profit.cents };
}

/** The selected account's positions with live P&L, re-computed at most once per frame. */
export function usePositionRows(): { rows: PositionRow[]; accountId: number | undefined; loading: boolean } {
  const account = useSelectedAccount();
  const accountId = account?.account.id;
  const positions = usePositions(accountId);
  const list = positions.data ?? [];
  const quotes = useLastQuotes(list.map((summary) => summary.contract.id));
  return { rows: list.map((summary) => positionRow(summary, quotes.get(summary.contract.id))), accountId, loading: positions.isPending };
}
