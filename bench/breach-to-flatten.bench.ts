import { startSimAndHost } from './sim-host';
import type { HeadlessHost } from '../src-main/host/headless-host';
import type { ExchangeEvent } from '../src-main/sim/exchange/exchange-api';
import { median, percentile, round, type Benchmark } from './bench-harness';
import { eventually } from '../src-main/testing/eventually';

// Each round opens 1 MES and walks the market 12 ticks down; rule 004 (per position, $10) flattens it.
const rounds = 25;
const marketOpen = Date.parse('2026-11-18T16:00:00Z');
const tick = 0.25;
const lossLimitDollars = 10;
const tickValueDollars = 1.25;

/**
 * The delay from the simulator emitting the quote that breaches rule 004 to the simulator receiving
 * the close request, through the whole terminal (adapter, core, risk pipeline, enforcement, adapter)
 * on loopback. Both instants are taken inside the simulator's process, on one clock.
 */
export const breachToFlattenBenchmark: Benchmark = {
  name: 'risk-breach-to-flatten',
  async run() {
    const { sim, host, close } = await startSimAndHost(marketOpen, 'breach');
    try {
      const { dispatcher } = host.terminal;
      const configured = await dispatcher.dispatch('risk.config.set', {
        config: {
          dailyUnrealizedLoss: { enabled: true, limit: lossLimitDollars, scope: 'position' },
          tradeFrequency: { enabled: false },
          cooldownAfterLoss: { enabled: false },
          noStopLossGrace: { enabled: false },
          dailyRealizedLoss: { enabled: true, limit: 5000 },
        },
      });
      if (!configured.ok) throw new Error(configured.error.message);
      const contract = await dispatcher.dispatch('contracts.resolve', { symbol: 'MES' });
      if (!contract.ok) throw new Error(contract.error.message);
      const contractId = (contract.value as { id: string }).id;

      let threshold = Number.NEGATIVE_INFINITY;
      let breachAt: number | undefined;
      let closeAt: number | undefined;
      sim.exchange.subscribe((event: ExchangeEvent) => {
        if (event.kind === 'quote' && event.contractId === contractId && breachAt === undefined && event.quote.lastPrice <= threshold)
          breachAt = performance.now();
      });
      const close = sim.exchange.closeContract.bind(sim.exchange);
      sim.exchange.closeContract = (body: unknown) => {
        closeAt ??= performance.now();
        return close(body);
      };

      const delays: number[] = [];
      for (let index = 0; index < rounds; index++) {
        breachAt = undefined;
        closeAt = undefined;
        threshold = Number.NEGATIVE_INFINITY;
        const placed = await dispatcher.dispatch('orders.place', { symbol: 'MES', side: 'buy', size: 1, type: 'market' });
        if (!placed.ok) throw new Error(`round ${index}: ${placed.error.message}`);
        await eventually(() => positionSize(host, contractId) === 1, 'the long position', 10_000);
        const average = averagePrice(host, contractId);
        // The first last-trade price whose loss reaches the limit.
        threshold = average - Math.ceil(lossLimitDollars / tickValueDollars) * tick;
        await sim.exchange.movePrice({ contractId, price: average - 12 * tick });
        await eventually(() => closeAt !== undefined && positionSize(host, contractId) === 0, 'the flatten', 10_000);
        if (breachAt !== undefined && closeAt !== undefined) delays.push(closeAt - breachAt);
      }
      return {
        rounds,
        samples: delays.length,
        breachToCloseRequestP50Ms: round(median(delays)),
        breachToCloseRequestP99Ms: round(percentile(delays, 99)),
        breachToCloseRequestMaxMs: round(Math.max(...delays)),
        targetP99Ms: 10,
      };
    } finally {
      await close();
    }
  },
};

function positionSize(host: HeadlessHost, contractId: string): number {
  const core = host.terminal.trading?.core;
  const accountId = core?.selectedAccountId;
  return core === undefined || accountId === undefined ? 0 : (core.positions.get(accountId, contractId)?.size ?? 0);
}

function averagePrice(host: HeadlessHost, contractId: string): number {
  const core = host.terminal.trading?.core;
  const accountId = core?.selectedAccountId;
  const ticks = core === undefined || accountId === undefined ? undefined : core.positions.get(accountId, contractId)?.averageTicks;
  if (ticks === undefined) throw new Error('no position to price');
  return Math.round(ticks) * tick;
}
