import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { EventPayload } from '../../../../src-shared/contract';
import type { AccountSummary, PositionSummary } from '../../../../src-shared/domain/summaries';
import { isFinalStatus, type FillView, type OrderView } from '../../../../src-shared/domain/trading';
import { useContractEvent, useLinkState } from '../../bridge/bridge-context';
import { accountKeys, connectionKeys, fillHistoryLimit, fillKeys, orderKeys, positionKeys } from './query-keys';
import { rememberContract } from './trading-queries';

function upsertOrder(list: readonly OrderView[] | undefined, order: OrderView, keepFinal: boolean): OrderView[] | undefined {
  if (list === undefined) return undefined;
  const rest = list.filter((existing) => existing.id !== order.id);
  if (!keepFinal && isFinalStatus(order.status)) return rest;
  const index = list.findIndex((existing) => existing.id === order.id);
  if (index === -1) return [...rest, order];
  return list.map((existing) => (existing.id === order.id ? order : existing));
}

function applyOrder(client: QueryClient, order: OrderView): void {
  client.setQueryData<OrderView[]>(orderKeys.working(order.accountId), (list) => upsertOrder(list, order, false));
  client.setQueryData<OrderView[]>(orderKeys.recent(order.accountId), (list) => upsertOrder(list, order, true));
}

function applyPosition(client: QueryClient, change: EventPayload<'positions.changed'>): void {
  if (change.summary !== null) rememberContract(client, change.summary.contract);
  client.setQueryData<PositionSummary[]>(positionKeys.list(change.accountId), (list) => {
    if (list === undefined) return undefined;
    const rest = list.filter((summary) => summary.position.contractId !== change.contractId);
    if (change.summary === null || change.summary.position.size === 0) return rest;
    const index = list.findIndex((summary) => summary.position.contractId === change.contractId);
    const summary = change.summary;
    return index === -1 ? [...rest, summary] : list.map((existing) => (existing.position.contractId === change.contractId ? summary : existing));
  });
}

function applyFill(client: QueryClient, fill: FillView): void {
  client.setQueryData<FillView[]>(fillKeys.list(fill.accountId), (list) => {
    if (list === undefined) return list;
    // A fill announced again voided (a busted trade) replaces its first announcement.
    if (list.some((existing) => existing.id === fill.id)) return fill.voided ? list.map((existing) => (existing.id === fill.id ? fill : existing)) : list;
    return [fill, ...list].slice(0, fillHistoryLimit);
  });
}

function applyAccount(client: QueryClient, summary: AccountSummary): void {
  client.setQueryData<AccountSummary[]>(accountKeys.list(), (list) => {
    if (list === undefined) return undefined;
    const others = summary.selected
      ? list.map((existing) => (existing.selected && existing.account.id !== summary.account.id ? { ...existing, selected: false } : existing))
      : list;
    const index = others.findIndex((existing) => existing.account.id === summary.account.id);
    return index === -1 ? [...others, summary] : others.map((existing) => (existing.account.id === summary.account.id ? summary : existing));
  });
}

function invalidateTrading(client: QueryClient): void {
  for (const key of [accountKeys.all, orderKeys.all, positionKeys.all, fillKeys.all]) void client.invalidateQueries({ queryKey: key });
}

/**
 * Keeps react-query's copy of main-owned state current from pushed events, with no polling:
 * orders, positions, fills, accounts and the connection are patched in place; when the link or
 * the broker comes back, everything is read again because events sent during the gap are lost.
 * Mounted once, by the app shell.
 */
export function useTradingEventSync(): void {
  const client = useQueryClient();
  const link = useLinkState();
  const wasActive = useRef(false);
  useContractEvent('orders.changed', (order) => applyOrder(client, order));
  useContractEvent('positions.changed', (change) => applyPosition(client, change));
  useContractEvent('fills.added', (fill) => applyFill(client, fill));
  useContractEvent('accounts.changed', (summary) => applyAccount(client, summary));
  useContractEvent('connection.changed', (state) => {
    client.setQueryData(connectionKeys.state(), state);
    const active = state.trading === 'active';
    if (active && !wasActive.current) invalidateTrading(client);
    wasActive.current = active;
  });
  useEffect(() => {
    if (link !== 'live') return;
    void client.invalidateQueries({ queryKey: connectionKeys.all });
    invalidateTrading(client);
  }, [client, link]);
}
