import { describe, expect, it } from 'vitest';
import type { BrokerOrderRequest } from '../../../core/ports/broker-port';
import type { ContractView } from '../../../../src-shared/domain/trading';
import { bracketLegs, modifyBody, placeBody, trailLevelTicks } from './order-bodies';

const es: ContractView = {
  id: 'CON.F.US.EP.Z26',
  name: 'ESZ6',
  description: 'E-mini S&P 500',
  symbol: 'ES',
  symbolId: 'F.US.EP',
  tickSize: 0.25,
  tickValueCents: 1250,
  active: true,
};
const request: BrokerOrderRequest = { accountId: 7, contractId: es.id, type: 'limit', side: 'buy', size: 2, limitTicks: 24001, customTag: 'tag-1' };

describe('order bodies', () => {
  it('signs bracket ticks from the entry: long stop below, short stop above; stop leg type 4, target type 1', () => {
    expect(bracketLegs('buy', 8, 16)).toEqual({ stopLossBracket: { ticks: -8, type: 4 }, takeProfitBracket: { ticks: 16, type: 1 } });
    expect(bracketLegs('sell', 8, 16)).toEqual({ stopLossBracket: { ticks: 8, type: 4 }, takeProfitBracket: { ticks: -16, type: 1 } });
    expect(bracketLegs('buy', undefined, undefined)).toEqual({});
  });

  it('writes prices as decimals built from ticks and the tick size', () => {
    const body = placeBody({ ...request, stopLossTicks: 10, takeProfitTicks: 20 }, es, undefined);

    expect(body).toEqual({
      ok: true,
      value: {
        accountId: 7,
        contractId: es.id,
        type: 1,
        side: 0,
        size: 2,
        customTag: 'tag-1',
        limitPrice: 6000.25,
        stopLossBracket: { ticks: -10, type: 4 },
        takeProfitBracket: { ticks: 20, type: 1 },
      },
    });
  });

  it('turns a trailing distance into a trailPrice level from the last trade: below for a sell, above for a buy', () => {
    const sell = placeBody({ ...request, type: 'trailing-stop', side: 'sell', limitTicks: undefined, trailTicks: 12 }, es, 24000);

    expect(trailLevelTicks('sell', 24000, 12)).toBe(23988);
    expect(trailLevelTicks('buy', 24000, 12)).toBe(24012);
    expect(sell.ok && sell.value).toMatchObject({ type: 5, side: 1, trailPrice: 5997 });
  });

  it('refuses a trailing stop without a last price, and orders that miss their prices', () => {
    expect(placeBody({ ...request, type: 'trailing-stop', trailTicks: 4 }, es, undefined)).toMatchObject({ ok: false, error: { code: 'not-connected' } });
    expect(placeBody({ ...request, limitTicks: undefined }, es, undefined)).toMatchObject({ ok: false, error: { field: 'limitTicks' } });
    expect(placeBody({ ...request, type: 'stop-limit', stopTicks: undefined }, es, undefined)).toMatchObject({ ok: false, error: { field: 'stopTicks' } });
    expect(placeBody({ ...request, size: 0 }, es, undefined)).toMatchObject({ ok: false, error: { field: 'size' } });
  });

  it('sends only the fields a modify changes', () => {
    expect(modifyBody({ accountId: 7, orderId: 3_400_000_001, stopTicks: 23990 }, es, 'sell', undefined)).toEqual({
      ok: true,
      value: { accountId: 7, orderId: 3_400_000_001, stopPrice: 5997.5 },
    });
    expect(modifyBody({ accountId: 7, orderId: 1 }, es, 'sell', undefined).ok).toBe(false);
  });
});
