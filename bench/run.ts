import { cpus } from 'node:os';
import { runSections, type Benchmark } from './bench-harness';
import { backtestBenchmark } from './backtest.bench';
import { breachToFlattenBenchmark } from './breach-to-flatten.bench';
import { contractDispatchBenchmark } from './contract-dispatch.bench';
import { storePersistenceBenchmark } from './store-persistence.bench';
import { hostStartBenchmark } from './host-start.bench';
import { orderRoundTripBenchmark } from './order-round-trip.bench';
import { protectionBenchmark } from './protection.bench';
import { quoteIngestBenchmark } from './quote-ingest.bench';
import { reconnectBenchmark } from './reconnect.bench';
import { riskPipelineBenchmark } from './risk-pipeline.bench';
import { simExchangeBenchmark } from './sim-exchange.bench';
import { simMarketEventsBenchmark } from './sim-market-events.bench';
import { uiBenchmark } from './ui.bench';

// Every benchmark of `npm run bench`; each prints its numbers into one JSON summary.
const benchmarks: readonly Benchmark[] = [
  backtestBenchmark,
  contractDispatchBenchmark,
  orderRoundTripBenchmark,
  hostStartBenchmark,
  quoteIngestBenchmark,
  simExchangeBenchmark,
  simMarketEventsBenchmark,
  storePersistenceBenchmark,
  uiBenchmark,
  riskPipelineBenchmark,
  breachToFlattenBenchmark,
  protectionBenchmark,
  reconnectBenchmark,
];

/**
 * `npm run bench [-- <section>]`: prints the one JSON summary, and exits 1 when any section failed
 * to measure (its entry is `{ "error": ... }`, and `failed` names it).
 */
async function main(): Promise<void> {
  const { sections, failed } = await runSections(benchmarks, process.argv[2]);
  const summary = { machine: { cpus: cpus().length, node: process.version }, ...sections, failed };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (failed.length > 0) {
    process.stderr.write(`bench: ${failed.length} section(s) failed to measure: ${failed.join(', ')}\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
