import { ConnectionMonitor } from '../src-main/core/connection-monitor';
import { EventHub } from '../src-main/core/event-hub';
import { silentLogger } from '../src-main/core/logger';
import { FakeBroker } from '../src-main/core/testing/fake-broker';
import { TradingCore } from '../src-main/core/trading-core';
import { makeQuote, quotes } from './quote-ingest-quotes';

/**
 * The memory half of the quote-ingest section, run by it in a fresh `node --expose-gc` process
 * (out/bench/quote-ingest-memory.js), so nothing the other sections left in the bench's own heap
 * counts: the process's RSS before the trading core exists, and after a million quotes went
 * through it (the core still alive, after a full GC). Prints one line `MEMORY {...}`.
 */
async function main(): Promise<void> {
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  gc();
  const before = process.memoryUsage();
  const events = new EventHub();
  let sentToClients = 0;
  events.forward((channel) => {
    if (channel === 'quotes.tick') sentToClients++;
  });
  let now = 0;
  const clock = { now: () => now };
  const trading = new TradingCore({
    broker: new FakeBroker(),
    store: undefined,
    clock,
    events,
    logger: silentLogger,
    connection: new ConnectionMonitor(clock, events),
  });
  for (let index = 0; index < quotes; index++) {
    const quote = makeQuote(index);
    now = quote.time;
    trading.handle({ kind: 'quote', quote });
  }
  gc();
  const after = process.memoryUsage();
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  await trading.stop();
  const figures = {
    quotes,
    sentToClients,
    rssBeforeBytes: before.rss,
    rssAfterBytes: after.rss,
    heapUsedBeforeBytes: before.heapUsed,
    heapUsedAfterBytes: after.heapUsed,
    peakRssBytes,
  };
  process.stdout.write(`MEMORY ${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
