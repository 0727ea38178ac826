import { describe, expect, it } from 'vitest';
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
    rig.broker.emit({ kind: 'position', position: { accountId: evaluationAccount.id, contractId: esContract.id, size: 2, averageTicks: 20_000, openedAt: rig.clock.now() } });

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
    rig.broker.emit({ kind: 'order', order: { id: orderId, accountId: evaluationAccount.id, contractId: esContract.id, type: 'limit', side: 'buy', size: 1, status: 'open', limitTicks: 20_001, stopTicks: null, trailTicks: null, filledSize: 0, averageFillTicks: null, customTag: 'tag-1', parentOrderId: null, linkedOrderId: null, createdAt: rig.clock.now(), updatedAt: rig.clock.now() } });
    await settle();
    fill(orderId, 'buy', 1, 20_001);
    fill(3_600_000_000, 'sell', 1, 20_017, { cause: 'bracket:target-2' });

    const orders = await run('orders');
    const fills = await run('fills');

    expect(orders.stdout).toMatch(new RegExp(`^id +contract +side +size +type +limit +stop +status +filled +by\\n${orderId} +ESZ6 +buy +1 +limit +5000\\.25 +open +0/1 +Manual\\n$`));
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
});
