import { describe, expect, it } from 'vitest';
import { buildPlaceRequest, priceLevelOrderType } from './order-request';

const es = { id: 'CON.F.US.EP.Z26', tickSize: 0.25 };

describe('order requests', () => {
  it('writes a limit with its bracket, prices exact from ticks', () => {
    const built = buildPlaceRequest({
      accountId: 7,
      contract: es,
      side: 'buy',
      type: 'limit',
      size: 2,
      limitTicks: 20_001,
      stopLossTicks: 8,
      takeProfitTicks: 16,
    });

    expect(built).toEqual({
      ok: true,
      request: { accountId: 7, symbol: es.id, side: 'buy', size: 2, type: 'limit', limitPrice: 5000.25, stopLossTicks: 8, takeProfitTicks: 16 },
    });
  });

  it('sends only the fields the type uses', () => {
    const built = buildPlaceRequest({ accountId: 7, contract: es, side: 'sell', type: 'market', size: 1, limitTicks: 20_001, stopTicks: 19_990 });

    expect(built).toEqual({ ok: true, request: { accountId: 7, symbol: es.id, side: 'sell', size: 1, type: 'market' } });
  });

  it('names the field to fix when a price is missing', () => {
    const stopLimit = buildPlaceRequest({ accountId: 7, contract: es, side: 'buy', type: 'stop-limit', size: 1, limitTicks: 20_001 });
    const trailing = buildPlaceRequest({ accountId: 7, contract: es, side: 'sell', type: 'trailing-stop', size: 1 });

    expect(stopLimit).toMatchObject({ ok: false, problem: { field: 'stopPrice' } });
    expect(trailing).toMatchObject({ ok: false, problem: { field: 'trailTicks' } });
  });

  it('rests a click below the market as a buy limit or sell stop, and above it as a buy stop or sell limit', () => {
    expect(priceLevelOrderType('buy', 99, 100)).toBe('limit');
    expect(priceLevelOrderType('buy', 101, 100)).toBe('stop');
    expect(priceLevelOrderType('sell', 101, 100)).toBe('limit');
    expect(priceLevelOrderType('sell', 99, 100)).toBe('stop');
  });
});
