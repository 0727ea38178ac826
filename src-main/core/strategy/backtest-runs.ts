import type { BacktestResultView, BacktestRunView, BacktestStatus } from '../../../src-shared/domain/analytics';
import type { StrategyParameters } from '../../../src-shared/domain/strategies';
import type { BarUnit, BarView, ContractView } from '../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../src-shared/result';
import type { Clock } from '../clock';
import type { EventHub } from '../event-hub';
import type { Logger } from '../logger';
import type { BarHistory } from '../market/bar-history';
import { barStart } from '../../../src-shared/exchange';
import type { BacktestPort } from './backtest-port';
import { mergeParameters } from './parameters';
import type { StrategyKind } from './strategy-definition';

/** Runs kept for `backtest.status` / `backtest.result`; the oldest finished one goes first. */
const keptRuns = 10;
/** Runs that may play at once. */
const concurrentRuns = 2;

/** A backtest as a client asks for it. */
export interface BacktestRequest {
  readonly strategy: string;
  readonly symbol: string;
  readonly from: number;
  readonly to: number;
  readonly unit: BarUnit;
  readonly unitNumber: number;
  readonly parameters?: StrategyParameters | undefined;
  readonly source: 'history' | 'simulator';
  readonly seed: number;
  readonly slippageTicks: number;
  /** Dollars. */
  readonly startingBalance: number;
}

/** What the runs need. */
export interface BacktestRunsDependencies {
  readonly port: BacktestPort;
  /** The kinds it can run (the built-ins). */
  readonly kinds: readonly StrategyKind[];
  readonly resolve: (symbol: string) => Promise<Result<ContractView>>;
  /** Where the bars of a `history` run come from (through the bars cache). */
  readonly history: Pick<BarHistory, 'range'>;
  readonly events: EventHub;
  readonly clock: Clock;
  readonly logger: Logger;
}

interface Run {
  view: BacktestRunView;
  result: BacktestResultView | null;
  cancelled: boolean;
}

/** Backtests started from the contract: progress pushed at most once per percent, cancellable, results kept. */
export class BacktestRuns {
  private readonly runs = new Map<string, Run>();
  private readonly kinds: ReadonlyMap<string, StrategyKind>;
  private sequence = 0;

  public constructor(private readonly dependencies: BacktestRunsDependencies) {
    this.kinds = new Map(dependencies.kinds.map((kind) => [kind.kind, kind]));
  }

  /** Validates and starts a run; the answer comes before the bars are loaded. */
  public async start(request: BacktestRequest): Promise<Result<BacktestRunView>> {
    const { resolve, clock } = this.dependencies;
    const kinds = this.kinds;
    const kind = kinds.get(request.strategy);
    if (kind === undefined) return fail('not-found', `no strategy kind ${request.strategy} (known: ${[...kinds.keys()].join(', ')})`, 'strategy');
    const parameters = mergeParameters(kind.parameters, {}, request.parameters ?? {});
    if (!parameters.ok) return parameters;
    const active = [...this.runs.values()].filter((run) => run.view.status === 'loading' || run.view.status === 'running').length;
    if (active >= concurrentRuns) return fail('invalid-request', `${active} backtests are running; wait for one or cancel it`);
    const contract = await resolve(request.symbol);
    if (!contract.ok) return contract;
    const to = Math.min(request.to, barStart(clock.now(), request.unit, request.unitNumber));
    if (to <= request.from) return fail('invalid-request', 'the period has no settled bars yet', 'to');
    const runId = `bt-${++this.sequence}`;
    const run: Run = {
      view: {
        runId,
        strategy: kind.kind,
        symbol: contract.value.symbol,
        status: 'loading',
        processedBars: 0,
        totalBars: 0,
        percent: 0,
        message: null,
        statistics: null,
      },
      result: null,
      cancelled: false,
    };
    this.runs.set(runId, run);
    this.prune();
    const started = run.view;
    void this.play(run, kind, contract.value, { ...request, to }, parameters.value);
    return ok(started);
  }

  public status(runId: string): Result<BacktestRunView> {
    const run = this.runs.get(runId);
    return run === undefined ? fail('not-found', `no backtest ${runId}`, 'runId') : ok(run.view);
  }

  public result(runId: string): Result<BacktestResultView> {
    const run = this.runs.get(runId);
    if (run === undefined) return fail('not-found', `no backtest ${runId}`, 'runId');
    return run.result === null
      ? fail('invalid-request', `backtest ${runId} is ${run.view.status}${run.view.message === null ? '' : `: ${run.view.message}`}`, 'runId')
      : ok(run.result);
  }

  /** Asks a run to stop at its next chunk. */
  public cancel(runId: string): Result<BacktestRunView> {
    const run = this.runs.get(runId);
    if (run === undefined) return fail('not-found', `no backtest ${runId}`, 'runId');
    run.cancelled = true;
    return ok(run.view);
  }

  /** Cancels every run (on shutdown). */
  public cancelAll(): void {
    for (const run of this.runs.values()) run.cancelled = true;
  }

  private async play(run: Run, kind: StrategyKind, contract: ContractView, request: BacktestRequest, parameters: StrategyParameters): Promise<void> {
    const { port, history, logger } = this.dependencies;
    try {
      let data: { source: 'bars'; bars: BarView[] } | { source: 'simulator'; seed: number } = { source: 'simulator', seed: request.seed };
      if (request.source === 'history') {
        const bars = await history.range({ contract, unit: request.unit, unitNumber: request.unitNumber, from: request.from, to: request.to }, (loaded) =>
          this.update(run, 'loading', 0, 0, `loaded ${loaded} bars`),
        );
        if (!bars.ok) return this.finish(run, 'failed', bars.error.message);
        data = { source: 'bars', bars: bars.value };
      }
      if (run.cancelled) return this.finish(run, 'cancelled', 'cancelled while loading');
      const outcome = await port.run(
        {
          runId: run.view.runId,
          kind,
          contract,
          series: { unit: request.unit, unitNumber: request.unitNumber },
          from: request.from,
          to: request.to,
          parameters,
          slippageTicks: request.slippageTicks,
          startingBalanceCents: Math.round(request.startingBalance * 100),
          data,
        },
        {
          progress: (processed, total, message) => this.update(run, total === 0 ? 'loading' : 'running', processed, total, message),
          cancelled: () => run.cancelled,
        },
      );
      if (!outcome.ok) return this.finish(run, outcome.error.code === 'cancelled' ? 'cancelled' : 'failed', outcome.error.message);
      run.result = outcome.value;
      run.view = { ...run.view, statistics: outcome.value.statistics };
      this.finish(run, 'completed', null);
    } catch (error) {
      logger.error({ runId: run.view.runId, error: error instanceof Error ? error.message : String(error) }, 'backtest failed');
      this.finish(run, 'failed', error instanceof Error ? error.message : String(error));
    }
  }

  private update(run: Run, status: BacktestStatus, processed: number, total: number, message: string | null): void {
    const percent = total === 0 ? 0 : Math.floor((processed / total) * 100);
    const changed = status !== run.view.status || percent !== run.view.percent || (total === 0 && message !== run.view.message);
    run.view = { ...run.view, status, processedBars: processed, totalBars: total, percent, message };
    if (!changed) return;
    const { runId, processedBars, totalBars } = run.view;
    this.dependencies.events.emit('backtest.progress', { runId, status, processedBars, totalBars, percent, message });
  }

  private finish(run: Run, status: BacktestStatus, message: string | null): void {
    run.view = { ...run.view, status, message, percent: status === 'completed' ? 100 : run.view.percent };
    this.dependencies.events.emit('backtest.finished', run.view);
  }

  private prune(): void {
    const finished = [...this.runs.values()].filter((run) => run.view.status !== 'loading' && run.view.status !== 'running');
    while (this.runs.size > keptRuns && finished.length > 0) {
      const oldest = finished.shift();
      if (oldest !== undefined) this.runs.delete(oldest.view.runId);
    }
  }
}
