import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../src-shared/result';
import type { Dispatcher } from '../core/contract-dispatcher';
import { inProcessClient } from '../core/in-process-client';
import { summary } from './testing/risk-fixtures';
import { createTraderActions } from './trader-actions';

/** A dispatcher that records every call and answers from a table. */
function recordingDispatcher(answers: Record<string, (request: { accountId?: number }) => Result<unknown>>) {
  const calls: [string, unknown][] = [];
  const dispatcher: Dispatcher = {
    dispatch: (channel, request) => {
      calls.push([String(channel), request]);
      const answer = answers[String(channel)];
      return Promise.resolve(
        answer === undefined ? fail('unknown-channel', `unknown channel '${String(channel)}'`) : answer(request as { accountId?: number }),
      );
    },
  };
  return { dispatcher: inProcessClient(dispatcher), calls };
}

const twoAccounts = { 'accounts.list': () => ok([summary(1, 'A', 0), summary(2, 'B', 0)]) };
const bulk = (closedPositions: number, cancelledOrders: number) => ok({ closedPositions, cancelledOrders, placedOrders: 0 });

describe('trader actions', () => {
  it('flattens and cancels on every account through the contract', async () => {
    const { dispatcher, calls } = recordingDispatcher({ ...twoAccounts, 'positions.flatten': () => bulk(1, 2), 'orders.cancelAll': () => bulk(0, 3) });
    const actions = createTraderActions(dispatcher);

    const flattened = await actions.flattenAll();
    const cancelled = await actions.cancelAll();

    expect(calls).toEqual([
      ['accounts.list', {}],
      ['positions.flatten', { accountId: 1 }],
      ['positions.flatten', { accountId: 2 }],
      ['accounts.list', {}],
      ['orders.cancelAll', { accountId: 1 }],
      ['orders.cancelAll', { accountId: 2 }],
    ]);
    expect(flattened).toEqual({ ok: true, message: 'Flatten all: 2 position(s) closed, 4 order(s) cancelled' });
    expect(cancelled).toEqual({ ok: true, message: 'Cancel all: 0 position(s) closed, 6 order(s) cancelled' });
  });

  it('says which account failed, and why nothing happened without a broker', async () => {
    const { dispatcher } = recordingDispatcher({
      ...twoAccounts,
      'positions.flatten': (request) => (request.accountId === 2 ? fail('not-connected', 'order entry is halted') : bulk(1, 0)),
    });
    const offline = recordingDispatcher({ 'accounts.list': () => fail('not-connected', 'no broker is configured') });

    expect(await createTraderActions(dispatcher).flattenAll()).toEqual({
      ok: false,
      message: 'Flatten all: 1 position(s) closed, 0 order(s) cancelled; failed on B: order entry is halted',
    });
    expect(await createTraderActions(offline.dispatcher).flattenAll()).toEqual({ ok: false, message: 'Flatten all: no broker is configured' });
  });

  it('locks every account for the day', async () => {
    const { dispatcher, calls } = recordingDispatcher({ ...twoAccounts, 'risk.lockForDay': () => ok({}) });
    const actions = createTraderActions(dispatcher);

    expect(await actions.lockForDay()).toEqual({ ok: true, message: 'Trading is locked on every account until the next day roll' });
    expect(calls.slice(1)).toEqual([
      ['risk.lockForDay', { accountId: 1 }],
      ['risk.lockForDay', { accountId: 2 }],
    ]);
  });

  it('pauses every running strategy on every account', async () => {
    const strategies = [
      { id: 's-1', name: 'Breakout ES', status: 'running' },
      { id: 's-2', name: 'Fade NQ', status: 'stopped' },
      { id: 's-3', name: 'Trend MNQ', status: 'running' },
    ];
    const { dispatcher, calls } = recordingDispatcher({
      'strategies.list': () => ok(strategies),
      'strategies.pause': (request) => ((request as { id?: string }).id === 's-3' ? fail('not-found', 'gone') : ok({})),
    });

    expect(await createTraderActions(dispatcher).pauseStrategies()).toEqual({ ok: false, message: '1 strategy paused; failed on Trend MNQ: gone' });
    expect(calls).toEqual([
      ['strategies.list', { allAccounts: true }],
      ['strategies.pause', { id: 's-1' }],
      ['strategies.pause', { id: 's-3' }],
    ]);
  });

  it('counts open positions across accounts', async () => {
    const position = (size: number) => ({ position: { size } });
    const { dispatcher } = recordingDispatcher({
      ...twoAccounts,
      'positions.list': (request) => ok(request.accountId === 1 ? [position(2), position(0)] : [position(-1)]),
    });

    expect(await createTraderActions(dispatcher).openPositions()).toBe(2);
    expect(await createTraderActions(recordingDispatcher({}).dispatcher).openPositions()).toBe(0);
  });
});
