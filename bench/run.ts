import type { Benchmark } from './bench-harness';
import { backtestBenchmark } from './backtest.bench';
import { breachToFlattenBenchmark } from './breach-to-flatten.bench';
import { contractDispatchBenchmark } from './contract-dispatch.bench';
import { storePersistenceBenchmark } from './store-persistence.bench';
import { hostStartBenchmark } from './host-start.bench';
import { orderRoundTripBenchmark } from './order-round-trip.bench';
import { quoteIngestBenchmark } from './quote-ingest.bench';
import { riskPipelineBenchmark } from './risk-pipeline.bench';
import { simMarketEventsBenchmark } from './sim-market-events.bench';
import { uiBenchmark } from './ui.bench';

// Every benchmark of `npm run bench`; each prints its numbers into one JSON summary.
const benchmarks: readonly Benchmark[] = [backtestBenchmark, contractDispatchBenchmark, orderRoundTripBenchmark, hostStartBenchmark, quoteIngestBenchmark, simMarketEventsBenchmark, storePersistenceBenchmark, uiBenchmark, riskPipelineBenchmark, breachToFlattenBenchmark];

async function main(): Promise<void> {
  const only = process.argv[2];
  const summary: Record<string, unknown> = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version } };
  for (const benchmark of benchmarks) {
    if (only !== undefined && benchmark.name !== only) continue;
    try {
      summary[benchmark.name] = await benchmark.run();
    } catch (error) {
      summary[benchmark.name] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

void main();
