import { ConnectionMonitor } from '../src-main/core/connection-monitor';
import { EventHub } from '../src-main/core/event-hub';
import { silentLogger } from '../src-main/core/logger';
import { esContract, FakeBroker } from '../src-main/core/testing/fake-broker';
import { TradingCore } from '../src-main/core/trading-core';
import type { QuoteView } from '../src-shared/domain/trading';
import { median, round, type Benchmark } from './bench-harness';

const quotes = 1_000_000;
const contracts = [esContract.id, 'CON.F.US.ENQ.Z26', 'CON.F.US.MES.Z26', 'CON.F.US.MNQ.Z26'];

/**
 * Quotes per second through the trading core (state, the ≤ 60/s per contract throttle to clients),
 * next to a plain Map update of the same quotes; and the process's memory after 1,000,000 quotes.
 */
export const quoteIngestBenchmark: Benchmark = {
  name: 'quote-ingest',
  async run() {
    const baseline: number[] = [];
    const core: number[] = [];
    global.gc?.();
    const rssBeforeMb = process.memoryUsage().rss / 1e6;
    let sentToClients = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const map = new Map<string, QuoteView>();
      let started = performance.now();
      for (let index = 0; index < quotes; index++) map.set(contractOf(index), makeQuote(index));
      baseline.push(quotes / ((performance.now() - started) / 1000));

      const events = new EventHub();
      events.forward((channel) => {
        if (channel === 'quotes.tick') sentToClients++;
      });
      let now = 0;
      const clock = { now: () => now };
      const trading = new TradingCore({ broker: new FakeBroker(), store: undefined, clock, events, logger: silentLogger, connection: new ConnectionMonitor(clock, events) });
      started = performance.now();
      for (let index = 0; index < quotes; index++) {
        const quote = makeQuote(index);
        now = quote.time;
        trading.handle({ kind: 'quote', quote });
      }
      core.push(quotes / ((performance.now() - started) / 1000));
      await trading.stop();
    }
    global.gc?.();
    const rssAfterMb = process.memoryUsage().rss / 1e6;
    return {
      quotes,
      mapBaselineQuotesPerSecond: round(median(baseline), 0),
      coreQuotesPerSecond: round(median(core), 0),
      ratioToMap: round(median(core) / median(baseline), 3),
      targetQuotesPerSecond: 50_000,
      sentToClientsPerRun: Math.round(sentToClients / 3),
      rssBeforeMb: round(rssBeforeMb, 1),
      rssAfterMillionQuotesMb: round(rssAfterMb, 1),
      targetRssMb: 300,
    };
  },
};

function contractOf(index: number): string {
  return contracts[index % contracts.length] ?? esContract.id;
}

/** The index-th of a million quotes over 4 contracts, 1 ms apart, made on the fly so the bench holds none of them. */
function makeQuote(index: number): QuoteView {
  const price = 20_000 + (index % 97) - 48;
  return { contractId: contractOf(index), bidTicks: price, askTicks: price + 1, lastTicks: price, volume: index, time: 1_795_000_000_000 + index };
}
