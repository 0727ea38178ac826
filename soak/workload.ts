import type { SimBroker } from './broker';
import type { HostUnderSoak } from './host';
import { sleep, type Random } from './random';
import { signedSize } from '../src-main/integration/protection-invariants';

/** A contract the workload trades: its root, broker id and tick size. */
export interface TradedContract {
  readonly symbol: string;
  readonly contractId: string;
  readonly tickSize: number;
}

/** What the workload loops share. */
export interface WorkloadContext {
  readonly host: HostUnderSoak;
  readonly broker: SimBroker;
  readonly random: Random;
  readonly contracts: readonly TradedContract[];
  /** Set when the run's time is up: loops finish their current step and return. */
  readonly stopped: () => boolean;
  /** Mean pause between an account's steps, in ms. */
  readonly pauseMs: number;
}

/** The starter templates, a one-off stop/target and none. */
type Protection = { template: string } | { stopLossTicks: number; takeProfitTicks: number } | Record<string, never>;

function protection(random: Random): Protection {
  return random.weighted<Protection>([
    [3, { template: 'Scalp 8/16' }],
    [3, { template: 'Runner 2 targets' }],
    [2, { stopLossTicks: random.int(4, 12), takeProfitTicks: random.int(6, 20) }],
    [1, { template: 'none' }],
    [1, {}],
  ]);
}

type Action = 'market' | 'limit' | 'stop' | 'modify' | 'cancel' | 'cancel-all' | 'flatten' | 'reverse' | 'other-market' | 'other-close';

let otherTags = 0;

/**
 * One account's trader: a random step, a short pause, again, until the run's time is up. The steps
 * of one account never overlap (a trader does one thing at a time), so a broker order created while
 * a call was in flight belongs to that call.
 */
export async function tradeAccount(context: WorkloadContext, accountId: number): Promise<void> {
  while (!context.stopped()) {
    if (!context.host.up) {
      await sleep(100);
      continue;
    }
    await step(context, accountId).catch((error: unknown) => process.stderr.write(`soak: step on ${accountId} threw: ${String(error)}\n`));
    await sleep(context.random.int(Math.round(context.pauseMs / 2), Math.round(context.pauseMs * 1.5)));
  }
}

async function step(context: WorkloadContext, accountId: number): Promise<void> {
  const { host, broker, random } = context;
  const contract = random.pick(context.contracts);
  const state = await broker.state();
  const size = signedSize(state, accountId, contract.contractId);
  const price = state.prices[contract.contractId];
  if (price === undefined) return;
  const tick = contract.tickSize;
  const at = (ticks: number): number => Math.round(price / tick + ticks) * tick;
  const big = Math.abs(size) >= 4;
  const action = random.weighted<Action>([
    [big ? 1 : 5, 'market'],
    [4, 'limit'],
    [2, 'stop'],
    [3, 'modify'],
    [2, 'cancel'],
    [1, 'cancel-all'],
    [big ? 4 : 1, 'flatten'],
    [size === 0 ? 0 : 2, 'reverse'],
    [1, 'other-market'],
    [size === 0 ? 0 : 1, 'other-close'],
  ]);
  // With a big position, a new entry mostly reduces it.
  const side = (big ? random.chance(0.8) === size > 0 : random.chance(0.5)) ? 'sell' : 'buy';
  const base = { accountId, symbol: contract.symbol, side, size: random.int(1, 2) } as const;
  switch (action) {
    case 'market':
      await host.call('orders.place', { ...base, type: 'market', ...protection(random) }, accountId);
      return;
    case 'limit': {
      const away = random.int(1, 10);
      await host.call('orders.place', { ...base, type: 'limit', limitPrice: at(side === 'buy' ? -away : away), ...protection(random) }, accountId);
      return;
    }
    case 'stop': {
      const away = random.int(2, 10);
      await host.call('orders.place', { ...base, type: 'stop', stopPrice: at(side === 'buy' ? away : -away), ...protection(random) }, accountId);
      return;
    }
    case 'modify': {
      const orders = await host.read('orders.list', { accountId });
      const working = orders.ok ? orders.value.filter((order) => order.status === 'open' && (order.type === 'limit' || order.type === 'stop')) : [];
      if (working.length === 0) return;
      const order = random.pick(working);
      const move = random.pick([-2, -1, 1, 2]);
      if (order.type === 'stop' && order.stopTicks !== null)
        await host.call('orders.modify', { accountId, orderId: order.id, stopPrice: (order.stopTicks + move) * tick }, accountId);
      else if (order.type === 'limit' && order.limitTicks !== null && random.chance(0.7))
        await host.call('orders.modify', { accountId, orderId: order.id, price: (order.limitTicks + move) * tick }, accountId);
      else if (order.customTag?.startsWith('tt-') === true && !order.customTag.endsWith('-TP'))
        await host.call('orders.modify', { accountId, orderId: order.id, size: random.int(1, 3) }, accountId);
      return;
    }
    case 'cancel': {
      const orders = await host.read('orders.list', { accountId });
      const working = orders.ok ? orders.value.filter((order) => order.status === 'open') : [];
      if (working.length === 0) return;
      await host.call('orders.cancel', { accountId, orderId: random.pick(working).id }, accountId);
      return;
    }
    case 'cancel-all':
      await host.call('orders.cancelAll', { accountId, symbol: contract.symbol }, accountId);
      return;
    case 'flatten':
      await host.call('positions.flatten', random.chance(0.7) ? { accountId, symbol: contract.symbol } : { accountId }, accountId);
      return;
    case 'reverse':
      await host.call('positions.reverse', { accountId, symbol: contract.symbol }, accountId);
      return;
    case 'other-market':
      otherTags += 1;
      await broker.otherApp('/api/Order/place', {
        accountId,
        contractId: contract.contractId,
        type: 2,
        side: side === 'buy' ? 0 : 1,
        size: 1,
        customTag: `oa-soak-${Date.now()}-${otherTags}`,
      });
      return;
    case 'other-close':
      await broker.otherApp('/api/Position/closeContract', { accountId, contractId: contract.contractId });
      return;
  }
}

/** Moves prices through the control API now and then (the feed moves them too). */
export async function movePrices(context: WorkloadContext, moved: { count: number }): Promise<void> {
  const start = await context.broker.state();
  const anchors = new Map(context.contracts.map((contract) => [contract.contractId, start.prices[contract.contractId] ?? 0]));
  while (!context.stopped()) {
    await sleep(context.random.int(300, 900));
    const contract = context.random.pick(context.contracts);
    const state = await context.broker.state().catch(() => undefined);
    const price = state?.prices[contract.contractId];
    const anchor = anchors.get(contract.contractId);
    if (price === undefined || anchor === undefined) continue;
    // A walk of a few ticks, pulled back towards where the run began.
    const drift = Math.round((anchor - price) / contract.tickSize / 10);
    const next = Math.round(price / contract.tickSize + drift + context.random.int(-6, 6)) * contract.tickSize;
    await context.broker.control('/price', { symbol: contract.symbol, price: next }).then(
      () => (moved.count += 1),
      (error: unknown) => process.stderr.write(`soak: price move refused: ${String(error)}\n`),
    );
  }
}
