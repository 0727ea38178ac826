import { describe, expect, it } from 'vitest';
import type { FillView } from '../../../../src-shared/domain/trading';
import { DayCounter } from './day-counter';

const closing: FillView = {
  id: 9,
  accountId: 1,
  contractId: 'C',
  orderId: 5,
  side: 'sell',
  size: 1,
  priceTicks: 100,
  realizedCents: -50_000,
  feesCents: 140,
  voided: false,
  time: 1_000,
};

describe('the risk day counter', () => {
  it('takes a voided fill back out of the realized loss, the fees, the count and the frequency window', () => {
    const day = new DayCounter('2026-11-18');
    day.record(closing, 1_000);

    expect(day.void({ ...closing, voided: true })).toBe(true);
    expect(day.void({ ...closing, voided: true })).toBe(false);
    expect({ realized: day.realizedCents, fees: day.feesCents, fills: day.fills, times: day.recentFillTimes, order: day.closingOrderCents(5) }).toEqual({
      realized: 0,
      fees: 0,
      fills: 0,
      times: [],
      order: 0,
    });
  });

  it('ignores a void of a fill it never counted', () => {
    expect(new DayCounter('2026-11-18').void({ ...closing, voided: true })).toBe(false);
  });
});
