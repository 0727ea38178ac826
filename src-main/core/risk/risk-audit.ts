import type { AccountId } from '../../../src-shared/domain/ids';
import type { RiskAuditEntryView, RiskAuditPage } from '../../../src-shared/domain/risk';
import type { StorePort } from '../ports/store-port';

/** The store pages scanned at most for one page of risk rows (other rows are skipped). */
const maxScans = 20;

/** True for a row the risk manager wrote (its own actions and its configuration changes). */
export function isRiskRow(row: { readonly action: string; readonly actor: string }): boolean {
  return row.action.startsWith('risk.') || row.actor.startsWith('risk:');
}

/** Up to `limit` risk rows older than the cursor, newest first, reading the audit log page by page. */
export function readRiskAudit(store: StorePort | undefined, accountId: AccountId | null, before: number | null, limit: number): RiskAuditPage {
  if (store === undefined) return { entries: [], nextBefore: null };
  const entries: RiskAuditEntryView[] = [];
  let cursor = before;
  for (let scan = 0; scan < maxScans && entries.length < limit; scan++) {
    const page = store.auditPage(accountId, cursor, Math.max(limit, 100));
    for (const row of page.entries) {
      if (!isRiskRow(row)) continue;
      entries.push(row);
      if (entries.length === limit) return { entries, nextBefore: row.id };
    }
    if (page.nextBefore === null) return { entries, nextBefore: null };
    cursor = page.nextBefore;
  }
  return { entries, nextBefore: cursor };
}
