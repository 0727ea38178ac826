import { expect, type Page } from '@playwright/test';
import { Terminal } from './risk-kit';
import {
  drawnLines,
  keepBracketShot,
  keepScreenshot,
  openTerminal,
  pickBracket,
  pickCustomBracket,
  positionAverage,
  simControl,
  test,
  type DrawnLine,
} from './terminal-ui';

const tick = 0.25;

/** The chart's drawn lines of one kind. */
async function linesOf(page: Page, kind: string): Promise<DrawnLine[]> {
  return (await drawnLines(page.getByTestId('chart-canvas').first())).filter((line) => line.kind === kind);
}

/** Waits for the position's stop and target legs on the chart. */
async function legsDrawn(page: Page, stops: number, targets: number): Promise<void> {
  await expect
    .poll(async () => [(await linesOf(page, 'stop-loss')).length, (await linesOf(page, 'take-profit')).length], { timeout: 15_000 })
    .toEqual([stops, targets]);
}

test("an exit by a limit order from the chart cancels the position's legs", async ({ page, host }) => {
  await openTerminal(page, host);
  // Wide enough that the simulator's own walk does not reach a leg while the test runs.
  await pickCustomBracket(page, 60, 120);
  await page.getByTestId('ticket-buy').click();
  await legsDrawn(page, 1, 1);
  const [stop] = await linesOf(page, 'stop-loss');
  expect(stop?.text).toMatch(/^Stop ×1 @ \d+\.\d{2} {2}-\d+(\.\d)? t {2}-\$/);

  // A sell limit above the market from the chart menu: it closes the long, so it draws no plan of its own.
  const canvas = page.getByTestId('chart-canvas').first();
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the chart has no box');
  await canvas.click({ button: 'right', position: { x: box.width * 0.5, y: box.height * 0.12 } });
  await page.getByTestId('menu-sell-limit').click();
  await expect.poll(async () => (await linesOf(page, 'order')).length).toBe(1);
  const lines = await drawnLines(canvas);
  expect(lines.filter((line) => line.kind.startsWith('planned-'))).toEqual([]);
  const [exit] = await linesOf(page, 'order');
  if (exit === undefined) throw new Error('no exit line');

  await simControl(host, '/price', { symbol: 'ES', price: exit.price + tick });

  await expect(page.getByTestId('position-row')).toHaveCount(0, { timeout: 15_000 });
  await page.getByTestId('tab-orders').click();
  await expect(page.getByTestId('order-row')).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(async () => drawnLines(canvas)).toEqual([]);
});

test('a reverse keeps the protection: the new short has its stop above and its target below', async ({ page, host }) => {
  // The reversing order is 2 contracts; the default ES cap of 1 refuses it (RULE-002 counts the order's size).
  await new Terminal(host.ready.dataDir).riskSet({ maxContractsPerInstrument: { limits: { ES: 4 } } });
  await openTerminal(page, host);
  // Wide enough that the simulator's own walk does not reach a leg while the test runs.
  await pickCustomBracket(page, 60, 120);
  await page.getByTestId('ticket-buy').click();
  await legsDrawn(page, 1, 1);

  await page.getByTestId('ticket-reverse').click();

  await expect(page.getByTestId('position-row')).toContainText('Short', { timeout: 15_000 });
  const average = await positionAverage(page);
  await expect
    .poll(
      async () => {
        const [stop] = await linesOf(page, 'stop-loss');
        const [target] = await linesOf(page, 'take-profit');
        return stop !== undefined && target !== undefined && stop.price > average && target.price < average;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await page.getByTestId('tab-orders').click();
  const stopRow = page.getByTestId('order-row').filter({ has: page.getByTestId('order-cause').getByText('Stop', { exact: true }) });
  await expect(stopRow).toHaveCount(1);
  await expect(stopRow).toContainText('Buy');
});

test('target 1 filling moves the stop to break-even', async ({ page, host }) => {
  await new Terminal(host.ready.dataDir).riskSet({ maxContractsPerInstrument: { limits: { ES: 4 } } });
  await openTerminal(page, host);
  // Runner 2 targets: stop 12 t, targets 12 t and 32 t of one contract each, break-even at +12 t (+1 t).
  await pickBracket(page, 'Runner 2 targets');
  await page.getByTestId('ticket-size').fill('2');
  await page.getByTestId('ticket-buy').click();
  await legsDrawn(page, 1, 2);
  await keepBracketShot(page, 'chart-legs-runner');
  const average = await positionAverage(page);

  await simControl(host, '/price', { symbol: 'ES', price: average + 14 * tick });

  await expect(page.getByTestId('position-row').locator('td').nth(2)).toHaveText('1', { timeout: 15_000 });
  await expect.poll(async () => (await linesOf(page, 'stop-loss')).map((line) => line.text.split(' @ ')[0]), { timeout: 15_000 }).toEqual(['BE stop ×1']);
  const [breakEven] = await linesOf(page, 'stop-loss');
  expect(breakEven?.price).toBeGreaterThan(average);
  expect(breakEven?.text).toMatch(/ {2}\+\d+(\.\d)? t {2}\+\$/);
  expect((await linesOf(page, 'take-profit')).map((line) => line.text.split(' @ ')[0])).toEqual(['Target 2 ×1']);
  await keepBracketShot(page, 'chart-legs-break-even');

  await page.getByTestId('tab-fills').click();
  await expect(page.getByTestId('fill-cause').filter({ hasText: 'Target 1' })).toHaveCount(1);
  const canvas = page.getByTestId('chart-canvas').first();
  await expect
    .poll(
      async () =>
        (JSON.parse((await canvas.getAttribute('data-fills')) ?? '[]') as { cause: string; text: string }[]).find((fill) => fill.cause === 'Target 1')?.text,
    )
    .toBe('T1 S1');
  await page.getByTestId('tab-notifications').click();
  await expect(page.getByTestId('notification').filter({ hasText: 'Fill · Target 1' })).toHaveCount(1);
});

test('a stop moved by hand, then a flatten, leaves no RULE-008 breach and no error', async ({ page, host }) => {
  const terminal = new Terminal(host.ready.dataDir);
  await terminal.riskSet({ noStopLossGrace: { enabled: true, seconds: 2 } });
  await openTerminal(page, host);
  // Wide enough that the simulator's own walk does not reach a leg while the test runs.
  await pickCustomBracket(page, 60, 120);
  await page.getByTestId('ticket-buy').click();
  await legsDrawn(page, 1, 1);

  // Drag the stop 30 pixels down.
  const canvas = page.getByTestId('chart-canvas').first();
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the chart has no box');
  const [stop] = await linesOf(page, 'stop-loss');
  if (stop === undefined) throw new Error('no stop line');
  await page.mouse.move(box.x + 60, box.y + stop.y);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + stop.y + 15, { steps: 4 });
  await page.mouse.move(box.x + 60, box.y + stop.y + 30, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await linesOf(page, 'stop-loss'))[0]?.price, { timeout: 10_000 }).toBeLessThan(stop.price);

  await page.getByTestId('ticket-flatten').click();
  await expect(page.getByTestId('position-row')).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(async () => drawnLines(canvas), { timeout: 15_000 }).toEqual([]);
  // Past the grace: a breach would have fired by now.
  await page.waitForTimeout(3500);

  const audit = await terminal.audit();
  expect(audit.filter((row) => row.actor === 'risk:008' || JSON.stringify(row.detail).includes('RULE-008'))).toEqual([]);
  await page.getByTestId('tab-notifications').click();
  await expect(page.getByTestId('notification').and(page.locator('.feed-error'))).toHaveCount(0);
  await expect(page.getByTestId('lock-banner')).toHaveCount(0);
});

test('a template edited in Settings › Brackets is saved, becomes the default and is picked in the ticket', async ({ page, host }) => {
  await openTerminal(page, host);
  await page.getByTestId('settings-open').click();
  await page.getByTestId('settings-brackets').click();
  await expect(page.getByTestId('bracket-template')).toHaveCount(2);
  await keepBracketShot(page, 'settings-brackets', page.getByTestId('settings-dialog'));

  await page.getByTestId('bracket-add').click();
  await page.getByTestId('bracket-field-name').fill('Swing 10/20/40');
  await page.getByTestId('bracket-field-stopTicks').fill('10');
  await page.getByTestId('bracket-field-targets.0.ticks').fill('20');
  await page.getByTestId('bracket-target-add').click();
  await page.getByTestId('bracket-field-targets.1.ticks').fill('15');
  await page.getByTestId('bracket-break-even-enabled').check();
  await page.getByTestId('bracket-field-breakEvenTriggerTicks').fill('20');
  await page.getByTestId('bracket-save').click();
  await expect(page.getByTestId('bracket-error')).toContainText('Target 2 distance: must be farther than target 1 (20 ticks away)');
  await keepBracketShot(page, 'settings-brackets-problem', page.getByTestId('settings-dialog'));

  await page.getByTestId('bracket-field-targets.1.ticks').fill('40');
  await page.getByTestId('bracket-save').click();
  await expect(page.getByTestId('bracket-saved')).toHaveText('Saved "Swing 10/20/40"');
  await expect(page.getByTestId('bracket-template')).toHaveCount(3);
  await page.getByTestId('bracket-default-all').selectOption('template:Swing 10/20/40');
  await expect(page.getByTestId('bracket-saved')).toHaveText('Default for every contract saved');
  await keepBracketShot(page, 'settings-brackets-saved', page.getByTestId('settings-dialog'));
  await page.getByTestId('bracket-missing-stop-alarm').scrollIntoViewIfNeeded();
  await keepBracketShot(page, 'settings-brackets-defaults', page.getByTestId('settings-dialog'));
  await page.getByTestId('modal-close').click();

  // The account's default is preselected in the ticket, with what it does at the ticket's size.
  await expect(page.getByTestId('ticket-bracket')).toHaveValue('template:Swing 10/20/40');
  await expect(page.getByTestId('ticket-bracket').locator('option:checked')).toHaveText('Swing 10/20/40 (default)');
  await expect(page.getByTestId('ticket-bracket-summary')).toContainText('Target 1');
  await expect(page.getByTestId('ticket-bracket-summary')).toContainText('-$125.00');
  await keepBracketShot(page, 'ticket-picker', page.getByTestId('order-ticket'));

  // A buy limit below the market draws the template's plan from its own price.
  await page.getByTestId('ticket-type-limit').click();
  const last = Number((await page.getByTestId('ticket-last').innerText()).replace(/,/g, ''));
  await page.getByTestId('ticket-limit-price').fill((last - 5).toFixed(2));
  await page.getByTestId('ticket-buy').click();
  await expect
    .poll(async () => (await drawnLines(page.getByTestId('chart-canvas').first())).filter((line) => line.id.startsWith('plan-')).map((line) => line.text))
    .toEqual([`Stop ×1 @ ${(last - 7.5).toFixed(2)}  -10 t  -$125.00`, `Target 1 ×1 @ ${last.toFixed(2)}  +20 t  +$250.00`]);
  await keepBracketShot(page, 'chart-planned');

  // The hotkey cycles to the next choice.
  await page.keyboard.press('Alt+KeyT');
  await expect(page.getByTestId('ticket-bracket')).toHaveValue('custom');
  await expect(page.getByTestId('ticket-stop-loss')).toBeVisible();
  await keepScreenshot(page, 'brackets-ticket');
});
