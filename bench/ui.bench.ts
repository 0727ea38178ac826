import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { connectToHost } from '../src-main/cli/host-connection';
import { median, percentile, round, type Benchmark, type Figures } from './bench-harness';
import { marketOpen, startHost, type Ready } from './ui-host';
import { quoteBursts } from './ui-quote-storm';

const clickRounds = 40;

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
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      // The page's CSP forbids eval; the probes below are strings, so the bench context bypasses it.
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, bypassCSP: true });
      // The chart reports its load and draw times as data attributes only when a benchmark asks.
      await context.addInitScript({ content: 'window.terminalProbes = true;' });
      const page = await context.newPage();
      await page.goto(host.ready.url);
      await page.getByTestId('ticket-buy').waitFor({ state: 'visible' });
      await page.waitForFunction(`document.querySelector('[data-testid="ticket-buy"]')?.hasAttribute('disabled') === false`, undefined, { timeout: 30_000 });
      const clicks = await clickToWorkingOrder(page);
      const broker = await brokerHistoryMs(host.ready);
      const bars = await hundredThousandBars(page, host.ready);
      const burst = await quoteBursts(page, host.ready);
      return {
        clickToVisibleOrderP50Ms: round(median(clicks)),
        clickToVisibleOrderP95Ms: round(percentile(clicks, 95)),
        clickSamples: clicks.length,
        barsBrokerAlone100kMs: round(broker),
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

/**
 * What the broker alone takes to produce 100,000 one-minute bars: five 20,000-bar pages of another
 * contract (NQ: the same work as ES, nothing cached) straight from the simulator's REST API, one
 * after another. A cold chart load cannot be faster than its broker; this separates the two.
 */
async function brokerHistoryMs(ready: Ready): Promise<number> {
  const rest = ready.sim?.rest;
  if (rest === undefined) throw new Error('the host runs no simulator');
  const call = async (path: string, body: unknown, token?: string): Promise<Record<string, unknown>> => {
    const response = await fetch(`${rest}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  const token = String((await call('/api/Auth/loginKey', { userName: 'demo', apiKey: 'demo' })).token);
  const contracts = (await call('/api/Contract/search', { searchText: 'NQ', live: false }, token)).contracts as { id: string }[];
  const contractId = contracts[0]?.id ?? '';
  const started = performance.now();
  let end = marketOpen;
  let received = 0;
  for (let page = 0; page < 5; page++) {
    const answer = await call(
      '/api/History/retrieveBars',
      { contractId, live: false, startTime: '2026-01-01T00:00:00Z', endTime: end, unit: 2, unitNumber: 1, limit: 20_000, includePartialBar: false },
      token,
    );
    const bars = answer.bars as { t: string }[];
    received += bars.length;
    end = bars.at(-1)?.t ?? end;
  }
  if (received < 100_000) throw new Error(`the simulator gave ${received} bars of NQ history, not 100,000`);
  return performance.now() - started;
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
  // No bracket template: the click measures one working order, not an entry and its plan.
  await page.getByTestId('ticket-bracket').selectOption('none');
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

/**
 * The chart's own timings of its last history load: data attributes the chart controller publishes
 * about itself, not measured by the bench (hence the group's `source`).
 */
async function chartTimings(page: Page): Promise<Record<string, number | string>> {
  const canvas = page.getByTestId('chart-canvas').first();
  return {
    source: "the chart's own data-load-ms, data-fetch-ms, data-draw-ms and data-draw-parts attributes (not measured by the bench)",
    loadAndDrawMs: Number(await canvas.getAttribute('data-load-ms')),
    fetchMs: Number(await canvas.getAttribute('data-fetch-ms')),
    drawMs: Number(await canvas.getAttribute('data-draw-ms')),
    drawParts: `convert/candles/overlays ${(await canvas.getAttribute('data-draw-parts')) ?? ''} ms`,
  };
}

/**
 * Loads 100,000 one-minute bars into the chart in one `market.bars` call, twice: cold (the host
 * fills its bar cache from the broker first) and warm (from the cache), with the chart's own timings
 * of each part; and the same call from Node for the host's share.
 */
async function hundredThousandBars(page: Page, ready: Ready): Promise<Figures> {
  const canvas = page.getByTestId('chart-canvas').first();
  await page.getByTestId('timeframe-1m').first().click();
  await canvas.and(page.locator('[data-state="ready"]')).waitFor();
  const coldWallMs = await loadDepthOnChart(page, 100_000, 90_000);
  const cold = await chartTimings(page);
  await loadDepthOnChart(page, 2000, 1000);
  const warmWallMs = await loadDepthOnChart(page, 100_000, 90_000);
  const warm = await chartTimings(page);
  const barsShown = Number(await canvas.getAttribute('data-bars'));
  const connection = await connectToHost({ api: ready.api, token: ready.token });
  if (!connection.ok) throw new Error(connection.error.message);
  const callStarted = performance.now();
  const direct = await connection.value.client.invoke('market.bars', { symbol: 'ES', unit: 'minute', unitNumber: 1, count: 100_000 });
  const callMs = performance.now() - callStarted;
  connection.value.close();
  return {
    barsOneCallFromNodeMs: round(callMs),
    barsOneCallCount: direct.ok ? direct.value.bars.time.length : 0,
    barsColdWallClockMs: coldWallMs,
    barsWarmWallClockMs: warmWallMs,
    barsColdReportedByChart: cold,
    barsWarmReportedByChart: { ...warm, barsShown },
  };
}
