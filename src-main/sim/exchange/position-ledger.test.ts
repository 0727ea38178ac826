import { describe, expect, it } from 'vitest';
import { PositionLedger, type PositionFill } from './position-ledger';
import { productBySymbol, type ProductSpec } from './product-catalogue';

function spec(symbol: string): ProductSpec {
  const found = productBySymbol(symbol);
  if (found === undefined) throw new Error(symbol);
  return found;
}

function fill(buy: boolean, priceTicks: number, size: number, symbol = 'ES'): PositionFill {
  return { accountId: 1, spec: spec(symbol), contractId: 'CON.F.US.EP.U26', displayName: 'ESU26', buy, priceTicks, size, timestamp: 't' };
}

describe('position ledger', () => {
  it('opens without realized P&L and averages the lots', () => {
    const ledger = new PositionLedger(() => 7);
    expect(ledger.apply(fill(true, 400, 1)).realizedCents).toBeNull();
    const outcome = ledger.apply(fill(true, 402, 3));
    expect(outcome.positions).toEqual([
      { id: 7, accountId: 1, contractId: 'CON.F.US.EP.U26', contractDisplayName: 'ESU26', creationTimestamp: 't', type: 1, size: 4, averagePrice: 100.375 },
    ]);
  });

  it('realizes closing fills first in, first out, in whole cents', () => {
    // Arrange
    const ledger = new PositionLedger(() => 7);
    ledger.apply(fill(true, 400, 1));
    ledger.apply(fill(true, 404, 1));

    // Act
    const outcome = ledger.apply(fill(false, 410, 1));

    // Assert: the 400 lot closes first: 10 ticks of $12.50
    expect(outcome.realizedCents).toBe(12_500);
    expect(outcome.positions[0]?.averagePrice).toBe(101);
  });

  it('sends a flat position once with size 0 and type 0, keeping its last average', () => {
    const ledger = new PositionLedger(() => 7);
    ledger.apply(fill(false, 400, 2));
    const outcome = ledger.apply(fill(true, 396, 2));
    expect(outcome.realizedCents).toBe(2 * 4 * 1250);
    expect(outcome.positions).toEqual([expect.objectContaining({ id: 7, type: 0, size: 0, averagePrice: 100 })]);
    expect(ledger.get(1, 'CON.F.US.EP.U26')).toBeUndefined();
  });

  it('flips through flat into a new position with a new id', () => {
    let id = 0;
    const ledger = new PositionLedger(() => (id += 1));
    ledger.apply(fill(true, 400, 1));
    const outcome = ledger.apply(fill(false, 399, 3));
    expect(outcome.realizedCents).toBe(-1250);
    expect(outcome.positions.map((position) => [position.id, position.type, position.size])).toEqual([
      [1, 0, 0],
      [2, 2, 2],
    ]);
  });
});
