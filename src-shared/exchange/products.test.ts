import { describe, expect, it } from 'vitest';
import contractFile from './data/contracts.json';
import { productByBrokerRoot, productBySymbol, productFacts, productGroupOf, products, symbolOfContractId } from './products';

describe('products from the data file', () => {
  it('lists every contract of the file', () => {
    expect(products.map((product) => product.symbol)).toEqual(contractFile.contracts.map((contract) => contract.symbol));
  });

  it('maps trader symbols to ProjectX roots and back', () => {
    expect(productBySymbol('ES')?.brokerRoot).toBe('EP');
    expect(productBySymbol('NQ')?.brokerRoot).toBe('ENQ');
    expect(productBySymbol('6E')?.brokerRoot).toBe('EU6');
    expect(productByBrokerRoot('TYA')?.symbol).toBe('ZN');
    expect(symbolOfContractId('CON.F.US.MCLE.V26')).toBe('MCL');
    expect(symbolOfContractId('CON.F.US.MNQ.Z26')).toBe('MNQ');
    expect(symbolOfContractId('CON.F.US.XYZ.Z26')).toBe('XYZ');
  });

  it('keeps tick sizes and exact tick values', () => {
    expect(productBySymbol('ZN')).toMatchObject({ tickSize: 0.015625, tickDecimals: 6, tickValue: 15.625, tickValueMillicents: 1_562_500 });
    expect(productBySymbol('6E')).toMatchObject({ tickSize: 0.00005, tickDecimals: 5, tickValueMillicents: 625_000 });
    expect(productBySymbol('ES')).toMatchObject({ tickSize: 0.25, tickValueMillicents: 1_250_000, brokerTitle: 'E-Mini S&P 500', monthCodes: 'HMUZ' });
  });

  it('knows groups and micros; an unknown symbol is an equity mini', () => {
    expect(productFacts('MES')).toEqual({ group: 'equity', micro: true });
    expect(productFacts('GC')).toEqual({ group: 'metals', micro: false });
    expect(productFacts('ZN')).toEqual({ group: 'interest_rates', micro: false });
    expect(productFacts('??')).toEqual({ group: 'equity', micro: false });
    expect(productGroupOf('CON.F.US.EU6.Z26')).toBe('fx');
  });
});
