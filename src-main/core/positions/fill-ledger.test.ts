import { describe, expect, it } from 'vitest';
import type { FillView } from '../../../src-shared/domain/trading';
import { tradingDayOf } from '../../../src-shared/exchange';
import { FillLedger } from './fill-ledger';

function fill(overrides: Partial<FillView>): FillView {
  return {
    id: 3_000_000_001,
    accountId: 1,
    contractId: 'CON.F.US.EP.Z26',
    orderId: 3_500_000_001,
    side: 'buy',
    size: 1,
    priceTicks: 24000,
    realizedCents: null,
    feesCents: 140,
    voided: false,
    time: Date.parse('2026-11-18T15:00:00Z'),
    ...overrides,
  };
}

describe('fill ledger', () => {
  it('records each fill once and sums the day per account and contract', () => {
    const ledger = new FillLedger(tradingDayOf);
    ledger.rollTo('2026-11-18');

    ledger.record(fill({ id: 1 }));
    const replay = ledger.record(fill({ id: 1 }));
    ledger.record(fill({ id: 2, side: 'sell', realizedCents: -5000 }));
    ledger.record(fill({ id: 3, contractId: 'CON.F.US.ENQ.Z26', realizedCents: 2500, feesCents: 140 }));

    expect(replay).toBe('repeat');
    expect(ledger.account(1)).toEqual({ realizedCents: -2500, feesCents: 420, fills: 3, closingFills: 2 });
    expect(ledger.contract(1, 'CON.F.US.EP.Z26')).toEqual({ realizedCents: -5000, feesCents: 280, fills: 2, closingFills: 1 });
  });

  it('takes a fill that comes back voided out of the day (a busted trade), once', () => {
    const ledger = new FillLedger(tradingDayOf);
    ledger.rollTo('2026-11-18');
    ledger.record(fill({ id: 1 }));
    ledger.record(fill({ id: 2, side: 'sell', realizedCents: -5000 }));

    expect(ledger.record(fill({ id: 2, side: 'sell', realizedCents: -5000, voided: true }))).toBe('voided');
    expect(ledger.record(fill({ id: 2, side: 'sell', realizedCents: -5000, voided: true }))).toBe('repeat');
    expect(ledger.account(1)).toEqual({ realizedCents: 0, feesCents: 140, fills: 1, closingFills: 0 });
    expect(ledger.recent(1, 5).find((entry) => entry.id === 2)?.voided).toBe(true);
  });

  it('starts the new trading day at 17:00 Chicago with only its own fills', () => {
    const ledger = new FillLedger(tradingDayOf);
    ledger.rollTo('2026-11-18');
    ledger.record(fill({ id: 1, realizedCents: -10000 }));
    ledger.record(fill({ id: 2, realizedCents: 3000, time: Date.parse('2026-11-18T23:30:00Z') }));

    const before = ledger.account(1).realizedCents;
    ledger.rollTo('2026-11-19');

    expect(before).toBe(-10000);
    expect(ledger.account(1).realizedCents).toBe(3000);
  });

  it('leaves voided fills out of the figures', () => {
    const ledger = new FillLedger(tradingDayOf);
    ledger.rollTo('2026-11-18');

    ledger.record(fill({ id: 1, realizedCents: -10000, voided: true }));

    expect(ledger.account(1).realizedCents).toBe(0);
  });
});
