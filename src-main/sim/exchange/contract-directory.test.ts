import { describe, expect, it } from 'vitest';
import { ContractDirectory } from './contract-directory';
import { productCatalogue } from './product-catalogue';

const august = (): number => Date.parse('2026-08-19T14:00:00Z');

describe('contract directory', () => {
  const directory = new ContractDirectory(productCatalogue, august);

  it('lists one active contract per product', () => {
    const contracts = directory.available();
    expect(contracts).toHaveLength(14);
    expect(contracts.every((contract) => contract.activeContract)).toBe(true);
    expect(contracts[0]).toEqual({
      id: 'CON.F.US.EP.U26',
      name: 'ESU6',
      description: 'E-Mini S&P 500: September 2026',
      tickSize: 0.25,
      tickValue: 12.5,
      activeContract: true,
      symbolId: 'F.US.EP',
    });
  });

  it('finds NQ and its micro for the text NQ, the exact symbol first', () => {
    const names = directory.search('NQ').map((contract) => contract.name);
    expect(names).toEqual(['NQU6', 'MNQU6']);
  });

  it('matches descriptions and forgives spacing and case', () => {
    expect(directory.search('gold').map((contract) => contract.name)).toEqual(['GCZ6', 'MGCZ6']);
    expect(directory.search('crude oil').map((contract) => contract.symbolId)).toContain('F.US.MCLE');
    expect(directory.search('').length).toBeLessThanOrEqual(20);
  });

  it('resolves an expired month with activeContract false', () => {
    const contract = directory.byId('CON.F.US.EP.H26');
    expect(contract?.activeContract).toBe(false);
    expect(contract?.name).toBe('ESH6');
  });

  it('returns null for ids it does not know', () => {
    expect(directory.byId('CON.F.US.XYZ.U26')).toBeNull();
    expect(directory.byId('garbage')).toBeNull();
  });

  it('keeps ZN tick value and size exact', () => {
    const zn = directory.available().find((contract) => contract.symbolId === 'F.US.TYA');
    expect(zn?.tickSize).toBe(0.015625);
    expect(zn?.tickValue).toBe(15.625);
  });
});
