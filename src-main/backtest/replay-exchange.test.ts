import { describe, expect, it } from 'vitest';
import type { FillView, OrderView } from '../../src-shared/domain/trading';
import { bar, regularOpen } from '../core/strategy/testing/bar-builders';
import { esContract } from '../core/testing/fake-broker';
import { ReplayExchange } from './replay-exchange';

function build(slippageTicks = 1) {
  const fills: FillView[] = [];
  const orders: OrderView[] = [];
  const exchange = new ReplayExchange({
    accountId: 1,
    contract: esContract,
    feeCentsPerSide: 140,
    slippageTicks,
    now: () => regularOpen,
    listener: { order: (view) => orders.push(view), fill: (fill) => fills.push(fill) },
  });
  return { exchange, fills, orders };
}

describe('replay exchange', () => {
  it('fills a market order at the next open with slippage, and opens its bracket at the fill', () => {
    const { exchange, fills, orders } = build();

    exchange.place({ side: 'buy', type: 'market', size: 2, bracket: { stopLossTicks: 8, takeProfitTicks: 16 }, role: 'entry' });
    exchange.play(bar(regularOpen, 1000, 1004, 999, 1003));

    expect(fills.map((fill) => [fill.side, fill.size, fill.priceTicks, fill.feesCents])).toEqual([['buy', 2, 1001, 280]]);
    expect(
      orders.filter((order) => order.status === 'open' && order.parentOrderId !== null).map((order) => [order.type, order.stopTicks ?? order.limitTicks]),
    ).toEqual([
      ['stop', 993],
      ['limit', 1017],
    ]);
  });

  it('leaves a resting limit on a touch and fills it at its price when traded through', () => {
    const { exchange, fills } = build();
    exchange.place({ side: 'buy', type: 'limit', size: 1, limitTicks: 990, role: 'entry' });
    exchange.play(bar(regularOpen, 1000, 1001, 995, 996));

    exchange.play(bar(regularOpen + 60_000, 996, 997, 990, 992));
    const afterTouch = fills.length;
    exchange.play(bar(regularOpen + 120_000, 992, 993, 985, 986));

    expect(afterTouch).toBe(0);
    expect(fills.map((fill) => fill.priceTicks)).toEqual([990]);
  });

  it('walks a down bar high first: the target is reached before the stop, and OCO cancels the stop', () => {
    const { exchange, fills, orders } = build(0);
    exchange.place({ side: 'buy', type: 'market', size: 1, bracket: { stopLossTicks: 10, takeProfitTicks: 10 }, role: 'entry' });
    exchange.play(bar(regularOpen, 1000, 1000, 1000, 1000));

    exchange.play(bar(regularOpen + 60_000, 1000, 1012, 985, 990));

    expect(fills.map((fill) => [fill.side, fill.priceTicks])).toEqual([
      ['buy', 1000],
      ['sell', 1010],
    ]);
    expect(orders.filter((order) => order.type === 'stop').at(-1)?.status).toBe('cancelled');
    expect(exchange.hasWorking).toBe(false);
  });

  it('fills a stop that the open gaps through at the open, with slippage inside the bar', () => {
    const { exchange, fills } = build(2);
    exchange.place({ side: 'sell', type: 'stop', size: 1, stopTicks: 995, role: 'entry' });

    exchange.play(bar(regularOpen, 990, 992, 988, 991));

    expect(fills.map((fill) => fill.priceTicks)).toEqual([988]);
  });

  it('enters and stops out within one bar when the path reaches both', () => {
    const { exchange, fills } = build(0);
    exchange.place({ side: 'buy', type: 'stop', size: 1, stopTicks: 1005, bracket: { stopLossTicks: 4, takeProfitTicks: null }, role: 'entry' });

    exchange.play(bar(regularOpen, 1000, 1008, 999, 1000));

    expect(fills.map((fill) => [fill.side, fill.priceTicks])).toEqual([
      ['buy', 1005],
      ['sell', 1001],
    ]);
  });
});
