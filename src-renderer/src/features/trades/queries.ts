import type { ContractView, FillView } from '../../../../src-shared/domain/trading';
import { realizedTicks } from '../../lib/profit-and-loss';
import { useContractsById, useFills, useSelectedAccount } from '../../lib/queries/trading-queries';

/** A fill with its contract and realized P&L in ticks. */
export interface FillRow {
  readonly fill: FillView;
  readonly contract: ContractView | undefined;
  readonly realizedTicks: number | undefined;
}

/** The fills tab's rows, newest first. */
export function useFillRows(): FillRow[] {
  const accountId = useSelectedAccount()?.account.id;
  const fills = useFills(accountId).data ?? [];
  const contracts = useContractsById(fills.map((fill) => fill.contractId));
  return fills.map((fill) => {
    const contract = contracts.get(fill.contractId);
    const ticks = fill.realizedCents === null || contract === undefined ? undefined : realizedTicks(fill.realizedCents, fill.size, contract.tickValueCents);
    return { fill, contract, realizedTicks: ticks };
  });
}
