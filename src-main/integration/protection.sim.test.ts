import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually';
import { practiceAccount, TerminalOnSim, type SimWorkingOrder } from './terminal-on-sim';

let sim: TerminalOnSim;
const account = practiceAccount;
const es = 'CON.F.US.EP.Z26';

beforeEach(async () => {
  sim = await TerminalOnSim.open();
  await sim.price('ES', 6000);
  // These sequences hold up to 3 ES; the default caps (issue 15) allow 1.
  await sim.call('risk.config.set', { accountId: account, config: { maxContractsPerInstrument: { enabled: false }, maxContracts: { enabled: false } } });
});

afterEach(async () => {
  await sim.close();
});

async function working(): Promise<SimWorkingOrder[]> {
  return (await sim.truth()).workingOrders.filter((order) => order.accountId === account && order.contractId === es && order.status !== 8);
}

async function positionSize(): Promise<number> {
  const position = (await sim.truth()).positions.find((candidate) => candidate.accountId === account && candidate.contractId === es);
  return position === undefined ? 0 : position.type === 1 ? position.size : -position.size;
}

/** Waits until the working legs are exactly these (side, type, size, and price where given); fails naming what is there. */
async function legsAre(expected: { side: number; type: number; size: number; price?: number }[]): Promise<void> {
  const key = (order: { side: number; type: number; size: number }) => `${order.side}|${order.type}|${order.size}`;
  const matches = (orders: readonly SimWorkingOrder[]) =>
    JSON.stringify(orders.map(key).sort()) === JSON.stringify(expected.map(key).sort()) &&
    expected.every(
      (leg) =>
        leg.price === undefined ||
        orders.some((order) => order.side === leg.side && order.type === leg.type && (order.stopPrice ?? order.limitPrice) === leg.price),
    );
  let seen: SimWorkingOrder[] = [];
  await eventually(
    async () => {
      seen = await working();
      return matches(seen);
    },
    `legs ${JSON.stringify(expected)}`,
    {
      timeoutMs: 5_000,
      detail: () => `working: ${JSON.stringify(seen.map((order) => [order.side, order.type, order.size, order.stopPrice ?? order.limitPrice]))}`,
    },
  );
}

/** The working stop's id, once the terminal has heard of it. */
async function knownStop(): Promise<number> {
  let id = 0;
  await eventually(async () => {
    const stop = (await sim.call('orders.list', { accountId: account })).find((order) => order.type === 'stop' && order.status === 'open');
    id = stop?.id ?? 0;
    return stop !== undefined;
  }, 'the terminal knows the stop');
  return id;
}

const sellStop = 4;
const limit = 1;

describe('protection follows the position (terminal on the simulator)', () => {
  it('gives a templated entry its stop and target, and cancels them when another order closes the position', async () => {
    await sim.call('orders.place', { accountId: account, symbol: 'ES', side: 'buy', size: 1, type: 'market', stopLossTicks: 8, takeProfitTicks: 16 });
    await legsAre([
      { side: 1, type: sellStop, size: 1, price: 5998.25 },
      { side: 1, type: limit, size: 1, price: 6004.25 },
    ]);
    // An exit that is not a leg: a marketable sell limit.
    await sim.call('orders.place', { accountId: account, symbol: 'ES', side: 'sell', size: 1, type: 'limit', limitPrice: 5990 });
    await eventually(async () => (await positionSize()) === 0, 'flat');
    await legsAre([]);
  });

  it('never gives an exit order entry bracket legs', async () => {
    await sim.call('orders.place', { accountId: account, symbol: 'ES', side: 'buy', size: 1, type: 'market', stopLossTicks: 8 });
    await legsAre([{ side: 1, type: sellStop, size: 1 }]);
    await sim.call('orders.place', { accountId: account, symbol: 'ES', side: 'sell', size: 1, type: 'market', stopLossTicks: 8, takeProfitTicks: 16 });
    await eventually(async () => (await positionSize()) === 0, 'flat');
    await legsAre([]);
    await sim.settled();
    expect((await sim.truth()).workingOrders.filter((order) => order.accountId === account)).toEqual([]);
  });

  it('cancels the legs when another app closes the position', async () => {
    await sim.call('orders.place', { accountId: account, symbol: 'ES', side: 'buy', size: 2, type: 'market', stopLossTicks: 8, takeProfitTicks: 16 });
    await legsAre([
      { side: 1, type: sellStop, size: 2 },
      { side: 1, type: limit, size: 2 },
    ]);
    await sim.otherApp('/api/Position/partialCloseContract', { accountId: account, contractId: es, size: 1 });
    await legsAre([
      { side: 1, type: sellStop, size: 1 },
      { side: 1, type: limit, size: 1 },
    ]);
    await sim.otherApp('/api/Position/closeContract', { accountId: account, contractId: es });
    await legsAre([]);
  });

  it('reverses with protection on the new side', async () => {
    await sim.call('orders.place', { accountId: account, symbol: 'ES', side: 'buy', size: 1, type: 'market', stopLossTicks: 8, takeProfitTicks: 16 });
    await legsAre([
      { side: 1, type: sellStop, size: 1 },
      { side: 1, type: limit, size: 1 },
    ]);
    await sim.call('positions.reverse', { accountId: account, symbol: 'ES' });
    await eventually(async () => (await positionSize()) === -1, 'short 1');
    await legsAre([
      { side: 0, type: sellStop, size: 1, price: 6002 },
      { side: 0, type: limit, size: 1, price: 5996 },
    ]);
  });

  it('scales out over two targets and moves the stop to break-even when target 1 fills', async () => {
    await sim.call('brackets.set', {
      template: {
        name: 'Two',
        stop: { ticks: 8 },
        targets: [
          { ticks: 8, size: 1 },
          { ticks: 24, size: 1 },
        ],
        breakEven: { enabled: true, triggerTicks: 8, offsetTicks: 1 },
      },
    });
    await sim.call('orders.place', { accountId: account, symbol: 'ES', side: 'buy', size: 2, type: 'market', template: 'Two' });
    await legsAre([
      { side: 1, type: sellStop, size: 2, price: 5998.25 },
      { side: 1, type: limit, size: 1, price: 6002.25 },
      { side: 1, type: limit, size: 1, price: 6006.25 },
    ]);
    await sim.price('ES', 6002.5);
    await eventually(async () => (await positionSize()) === 1, 'target 1 filled');
    await legsAre([
      { side: 1, type: sellStop, size: 1, price: 6000.5 },
      { side: 1, type: limit, size: 1, price: 6006.25 },
    ]);
    const fills = await sim.call('fills.list', { accountId: account });
    expect(fills.find((fill) => fill.side === 'sell')?.cause).toBe('bracket:target-1');
  });

  it('trails the stop behind the best price as quotes move, never loosening it on a pullback', async () => {
    await sim.call('brackets.set', {
      template: { name: 'Trail', stop: { ticks: 8 }, trailing: { enabled: true, triggerTicks: 4, distanceTicks: 4, stepTicks: 1 } },
    });
    await sim.call('orders.place', { accountId: account, symbol: 'ES', side: 'buy', size: 1, type: 'market', template: 'Trail' });
    await legsAre([{ side: 1, type: sellStop, size: 1, price: 5998.25 }]);
    await sim.price('ES', 6002);
    await legsAre([{ side: 1, type: sellStop, size: 1, price: 6001 }]);
    await sim.price('ES', 6003);
    await legsAre([{ side: 1, type: sellStop, size: 1, price: 6002 }]);
    await sim.price('ES', 6002.5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await legsAre([{ side: 1, type: sellStop, size: 1, price: 6002 }]);
  });

  it('grows the stop when the position is added to, and keeps a moved stop where the trader put it', async () => {
    await sim.call('orders.place', { accountId: account, symbol: 'ES', side: 'buy', size: 1, type: 'market', stopLossTicks: 8 });
    await legsAre([{ side: 1, type: sellStop, size: 1 }]);
    const stop = await knownStop();
    await sim.call('orders.modify', { accountId: account, orderId: stop, stopPrice: 5995 });
    await sim.call('orders.place', { accountId: account, symbol: 'ES', side: 'buy', size: 1, type: 'market' });
    await legsAre([{ side: 1, type: sellStop, size: 2, price: 5995 }]);
  });

  it('manages the legs itself on an account that refuses native brackets', async () => {
    await sim.control('/accounts', { id: 18_110, name: 'POSBRK-1', balance: 50_000, bracketMode: 'position' });
    await sim.restart();
    await sim.call('orders.place', { accountId: 18_110, symbol: 'ES', side: 'buy', size: 1, type: 'market', stopLossTicks: 8, takeProfitTicks: 16 });
    await eventually(
      async () => (await sim.truth()).workingOrders.filter((order) => order.accountId === 18_110 && order.status === 1).length === 2,
      'a stop and a target on the position-brackets account',
    );
  });

  it('flattening after moving the stop records no RULE-008 breach', async () => {
    await sim.call('risk.config.set', { accountId: account, config: { noStopLossGrace: { enabled: true, seconds: 1 } } });
    await sim.call('orders.place', { accountId: account, symbol: 'ES', side: 'buy', size: 1, type: 'market', stopLossTicks: 8 });
    await legsAre([{ side: 1, type: sellStop, size: 1 }]);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const stop = await knownStop();
    await sim.call('orders.modify', { accountId: account, orderId: stop, stopPrice: 5996 });
    await sim.call('positions.flatten', { accountId: account, symbol: 'ES' });
    await eventually(async () => (await positionSize()) === 0, 'flat');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const audit = await sim.call('risk.audit', { accountId: account });
    expect(audit.entries.filter((entry) => entry.action.startsWith('risk.breach') || entry.action.startsWith('risk.enforce'))).toEqual([]);
  });

  it('after a restart, cancels legs of a position closed while it was down', async () => {
    await sim.call('orders.place', { accountId: account, symbol: 'ES', side: 'buy', size: 1, type: 'market', stopLossTicks: 8, takeProfitTicks: 16 });
    await legsAre([
      { side: 1, type: sellStop, size: 1 },
      { side: 1, type: limit, size: 1 },
    ]);
    // Another app closes the position while the terminal is down: the broker leaves both legs working.
    await sim.restart(async () => {
      await sim.otherApp('/api/Position/closeContract', { accountId: account, contractId: es });
      expect((await working()).length).toBe(2);
    });
    await legsAre([]);
  });
});
