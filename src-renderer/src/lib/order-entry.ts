import { useCallback, useState } from 'react';
import type { PlacedOrder } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';
import { useLinkState, useTerminalApi } from '../bridge/bridge-context';
import { buildPlaceRequest, type TicketOrder } from './order-request';
import { usePlannedBracketsActions } from './planned-brackets-store';
import { useRiskLock } from './queries/risk-queries';
import { useConnectionState, useSelectedAccount } from './queries/trading-queries';

/** Whether orders may be sent from this window now, and why not. */
export interface OrderEntryGate {
  readonly enabled: boolean;
  readonly reason: string | undefined;
}

/**
 * One answer for every place that sends orders: the link to the terminal, the broker's trading
 * state (halted until reconciled, and on a disconnect), the account's canTrade, and risk locks.
 */
export function useOrderEntryGate(): OrderEntryGate {
  const link = useLinkState();
  const connection = useConnectionState().data;
  const account = useSelectedAccount();
  const lock = useRiskLock(account?.account.id);
  if (link !== 'live') return { enabled: false, reason: 'the link to the terminal is down' };
  if (connection === undefined) return { enabled: false, reason: 'waiting for the terminal' };
  if (connection.trading !== 'active') return { enabled: false, reason: `trading halted: ${connection.reason}` };
  if (account === undefined) return { enabled: false, reason: 'no account' };
  if (!account.account.canTrade) return { enabled: false, reason: `${account.account.name} cannot trade (the broker reports canTrade = false)` };
  if (lock !== undefined) return { enabled: false, reason: `locked: ${lock}` };
  return { enabled: true, reason: undefined };
}

/** The outcome of placing an order: the broker's ids, or the typed reason it was refused. */
export type PlaceOutcome = { ok: true; placed: PlacedOrder } | { ok: false; error: AppError };

/** Places orders from intents, remembering the planned bracket so the chart can draw it. */
export function usePlaceOrder(): { place(intent: TicketOrder): Promise<PlaceOutcome>; readonly pending: boolean } {
  const api = useTerminalApi();
  const brackets = usePlannedBracketsActions();
  const [pending, setPending] = useState(0);
  const place = useCallback(
    async (intent: TicketOrder): Promise<PlaceOutcome> => {
      const built = buildPlaceRequest(intent);
      if (!built.ok) return { ok: false, error: { code: 'invalid-request', message: built.problem.message, field: built.problem.field } };
      setPending((count) => count + 1);
      try {
        const result = await api.invoke('orders.place', built.request);
        if (!result.ok) return { ok: false, error: result.error };
        if (intent.type !== 'market' && intent.plan !== undefined && intent.plan !== null) brackets.entryPlaced(result.value.orderId, intent.plan);
        return { ok: true, placed: result.value };
      } finally {
        setPending((count) => count - 1);
      }
    },
    [api, brackets],
  );
  return { place, pending: pending > 0 };
}
