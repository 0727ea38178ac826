import type { BarView } from '../../../../src-shared/domain/trading';
import type { AppError, Result } from '../../../../src-shared/result';
import { prependHistory } from '../../lib/bar-aggregation';

/** Loads one page of bars ending before `to` (epoch ms, exclusive), newest last. */
export type BarsLoader = (page: { readonly to: number | undefined; readonly count: number }) => Promise<Result<BarView[]>>;

/** Most bars one `market.bars` call returns (the core pages the broker itself). */
export const maxPageSize = 100_000;

/**
 * Loads `depth` bars back from now: one call up to 100,000 bars; when the answer is short (the
 * broker's history has a gap), older pages follow, each ending where the previous began. Stops when
 * the broker has no older bars; `isCurrent` abandons a load the chart no longer wants.
 */
export async function loadDepth(
  load: BarsLoader,
  depth: number,
  isCurrent: () => boolean,
): Promise<{ ok: true; bars: BarView[] } | { ok: false; error: AppError }> {
  let bars: BarView[] = [];
  let to: number | undefined;
  for (let pages = 0; bars.length < depth && pages < Math.ceil(depth / 1000) + 4; pages++) {
    const count = Math.min(maxPageSize, depth - bars.length);
    const page = await load({ to, count });
    if (!isCurrent()) return { ok: true, bars: [] };
    if (!page.ok) return bars.length > 0 ? { ok: true, bars } : { ok: false, error: page.error };
    const merged = prependHistory(page.value, bars);
    if (merged.length === bars.length) break;
    bars = merged;
    to = bars[0]?.time;
  }
  return { ok: true, bars };
}
