import type { Page } from '@playwright/test';
import { connectToHost } from '../src-main/cli/host-connection';
import { median, percentile, round, type Figures } from './bench-harness';
import type { Ready } from './ui-host';

const burstSeconds = 10;
/** Quote updates a second the simulator produces across the four contracts during the burst. */
const burstQuotesPerSecond = Number(process.env.UI_BENCH_QUOTES_PER_SECOND ?? 1000);
const burstSymbols = ['ES', 'NQ', 'CL', 'GC'] as const;
/** Storms run one after another, so a rare long task shows up in the count. */
const burstRuns = Number(process.env.UI_BENCH_BURSTS ?? 3);

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
}

/**
 * Four charts on one-second bars while the simulator's quote storm makes 1,000 quote changes a
 * second across four contracts for 10 s (`POST /sim/feed {"quotesPerSecond"}`: real trades on the
 * tick grid through the market hub, the adapter and the core's display throttle): long tasks in the
 * renderer, and the quote updates per second per contract the host sends (counted on a second
 * connection).
 */
export async function quoteBursts(page: Page, ready: Ready): Promise<Figures> {
  await page.getByTestId('chart-depth').first().selectOption('2000');
  for (let index = 1; index < burstSymbols.length; index++) await page.getByRole('button', { name: 'Add chart' }).first().click();
  const toolbars = page.getByTestId('chart-symbol');
  for (const [index, symbol] of burstSymbols.entries()) {
    await toolbars.nth(index).fill(symbol);
    await toolbars.nth(index).press('Enter');
    await page.getByTestId('chart-timeframe').nth(index).selectOption('1s');
  }
  await page.waitForFunction(
    `[...document.querySelectorAll('[data-testid="chart-canvas"]')].every((element) => element.getAttribute('data-state') === 'ready')`,
    undefined,
    { timeout: 60_000 },
  );
  const runs: Record<string, number>[] = [];
  const inbound: number[] = [];
  for (let run = 0; run < burstRuns; run++) {
    const { figures, brokerMarketEventsPerSecond } = await quoteBurst(page, ready);
    runs.push(figures);
    inbound.push(brokerMarketEventsPerSecond);
  }
  const first = runs[0] ?? {};
  const longest = Math.max(0, ...runs.map((result) => result.longestTaskMs ?? 0));
  return {
    ...first,
    frameIntervalP99MsPerRun: runs.map((result) => result.frameIntervalP99Ms ?? 0).join('/'),
    frameIntervalMaxMsPerRun: runs.map((result) => result.frameIntervalMaxMs ?? 0).join('/'),
    framesOver50MsPerRun: runs.map((result) => result.framesOver50Ms ?? 0).join('/'),
    burstRuns: runs.length,
    longTasksOver50Ms: runs.reduce((total, result) => total + (result.longTasksOver50Ms ?? 0), 0),
    longTasksOver50MsPerRun: runs.map((result) => result.longTasksOver50Ms ?? 0).join('/'),
    longTasks: runs.reduce((total, result) => total + (result.longTasks ?? 0), 0),
    longestTaskMs: longest,
    quoteUpdatesPerContractSecondMax: Math.max(0, ...runs.map((result) => result.quoteUpdatesPerContractSecondMax ?? 0)),
    burstBrokerMarketEventsReportedByAdapter: {
      source: "diagnostics.get: the ProjectX adapter's own eventsPerSecond of its market channels, read halfway through each storm (not measured by the bench)",
      perSecondFirstStorm: inbound[0] ?? Number.NaN,
      perSecondPerStorm: inbound.join('/'),
    },
  };
}

/**
 * One storm: long tasks in the page and quote updates per contract-second counted on a second
 * connection (measured here); and apart, the adapter's own count of broker market events.
 */
async function quoteBurst(page: Page, ready: Ready): Promise<{ figures: Record<string, number>; brokerMarketEventsPerSecond: number }> {
  const control = ready.sim?.control;
  if (control === undefined) throw new Error('the host runs no simulator');
  const connection = await connectToHost({ api: ready.api, token: ready.token });
  if (!connection.ok) throw new Error(connection.error.message);
  const perSecond = new Map<string, number>();
  let maxPerContractSecond = 0;
  let received = 0;
  let counting = false;
  let startedAt = 0;
  const stop = connection.value.client.on('quotes.tick', (quote) => {
    if (!counting) return;
    received++;
    const key = `${quote.contractId}@${Math.floor((performance.now() - startedAt) / 1000)}`;
    const count = (perSecond.get(key) ?? 0) + 1;
    perSecond.set(key, count);
    maxPerContractSecond = Math.max(maxPerContractSecond, count);
  });
  await page.evaluate(`(() => {
    const tasks = [];
    window.benchLongTasks = tasks;
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) tasks.push(entry.duration); }).observe({ type: 'longtask' });
    // Every frame's interval: the distribution of how long the main thread kept the page from drawing.
    const frames = [];
    window.benchFrames = frames;
    window.benchFramesOn = true;
    let last = performance.now();
    const tick = (now) => { frames.push(now - last); last = now; if (window.benchFramesOn) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  counting = true;
  startedAt = performance.now();
  await postJson(`${control}/feed`, { quotesPerSecond: burstQuotesPerSecond, seconds: burstSeconds, symbols: burstSymbols });
  await page.waitForTimeout((burstSeconds / 2) * 1000);
  // Halfway through: the broker's market events per second as the adapter counts them.
  const diagnostics = await connection.value.client.invoke('diagnostics.get', {});
  await page.waitForTimeout((burstSeconds / 2) * 1000);
  counting = false;
  const inbound = diagnostics.ok
    ? Object.entries(diagnostics.value.channels).reduce((total, [name, channel]) => total + (name.includes('market') ? channel.eventsPerSecond : 0), 0)
    : Number.NaN;
  await page.waitForTimeout(500);
  const longTasks = (await page.evaluate('window.benchLongTasks')) as number[];
  const frames = (await page.evaluate('(() => { window.benchFramesOn = false; return window.benchFrames; })()')) as number[];
  stop();
  connection.value.close();
  // Whole seconds of the storm only (the first and the last may be partial).
  const fullSeconds = [...perSecond.entries()].filter(([key]) => {
    const second = Number(key.slice(key.lastIndexOf('@') + 1));
    return second >= 1 && second < burstSeconds - 1;
  });
  const perContractSecond = fullSeconds.map(([, count]) => count);
  return {
    figures: {
      burstQuotesPerSecondAsked: burstQuotesPerSecond,
      burstQuotesSentPerSecond: round(received / burstSeconds),
      quoteUpdatesPerContractSecondMedian: median(perContractSecond),
      quoteUpdatesPerContractSecondMax: maxPerContractSecond,
      longTasksOver50Ms: longTasks.filter((duration) => duration > 50).length,
      longTasks: longTasks.length,
      longestTaskMs: round(Math.max(0, ...longTasks)),
      frameIntervalP50Ms: round(median(frames)),
      frameIntervalP95Ms: round(percentile(frames, 95)),
      frameIntervalP99Ms: round(percentile(frames, 99)),
      frameIntervalMaxMs: round(Math.max(0, ...frames)),
      framesOver50Ms: frames.filter((interval) => interval > 50).length,
      frames: frames.length,
    },
    brokerMarketEventsPerSecond: round(inbound),
  };
}
