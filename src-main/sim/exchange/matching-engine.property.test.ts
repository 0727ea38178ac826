import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExchangeEvent, HalfTradeModel } from './exchange-api';
import { buildExchange, combineAccount, esContract, lastPrice, orderById, valueOf } from './exchange-test-kit';

const tick = 0.25;
const tickValue = 12.5;

type Operation =
  | { readonly kind: 'market'; readonly side: 0 | 1; readonly size: number }
  | { readonly kind: 'limit'; readonly side: 0 | 1; readonly size: number; readonly offset: number }
  | { readonly kind: 'stop'; readonly side: 0 | 1; readonly size: number; readonly offset: number }
  | { readonly kind: 'bracket'; readonly side: 0 | 1; readonly size: number; readonly stopLoss: number; readonly takeProfit: number }
  | { readonly kind: 'move'; readonly offset: number }
  | { readonly kind: 'wait'; readonly ms: number }
  | { readonly kind: 'close' };

const side = fc.constantFrom<0 | 1>(0, 1);
const size = fc.integer({ min: 1, max: 3 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('market' as const), side, size }),
  fc.record({ kind: fc.constant('limit' as const), side, size, offset: fc.integer({ min: -12, max: 12 }) }),
  fc.record({ kind: fc.constant('stop' as const), side, size, offset: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('bracket' as const), side, size, stopLoss: fc.integer({ min: 1, max: 12 }), takeProfit: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('move' as const), offset: fc.integer({ min: -24, max: 24 }) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 100, max: 15_000 }) }),
  fc.record({ kind: fc.constant('close' as const) }),
);

/** Watches the event stream and checks every fill against the market it happened in. */
class FillReferee {
  public readonly fills: HalfTradeModel[] = [];
  public readonly violations: string[] = [];
  private bid = Number.NaN;
  private ask = Number.NaN;
  private readonly prints: number[] = [];
  private sweep: { readonly orderId: number; readonly price: number } | null = null;

  public listen(event: ExchangeEvent): void {
    if (event.kind === 'quote') {
      this.bid = event.quote.bestBid;
      this.ask = event.quote.bestAsk;
      this.sweep = null;
    } else if (event.kind === 'market-trades') {
      for (const trade of event.trades) this.prints.push(trade.price);
      this.sweep = null;
    } else if (event.kind === 'trade') {
      this.judge(event.trade);
      this.fills.push(event.trade);
    }
  }

  private judge(fill: HalfTradeModel): void {
    const buy = fill.side === 0;
    if (this.sweep?.orderId === fill.orderId) {
      // The next level of the same sweep: one tick worse than the last.
      const expected = this.sweep.price + (buy ? tick : -tick);
      if (Math.abs(fill.price - expected) > 1e-9) this.violations.push(`sweep of ${fill.orderId} jumped to ${fill.price}, expected ${expected}`);
    } else {
      const recent = this.prints.slice(-2);
      const low = Math.min(this.bid, ...recent);
      const high = Math.max(this.ask, ...recent);
      if (fill.price < low - 1e-9 || fill.price > high + 1e-9) this.violations.push(`fill at ${fill.price} outside ${low}..${high}`);
    }
    this.sweep = { orderId: fill.orderId, price: fill.price };
  }
}

function replayFifo(fills: readonly HalfTradeModel[]): { readonly net: number; readonly realized: number[] } {
  const lots: { price: number; size: number }[] = [];
  let net = 0;
  const realized: number[] = [];
  for (const fill of fills) {
    const signed = fill.side === 0 ? fill.size : -fill.size;
    let remaining = fill.size;
    let pnl: number | null = null;
    while (remaining > 0 && net !== 0 && Math.sign(net) !== Math.sign(signed)) {
      const lot = lots[0];
      if (lot === undefined) break;
      const quantity = Math.min(lot.size, remaining);
      const ticks = Math.round(((fill.price - lot.price) / tick) * Math.sign(net));
      pnl = (pnl ?? 0) + ticks * quantity * tickValue;
      lot.size -= quantity;
      remaining -= quantity;
      net += Math.sign(signed) * quantity;
      if (lot.size === 0) lots.shift();
    }
    if (remaining > 0) {
      lots.push({ price: fill.price, size: remaining });
      net += Math.sign(signed) * remaining;
    }
    realized.push(pnl ?? Number.NaN);
  }
  return { net, realized };
}

describe('matching engine properties', () => {
  it('never fills outside the market, keeps positions and P&L true to the fills, and never fills both OCO legs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.array(operation, { minLength: 4, maxLength: 18 }), async (seed, operations) => {
        // Arrange
        const rig = buildExchange({ seed, historyDays: 3 });
        const referee = new FillReferee();
        rig.exchange.subscribe((event) => referee.listen(event));
        rig.exchange.start();
        const brackets: number[] = [];

        // Act
        for (const step of operations) {
          const last = lastPrice(rig);
          const base = { accountId: combineAccount, contractId: esContract };
          if (step.kind === 'market') rig.exchange.placeOrder({ ...base, type: 2, side: step.side, size: step.size });
          if (step.kind === 'limit') rig.exchange.placeOrder({ ...base, type: 1, side: step.side, size: step.size, limitPrice: last + step.offset * tick });
          if (step.kind === 'stop')
            rig.exchange.placeOrder({
              ...base,
              type: 4,
              side: step.side,
              size: step.size,
              stopPrice: last + (step.side === 0 ? step.offset : -step.offset) * tick,
            });
          if (step.kind === 'bracket') {
            const long = step.side === 0;
            const answer = rig.exchange.placeOrder({
              ...base,
              type: 2,
              side: step.side,
              size: step.size,
              stopLossBracket: { ticks: long ? -step.stopLoss : step.stopLoss, type: 4 },
              takeProfitBracket: { ticks: long ? step.takeProfit : -step.takeProfit, type: 1 },
            });
            if (answer.orderId !== null) brackets.push(answer.orderId);
          }
          if (step.kind === 'move') {
            const done = rig.exchange.movePrice({ contractId: esContract, price: last + step.offset * tick });
            rig.clock.advance(2500);
            await done;
          }
          if (step.kind === 'wait') rig.clock.advance(step.ms);
          if (step.kind === 'close') rig.exchange.closeContract(base);
        }
        rig.exchange.stop();

        // Assert: fills inside the market
        expect(referee.violations).toEqual([]);
        // Assert: the position is the sum of the signed fills. Read it first: every read catches the
        // market up to the clock, which can still fill a resting order and emit its events.
        const [position] = valueOf(rig.exchange.searchOpenPositions({ accountId: combineAccount }));
        const replay = replayFifo(referee.fills);
        expect(position === undefined ? 0 : position.type === 1 ? position.size : -position.size).toBe(replay.net);
        // Assert: realized P&L is ticks times tick value, and the balance follows P&L and fees
        referee.fills.forEach((fill, index) => {
          const expected = replay.realized[index] ?? Number.NaN;
          if (Number.isNaN(expected)) expect(fill.profitAndLoss).toBeNull();
          else expect(fill.profitAndLoss).toBeCloseTo(expected, 6);
        });
        const pnl = referee.fills.reduce((sum, fill) => sum + (fill.profitAndLoss ?? 0) - fill.fees, 0);
        const [account] = valueOf(rig.exchange.searchAccounts({ onlyActiveAccounts: false }));
        expect(account?.balance).toBeCloseTo(50_000 + pnl, 6);
        // Assert: one cancels the other
        for (const entry of brackets) {
          const legs = [orderById(rig, entry + 1).status, orderById(rig, entry + 2).status];
          expect(legs.filter((status) => status === 2).length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 25 },
    );
  });
});
