import { accountModelOf } from './account-ledger';
import { orderByIdCode, searchCode } from './error-codes';
import type { AccountModel, ExchangeAnswer, HalfTradeModel, OrderModel, PositionModel } from './exchange-api';
import type { ExchangeContext } from './exchange-context';
import { orderModelOf, type OrderRecord } from './order-store';
import { positionModelOf } from './position-ledger';
import { orderStatus } from './projectx-enums';
import {
  accountOnlySchema,
  accountSearchSchema,
  orderByIdSchema,
  parseBody,
  queryOrdersSchema,
  searchWindowSchema,
  tradeSearchSchema,
} from './request-schemas';
import { parseTimestamp } from './timestamps';

/** The read endpoints over accounts, orders, positions and fills. */

function invalid<T>(code: number, failure: { readonly field: string; readonly message: string }): ExchangeAnswer<T> {
  return { errorCode: code, errorMessage: failure.message, invalidField: failure.field };
}

const accountMissing = { errorCode: searchCode.accountNotFound, errorMessage: 'Account not found.' } as const;
const openStatuses: ReadonlySet<number> = new Set([orderStatus.open, orderStatus.pending, orderStatus.pendingCancellation]);

function inWindow(ms: number, start: number | null, end: number | null): boolean {
  return (start === null || ms >= start) && (end === null || ms <= end);
}

function timeOf(text: string | null | undefined): number | null {
  return text === null || text === undefined ? null : parseTimestamp(text);
}

/** `Account/search`; `onlyActiveAccounts` keeps the accounts that can trade. */
export function searchAccounts(context: ExchangeContext, body: unknown): ExchangeAnswer<AccountModel[]> {
  const parsed = parseBody(accountSearchSchema, body);
  if (!parsed.ok) return invalid(searchCode.success, parsed.invalid);
  const onlyActive = parsed.value?.onlyActiveAccounts === true;
  const accounts = context.accounts.all().filter((account) => !onlyActive || (account.canTrade && account.isVisible));
  return { errorCode: 0, errorMessage: null, value: accounts.map(accountModelOf) };
}

/** `Order/search`: orders created in the window, oldest first. */
export function searchOrders(context: ExchangeContext, body: unknown): ExchangeAnswer<OrderModel[]> {
  const parsed = parseBody(searchWindowSchema, body);
  if (!parsed.ok) return invalid(searchCode.accountNotFound, parsed.invalid);
  if (context.accounts.get(parsed.value.accountId) === undefined) return accountMissing;
  const start = timeOf(parsed.value.startTimestamp);
  const end = timeOf(parsed.value.endTimestamp);
  const orders = context.orders.list(parsed.value.accountId).filter((order) => inWindow(order.createdMs, start, end));
  return { errorCode: 0, errorMessage: null, value: orders.sort((left, right) => left.id - right.id).map(orderModelOf) };
}

/** `Order/searchOpen`: working and pending orders; Suspended bracket legs are left out. */
export function searchOpenOrders(context: ExchangeContext, body: unknown): ExchangeAnswer<OrderModel[]> {
  const parsed = parseBody(accountOnlySchema, body);
  if (!parsed.ok) return invalid(searchCode.accountNotFound, parsed.invalid);
  if (context.accounts.get(parsed.value.accountId) === undefined) return accountMissing;
  const orders = context.orders.list(parsed.value.accountId).filter((order) => openStatuses.has(order.status));
  return { errorCode: 0, errorMessage: null, value: orders.sort((left, right) => left.id - right.id).map(orderModelOf) };
}

/** `Order/searchById`. */
export function searchOrderById(context: ExchangeContext, body: unknown): ExchangeAnswer<OrderModel> {
  const parsed = parseBody(orderByIdSchema, body);
  if (!parsed.ok) return invalid(orderByIdCode.orderNotFound, parsed.invalid);
  const order = context.orders.get(parsed.value.orderId);
  if (order === undefined || order.accountId !== parsed.value.accountId) return { errorCode: orderByIdCode.orderNotFound, errorMessage: 'Order not found.' };
  return { errorCode: 0, errorMessage: null, value: orderModelOf(order) };
}

/** `Order/v2/query`: filter, sort (0 created, 1 id; 0 ascending, 1 descending, newest first by default), page of at most 100. */
export function queryOrders(context: ExchangeContext, body: unknown): ExchangeAnswer<{ orders: OrderModel[]; totalCount?: number }> {
  const parsed = parseBody(queryOrdersSchema, body);
  if (!parsed.ok) return invalid(searchCode.accountNotFound, parsed.invalid);
  const { filter } = parsed.value;
  if (context.accounts.get(filter.accountId) === undefined) return accountMissing;
  const statuses = filter.statuses === null || filter.statuses === undefined ? null : new Set(filter.statuses);
  const after = timeOf(filter.createdAfter);
  const before = timeOf(filter.createdBefore);
  const matches = context.orders
    .list(filter.accountId)
    .filter((order) => statuses === null || statuses.has(order.status))
    .filter((order) => filter.contractId === null || filter.contractId === undefined || order.contractId === filter.contractId)
    .filter((order) => (after === null || order.createdMs >= after) && (before === null || order.createdMs <= before));
  const key = (order: OrderRecord): number => (parsed.value.sortBy === 1 ? order.id : order.createdMs * 1e3 + (order.id % 1e3));
  const direction = parsed.value.sortDirection === 0 ? 1 : -1;
  matches.sort((left, right) => direction * (key(left) - key(right)) || direction * (left.id - right.id));
  const offset = parsed.value.pageOffset ?? 0;
  const size = parsed.value.pageSize ?? 100;
  const orders = matches.slice(offset, offset + size).map(orderModelOf);
  const value = parsed.value.includeTotalCount === true ? { orders, totalCount: matches.length } : { orders };
  return { errorCode: 0, errorMessage: null, value };
}

/** `Position/searchOpen`. */
export function searchOpenPositions(context: ExchangeContext, body: unknown): ExchangeAnswer<PositionModel[]> {
  const parsed = parseBody(accountOnlySchema, body);
  if (!parsed.ok) return invalid(searchCode.accountNotFound, parsed.invalid);
  if (context.accounts.get(parsed.value.accountId) === undefined) return accountMissing;
  return { errorCode: 0, errorMessage: null, value: context.positions.list(parsed.value.accountId).map((record) => positionModelOf(record)) };
}

/** `Trade/search`: fills in the window, newest first (as the docs' sample lists them). */
export function searchTrades(context: ExchangeContext, body: unknown): ExchangeAnswer<HalfTradeModel[]> {
  const parsed = parseBody(tradeSearchSchema, body);
  if (!parsed.ok) return invalid(searchCode.accountNotFound, parsed.invalid);
  if (context.accounts.get(parsed.value.accountId) === undefined) return accountMissing;
  const start = timeOf(parsed.value.startTimestamp);
  const end = timeOf(parsed.value.endTimestamp);
  const trades = context.trades
    .filter((entry) => entry.trade.accountId === parsed.value.accountId && inWindow(entry.ms, start, end))
    .map((entry) => entry.trade)
    .sort((left, right) => right.id - left.id);
  return { errorCode: 0, errorMessage: null, value: trades };
}
