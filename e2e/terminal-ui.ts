import { test as base, expect, type ConsoleMessage, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startHost, type HostProcess } from './headless-host';

/** A Wednesday, 10:00 in Chicago: the simulated market is open. */
export const marketOpen = '2026-11-18T16:00:00Z';
/** Where screenshots of the main screens are kept. */
export const screenshotDir = 'reports/screenshots';

/** Starts the headless host on the simulator with its own data folder and the market open. */
export function startTradingHost(): Promise<HostProcess> {
  return startHost(['--clock', marketOpen]);
}

/** Collects console errors and warnings and uncaught page errors; a test asserts it stays empty. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** Opens the UI and waits until orders can be sent (the broker reconciled, the chart drawn). */
export async function openTerminal(page: Page, host: HostProcess): Promise<void> {
  // The chart reports its state, bars and lines as data attributes only when a test asks.
  await page.addInitScript({ content: 'window.terminalProbes = true;' });
  await page.goto(host.ready.url);
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('ticket-buy')).toBeEnabled({ timeout: 20_000 });
  await expect(page.getByTestId('chart-canvas').first()).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
}

/** Saves a screenshot of the whole window as a test artefact. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}/${name}.png` });
}

/** One order line as the chart publishes it. */
export interface DrawnLine {
  readonly id: string;
  readonly kind: string;
  readonly text: string;
  readonly price: number;
  readonly y: number;
  /** The strategy that placed the order, when one did. */
  readonly strategy?: string;
}

/** The order lines the chart drew, from its published layout. */
export async function drawnLines(canvas: Locator): Promise<DrawnLine[]> {
  const text = await canvas.getAttribute('data-lines');
  return text === null ? [] : (JSON.parse(text) as DrawnLine[]);
}

/** Posts to the simulator's control API. */
export async function simControl(host: HostProcess, path: string, body: unknown): Promise<void> {
  const ready: { sim?: { control?: string } } = host.ready;
  const control = ready.sim?.control;
  if (control === undefined) throw new Error('the host runs no simulator');
  const response = await fetch(`${control}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`sim control ${path} answered ${response.status}: ${await response.text()}`);
}

/**
 * Playwright's `test` with a headless host per test (on the simulator, the market open unless
 * `hostArgs` says otherwise) and an automatic check: the test fails when the page logged a console
 * error or warning, or threw, while the host ran (checked before the host stops, whose lost link
 * the page rightly reports).
 */
export const test = base.extend<{ hostArgs: string[]; host: HostProcess; problems: string[] }>({
  hostArgs: [['--clock', marketOpen], { option: true }],
  host: async ({ hostArgs }, use) => {
    const host = await startHost(hostArgs);
    await use(host);
    await host.stop();
  },
  problems: [
    async ({ page, host }, use) => {
      const problems = collectProblems(page);
      await use(problems);
      expect(problems, `console errors, warnings or page errors while the host ${host.ready.pid} ran`).toEqual([]);
    },
    { auto: true },
  ],
});

/** The simulator's last price of a symbol's front contract, from `GET /sim/state`. */
export async function simPrice(host: HostProcess, contractId: string): Promise<number> {
  const ready: { sim?: { control?: string } } = host.ready;
  const response = await fetch(`${ready.sim?.control ?? ''}/state`);
  const state = (await response.json()) as { prices: Record<string, number> };
  const price = state.prices[contractId];
  if (price === undefined) throw new Error(`the simulator has no price for ${contractId}`);
  return price;
}

/** Switches the window to a screen (Trade, Strategies, Backtest, Analytics). */
export async function openScreen(page: Page, screen: 'trade' | 'strategies' | 'backtest' | 'analytics'): Promise<void> {
  await page.getByTestId(`view-${screen}`).click();
  await expect(page.getByTestId(`view-${screen}`)).toHaveAttribute('aria-current', 'page');
}

/** Where the bracket screenshots of issue 12 are kept for review. */
export const bracketShotDir = '/tmp/shots';

/** Saves a screenshot of the window (or one element) under /tmp/shots. */
export async function keepBracketShot(page: Page, name: string, element?: Locator): Promise<void> {
  mkdirSync(bracketShotDir, { recursive: true });
  await (element ?? page).screenshot({ path: `${bracketShotDir}/${name}.png` });
}

/** Picks a bracket in the ticket: `none`, `custom` or a template's name. */
export async function pickBracket(page: Page, choice: string): Promise<void> {
  const value = choice === 'none' || choice === 'custom' ? choice : `template:${choice}`;
  await page.getByTestId('ticket-bracket').selectOption(value);
  await expect(page.getByTestId('ticket-bracket')).toHaveValue(value);
}

/** Picks "Custom SL/TP" in the ticket with these distances in ticks. */
export async function pickCustomBracket(page: Page, stopLossTicks: number, takeProfitTicks: number): Promise<void> {
  await pickBracket(page, 'custom');
  await page.getByTestId('ticket-stop-loss').fill(String(stopLossTicks));
  await page.getByTestId('ticket-take-profit').fill(String(takeProfitTicks));
  await expect(page.getByTestId('ticket-stop-loss')).toHaveValue(String(stopLossTicks));
}

/** The open position's average price as the positions table shows it. */
export async function positionAverage(page: Page): Promise<number> {
  const row = page.getByTestId('position-row');
  await expect(row).toHaveCount(1);
  return Number((await row.locator('td').nth(3).innerText()).replace(/,/g, ''));
}
