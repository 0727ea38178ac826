import { useContract } from '../../lib/queries/trading-queries';
import { useActiveSymbol } from '../../lib/workspace-store';

/** The contract the ticket trades: the workspace's active symbol, resolved. */
export function useTicketContract() {
  return useContract(useActiveSymbol());
}
