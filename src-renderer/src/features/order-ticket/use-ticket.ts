import { useState } from 'react';
import type { AppError } from '../../../../src-shared/result';
import type { ContractView, OrderSide } from '../../../../src-shared/domain/trading';
import { useTerminalApi } from '../../bridge/bridge-context';
import { readOrderDefaults } from '../../lib/order-defaults-store';
import { useMarketStatus } from '../../lib/market-status';
import { useOrderEntryGate, usePlaceOrder } from '../../lib/order-entry';
import { useBracketCatalog } from '../../lib/queries/bracket-queries';
import { bracketOfEntry } from '../../lib/use-bracket-choice';
import { parsePriceText } from '../../lib/ticks';
import { describeError } from '../../lib/use-contract-action';
import { useLimitText, useStopText, useTicketType, useTrailTicks } from './ticket-store';

/** The last thing the ticket did: a confirmation or the reason it was refused. */
export type TicketOutcome = { readonly kind: 'sent'; readonly text: string } | { readonly kind: 'failed'; readonly error: AppError } | undefined;

/** What the ticket's buttons and hotkeys do, with the outcome kept for the ticket to show. */
export function useTicket(contract: ContractView | undefined, accountId: number | undefined) {
  const api = useTerminalApi();
  const entry = useOrderEntryGate();
  // A closed market (weekend, holiday, daily halt) refuses new orders before the click: say so and when it opens.
  const market = useMarketStatus(contract?.symbol);
  const gate = entry.enabled && !market.open ? { enabled: false, reason: market.text } : entry;
  const { place, pending } = usePlaceOrder();
  const type = useTicketType();
  const limitText = useLimitText();
  const stopText = useStopText();
  const trailTicks = useTrailTicks();
  const catalog = useBracketCatalog().data;
  const [outcome, setOutcome] = useState<TicketOutcome>(undefined);

  const refuse = (message: string) => setOutcome({ kind: 'failed', error: { code: 'not-connected', message } });

  const submit = async (side: OrderSide, market = false) => {
    if (contract === undefined) return refuse('choose a contract first');
    if (!gate.enabled) return refuse(gate.reason ?? 'order entry is disabled');
    const defaults = readOrderDefaults();
    const orderType = market ? 'market' : type;
    const bracket = bracketOfEntry(catalog, accountId, contract.symbol, defaults.size);
    const outcomeOf = await place({
      accountId,
      contract,
      side,
      type: orderType,
      size: defaults.size,
      limitTicks: parsePriceText(limitText, contract.tickSize),
      stopTicks: parsePriceText(stopText, contract.tickSize),
      trailTicks,
      ...bracket.request,
      plan: bracket.plan,
    });
    if (outcomeOf.ok)
      setOutcome({
        kind: 'sent',
        text: `${side === 'buy' ? 'Buy' : 'Sell'} ${defaults.size} ${contract.name} ${orderType} sent · order ${outcomeOf.placed.orderId}`,
      });
    else setOutcome({ kind: 'failed', error: outcomeOf.error });
  };

  const bulk = async (label: string, run: () => Promise<{ ok: true } | { ok: false; error: AppError }>) => {
    const result = await run();
    setOutcome(result.ok ? { kind: 'sent', text: label } : { kind: 'failed', error: result.error });
  };

  const symbol = contract?.id;
  return {
    gate,
    market,
    pending,
    outcome,
    outcomeText: outcome === undefined ? undefined : outcome.kind === 'sent' ? outcome.text : describeError(outcome.error),
    dismiss: () => setOutcome(undefined),
    buy: () => submit('buy'),
    sell: () => submit('sell'),
    buyMarket: () => submit('buy', true),
    sellMarket: () => submit('sell', true),
    flatten: () =>
      bulk('Flattened every position', async () => {
        const result = await api.invoke('positions.flatten', { accountId });
        return result.ok ? { ok: true } : result;
      }),
    reverse: () =>
      bulk(`Reversed ${contract?.name ?? ''}`, async () => {
        if (symbol === undefined) return { ok: false, error: { code: 'invalid-request', message: 'choose a contract first' } };
        const result = await api.invoke('positions.reverse', { accountId, symbol });
        return result.ok ? { ok: true } : result;
      }),
    cancelAll: () =>
      bulk('Cancelled every working order', async () => {
        const result = await api.invoke('orders.cancelAll', { accountId });
        return result.ok ? { ok: true } : result;
      }),
  };
}
