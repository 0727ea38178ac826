import type { StrategyParameters, StrategyStatus } from '../../../src-shared/domain/strategies';
import type { AccountId, ContractId } from '../../../src-shared/domain/ids';
import type { StorePort } from '../ports/store-port';

/** What is kept of a strategy instance across restarts. */
export interface StrategyRecord {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly accountId: AccountId;
  readonly contractId: ContractId;
  readonly symbol: string;
  readonly parameters: StrategyParameters;
  readonly pendingParameters: StrategyParameters | null;
  readonly status: StrategyStatus;
  readonly createdAt: number;
}

const recordsKey = 'strategies.instances';

function isRecord(value: unknown): value is StrategyRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.id === 'string' &&
    typeof record.kind === 'string' &&
    typeof record.accountId === 'number' &&
    typeof record.contractId === 'string' &&
    typeof record.parameters === 'object' &&
    record.parameters !== null
  );
}

/** Reads the saved instances (malformed rows are skipped). */
export function loadStrategyRecords(store: StorePort | undefined): StrategyRecord[] {
  const stored = store?.setting(recordsKey);
  return Array.isArray(stored) ? stored.filter(isRecord) : [];
}

/** Saves every instance. */
export function saveStrategyRecords(store: StorePort | undefined, records: readonly StrategyRecord[]): void {
  store?.saveSetting(recordsKey, records);
}

/** The next free id for a kind, e.g. `trend-following` → `tf-4`. */
export function nextStrategyId(kind: string, taken: Iterable<string>): string {
  const prefix = kind
    .split('-')
    .map((word) => word[0] ?? '')
    .join('');
  let highest = 0;
  for (const id of taken) {
    const number = Number(/-(\d+)$/.exec(id)?.[1] ?? 0);
    if (number > highest) highest = number;
  }
  return `${prefix}-${highest + 1}`;
}
