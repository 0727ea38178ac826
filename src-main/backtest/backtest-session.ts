import type { StrategyLogEntry, StrategySeries } from '../../src-shared/domain/strategies';
import type { BarView, ContractView, QuoteView } from '../../src-shared/domain/trading';
import { BarRollup, barEnd, fixedBarMs } from '../core/strategy/bar-rollup';
import type { BacktestJob } from '../core/strategy/backtest-port';
import type { JsonValue } from '../core/strategy/strategy-context';
import type { ExecutionCommand, RuntimeHost } from '../core/strategy/strategy-execution';
import { StrategyRuntime } from '../core/strategy/strategy-runtime';
import { BacktestBook } from './backtest-book';
import { ReplayExchange } from './replay-exchange';

/** Decisions kept from each end of a run. */
const keptLogLines = 250;

/**
 * One backtest, bar by bar, on a simulated clock: the strategy's runtime (the same as live), the
 * replay exchange and the book. Per bar: working orders meet the bar's prints, due timers fire,
 * the clock moves to the bar's close, then the strategy sees the bar (and any longer bar it closes).
 */
export class BacktestSession implements RuntimeHost {
  public readonly runtime: StrategyRuntime;
  public readonly book: BacktestBook;
  public readonly firstLog: StrategyLogEntry[] = [];
  public readonly lastLog: StrategyLogEntry[] = [];
  public failure: string | null = null;
  private readonly exchange: ReplayExchange;
  private readonly rollups: { readonly series: StrategySeries; readonly rollup: BarRollup }[] = [];
  private readonly timers = new Map<string, number>();
  private readonly baseMs: number | undefined;
  private readonly wantsQuotes: boolean;
  private readonly readsBase: boolean;
  private time: number;
  private day = '';
  private lastBar: BarView | null = null;
  private state: Readonly<Record<string, JsonValue>> = {};

  public constructor(
    private readonly job: BacktestJob,
    private readonly contract: ContractView,
    feeCentsPerSide: number,
  ) {
    this.time = job.from;
    const id = `backtest:${job.kind.kind}`;
    this.book = new BacktestBook(contract, job.startingBalanceCents, id);
    this.exchange = new ReplayExchange({
      accountId: 0,
      contract,
      feeCentsPerSide,
      slippageTicks: job.slippageTicks,
      now: () => this.time,
      listener: {
        order: (view, role) => this.runtime.deliverOrder(view, role),
        fill: (fill) => {
          this.book.fill(fill, this.day);
          this.runtime.deliverFill(fill);
        },
      },
    });
    this.runtime = new StrategyRuntime({ id, kind: job.kind, accountId: 0, contract, parameters: job.parameters, clock: { now: () => this.time }, host: this });
    this.baseMs = fixedBarMs(job.series);
    const baseKey = `${job.series.unit}:${job.series.unitNumber}`;
    for (const feed of this.runtime.feeds.feeds) {
      if (feed.key === baseKey) continue;
      if (!longerThan(feed.series, job.series)) throw new RangeError(`the strategy reads ${feed.key} bars, shorter than the ${baseKey} bars of the backtest`);
      this.rollups.push({ series: feed.series, rollup: new BarRollup(feed.series) });
    }
    // Base bars the strategy does not read still drive the matching, the timers and the equity marks.
    this.readsBase = this.runtime.feeds.feeds.some((feed) => feed.key === baseKey);
    this.runtime.start();
    this.wantsQuotes = this.runtime.wantsQuotes;
  }

  /** Plays one bar (bars must come oldest first). */
  public step(bar: BarView): void {
    this.time = bar.time;
    // The runtime's calendar answers from its per-day cache, shared with the strategy's own questions.
    this.day = this.runtime.calendar.tradingDay(bar.time);
    if (this.exchange.hasWorking) this.exchange.play(bar);
    const close = this.baseMs === undefined ? barEnd(bar.time, this.job.series) : bar.time + this.baseMs;
    if (this.timers.size > 0) this.fireTimers(close);
    this.time = close;
    this.lastBar = bar;
    this.book.mark(close, this.day, bar.close);
    if (this.readsBase) this.runtime.deliverBar(this.job.series, bar);
    for (const { series, rollup } of this.rollups) rollup.add(bar, close, (longer) => this.runtime.deliverBar(series, longer));
    if (this.wantsQuotes) this.runtime.deliverQuote(quoteOf(this.contract.id, bar, close));
    if (this.runtime.status === 'faulted' && this.failure === null) this.failure = this.runtime.statusReason;
  }

  /** Ends the run: stops the strategy and closes what is open at the last close. */
  public finish(): void {
    const last = this.lastBar;
    this.runtime.stop('end of the backtest');
    if (last !== null) this.exchange.settle(this.runtime.ledger.position().size, last.close, last);
    this.book.finish();
  }

  public send(command: ExecutionCommand): void {
    const exchange = this.exchange;
    let accepted = true;
    switch (command.kind) {
      case 'enter': {
        const { entry } = command;
        exchange.place({
          side: entry.side,
          type: entry.type,
          size: entry.size,
          limitTicks: entry.limitTicks,
          stopTicks: entry.stopTicks,
          bracket: { stopLossTicks: entry.stopLossTicks, takeProfitTicks: entry.takeProfitTicks ?? null },
          role: 'entry',
        });
        break;
      }
      case 'close':
        exchange.place({ side: command.side, type: 'market', size: command.size, role: 'exit' });
        break;
      case 'cancel':
        accepted = exchange.cancel(command.orderId);
        break;
      case 'modify':
        accepted = exchange.modify(command.orderId, command);
        break;
    }
    this.runtime.settle(
      command,
      accepted ? null : `order ${command.kind === 'cancel' || command.kind === 'modify' ? command.orderId : ''} is no longer working`,
    );
  }

  public setTimer(name: string, at: number): void {
    this.timers.set(name, at);
  }

  public clearTimer(name: string): void {
    this.timers.delete(name);
  }

  public loadState(): Readonly<Record<string, JsonValue>> {
    return this.state;
  }

  public saveState(state: Readonly<Record<string, JsonValue>>): void {
    this.state = state;
  }

  public log(entry: StrategyLogEntry): void {
    if (this.firstLog.length < keptLogLines) this.firstLog.push(entry);
    else {
      this.lastLog.push(entry);
      if (this.lastLog.length > 2 * keptLogLines) this.lastLog.splice(0, this.lastLog.length - keptLogLines);
    }
  }

  public changed(): void {}

  private fireTimers(until: number): void {
    for (;;) {
      let name: string | undefined;
      let at = Number.POSITIVE_INFINITY;
      for (const [candidate, time] of this.timers) if (time <= until && time < at) [name, at] = [candidate, time];
      if (name === undefined) return;
      this.timers.delete(name);
      this.time = Math.max(this.time, at);
      this.runtime.fireTimer(name);
    }
  }
}

function longerThan(series: StrategySeries, base: StrategySeries): boolean {
  const start = Date.parse('2026-01-05T00:00:00Z');
  return barEnd(start, series) - start > barEnd(start, base) - start;
}

function quoteOf(contractId: string, bar: BarView, time: number): QuoteView {
  return { contractId, bidTicks: bar.close - 1, askTicks: bar.close, lastTicks: bar.close, volume: bar.volume, time };
}
