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
/** Simulator feed speed for the burst (the market generator's rate times this). */
const burstSpeed = Number(process.env.UI_BENCH_FEED_SPEED ?? 60);
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
      const bars = await hundredThousandBars(page);
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

/** Loads 100,000 one-minute bars into the chart (pages of 20,000) and reads the chart's own timings. */
async function hundredThousandBars(page: Page): Promise<Record<string, number>> {
  const canvas = page.getByTestId('chart-canvas').first();
  await page.getByTestId('timeframe-1m').first().click();
  await canvas.and(page.locator('[data-state="ready"]')).waitFor();
  const started = Date.now();
  await page.getByTestId('chart-depth').first().selectOption('100000');
  await page.waitForFunction(
    `(() => { const element = document.querySelector('[data-testid="chart-canvas"]'); return element?.getAttribute('data-state') === 'ready' && Number(element.getAttribute('data-bars')) >= 90000; })()`,
    undefined,
    { timeout: 120_000 },
  );
  const wallMs = Date.now() - started;
  const barsLoaded = Number(await canvas.getAttribute('data-bars'));
  return {
    barsLoaded,
    barsLoadAndDrawMs: Number(await canvas.getAttribute('data-load-ms')),
    barsDrawMs: Number(await canvas.getAttribute('data-draw-ms')),
    barsWallClockMs: wallMs,
  };
}

/**
 * Four charts on one-second bars while 1,000 prices a second are pushed into the simulator across
 * four contracts: long tasks in the renderer, and the quote updates per second per contract the
 * host sends (counted on a second connection).
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
  const stop = connection.value.client.on('quotes.tick', (quote) => {
    received++;
    const key = `${quote.contractId}@${Math.floor(performance.now() / 1000)}`;
    const count = (perSecond.get(key) ?? 0) + 1;
    perSecond.set(key, count);
    maxPerContractSecond = Math.max(maxPerContractSecond, count);
  });
  await page.evaluate(`(() => {
    const tasks = [];
    window.benchLongTasks = tasks;
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) tasks.push(entry.duration); }).observe({ type: 'longtask' });
  })()`);
  // The simulator's feed runs faster than real time until the broker's market hub carries 1,000 quotes a second.
  await postJson(`${control}/feed`, { speed: burstSpeed });
  await page.waitForTimeout(burstSeconds * 1000);
  const diagnostics = await connection.value.client.invoke('diagnostics.get', {});
  await postJson(`${control}/feed`, { speed: 1 });
  const inbound = diagnostics.ok ? Object.entries(diagnostics.value.channels).reduce((total, [name, channel]) => total + (name.includes('market') ? channel.eventsPerSecond : 0), 0) : Number.NaN;
  await page.waitForTimeout(500);
  const longTasks = (await page.evaluate('window.benchLongTasks')) as number[];
  stop();
  connection.value.close();
  return {
    burstFeedSpeed: burstSpeed,
    burstBrokerMarketEventsPerSecond: round(inbound),
    burstQuotesReceivedPerSecond: round(received / burstSeconds),
    maxQuoteUpdatesPerContractSecond: maxPerContractSecond,
    longTasksOver50Ms: longTasks.filter((duration) => duration > 50).length,
    longestTaskMs: round(Math.max(0, ...longTasks)),
  };
}
