import { describe, expect, it } from 'vitest';
import { loadFixtureArray, loadFixtureObject } from '../testing/fixtures';
import { fillView, parseFill } from './fill';
import { userEventEntities } from './user-envelope';

function view(payload: unknown, tickSize: number) {
  const record = parseFill(payload);
  if (!record.ok) throw new Error(record.reason);
  return fillView(record.value, tickSize);
}

describe('fill payloads', () => {
  it('reads a closing fill: P&L and fees plus commissions in cents', () => {
    const [entity] = userEventEntities([loadFixtureObject('hub-user-trade-wrapped-1.json')]);

    expect(view(entity, 0.25)).toEqual({
      ok: true,
      value: {
        id: 3004518356,
        accountId: 90000001,
        contractId: 'CON.F.US.MNQ.U26',
        orderId: 3423462488,
        side: 'buy',
        size: 1,
        priceTicks: 117692,
        realizedCents: -4900,
        feesCents: 61,
        voided: false,
        time: Date.UTC(2026, 7, 19, 14, 16, 1, 406),
      },
    });
  });

  it('reads an opening fill whose profitAndLoss key is absent as realized null', () => {
    const [entity] = userEventEntities([loadFixtureObject('hub-user-trade-wrapped-2.json')]);

    expect(view(entity, 0.25)).toMatchObject({ ok: true, value: { id: 2935109671, realizedCents: null, feesCents: 61 } });
  });

  it('scales fees and commissions with size (15 lots)', () => {
    const [entity] = userEventEntities(loadFixtureArray('hub-user-trade-args-1.json'));

    expect(view(entity, 1)).toMatchObject({ ok: true, value: { size: 15, feesCents: 930, realizedCents: null } });
  });

  it('parses every Trade/search row, explicit null P&L included', () => {
    const trades = loadFixtureArray('rest-trade-search-1.json');
    const tickSizes: Record<string, number> = { 'CON.F.US.MNQ.U26': 0.25, 'CON.F.US.MES.U26': 0.25, 'CON.F.US.MCLE.V26': 0.01 };

    const views = trades.map((trade) => view(trade, tickSizes[(trade as { contractId: string }).contractId] ?? 0));

    expect(views.every((result) => result.ok)).toBe(true);
    expect(views.filter((result) => result.ok && result.value.realizedCents === null)).toHaveLength(20);
  });

  it('parses the docs sample (9 decimals, fees 1.4000) and a 5-digit fraction', () => {
    const [closing] = loadFixtureObject('rest-trade-search-2.json').trades as unknown[];

    expect(view(closing, 0.25)).toMatchObject({ ok: true, value: { priceTicks: 24261, realizedCents: 5000, feesCents: 140 } });
    expect(view(loadFixtureObject('rest-trade-search-3.json'), 0.25)).toMatchObject({
      ok: true,
      value: { realizedCents: -550, time: Date.UTC(2026, 1, 26, 14, 30, 5, 167) },
    });
  });

  it("keeps a ZN fill's half-cent P&L exact (one $15.625 tick)", () => {
    const [entity] = userEventEntities([loadFixtureObject('hub-user-trade-wrapped-1.json')]);
    const zn = { ...(entity as object), price: 112.5, profitAndLoss: 15.625, fees: 1.02 };

    expect(view(zn, 0.015625)).toMatchObject({ ok: true, value: { realizedCents: 1562.5 } });
  });

  it('refuses a fill price off the tick grid', () => {
    const [entity] = userEventEntities([loadFixtureObject('hub-user-trade-wrapped-1.json')]);

    expect(view({ ...(entity as object), price: 29423.1 }, 0.25).ok).toBe(false);
  });
});
