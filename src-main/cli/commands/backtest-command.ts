import { InvalidArgumentError, type Command } from 'commander';
import type { BacktestProgressView, BacktestRunView } from '../../../src-shared/domain/analytics';
import type { BarUnit } from '../../../src-shared/domain/trading';
import { fail } from '../../../src-shared/result';
import type { TerminalApi } from '../../../src-shared/terminal-api';
import { isoTime, output, positiveInteger, readJsonObject, type CliOutput, type CommandRunner } from '../command-kit';
import { formatBacktestStatistics } from './strategy-format';

const units: readonly BarUnit[] = ['second', 'minute', 'hour', 'day', 'week', 'month'];
/** How often the CLI asks for the run's status in case an event was missed or the link dropped. */
const pollMs = 2_000;

interface BacktestOptions {
  readonly from: number;
  readonly to: number;
  readonly unit: string;
  readonly unitNumber: number;
  readonly params?: string;
  readonly source: string;
  readonly seed: number;
  readonly slippage: number;
  readonly balance: number;
}

function wholeNumber(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw new InvalidArgumentError('must be a whole number');
  return number;
}

function progressLine(progress: BacktestProgressView): string {
  if (progress.status === 'loading') return `backtest ${progress.runId}: loading${progress.message === null ? '' : ` (${progress.message})`}`;
  return `backtest ${progress.runId}: ${progress.status} ${progress.percent}% (${progress.processedBars}/${progress.totalBars} bars)`;
}

/** Waits for the run's end: the `backtest.finished` event, or a status poll that finds it ended. */
function waitForEnd(api: TerminalApi, runId: string, progress: (view: BacktestProgressView) => void): Promise<BacktestRunView> {
  return new Promise((resolve) => {
    const done = (view: BacktestRunView): void => {
      stopProgress();
      stopFinished();
      clearInterval(poll);
      resolve(view);
    };
    const stopProgress = api.on('backtest.progress', (view) => {
      if (view.runId === runId) progress(view);
    });
    const stopFinished = api.on('backtest.finished', (view) => {
      if (view.runId === runId) done(view);
    });
    const poll = setInterval(() => {
      void api.invoke('backtest.status', { runId }).then((status) => {
        if (!status.ok)
          done({
            runId,
            strategy: '',
            symbol: '',
            status: 'failed',
            processedBars: 0,
            totalBars: 0,
            percent: 0,
            message: status.error.message,
            statistics: null,
          });
        else if (status.value.status !== 'loading' && status.value.status !== 'running') done(status.value);
      });
    }, pollMs);
  });
}

/** backtest <strategy> <symbol> --from --to: progress on stderr, the statistics as JSON on stdout; Ctrl-C cancels the run. */
export function backtestCommand(program: Command, run: CommandRunner, streams: CliOutput): void {
  program
    .command('backtest')
    .description('run a strategy over history on the simulator matching engine; progress on stderr, statistics as JSON')
    .argument('<strategy>', 'a strategy kind, e.g. trend-following')
    .argument('<symbol>', 'a root such as ES, or a full contract id')
    .requiredOption('--from <iso>', 'start of the period', isoTime)
    .requiredOption('--to <iso>', 'end of the period (exclusive)', isoTime)
    .option('--unit <unit>', `bar unit (${units.join(', ')})`, 'minute')
    .option('--unit-number <n>', 'units per bar', positiveInteger, 1)
    .option('--params <file>', 'a JSON file of strategy parameters')
    .option('--source <source>', 'history (the broker through the store cache) or simulator (the built-in seeded tape)', 'history')
    .option('--seed <n>', 'simulator seed', wholeNumber, 1)
    .option('--slippage <ticks>', 'ticks of slippage on market and stop fills', wholeNumber, 1)
    .option('--balance <dollars>', 'starting balance', positiveInteger, 50_000)
    .action(
      run(async ({ api }, strategy, symbol, rawOptions) => {
        const options = rawOptions as BacktestOptions;
        if (!(units as readonly string[]).includes(options.unit))
          return fail('invalid-request', `unknown unit '${options.unit}': use ${units.join(', ')}`, 'unit');
        if (options.source !== 'history' && options.source !== 'simulator')
          return fail('invalid-request', `unknown source '${options.source}': use history or simulator`, 'source');
        const parameters = options.params === undefined ? undefined : await readJsonObject(options.params);
        if (parameters !== undefined && !parameters.ok) return parameters;
        let runId: string | undefined;
        const early: BacktestProgressView[] = [];
        let shown: BacktestProgressView | undefined;
        // One line per loading step and per 5% played, so a long run shows progress without flooding the terminal.
        const print = (view: BacktestProgressView): void => {
          if (shown !== undefined && shown.status === view.status && view.status === 'running' && view.percent < shown.percent + 5 && view.percent < 100)
            return;
          shown = view;
          streams.stderr(`${progressLine(view)}\n`);
        };
        // Listen before starting, so the first progress events are not lost.
        const stopEarly = api.on('backtest.progress', (view) => {
          if (runId === undefined) early.push(view);
        });
        const started = await api.invoke('backtest.start', {
          strategy: String(strategy),
          symbol: String(symbol),
          from: options.from,
          to: options.to,
          unit: options.unit as BarUnit,
          unitNumber: options.unitNumber,
          source: options.source,
          seed: options.seed,
          slippageTicks: options.slippage,
          startingBalance: options.balance,
          ...(parameters === undefined ? {} : { parameters: parameters.value as Record<string, number | boolean | string> }),
        });
        if (!started.ok) {
          stopEarly();
          return started;
        }
        const id = started.value.runId;
        runId = id;
        for (const view of early) if (view.runId === id) print(view);
        const cancel = (): void => {
          streams.stderr(`cancelling backtest ${id}\n`);
          void api.invoke('backtest.cancel', { runId: id });
        };
        process.once('SIGINT', cancel);
        try {
          const ended = await waitForEnd(api, id, print);
          if (ended.status !== 'completed')
            return fail(
              ended.status === 'cancelled' ? 'cancelled' : 'internal',
              `backtest ${id} ${ended.status}${ended.message === null ? '' : `: ${ended.message}`}`,
            );
          const result = await api.invoke('backtest.result', { runId: id });
          if (!result.ok) return result;
          const { statistics, trades } = result.value;
          return output(
            {
              runId: id,
              strategy: result.value.strategy,
              symbol: result.value.symbol,
              from: result.value.from,
              to: result.value.to,
              parameters: result.value.parameters,
              statistics,
              trades: trades.length,
            },
            formatBacktestStatistics(statistics),
          );
        } finally {
          stopEarly();
          process.removeListener('SIGINT', cancel);
        }
      }),
    );
}
