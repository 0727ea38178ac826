import { startSimAndHost } from './sim-host';
import type { ExchangeEvent } from '../src-main/sim/exchange/exchange-api';
import { median, percentile, round, type Benchmark } from './bench-harness';
import { eventually } from '../src-main/testing/eventually';

const rounds = 30;
const marketOpen = Date.parse('2026-11-18T16:00:00Z');
const symbol = 'MES';

function tagOf(body: unknown): string {
  return typeof body === 'object' && body !== null && 'customTag' in body ? String((body as { customTag: unknown }).customTag) : '';
}

function orderIdOf(body: unknown): number {
  return typeof body === 'object' && body !== null && 'orderId' in body ? Number((body as { orderId: unknown }).orderId) : 0;
}

/**
 * Protection through the whole terminal on loopback, both instants taken inside the simulator's
 * process on one clock: (1) an entry's fill to the simulator receiving its stop leg (a two-target
 * template, so the terminal places the legs itself rather than the broker's own bracket); (2) the
 * position going flat (another app closes it) to the simulator receiving the cancel of the last of
 * its three legs. Baseline: a raw REST cancel's round trip from Node, in the same run.
 */
export const protectionBenchmark: Benchmark = {
  name: 'protection',
  async run() {
    const { sim, host, close } = await startSimAndHost(marketOpen, 'protection');
    try {
      const { dispatcher } = host.terminal;
      const call = async (channel: string, request: unknown): Promise<unknown> => {
        const result = await dispatcher.dispatch(channel, request);
        if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
        return result.value;
      };
      // The bench's own orders would trip the default personal rules (frequency, grace, caps).
      await call('risk.config.set', {
        config: {
          orderThrottlePerSecond: 1000,
          tradeFrequency: { enabled: false },
          cooldownAfterLoss: { enabled: false },
          noStopLossGrace: { enabled: false },
          maxContractsPerInstrument: { enabled: false },
        },
      });
      await call('brackets.set', {
        template: {
          name: 'Bench',
          stop: { ticks: 40 },
          targets: [
            { ticks: 40, size: 1 },
            { ticks: 80, size: 1 },
          ],
        },
      });
      const contractId = ((await call('contracts.resolve', { symbol })) as { id: string }).id;
      const accountId = host.terminal.trading?.core.selectedAccountId ?? 0;

      const fillTimes = new Map<number, number>();
      let stopAt: number | undefined;
      let flatAt: number | undefined;
      const legIds = new Set<number>();
      const cancels = new Map<number, number>();
      sim.exchange.subscribe((event: ExchangeEvent) => {
        // The entry fills before its place answers: keep every order's first fill time.
        if (event.kind === 'trade' && !fillTimes.has(event.trade.orderId)) fillTimes.set(event.trade.orderId, performance.now());
        if (event.kind === 'position' && event.position.contractId === contractId && event.position.size === 0) flatAt ??= performance.now();
        if (event.kind === 'order' && (event.order.customTag ?? '').startsWith('tl-')) legIds.add(event.order.id);
      });
      const place = sim.exchange.placeOrder.bind(sim.exchange);
      sim.exchange.placeOrder = (body: unknown) => {
        if (tagOf(body).startsWith('tl-sl-')) stopAt ??= performance.now();
        return place(body);
      };
      const cancel = sim.exchange.cancelOrder.bind(sim.exchange);
      sim.exchange.cancelOrder = (body: unknown) => {
        cancels.set(orderIdOf(body), performance.now());
        return cancel(body);
      };

      const fillToStop: number[] = [];
      const flatToLastCancel: number[] = [];
      for (let index = 0; index < rounds; index++) {
        stopAt = flatAt = undefined;
        legIds.clear();
        cancels.clear();
        const placed = (await call('orders.place', { symbol, side: 'buy', size: 2, type: 'market', template: 'Bench' })) as { orderId: number };
        await eventually(() => legIds.size === 3, 'the three legs', 10_000);
        const fillAt = fillTimes.get(placed.orderId);
        if (fillAt !== undefined && stopAt !== undefined) fillToStop.push(stopAt - fillAt);
        const closed = sim.exchange.closeContract({ accountId, contractId });
        if (closed.errorCode !== 0) throw new Error(`close: ${closed.errorMessage ?? closed.errorCode}`);
        await eventually(() => [...legIds].every((id) => cancels.has(id)), 'the legs cancelled', {
          timeoutMs: 10_000,
          detail: () =>
            JSON.stringify({
              legs: [...legIds],
              cancels: [...cancels.keys()],
              working: host.terminal.trading?.core.orders.working(accountId, contractId).map((order) => [order.id, order.customTag, order.status]),
              position: host.terminal.trading?.core.positions.get(accountId, contractId) ?? null,
            }),
        });
        if (flatAt !== undefined) flatToLastCancel.push(Math.max(...[...legIds].map((id) => cancels.get(id) ?? 0)) - flatAt);
        await eventually(() => (host.terminal.trading?.core.orders.working(accountId, contractId).length ?? 1) === 0, 'no working orders', 10_000);
      }

      const token = String(
        (
          (await (
            await fetch(`${sim.urls.rest}/api/Auth/loginKey`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ userName: 'demo', apiKey: 'demo' }),
            })
          ).json()) as { token: string }
        ).token,
      );
      const baseline: number[] = [];
      for (let index = 0; index < rounds; index++) {
        const started = performance.now();
        await fetch(`${sim.urls.rest}/api/Order/cancel`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ accountId, orderId: 1 }),
        });
        baseline.push(performance.now() - started);
      }
      return {
        rounds,
        entryFillToStopRequestP50Ms: round(median(fillToStop)),
        entryFillToStopRequestP99Ms: round(percentile(fillToStop, 99)),
        flatToLastLegCancelRequestP50Ms: round(median(flatToLastCancel)),
        flatToLastLegCancelRequestP99Ms: round(percentile(flatToLastCancel, 99)),
        baselineRawRestCancelRoundTripP50Ms: round(median(baseline)),
        samples: { fillToStop: fillToStop.length, flatToLastCancel: flatToLastCancel.length },
        targetP99Ms: 20,
      };
    } finally {
      await close();
    }
  },
};
