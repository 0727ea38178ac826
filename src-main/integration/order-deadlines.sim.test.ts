import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderResolution } from '../../src-shared/contract';
import { eventually } from '../testing/eventually';
import { practiceAccount, TerminalOnSim } from './terminal-on-sim';

let sim: TerminalOnSim;
const account = practiceAccount;
let resolutions: OrderResolution[];
let notifications: { level: string; title: string; message: string }[];

beforeEach(async () => {
  sim = await TerminalOnSim.open();
  await sim.price('ES', 6000);
  resolutions = [];
  notifications = [];
  sim.terminal.events.forward((channel, payload) => {
    if (channel === 'orders.resolved') resolutions.push(payload as OrderResolution);
    if (channel === 'notifications.added') notifications.push(payload as { level: string; title: string; message: string });
  });
});

afterEach(async () => {
  await sim.close();
});

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('order deadlines (terminal on the simulator)', () => {
  it('answers not-sent within the deadline during a 429 storm, and the broker never sees those orders, even after the storm', async () => {
    const stormMs = 8_000;
    const deadlineMs = 2_000;
    // ES is known before the storm, so its orders wait in the adapter's REST queue; NQ's first order waits on its contract lookup.
    await sim.call('contracts.resolve', { symbol: 'ES' });
    // Several orders at once: the default caps (issue 15) allow 1 contract.
    await sim.call('risk.config.set', { accountId: account, config: { maxContractsPerInstrument: { enabled: false }, maxContracts: { enabled: false } } });
    await sim.control('/fault', { kind: 'rate-limit', seconds: stormMs / 1000 });
    const startedAt = Date.now();

    const answers = await Promise.all(
      ['ES', 'ES', 'ES', 'NQ'].map(async (symbol) => {
        const answer = await sim.try('orders.place', { accountId: account, symbol, side: 'buy', size: 1, type: 'market', template: 'none', deadlineMs });
        return { answer, afterMs: Date.now() - startedAt };
      }),
    );
    if (process.env.DEADLINE_TIMINGS === '1') console.log('not-sent answers after (ms):', answers.map(({ afterMs }) => afterMs).join(', '));
    // Past the storm: a queued order that was going to be sent late would have reached the broker by now.
    await sleep(stormMs - (Date.now() - startedAt) + 3_000);

    for (const { answer, afterMs } of answers) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'not-sent' } });
      expect(afterMs).toBeLessThanOrEqual(deadlineMs + 500);
    }
    expect(await sim.brokerOrders(account)).toEqual([]);
    const truth = await sim.truth();
    expect(truth.workingOrders.filter((order) => order.accountId === account)).toEqual([]);
    expect(truth.positions.filter((position) => position.accountId === account)).toEqual([]);
    expect(resolutions).toEqual([]);
    // After the storm, the same order goes through.
    expect((await sim.try('orders.place', { accountId: account, symbol: 'ES', side: 'buy', size: 1, type: 'market', template: 'none', deadlineMs })).ok).toBe(
      true,
    );
  }, 30_000);

  it('answers unknown-outcome by the deadline when the broker does not answer, then resolves it exactly once by its tag, never placed twice', async () => {
    const deadlineMs = 2_000;
    await sim.control('/fault', { kind: 'timeout-next-order' });
    const startedAt = Date.now();

    const answer = await sim.try('orders.place', { accountId: account, symbol: 'ES', side: 'buy', size: 1, type: 'market', template: 'none', deadlineMs });
    const answeredAfterMs = Date.now() - startedAt;
    if (process.env.DEADLINE_TIMINGS === '1') console.log('unknown-outcome answer after (ms):', answeredAfterMs);
    expect(answer).toMatchObject({ ok: false, error: { code: 'unknown-outcome', customTag: expect.stringMatching(/^tt-/) as string } });
    const customTag = answer.ok ? '' : (answer.error.customTag ?? '');
    await eventually(() => resolutions.length > 0, 'the resolution', 20_000);
    if (process.env.DEADLINE_TIMINGS === '1') console.log('resolution after (ms):', Date.now() - startedAt);
    await sleep(1_500);

    const tagged = (await sim.brokerOrders(account)).filter((order) => order.customTag === customTag);
    expect(answeredAfterMs).toBeGreaterThanOrEqual(deadlineMs - 50);
    expect(answeredAfterMs).toBeLessThanOrEqual(deadlineMs + 500);
    expect(resolutions).toEqual([
      expect.objectContaining({ command: 'place', accountId: account, customTag, outcome: 'placed', orderId: tagged[0]?.id, code: null }),
    ]);
    expect(tagged).toHaveLength(1);
    expect(notifications).toContainEqual(expect.objectContaining({ level: 'info', title: 'Order place: placed' }));
    const position = (await sim.truth()).positions.find((candidate) => candidate.accountId === account);
    expect(position?.size).toBe(1);
  }, 40_000);
});
