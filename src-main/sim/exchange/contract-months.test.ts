import { describe, expect, it } from 'vitest';
import { formatIsoDay, parseIsoDay } from '../../../src-shared/exchange';
import { contractDescriptionOf, contractDisplayNameOf, contractIdOf, contractNameOf, frontMonthOf, parseContractId, rollDayOf } from './contract-months';
import { productBySymbol, type ProductSpec } from './product-catalogue';

function spec(symbol: string): ProductSpec {
  const found = productBySymbol(symbol);
  if (found === undefined) throw new Error(symbol);
  return found;
}

describe('contract months', () => {
  it('formats ids with a two-digit year and names with one digit', () => {
    const december = { year: 2026, month: 12 };
    expect(contractIdOf(spec('ES'), december)).toBe('CON.F.US.EP.Z26');
    expect(contractNameOf(spec('ES'), december)).toBe('ESZ6');
    expect(contractDisplayNameOf(spec('MNQ'), december)).toBe('MNQZ26');
    expect(contractDescriptionOf(spec('ES'), december)).toBe('E-Mini S&P 500: December 2026');
  });

  it('parses ids of known roots and listed months only', () => {
    expect(parseContractId('CON.F.US.MCLE.V26')?.spec.symbol).toBe('MCL');
    expect(parseContractId('CON.F.US.MCLE.V26')?.contractMonth).toEqual({ year: 2026, month: 10 });
    expect(parseContractId('CON.F.US.EP.V26')).toBeNull();
    expect(parseContractId('CON.F.US.ES.U26')).toBeNull();
    expect(parseContractId('F.US.EP')).toBeNull();
  });

  it('matches the active months TopstepX listed on 2026-08-20', () => {
    // Arrange
    const tradeDate = parseIsoDay('2026-08-20');

    // Act & Assert (shared/data/contracts.json)
    expect(frontMonthOf(spec('ES'), tradeDate)).toEqual({ year: 2026, month: 9 });
    expect(frontMonthOf(spec('CL'), tradeDate)).toEqual({ year: 2026, month: 10 });
    expect(frontMonthOf(spec('MCL'), tradeDate)).toEqual({ year: 2026, month: 10 });
    expect(frontMonthOf(spec('GC'), tradeDate)).toEqual({ year: 2026, month: 12 });
    expect(frontMonthOf(spec('6E'), tradeDate)).toEqual({ year: 2026, month: 9 });
    expect(frontMonthOf(spec('ZN'), tradeDate)).toEqual({ year: 2026, month: 9 });
  });

  it('rolls index futures on the Thursday eight days before the third Friday', () => {
    const september = { year: 2026, month: 9 };
    expect(formatIsoDay(rollDayOf(spec('ES'), september))).toBe('2026-09-10');
    expect(frontMonthOf(spec('ES'), parseIsoDay('2026-09-09'))).toEqual(september);
    expect(frontMonthOf(spec('ES'), parseIsoDay('2026-09-10'))).toEqual({ year: 2026, month: 12 });
  });

  it('rolls crude a week before its last trade date', () => {
    // CLV26's last trade date: three business days before 2026-09-25 (a Friday) is 2026-09-22
    expect(formatIsoDay(rollDayOf(spec('CL'), { year: 2026, month: 10 }))).toBe('2026-09-15');
  });

  it('rolls into the next year after December', () => {
    expect(frontMonthOf(spec('NQ'), parseIsoDay('2026-12-15'))).toEqual({ year: 2027, month: 3 });
  });
});
