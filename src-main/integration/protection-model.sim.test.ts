import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exposureViolations, isLeg, legViolations, signedSize } from './protection-invariants';
import { eventually } from '../testing/eventually';
import { practiceAccount, TerminalOnSim } from './terminal-on-sim';

/**
 * Model-based test of "protection follows the position": random sequences of what a trader (and
 * another app, and the network) does, run against the real simulator through the real adapter,
 * core and store. After every step, once the terminal has settled, the invariants must hold.
 * `PROTECTION_RUNS` raises the number of sequences (CI runs a few; a soak runs hundreds).
 */

const account = practiceAccount;
const es = 'CON.F.US.EP.Z26';
const tick = 0.25;
const basePrice = 6000;
const runs = Number(process.env.PROTECTION_RUNS ?? 4);

type Template = 'none' | 'sl-tp' | 'Two' | 'Wide';
/** One step of a sequence. */
export type Step =
  | { readonly kind: 'market'; readonly side: 'buy' | 'sell'; readonly size: number; readonly template: Template }
  | { readonly kind: 'limit'; readonly side: 'buy' | 'sell'; readonly size: number; readonly offset: number; readonly template: Template }
  | { readonly kind: 'stop-entry'; readonly side: 'buy' | 'sell'; readonly size: number; readonly offset: number; readonly template: Template }
  | { readonly kind: 'move'; readonly ticks: number }
  | { readonly kind: 'drag-stop'; readonly ticks: number }
  | { readonly kind: 'cancel'; readonly pick: number }
  | { readonly kind: 'reverse' }
  | { readonly kind: 'flatten' }
  | { readonly kind: 'other-close'; readonly size: number }
  | { readonly kind: 'other-market'; readonly side: 'buy' | 'sell'; readonly size: number }
  | { readonly kind: 'drop-sockets' }
  | { readonly kind: 'restart'; readonly otherCloseWhileDown: boolean };

const side = fc.constantFrom<'buy' | 'sell'>('buy', 'sell');
const size = fc.integer({ min: 1, max: 3 });
const template = fc.constantFrom<Template>('none', 'sl-tp', 'Two', 'Wide');
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('market' as const), side, size, template }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('limit' as const), side, size, offset: fc.integer({ min: -4, max: 8 }), template }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stop-entry' as const), side, size, offset: fc.integer({ min: 2, max: 8 }), template }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('move' as const), ticks: fc.integer({ min: -14, max: 14 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drag-stop' as const), ticks: fc.integer({ min: -3, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reverse' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'flatten' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('other-close' as const), size: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('other-market' as const), side, size }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop-sockets' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), otherCloseWhileDown: fc.boolean() }) },
);

let sim: TerminalOnSim;
let price = basePrice;
let otherTags = 0;
/** The newest broker fill before the running sequence: its replay starts flat after it. */
let sequenceStartTrade = 0;

beforeAll(async () => {
  sim = await TerminalOnSim.open({ rateLimits: false });
  await configure();
}, 30_000);

afterAll(async () => {
  await sim.close();
});

/** Risk rules that would act on their own (caps, cooldowns, grace) are off: the steps are the only actors. */
async function configure(): Promise<void> {
  await sim.call('risk.config.set', {
    accountId: account,
    config: {
      orderThrottlePerSecond: 1000,
      maxContracts: { enabled: false },
      maxContractsPerInstrument: { enabled: false },
      tradeFrequency: { enabled: false },
      cooldownAfterLoss: { enabled: false },
      noStopLossGrace: { enabled: false },
      dailyRealizedLoss: { enabled: false },
      dailyUnrealizedLoss: { enabled: false },
      maxUnrealizedProfit: { enabled: false },
      dailyRealizedProfit: { enabled: false },
      maxLossLimit: { enabled: false },
      consistency: { enabled: false },
    },
  });
  await sim.call('brackets.set', {
    template: {
      name: 'Two',
      stop: { ticks: 6 },
      targets: [
        { ticks: 4, size: 1 },
        { ticks: 10, size: 1 },
      ],
      breakEven: { enabled: true, triggerTicks: 4, offsetTicks: 1 },
      trailing: { enabled: true, triggerTicks: 8, distanceTicks: 4, stepTicks: 1 },
    },
  });
  await sim.call('brackets.set', {
    template: { name: 'Wide', stop: { ticks: 10, type: 'stop-limit', limitOffsetTicks: 2 }, targets: [{ ticks: 20, size: 5 }] },
  });
}

function templateOf(choice: Template): { template?: string; stopLossTicks?: number; takeProfitTicks?: number } {
  if (choice === 'sl-tp') return { stopLossTicks: 5, takeProfitTicks: 7 };
  return { template: choice };
}

async function workingIds(filter: (order: { customTag: string | null; type: number }) => boolean): Promise<number[]> {
  return (await sim.truth()).workingOrders.filter((order) => order.accountId === account && order.status === 1 && filter(order)).map((order) => order.id);
}

async function run(step: Step): Promise<void> {
  switch (step.kind) {
    case 'market': {
      const before = signedSize(await sim.truth(), account, es);
      const placed = await sim.try('orders.place', {
        accountId: account,
        symbol: 'ES',
        side: step.side,
        size: step.size,
        type: 'market',
        ...templateOf(step.template),
      });
      const grows = Math.sign(before) !== (step.side === 'buy' ? -1 : 1);
      // A templated entry that opened or grew the position has its stop working within 500 ms.
      if (placed.ok && step.template !== 'none' && grows) {
        const started = Date.now();
        await eventually(
          async () =>
            (await sim.truth()).workingOrders.some(
              (order) => order.accountId === account && isLeg(order) && (order.type === 4 || order.type === 3) && order.status === 1,
            ),
          'the stop works',
          2_000,
        );
        expect(Date.now() - started).toBeLessThanOrEqual(500);
      }
      return;
    }
    case 'limit':
      await sim.try('orders.place', {
        accountId: account,
        symbol: 'ES',
        side: step.side,
        size: step.size,
        type: 'limit',
        limitPrice: price + (step.side === 'buy' ? -step.offset : step.offset) * tick,
        ...templateOf(step.template),
      });
      return;
    case 'stop-entry':
      await sim.try('orders.place', {
        accountId: account,
        symbol: 'ES',
        side: step.side,
        size: step.size,
        type: 'stop',
        stopPrice: price + (step.side === 'buy' ? step.offset : -step.offset) * tick,
        ...templateOf(step.template),
      });
      return;
    case 'move':
      price = Math.min(basePrice + 60 * tick, Math.max(basePrice - 60 * tick, price + step.ticks * tick));
      await sim.price('ES', price);
      return;
    case 'drag-stop': {
      const orders = await sim.call('orders.list', { accountId: account });
      const stop = orders.find((order) => order.type === 'stop' && order.status === 'open' && order.cause?.startsWith('bracket:') === true);
      if (stop?.stopTicks !== null && stop?.stopTicks !== undefined)
        await sim.try('orders.modify', { accountId: account, orderId: stop.id, stopPrice: (stop.stopTicks + step.ticks) * tick });
      return;
    }
    case 'cancel': {
      const ids = await workingIds(() => true);
      const id = ids[step.pick % Math.max(1, ids.length)];
      if (id !== undefined) await sim.try('orders.cancel', { accountId: account, orderId: id });
      return;
    }
    case 'reverse':
      await sim.try('positions.reverse', { accountId: account, symbol: 'ES' });
      return;
    case 'flatten':
      await sim.try('positions.flatten', { accountId: account, symbol: 'ES' });
      return;
    case 'other-close':
      if (step.size === 0) await sim.otherApp('/api/Position/closeContract', { accountId: account, contractId: es });
      else await sim.otherApp('/api/Position/partialCloseContract', { accountId: account, contractId: es, size: step.size });
      return;
    case 'other-market':
      otherTags += 1;
      await sim.otherApp('/api/Order/place', {
        accountId: account,
        contractId: es,
        type: 2,
        side: step.side === 'buy' ? 0 : 1,
        size: step.size,
        customTag: `oa-${Date.now()}-${otherTags}`,
      });
      return;
    case 'drop-sockets':
      await sim.control('/fault', { kind: 'drop-sockets' });
      return;
    case 'restart':
      await sim.restart(async () => {
        if (step.otherCloseWhileDown) await sim.otherApp('/api/Position/closeContract', { accountId: account, contractId: es });
      });
      return;
  }
}

/** Waits until the terminal's positions and working orders equal the broker's and its protection is idle. */
async function settle(): Promise<void> {
  await eventually(
    async () => {
      await sim.settled();
      const truth = await sim.truth();
      const positions = await sim.call('positions.list', { accountId: account });
      const orders = await sim.call('orders.list', { accountId: account });
      const brokerWorking = truth.workingOrders
        .filter((order) => order.accountId === account && order.status !== 8)
        .map((order) => `${order.id}:${order.size}:${order.stopPrice ?? order.limitPrice}`);
      const terminalWorking = orders
        .filter((order) => order.status !== 'suspended')
        .map((order) => `${order.id}:${order.size}:${((order.stopTicks ?? order.limitTicks ?? 0) * tick).toString()}`);
      const terminalSize = positions.find((summary) => summary.position.contractId === es)?.position.size ?? 0;
      return (
        terminalSize === signedSize(truth, account, es) &&
        JSON.stringify(brokerWorking.sort()) === JSON.stringify(terminalWorking.sort()) &&
        (await legViolations(truth, account, es)).length === 0
      );
    },
    'the terminal equals the broker and the legs follow the position',
    4_000,
  ).catch(() => undefined);
  await sim.settled();
}

async function check(history: readonly Step[]): Promise<void> {
  const truth = await sim.truth();
  const tags = new Map((await sim.brokerOrders(account)).map((order) => [order.id, order.customTag]));
  if (process.env.PROTECTION_DEBUG !== undefined) {
    const orders = await sim.brokerOrders(account);
    console.log(
      'DEBUG',
      JSON.stringify(
        truth.trades
          .slice(sequenceStartTrade)
          .map((trade) => [trade.id, trade.orderId, trade.side, trade.size, orders.find((order) => order.id === trade.orderId)]),
      ),
    );
  }
  const violations = [
    ...legViolations(truth, account, es),
    ...exposureViolations(truth, account, es, (orderId) => tags.get(orderId) ?? null, sequenceStartTrade),
  ];
  const positions = await sim.call('positions.list', { accountId: account });
  const terminalSize = positions.find((summary) => summary.position.contractId === es)?.position.size ?? 0;
  if (terminalSize !== signedSize(truth, account, es)) violations.push(`terminal position ${terminalSize} != broker ${signedSize(truth, account, es)}`);
  expect(violations, `after ${JSON.stringify(history)}`).toEqual([]);
}

/** Starts a sequence from flat with no working orders (the broker's fills so far stay; the replay starts flat). */
async function reset(): Promise<void> {
  await sim.try('orders.cancelAll', { accountId: account });
  await sim.otherApp('/api/Position/closeContract', { accountId: account, contractId: es });
  price = basePrice;
  await sim.price('ES', price);
  await settle();
  for (const id of await workingIds(() => true)) await sim.otherApp('/api/Order/cancel', { accountId: account, orderId: id });
  await settle();
  const truth = await sim.truth();
  expect(signedSize(truth, account, es)).toBe(0);
  sequenceStartTrade = Math.max(0, ...truth.trades.map((trade) => trade.id));
}

export async function runSequence(steps: readonly Step[]): Promise<void> {
  await reset();
  const history: Step[] = [];
  for (const step of steps) {
    history.push(step);
    await run(step);
    await settle();
    await check(history);
  }
}

/**
 * Sequences fast-check reported while this test and the engine were built, kept as regressions:
 * a stop entry under a socket drop then reverse and drags; an exit limit with brackets ticked then a
 * reversing entry and another app's close; adds with a second template then a flat and re-entry.
 */
const recorded: readonly (readonly Step[])[] = [
  [
    { kind: 'stop-entry', side: 'buy', size: 3, offset: 4, template: 'Two' },
    { kind: 'drop-sockets' },
    { kind: 'move', ticks: 13 },
    { kind: 'reverse' },
    { kind: 'other-market', side: 'buy', size: 1 },
    { kind: 'drag-stop', ticks: 2 },
    { kind: 'drag-stop', ticks: 1 },
    { kind: 'other-close', size: 0 },
  ],
  [
    { kind: 'other-market', side: 'sell', size: 1 },
    { kind: 'limit', side: 'sell', size: 3, offset: 4, template: 'sl-tp' },
    { kind: 'market', side: 'buy', size: 3, template: 'Two' },
    { kind: 'other-close', size: 0 },
    { kind: 'reverse' },
    { kind: 'market', side: 'buy', size: 1, template: 'none' },
    { kind: 'move', ticks: -6 },
    { kind: 'stop-entry', side: 'buy', size: 2, offset: 7, template: 'Wide' },
  ],
  [
    { kind: 'market', side: 'sell', size: 1, template: 'Two' },
    { kind: 'market', side: 'sell', size: 1, template: 'Wide' },
    { kind: 'market', side: 'buy', size: 2, template: 'none' },
    { kind: 'market', side: 'sell', size: 2, template: 'Wide' },
    { kind: 'market', side: 'sell', size: 1, template: 'Wide' },
  ],
  [
    { kind: 'market', side: 'buy', size: 2, template: 'Two' },
    { kind: 'restart', otherCloseWhileDown: true },
    { kind: 'market', side: 'sell', size: 1, template: 'sl-tp' },
    { kind: 'move', ticks: 12 },
  ],
];

describe('protection follows the position: random sequences on the simulator', () => {
  it('keeps every invariant on the recorded sequences', async () => {
    for (const steps of recorded) await runSequence(steps);
  }, 120_000);

  it('keeps every invariant after each step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 3, maxLength: 10 }), async (steps) => {
        await runSequence(steps);
      }),
      { numRuns: runs, seed: process.env.PROTECTION_SEED === undefined ? undefined : Number(process.env.PROTECTION_SEED) },
    );
  }, 600_000);
});
