import { describe, expect, it } from 'vitest';
import { bracketPlanOf, isRejection, orderLevelsOf, trailDistanceOf, type MarketTouch } from './placement-rules';
import { productBySymbol, type ProductSpec } from './product-catalogue';
import type { PlaceOrderRequest } from './request-schemas';

const es: ProductSpec =
  productBySymbol('ES') ??
  (() => {
    throw new Error('ES');
  })();
const touch: MarketTouch = { lastTicks: 24_000, bidTicks: 23_999, askTicks: 24_000 };

function request(fields: Partial<PlaceOrderRequest>): PlaceOrderRequest {
  return { accountId: 1, contractId: 'CON.F.US.EP.U26', type: 2, side: 0, size: 1, ...fields };
}

function messageOf(value: unknown): string | null | undefined {
  return isRejection(value) ? value.message : undefined;
}

describe('placement rules', () => {
  it('wants long stop-loss ticks below zero, with the venue message', () => {
    const plan = bracketPlanOf(request({ side: 0, stopLossBracket: { ticks: 40, type: 4 } }), 'auto-oco');
    expect(messageOf(plan)).toBe('Invalid stop loss ticks (40). Ticks should be less than zero when longing.');
  });

  it('wants short take-profit ticks below zero, with the venue message', () => {
    const plan = bracketPlanOf(request({ side: 1, takeProfitBracket: { ticks: 30, type: 1 } }), 'auto-oco');
    expect(messageOf(plan)).toBe('Invalid take profit ticks (30). Ticks should be less than zero when going short.');
  });

  it('mirrors the rules for the other legs', () => {
    expect(messageOf(bracketPlanOf(request({ side: 1, stopLossBracket: { ticks: -10, type: 4 } }), 'auto-oco'))).toBe(
      'Invalid stop loss ticks (-10). Ticks should be greater than zero when going short.',
    );
    expect(messageOf(bracketPlanOf(request({ side: 0, takeProfitBracket: { ticks: 0, type: 1 } }), 'auto-oco'))).toBe(
      'Invalid take profit ticks (0). Ticks should be greater than zero when longing.',
    );
  });

  it('refuses a stop-loss that is not a stop order', () => {
    expect(messageOf(bracketPlanOf(request({ stopLossBracket: { ticks: -10, type: 1 } }), 'auto-oco'))).toBe('Invalid stop loss type');
  });

  it('refuses any bracket in Position Brackets mode', () => {
    expect(messageOf(bracketPlanOf(request({ takeProfitBracket: { ticks: 10, type: 1 } }), 'position'))).toBe(
      'Brackets cannot be used with Position Brackets. You must enable Auto OCO Brackets.',
    );
  });

  it('keeps signed ticks of a valid bracket and nothing without one', () => {
    expect(bracketPlanOf(request({ side: 1, stopLossBracket: { ticks: 12, type: 4 }, takeProfitBracket: { ticks: -24, type: 1 } }), 'auto-oco')).toEqual({
      stopLossTicks: 12,
      takeProfitTicks: -24,
    });
    expect(bracketPlanOf(request({}), 'position')).toBeNull();
  });

  it('turns a trail price level into whole ticks from the last trade', () => {
    expect(trailDistanceOf(es, 5998, touch, true)).toBe(8);
    expect(trailDistanceOf(es, 6002, touch, true)).toBe(8);
  });

  it('reports each trail failure with the venue message', () => {
    expect(messageOf(trailDistanceOf(es, undefined, touch, true))).toBe('Trail Distance not set.');
    expect(messageOf(trailDistanceOf(es, 5998.1, touch, true))).toBe('Invalid trail price. Price is not aligned to tick size.');
    expect(messageOf(trailDistanceOf(es, 5998, { ...touch, lastTicks: null }, true))).toBe('Cannot trail without a last price');
    expect(messageOf(trailDistanceOf(es, 5700, touch, true))).toBe('Trail Distance exceeds maximum (1000)');
    expect(trailDistanceOf(es, 5700, touch, false)).toBe(1200);
  });

  it('puts a sell trailing stop its distance below the last trade', () => {
    expect(orderLevelsOf(request({ type: 5, side: 1, trailPrice: 5997.5 }), es, touch)).toEqual({ limitTicks: null, stopTicks: 23_990, trailTicks: 10 });
  });

  it('requires on-grid limit and stop prices on the right side of the market', () => {
    expect(messageOf(orderLevelsOf(request({ type: 1 }), es, touch))).toBe('Invalid limit price. A limit price is required for this order type.');
    expect(messageOf(orderLevelsOf(request({ type: 1, limitPrice: 5999.1 }), es, touch))).toBe('Invalid limit price. Price is not aligned to tick size.');
    expect(messageOf(orderLevelsOf(request({ type: 4, side: 0, stopPrice: 5999 }), es, touch))).toBe(
      'Invalid stop price. A buy stop must be above the last price.',
    );
    expect(orderLevelsOf(request({ type: 3, side: 0, stopPrice: 6001, limitPrice: 6001.5 }), es, touch)).toEqual({
      limitTicks: 24_006,
      stopTicks: 24_004,
      trailTicks: null,
    });
  });

  it('joins the bid or the ask at the touch', () => {
    expect(orderLevelsOf(request({ type: 6 }), es, touch)).toEqual({ limitTicks: 23_999, stopTicks: null, trailTicks: null });
    expect(orderLevelsOf(request({ type: 7, side: 1 }), es, touch)).toEqual({ limitTicks: 24_000, stopTicks: null, trailTicks: null });
  });
});
