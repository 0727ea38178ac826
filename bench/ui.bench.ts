import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Page } from '@playwright/test';
import { connectToHost } from '../src-main/cli/host-connection';
import { median, percentile, round, type Benchmark } from './bench-harness';

/** A Wednesday, 10:00 in Chicago: the simulated market is open. */
const marketOpen = '2026-11-18T16:00:00Z';
const clickRounds = 40;
const burstSeconds = 10;
/** Quote updates a second the simulator produces across the four contracts during the burst. */
const burstQuotesPerSecond = Number(process.env.UI_BENCH_QUOTES_PER_SECOND ?? 1000);
const burstSymbols = ['ES', 'NQ', 'CL', 'GC'] as const;

interface Ready {
  readonly url: string;
  readonly api: string;
  readonly token: string;
  readonly sim?: { readonly control: string };
}

/**
 * The trading UI in Debian's Chromium against the built headless host on the simulator: click to
 * visible working order, 100,000 bars loaded and drawn, long tasks under a 1,000 quotes/s burst
 * across four contracts, and how many quote updates per second per contract the host sends.
 * Needs `npm run build` first (the host and the renderer it serves).
 */
export const uiBenchmark: Benchmark = {
  name: 'ui',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-ui-'));
    const host = await startHost(dataDir);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      // The page's CSP forbids eval; the probes below are strings, so the bench context bypasses it.
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(host.ready.url);
      await page.getByTestId('ticket-buy').waitFor({ state: 'visible' });
      await page.waitForFunction(`document.querySelector('[data-testid="ticket-buy"]')?.hasAttribute('disabled') === false`, undefined, { timeout: 30_000 });
      const clicks = await clickToWorkingOrder(page);
      const bars = await hundredThousandBars(page, host.ready);
      const burst = await quoteBurst(page, host.ready);
      return {
        clickToVisibleOrderP50Ms: round(median(clicks)),
        clickToVisibleOrderP95Ms: round(percentile(clicks, 95)),
        clickSamples: clicks.length,
        ...bars,
        ...burst,
      };
    } finally {
      await browser.close();
      host.child.kill('SIGTERM');
      await host.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
}

async function startHost(dataDir: string): Promise<{ ready: Ready; child: ChildProcess; exited: Promise<void> }> {
  const child = spawn(process.execPath, [resolve('out/main/headless.js'), '--data-dir', dataDir, '--port', '0', '--clock', marketOpen], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = await new Promise<Ready>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('the host printed no READY line within 20 s')), 20_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (!line.startsWith('READY ')) return;
      clearTimeout(timer);
      done(JSON.parse(line.slice('READY '.length)) as Ready);
    });
  });
  return { ready, child, exited };
}

// Runs in the page (a string: this file is type-checked without the DOM): clicks Buy and resolves
// with the milliseconds until the order's row and its chart line are both there, one frame later.
const clickProbe = `new Promise((done) => {
  const table = document.querySelector('[data-testid="orders-table"]');
  const canvas = document.querySelector('[data-testid="chart-canvas"]');
  const button = document.querySelector('[data-testid="ticket-buy"]');
  const rows = () => table.querySelectorAll('[data-testid="order-row"]').length;
  const lines = () => (canvas.getAttribute('data-lines') || '').split('"kind":"order"').length - 1;
  const rowsBefore = rows();
  const linesBefore = lines();
  const started = performance.now();
  const observer = new MutationObserver(() => {
    if (rows() > rowsBefore && lines() > linesBefore) {
      observer.disconnect();
      requestAnimationFrame(() => done(performance.now() - started));
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-lines'] });
  button.click();
})`;

/**
 * A limit far from the market from the ticket's Buy button to its row in the orders table and its
 * line on the chart, measured in the page from the click to the frame after both are there.
 */
async function clickToWorkingOrder(page: Page): Promise<number[]> {
  await page.getByTestId('tab-orders').click();
  await page.getByTestId('ticket-brackets').uncheck();
  await page.getByTestId('ticket-type-limit').click();
  const last = await page.getByTestId('ticket-last').innerText();
  await page.getByTestId('ticket-limit-price').fill((Math.floor(Number(last.replace(/,/g, '')) * 0.9 * 4) / 4).toFixed(2));
  const samples: number[] = [];
  for (let round = 0; round < clickRounds; round++) {
    const elapsed = Number(await page.evaluate(clickProbe));
    samples.push(elapsed);
    await page.getByTestId('ticket-cancel-all').click();
    await page.getByTestId('order-row').first().waitFor({ state: 'detached' });
    await page.waitForTimeout(120);
  }
  await page.getByTestId('ticket-type-market').click();
  return samples;
}

/** Picks a history depth on the first chart and waits until it shows at least `bars` bars. */
async function loadDepthOnChart(page: Page, depth: number, bars: number): Promise<number> {
  const started = Date.now();
  await page.getByTestId('chart-depth').first().selectOption(String(depth));
  await page.waitForFunction(
    `(() => { const element = document.querySelector('[data-testid="chart-canvas"]'); return element?.getAttribute('data-state') === 'ready' && Number(element.getAttribute('data-bars')) >= ${bars}; })()`,
    undefined,
    { timeout: 120_000 },
  );
  return Date.now() - started;
}

/** The chart's own timings of its last history load (data attributes the controller publishes). */
async function chartTimings(page: Page, prefix: string): Promise<Record<string, number | string>> {
  const canvas = page.getByTestId('chart-canvas').first();
  return {
    [`${prefix}LoadAndDrawMs`]: Number(await canvas.getAttribute('data-load-ms')),
    [`${prefix}FetchMs`]: Number(await canvas.getAttribute('data-fetch-ms')),
    [`${prefix}DrawMs`]: Number(await canvas.getAttribute('data-draw-ms')),
    [`${prefix}DrawParts`]: `convert/candles/volumes/overlays ${(await canvas.getAttribute('data-draw-parts')) ?? ''} ms`,
  };
}

/**
 * Loads 100,000 one-minute bars into the chart in one `market.bars` call, twice: cold (the host
 * fills its bar cache from the broker first) and warm (from the cache), with the chart's own timings
 * of each part; and the same call from Node for the host's share.
 */
async function hundredThousandBars(page: Page, ready: Ready): Promise<Record<string, number | string>> {
  const canvas = page.getByTestId('chart-canvas').first();
  await page.getByTestId('timeframe-1m').first().click();
  await canvas.and(page.locator('[data-state="ready"]')).waitFor();
  const coldWallMs = await loadDepthOnChart(page, 100_000, 90_000);
  const cold = await chartTimings(page, 'barsCold');
  await loadDepthOnChart(page, 2000, 1000);
  const warmWallMs = await loadDepthOnChart(page, 100_000, 90_000);
  const warm = await chartTimings(page, 'barsWarm');
  const barsLoaded = Number(await canvas.getAttribute('data-bars'));
  const connection = await connectToHost({ api: ready.api, token: ready.token });
  if (!connection.ok) throw new Error(connection.error.message);
  const callStarted = performance.now();
  const direct = await connection.value.client.invoke('market.bars', { symbol: 'ES', unit: 'minute', unitNumber: 1, count: 100_000 });
  const callMs = performance.now() - callStarted;
  connection.value.close();
  return {
    barsLoaded,
    barsOneCallFromNodeMs: round(callMs),
    barsOneCallCount: direct.ok ? direct.value.bars.length : 0,
    barsColdWallClockMs: coldWallMs,
    ...cold,
    barsWarmWallClockMs: warmWallMs,
    ...warm,
  };
}

/**
 * Four charts on one-second bars while the simulator's quote storm makes 1,000 quote changes a
 * second across four contracts for 10 s (`POST /sim/feed {"quotesPerSecond"}`: real trades on the
 * tick grid through the market hub, the adapter and the core's display throttle): long tasks in the
 * renderer, and the quote updates per second per contract the host sends (counted on a second
 * connection).
 */
async function quoteBurst(page: Page, ready: Ready): Promise<Record<string, number>> {
  const control = ready.sim?.control;
  if (control === undefined) throw new Error('the host runs no simulator');
  await page.getByTestId('chart-depth').first().selectOption('2000');
  for (let index = 1; index < burstSymbols.length; index++) await page.getByRole('button', { name: 'Add chart' }).first().click();
  const toolbars = page.getByTestId('chart-symbol');
  for (const [index, symbol] of burstSymbols.entries()) {
    await toolbars.nth(index).fill(symbol);
    await toolbars.nth(index).press('Enter');
    await page.getByTestId('chart-timeframe').nth(index).selectOption('1s');
  }
  await page.waitForFunction(`[...document.querySelectorAll('[data-testid="chart-canvas"]')].every((element) => element.getAttribute('data-state') === 'ready')`, undefined, { timeout: 60_000 });

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
  })()`);
  counting = true;
  startedAt = performance.now();
  await postJson(`${control}/feed`, { quotesPerSecond: burstQuotesPerSecond, seconds: burstSeconds, symbols: burstSymbols });
  await page.waitForTimeout((burstSeconds / 2) * 1000);
  // Halfway through: the broker's market events per second as the adapter counts them.
  const diagnostics = await connection.value.client.invoke('diagnostics.get', {});
  await page.waitForTimeout((burstSeconds / 2) * 1000);
  counting = false;
  const inbound = diagnostics.ok ? Object.entries(diagnostics.value.channels).reduce((total, [name, channel]) => total + (name.includes('market') ? channel.eventsPerSecond : 0), 0) : Number.NaN;
  await page.waitForTimeout(500);
  const longTasks = (await page.evaluate('window.benchLongTasks')) as number[];
  stop();
  connection.value.close();
  // Whole seconds of the storm only (the first and the last may be partial).
  const fullSeconds = [...perSecond.entries()].filter(([key]) => {
    const second = Number(key.slice(key.lastIndexOf('@') + 1));
    return second >= 1 && second < burstSeconds - 1;
  });
  const perContractSecond = fullSeconds.map(([, count]) => count);
  return {
    burstQuotesPerSecondAsked: burstQuotesPerSecond,
    burstBrokerMarketEventsPerSecond: round(inbound),
    burstQuotesSentPerSecond: round(received / burstSeconds),
    quoteUpdatesPerContractSecondMedian: median(perContractSecond),
    quoteUpdatesPerContractSecondMax: maxPerContractSecond,
    longTasksOver50Ms: longTasks.filter((duration) => duration > 50).length,
    longTasks: longTasks.length,
    longestTaskMs: round(Math.max(0, ...longTasks)),
  };
}
