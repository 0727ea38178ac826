import type { PositionSummary } from '../src-shared/domain/summaries';
import type { FillView, OrderView } from '../src-shared/domain/trading';
import { isLeg, legViolations, signedSize } from '../src-main/integration/protection-invariants';
import type { BrokerOrder, SimState } from './broker';
import type { HostUnderSoak } from './host';
import type { CallRecord, Ledger } from './ledger';
import type { TradedContract } from './workload';

/** One checked invariant: its name, whether it held, and what broke. */
export interface Invariant {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

/** Where the run began at the broker, for the end's comparisons. */
export interface RunStart {
  /** The newest broker fill before the soak: later ones are the soak's. */
  readonly afterTradeId: number;
  /** The broker's clock minus the wall clock at the start. */
  readonly clockOffsetMs: number;
  /** An instant before the first order, for `Order/search`. */
  readonly sinceIso: string;
}

function invariant(name: string, problems: readonly string[]): Invariant {
  return problems.length === 0
    ? { name, ok: true }
    : { name, ok: false, detail: problems.slice(0, 12).join('; ') + (problems.length > 12 ? `; … ${problems.length - 12} more` : '') };
}

/** The differences between two lists of keys, in words. */
function differences(what: string, terminal: readonly string[], broker: readonly string[]): string[] {
  const left = new Set(terminal);
  const right = new Set(broker);
  return [
    ...[...right].filter((key) => !left.has(key)).map((key) => `${what} at the broker only: ${key}`),
    ...[...left].filter((key) => !right.has(key)).map((key) => `${what} in the terminal only: ${key}`),
  ];
}

function price(ticks: number | null, tickSize: number): string {
  return ticks === null ? '-' : String(ticks * tickSize);
}

/**
 * The terminal against the broker for one account: positions, working orders (suspended bracket
 * children aside) and the fills since the run began. `undefined` when the terminal cannot answer.
 */
export async function compareAccount(
  host: HostUnderSoak,
  state: SimState,
  accountId: number,
  start: RunStart,
  contracts: readonly TradedContract[],
): Promise<Invariant[]> {
  const tickSize = (contractId: string): number => contracts.find((contract) => contract.contractId === contractId)?.tickSize ?? 1;
  const [positions, orders, fills] = await Promise.all([
    host.read('positions.list', { accountId }),
    host.read('orders.list', { accountId }),
    host.read('fills.list', { accountId, limit: 5000 }),
  ]);
  const unanswered = (result: { ok: boolean; error?: { message: string } }): string[] =>
    result.ok ? [] : [`the terminal did not answer: ${result.error?.message ?? ''}`];

  const brokerPositions = state.positions
    .filter((position) => position.accountId === accountId && position.size !== 0)
    .map((position) => `${position.contractId} ${signedSize(state, accountId, position.contractId)}`);
  const terminalPositions = positions.ok
    ? positions.value
        .map((summary: PositionSummary) => summary.position)
        .filter((position) => position.size !== 0)
        .map((position) => `${position.contractId} ${position.size}`)
    : [];

  const brokerOrders = state.workingOrders
    .filter((order) => order.accountId === accountId && order.status !== 8)
    .map((order) => `${order.id} ${order.side === 0 ? 'buy' : 'sell'} ${order.size} stop ${order.stopPrice ?? '-'} limit ${order.limitPrice ?? '-'}`);
  const terminalOrders = orders.ok
    ? orders.value
        .filter((order: OrderView) => order.status !== 'suspended')
        .map(
          (order) =>
            `${order.id} ${order.side} ${order.size} stop ${price(order.stopTicks, tickSize(order.contractId))} limit ${price(order.limitTicks, tickSize(order.contractId))}`,
        )
    : [];

  const brokerFills = state.trades
    .filter((trade) => trade.accountId === accountId && trade.id > start.afterTradeId)
    .map((trade) => `${trade.id} order ${trade.orderId} ${trade.side === 0 ? 'buy' : 'sell'} ${trade.size}${trade.voided ? ' voided' : ''}`);
  const terminalFills = fills.ok
    ? fills.value
        .filter((fill: FillView) => fill.id > start.afterTradeId)
        .map((fill) => `${fill.id} order ${fill.orderId} ${fill.side} ${fill.size}${fill.voided ? ' voided' : ''}`)
    : [];

  return [
    invariant(`positions equal (${accountId})`, [...unanswered(positions), ...differences('position', terminalPositions, brokerPositions)]),
    invariant(`working orders equal (${accountId})`, [...unanswered(orders), ...differences('working order', terminalOrders, brokerOrders)]),
    invariant(`fills equal (${accountId})`, [...unanswered(fills), ...differences('fill', terminalFills, brokerFills)]),
  ];
}

/** The protection invariants of every account and contract with a position, a working order or the workload's trading. */
export function protectionInvariants(state: SimState, accounts: readonly number[], contracts: readonly TradedContract[]): Invariant[] {
  const checked: Invariant[] = [];
  for (const accountId of accounts) {
    const ids = new Set([
      ...contracts.map((contract) => contract.contractId),
      ...state.positions.filter((position) => position.accountId === accountId).map((position) => position.contractId),
      ...state.workingOrders.filter((order) => order.accountId === accountId).map((order) => order.contractId),
    ]);
    for (const contractId of [...ids].sort())
      checked.push(invariant(`protection follows the position (${accountId} ${contractId})`, legViolations(state, accountId, contractId)));
  }
  return checked;
}

/** What the broker's order history says about the soak's orders. */
export interface OrderAudit {
  readonly invariants: Invariant[];
  /** Entry orders the terminal placed (a `tt-` tag, not a leg) that were never acknowledged to the soak. */
  readonly lateOrders: number;
  readonly lateOrderDetails: string[];
  /** Unacknowledged entry orders placed by an acknowledged reverse (its answer names no order). */
  readonly reverseOrders: number;
  readonly brokerOrders: number;
}

/**
 * Checks the broker's orders: no two share a client tag, every acknowledged order is there, and
 * counts the late orders: terminal entries the soak was never told were placed. Each is attributed
 * to the call of the same account in flight when the broker created it (an account's calls never
 * overlap): an acknowledged reverse placed it (not late), else a failed call did (late).
 */
export function auditOrders(orders: readonly BrokerOrder[], ledger: Ledger, wallTimeOf: (brokerMs: number) => number): OrderAudit {
  const byTag = new Map<string, BrokerOrder[]>();
  for (const order of orders) {
    if (order.customTag === null || order.customTag === '') continue;
    byTag.set(order.customTag, [...(byTag.get(order.customTag) ?? []), order]);
  }
  const duplicates = [...byTag]
    .filter(([, sharing]) => sharing.length > 1)
    .map(([tag, sharing]) => `${tag}: orders ${sharing.map((order) => order.id).join(', ')}`);

  const ids = new Map(orders.map((order) => [`${order.accountId} ${order.id}`, order]));
  const unknown = [...ledger.acknowledged.values()]
    .filter((placed) => ids.get(`${placed.accountId} ${placed.orderId}`)?.customTag !== placed.customTag)
    .map((placed) => `order ${placed.orderId} (${placed.customTag}) of ${placed.accountId}`);

  let lateOrders = 0;
  let reverseOrders = 0;
  const lateOrderDetails: string[] = [];
  const slackMs = 250;
  /** Acknowledged reverses that already claimed their one order. */
  const claimed = new Set<CallRecord>();
  const rejected = 5;
  for (const order of orders) {
    const tag = order.customTag;
    if (tag === null || !tag.startsWith('tt-') || isLeg(order) || ledger.acknowledged.has(tag) || order.status === rejected) continue;
    const createdAt = wallTimeOf(Date.parse(order.creationTimestamp));
    // A call the client gave up on (timeout) may still be running in the host: its window stays open.
    const inWindow = (call: CallRecord): boolean =>
      call.accountId === order.accountId &&
      call.startedAt - slackMs <= createdAt &&
      createdAt <= (call.code === 'timeout' ? Number.POSITIVE_INFINITY : call.endedAt + slackMs);
    const reverse = ledger.calls.find((call) => call.channel === 'positions.reverse' && call.ok && !claimed.has(call) && inWindow(call));
    if (reverse !== undefined) {
      claimed.add(reverse);
      reverseOrders += 1;
      continue;
    }
    const cause =
      ledger.calls.find((call) => call.customTag === tag) ??
      ledger.calls.findLast((call) => (call.channel === 'orders.place' || call.channel === 'positions.reverse') && inWindow(call));
    lateOrders += 1;
    lateOrderDetails.push(
      `${order.id} ${tag} (account ${order.accountId}, status ${order.status}): ${cause === undefined ? 'no call in flight' : `${cause.channel} answered ${cause.code ?? 'ok'}`}`,
    );
  }
  return {
    invariants: [invariant('no duplicate order (a client tag used once)', duplicates), invariant('every acknowledged order is known to the broker', unknown)],
    lateOrders,
    lateOrderDetails,
    reverseOrders,
    brokerOrders: orders.length,
  };
}
