import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { OrderResolution } from '../../../src-shared/contract';
import type { Result } from '../../../src-shared/result';
import type { TerminalApi } from '../../../src-shared/terminal-api';
import type { CliOutput, CommandRunner } from '../command-kit';
import { settle } from '../../core/strategy/testing/live-rig';
import { esContract, evaluationAccount } from '../../core/testing/fake-broker';
import { cliOverFakeBroker } from '../testing/cli-rig';
import { accountCommands } from './account-commands';
import { orderCommands } from './order-commands';
import { strategyCommands } from './strategy-commands';

const allCommands = [accountCommands, orderCommands, strategyCommands] as const;

describe('order commands', () => {
  it('sends a template by name (or none) with an order, and refuses it beside --sl / --tp', async () => {
    const { rig, run } = await cliOverFakeBroker(...allCommands);

    const none = await run('buy', 'ES', '1', '--template', 'none');
    const both = await run('buy', 'ES', '1', '--template', 'Scalp 8/16', '--sl', '8');

    expect(none).toMatchObject({ code: 0, stdout: expect.stringMatching(/^placed buy 1 ES market, no protection: order \d+ \(tag tag-1\)\n$/) as string });
    expect(rig.broker.calls.filter((call) => call.call === 'place')).toHaveLength(1);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/option '--template <name>' cannot be used with option '--sl <ticks>'/);
  });

  it("reverses a position: a market order of twice the position's size the other way", async () => {
    const { rig, run } = await cliOverFakeBroker(...allCommands);
    rig.broker.emit({
      kind: 'position',
      position: { accountId: evaluationAccount.id, contractId: esContract.id, size: 2, averageTicks: 20_000, openedAt: rig.clock.now() },
    });

    const reversed = await run('reverse', 'ES');
    const flat = await run('reverse', 'NQ');

    expect(reversed).toMatchObject({ code: 0, stdout: 'reversed ES: cancelled 0 order(s), placed 1 order(s)\n' });
    expect(rig.broker.calls.find((call) => call.call === 'place')).toMatchObject({ request: { side: 'sell', size: 4, type: 'market' } });
    expect(flat.code).toBe(1);
  });

  it('shows who placed each order and fill, with prices in the contract format', async () => {
    const { rig, run, fill } = await cliOverFakeBroker(...allCommands);
    const placed = await run('--json', 'buy', 'ES', '1', '--limit', '5000.25');
    const orderId = (JSON.parse(placed.stdout) as { orderId: number }).orderId;
    rig.broker.emit({
      kind: 'order',
      order: {
        id: orderId,
        accountId: evaluationAccount.id,
        contractId: esContract.id,
        type: 'limit',
        side: 'buy',
        size: 1,
        status: 'open',
        limitTicks: 20_001,
        stopTicks: null,
        trailTicks: null,
        filledSize: 0,
        averageFillTicks: null,
        customTag: 'tag-1',
        parentOrderId: null,
        linkedOrderId: null,
        createdAt: rig.clock.now(),
        updatedAt: rig.clock.now(),
      },
    });
    await settle();
    fill(orderId, 'buy', 1, 20_001);
    fill(3_600_000_000, 'sell', 1, 20_017, { cause: 'bracket:target-2' });

    const orders = await run('orders');
    const fills = await run('fills');

    expect(orders.stdout).toMatch(
      new RegExp(`^id +contract +side +size +type +limit +stop +status +filled +by\\n${orderId} +ESZ6 +buy +1 +limit +5000\\.25 +open +0/1 +Manual\\n$`),
    );
    expect(fills.stdout).toContain('time (UTC)');
    expect(fills.stdout).toMatch(/ESZ6 +sell +1 +5004\.25 .* Target 2\n/);
    expect(fills.stdout).toMatch(/ESZ6 +buy +1 +5000\.25 .* Manual\n/);
  });

  it('prints the journal with prices in the contract format and who opened and closed each trip', async () => {
    const { rig, run, fill } = await cliOverFakeBroker(...allCommands);
    await rig.core.contracts.resolve('ES');
    fill(3_600_000_001, 'buy', 1, 29_448, { cause: 'manual' });
    fill(3_600_000_002, 'buy', 1, 29_449, { cause: 'manual' });
    fill(3_600_000_003, 'sell', 2, 29_439, { cause: 'risk:003' });
    fill(3_600_000_004, 'sell', 1, 29_440, { cause: 'strategy:tf-1' });
    fill(3_600_000_005, 'buy', 1, 29_436, { cause: 'bracket:target-1' });

    const journal = await run('journal');
    const json = await run('--json', 'journal');

    const lines = journal.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^exit \(UTC\) +symbol +side +size +entry +exit +ticks +net +held +opened by +closed by$/);
    expect(lines[1]).toMatch(/ ES +short +1 +7360\.00 +7359\.00 +4 +\$47\.20 +1s +Strategy tf-1 +Target 1$/);
    expect(lines[2]).toMatch(/ ES +long +2 +7362\.125 +7359\.75 +-19 +-\$243\.10 +2s +Manual +Risk RULE-003$/);
    expect(journal.stdout).not.toContain('29448');
    expect((JSON.parse(json.stdout) as { trades: unknown[] }).trades).toEqual([
      expect.objectContaining({ entryCause: 'strategy:tf-1', exitCause: 'bracket:target-1', strategyId: 'tf-1', source: 'strategy' }),
      expect.objectContaining({ entryCause: 'manual', exitCause: 'risk:003', strategyId: null, source: 'manual' }),
    ]);
  });

  describe('an order answered unknown-outcome', () => {
    /** A terminal that answers every order call with `answer`, then pushes `resolutions` (after the answer). */
    function terminalAnswering(answer: Result<unknown>, resolutions: OrderResolution[]) {
      const listeners = new Set<(payload: unknown) => void>();
      const calls: { channel: string; request: unknown }[] = [];
      const api = {
        invoke: (channel: string, request: unknown) => {
          calls.push({ channel, request });
          setTimeout(() => {
            for (const resolution of resolutions) for (const listener of listeners) listener(resolution);
          }, 20);
          return Promise.resolve(answer);
        },
        on: (channel: string, listener: (payload: unknown) => void) => {
          if (channel === 'orders.resolved') listeners.add(listener);
          return () => listeners.delete(listener);
        },
      } as unknown as TerminalApi;
      return { api, calls, listening: () => listeners.size };
    }

    async function runOn(api: TerminalApi, ...argv: string[]) {
      let stdout = '';
      let stderr = '';
      let code = 0;
      const streams: CliOutput = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
      const program = new Command('cli').option('--json').exitOverride();
      const runner: CommandRunner =
        (body) =>
        async (...args) => {
          const result = await body({ api, accountId: undefined }, ...args);
          if (result.ok) stdout += `${program.opts<{ json?: boolean }>().json === true ? JSON.stringify(result.value.json) : result.value.text}\n`;
          else {
            stderr += `error ${result.error.code}: ${result.error.message}\n`;
            code = 1;
          }
        };
      orderCommands(program, runner, streams, 500);
      await program.parseAsync(argv, { from: 'user' });
      return { code, stdout, stderr };
    }

    const unknownPlace: Result<unknown> = {
      ok: false,
      error: { code: 'unknown-outcome', message: 'Order/place (customTag tt-7): no answer by the deadline', customTag: 'tt-7' },
    };
    const resolution = (outcome: OrderResolution['outcome'], extra: Partial<OrderResolution> = {}): OrderResolution => ({
      command: 'place',
      accountId: 1,
      customTag: 'tt-7',
      orderId: outcome === 'placed' ? 42 : null,
      outcome,
      code: outcome === 'placed' ? null : outcome === 'unresolved' ? 'unknown-outcome' : 'broker-rejected',
      message: `order tt-7: ${outcome}`,
      at: 0,
      ...extra,
    });

    it('prints that the outcome is being resolved, then the placed order, and exits 0', async () => {
      const terminal = terminalAnswering(unknownPlace, [resolution('placed', { customTag: 'tt-other', orderId: 41 }), resolution('placed')]);

      const result = await runOn(terminal.api, 'buy', 'MES', '1');

      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^outcome unknown, resolving… \(.*\)\nplaced buy 1 MES market: order 42 \(tag tt-7\) \(resolved after its deadline\)\n$/);
      expect(terminal.calls).toHaveLength(1);
      expect(terminal.listening()).toBe(0);
    });

    it('exits 1 with the reason when the resolution is that the order was not placed, and keeps stdout JSON with --json', async () => {
      const notPlaced = await runOn(terminalAnswering(unknownPlace, [resolution('not-placed')]).api, 'sell', 'MES', '1');
      const json = await runOn(terminalAnswering(unknownPlace, [resolution('placed')]).api, '--json', 'buy', 'MES', '1');

      expect(notPlaced).toMatchObject({ code: 1, stderr: 'error broker-rejected: order tt-7: not-placed\n' });
      expect(notPlaced.stdout).toMatch(/^outcome unknown, resolving…/);
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toMatchObject({ orderId: 42, customTag: 'tt-7' });
      expect(json.stderr).toMatch(/^outcome unknown, resolving…/);
    });

    it('gives up waiting with unknown-outcome, never with a bare timeout, and passes not-sent through at once', async () => {
      const silent = await runOn(terminalAnswering(unknownPlace, []).api, 'buy', 'MES', '1');
      const notSent = await runOn(
        terminalAnswering({ ok: false, error: { code: 'not-sent', message: 'not sent: still queued at its deadline' } }, []).api,
        'buy',
        'MES',
        '1',
        '--deadline',
        '2000',
      );

      expect(silent).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/^error unknown-outcome: .*still unresolved after 1 s: check the orders before retrying\n$/) as string,
      });
      expect(notSent).toMatchObject({ code: 1, stdout: '', stderr: 'error not-sent: not sent: still queued at its deadline\n' });
    });

    it('waits for the resolution of a modify or cancel by its order id', async () => {
      const unknownCancel: Result<unknown> = {
        ok: false,
        error: { code: 'unknown-outcome', message: 'Order/cancel of order 9: no answer by the deadline', orderId: 9 },
      };
      const terminal = terminalAnswering(unknownCancel, [resolution('cancelled', { command: 'cancel', orderId: 9, code: null })]);

      const result = await runOn(terminal.api, 'cancel', '9');

      expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^outcome unknown, resolving… .*\ncancel done for order 9\n$/) as string });
    });
  });
});
