import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ConnectionMonitor } from '../src-main/core/connection-monitor';
import { EventHub } from '../src-main/core/event-hub';
import { silentLogger } from '../src-main/core/logger';
import { FakeBroker } from '../src-main/core/testing/fake-broker';
import { TradingCore } from '../src-main/core/trading-core';
import type { QuoteView } from '../src-shared/domain/trading';
import { median, round, type Benchmark } from './bench-harness';
import { contractOf, makeQuote, quotes } from './quote-ingest-quotes';

/** What the fresh process of quote-ingest-memory.ts reports. */
interface MemoryFigures {
  readonly quotes: number;
  readonly sentToClients: number;
  readonly rssBeforeBytes: number;
  readonly rssAfterBytes: number;
  readonly heapUsedBeforeBytes: number;
  readonly heapUsedAfterBytes: number;
  readonly peakRssBytes: number;
}

/**
 * Quotes per second through the trading core (state, the ≤ 60/s per contract throttle to clients),
 * next to a plain Map update of the same quotes; and the memory of a fresh process that pushed
 * 1,000,000 quotes through one trading core (a child `node`, not this shared bench process).
 */
export const quoteIngestBenchmark: Benchmark = {
  name: 'quote-ingest',
  async run() {
    const baseline: number[] = [];
    const core: number[] = [];
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
      const trading = new TradingCore({
        broker: new FakeBroker(),
        store: undefined,
        clock,
        events,
        logger: silentLogger,
        connection: new ConnectionMonitor(clock, events),
      });
      started = performance.now();
      for (let index = 0; index < quotes; index++) {
        const quote = makeQuote(index);
        now = quote.time;
        trading.handle({ kind: 'quote', quote });
      }
      core.push(quotes / ((performance.now() - started) / 1000));
      await trading.stop();
    }
    const memory = await memoryInFreshProcess();
    if (memory.quotes !== quotes) throw new Error(`the memory process pushed ${memory.quotes} quotes, not ${quotes}`);
    const mb = (bytes: number): number => round(bytes / 1e6, 1);
    return {
      quotes,
      mapBaselineQuotesPerSecond: round(median(baseline), 0),
      coreQuotesPerSecond: round(median(core), 0),
      ratioToMap: round(median(core) / median(baseline), 3),
      targetQuotesPerSecond: 50_000,
      sentToClientsPerRun: Math.round(sentToClients / 3),
      memoryMeasuredIn: 'a fresh node process (quote-ingest-memory.js), after a full GC, the core still alive',
      freshProcessRssBeforeMb: mb(memory.rssBeforeBytes),
      freshProcessRssAfterMillionQuotesMb: mb(memory.rssAfterBytes),
      freshProcessPeakRssMb: mb(memory.peakRssBytes),
      freshProcessHeapUsedAfterMb: mb(memory.heapUsedAfterBytes),
      targetRssMb: 300,
      meetsRssTarget: memory.rssAfterBytes / 1e6 <= 300,
    };
  },
};

/** Runs quote-ingest-memory.js (built next to run.js) in a fresh `node --expose-gc` and reads its MEMORY line. */
function memoryInFreshProcess(): Promise<MemoryFigures> {
  const script = join(import.meta.dirname, 'quote-ingest-memory.js');
  const child = spawn(process.execPath, ['--expose-gc', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('MEMORY '));
      if (code !== 0 || line === undefined) {
        reject(new Error(`the memory process ended with ${signal ?? `code ${String(code)}`}: ${stderr.trim().slice(-500) || 'no MEMORY line'}`));
        return;
      }
      resolve(JSON.parse(line.slice('MEMORY '.length)) as MemoryFigures);
    });
  });
}
