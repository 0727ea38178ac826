import { describe, expect, it } from 'vitest';
import { loadFixtureArray, loadFixtureObject } from '../testing/fixtures';
import { contractView, tickerOf } from './contract';

describe('contract payloads', () => {
  it('parses all 51 contracts of Contract/available, tick sizes like 5e-7 and 0.0078125 included', () => {
    const contracts = loadFixtureArray('rest-contract-available-1.json');

    const views = contracts.map((contract) => contractView(contract));

    expect(views.every((view) => view.ok)).toBe(true);
    expect(views.some((view) => view.ok && view.value.tickSize === 5e-7)).toBe(true);
  });

  it('maps broker roots to the tickers traders type', () => {
    expect(tickerOf('F.US.EP')).toBe('ES');
    expect(tickerOf('F.US.ENQ')).toBe('NQ');
    expect(tickerOf('F.US.EU6')).toBe('6E');
    expect(tickerOf('F.US.MNQ')).toBe('MNQ');
    expect(tickerOf('F.US.NQG')).toBe('NQG');
  });

  it('reads a Contract/search answer into views with tick values in cents', () => {
    const [nasdaq] = loadFixtureObject('rest-contract-search-1.json').contracts as unknown[];

    expect(contractView(nasdaq)).toEqual({
      ok: true,
      value: {
        id: 'CON.F.US.ENQ.U25',
        name: 'NQU5',
        description: 'E-mini NASDAQ-100: September 2025',
        symbol: 'NQ',
        symbolId: 'F.US.ENQ',
        tickSize: 0.25,
        tickValueCents: 500,
        active: true,
      },
    });
  });

  it('refuses a contract without a positive tick size', () => {
    expect(contractView({ id: 'X', name: 'X', tickSize: 0, tickValue: 1, symbolId: 'F.US.X' }).ok).toBe(false);
  });
});
