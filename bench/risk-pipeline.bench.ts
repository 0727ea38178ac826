import type { BrokerEvent } from '../src-main/core/ports/broker-port';
import { TestClock } from '../src-main/core/clock';
import { ConnectionMonitor } from '../src-main/core/connection-monitor';
import { EventHub } from '../src-main/core/event-hub';
import { silentLogger } from '../src-main/core/logger';
import { OrderService } from '../src-main/core/orders/order-service';
import { createRiskManager } from '../src-main/core/risk/create-risk-manager';
import { MemoryStore } from '../src-main/core/testing/memory-store';
import { aFill, aPosition, aQuote, aStop } from '../src-main/core/risk/testing/risk-harness';
import { ScriptedBroker } from '../src-main/core/risk/testing/scripted-broker';
import { mnqContract, nqContract, wednesdayMorning } from '../src-main/core/risk/testing/test-contracts';
import type { Scheduler } from '../src-main/core/scheduler';
import { esContract, evaluationAccount } from '../src-main/core/testing/fake-broker';
import { TradingCore } from '../src-main/core/trading-core';
import { median, percentile, round, type Benchmark } from './bench-harness';

const events = 200_000;
const runs = 5;
const targetEventsPerSecond = 200_000;
const targetP99Us = 50;

// Every rule on, with limits the steady stream below stays inside (breaches would measure enforcement, not the pipeline).
const allRulesOn = {
  maxContractsPerInstrument: { limits: { ES: 2, NQ: 2, MNQ: 4 }, unknown: 2 },
  maxUnrealizedProfit: { enabled: true, target: 5000 },
  tradeFrequency: { perMinute: 100_000, perHour: 100_000, perSession: 100_000 },
  symbolBlocks: { symbols: ['RTY'] },
  tradeManagement: { enabled: true },
  dailyRealizedProfit: { enabled: true, target: 1_000_000 },
  dailyRealizedLoss: { limit: 1_000_000 },
};

/** Timers that never fire: the benchmark measures the synchronous pipeline only. */
const idleScheduler: Scheduler = { schedule: () => () => undefined };

/** Quotes (90%), order updates, position changes and fills (the mix of a busy session), on three held contracts. */
function eventStream(clock: TestClock): BrokerEvent[] {
  const contracts = [esContract, nqContract, mnqContract];
  const stops = contracts.map((contract) => aStop({ contractId: contract.id, stopTicks: 19_900, size: 1 }));
  const stream: BrokerEvent[] = [];
  for (let index = 0; index < events; index++) {
    const contract = contracts[index % 3] ?? esContract;
    const stop = stops[index % 3] ?? stops[0];
    const time = clock.now() + index;
    const kind = index % 100;
    if (kind < 90) stream.push({ kind: 'quote', quote: aQuote(20_000 + ((index >> 2) % 5) - 2, contract, time) });
    else if (kind < 95 && stop !== undefined) stream.push({ kind: 'order', order: { ...stop, updatedAt: time } });
    else if (kind < 98) stream.push({ kind: 'position', position: aPosition({ contractId: contract.id, size: 1 + (index % 2), openedAt: wednesdayMorning }) });
    else stream.push({ kind: 'fill', fill: aFill({ contractId: contract.id, time, realizedCents: index % 2 === 0 ? -500 : 600, feesCents: 50 }) });
  }
  return stream;
}

async function buildCore(withRisk: boolean): Promise<{ core: TradingCore; clock: TestClock; stop: () => Promise<void> }> {
  const clock = new TestClock(wednesdayMorning);
  const events = new EventHub();
  const broker = new ScriptedBroker();
  broker.contracts = [esContract, nqContract, mnqContract];
  const store = new MemoryStore();
  const connection = new ConnectionMonitor(clock, events);
  const core = new TradingCore({ broker, store, clock, events, logger: silentLogger, connection });
  const orders = new OrderService({ core, broker, store, connection, clock, newTag: () => 'bench' });
  const risk = withRisk ? createRiskManager({ core, orders, broker, store, clock, events, logger: silentLogger, scheduler: idleScheduler }) : undefined;
  const configured = risk?.config.set(evaluationAccount.id, allRulesOn, 'bench');
  if (configured !== undefined && !configured.ok) throw new Error(configured.error.message);
  risk?.start();
  await core.start();
  risk?.syncAccounts();
  for (const contract of broker.contracts) {
    await core.contracts.resolve(contract.id);
    broker.order(aStop({ contractId: contract.id, stopTicks: 19_900 }));
    broker.position(aPosition({ contractId: contract.id, size: 1, openedAt: wednesdayMorning }));
  }
  return {
    core,
    clock,
    stop: async () => {
      risk?.stop();
      await core.stop();
    },
  };
}

/** One run: events per second through core + risk, and the per-event times in microseconds. */
async function pipelineRun(withRisk: boolean): Promise<{ rate: number; latenciesUs: number[] }> {
  const { core, clock, stop } = await buildCore(withRisk);
  const stream = eventStream(clock);
  const started = performance.now();
  for (const event of stream) core.handle(event);
  const elapsed = performance.now() - started;
  const latenciesUs: number[] = [];
  // A fresh stream (new fill ids), so the timed pass does the same work as the first, not replays.
  for (const event of eventStream(clock)) {
    const before = performance.now();
    core.handle(event);
    latenciesUs.push((performance.now() - before) * 1000);
  }
  await stop();
  return { rate: (stream.length / elapsed) * 1000, latenciesUs };
}

function jsonParseRate(stream: readonly BrokerEvent[]): number {
  const texts = stream.map((event) => JSON.stringify(event));
  const started = performance.now();
  let kept = 0;
  for (const text of texts) kept += (JSON.parse(text) as { kind: string }).kind.length;
  const elapsed = performance.now() - started;
  if (kept === 0) throw new Error('nothing parsed');
  return (texts.length / elapsed) * 1000;
}

/** Broker events per second through the trading core and the full risk pipeline (every rule on), next to JSON.parse of the same events. */
export const riskPipelineBenchmark: Benchmark = {
  name: 'risk-pipeline',
  async run() {
    const rates: number[] = [];
    const p50s: number[] = [];
    const p99s: number[] = [];
    const coreOnly: number[] = [];
    const parse: number[] = [];
    for (let index = 0; index < runs; index++) {
      const run = await pipelineRun(true);
      rates.push(run.rate);
      p50s.push(percentile(run.latenciesUs, 50));
      p99s.push(percentile(run.latenciesUs, 99));
      coreOnly.push((await pipelineRun(false)).rate);
      parse.push(jsonParseRate(eventStream(new TestClock(wednesdayMorning))));
    }
    const rate = median(rates);
    const p99 = median(p99s);
    return {
      events,
      runs,
      eventsPerSecond: round(rate, 0),
      p50PerEventUs: round(median(p50s)),
      p99PerEventUs: round(p99),
      coreOnlyEventsPerSecond: round(median(coreOnly), 0),
      jsonParseEventsPerSecond: round(median(parse), 0),
      ratioToJsonParse: round(rate / median(parse)),
      targetEventsPerSecond: targetEventsPerSecond,
      targetP99Us: targetP99Us,
      meetsTarget: rate >= targetEventsPerSecond && p99 <= targetP99Us,
    };
  },
};
