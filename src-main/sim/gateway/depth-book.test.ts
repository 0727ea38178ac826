import { describe, expect, it } from 'vitest';
import type { DepthEntryModel } from '../exchange/exchange-api';
import { DepthBook } from './depth-book';

const at = '2026-03-18T15:00:00.000Z';
const entry = (type: number, price: number, volume: number): DepthEntryModel => ({ timestamp: at, type, price, volume, currentVolume: volume });

describe('DepthBook', () => {
  it('keeps the latest size of each level, asks then bids from the highest price down', () => {
    const book = new DepthBook();

    book.apply([entry(2, 99.75, 5), entry(1, 100.25, 3), entry(1, 100.5, 7), entry(2, 99.75, 6)]);

    expect(book.snapshot()).toEqual([entry(1, 100.5, 7), entry(1, 100.25, 3), entry(2, 99.75, 6)]);
  });

  it('files best and new-best entries under their side and drops a level whose volume is 0', () => {
    const book = new DepthBook();

    book.apply([entry(3, 100.25, 4), entry(4, 100, 2), entry(9, 99.75, 1), entry(1, 100.25, 0)]);

    expect(book.snapshot()).toEqual([entry(2, 100, 2), entry(2, 99.75, 1)]);
  });

  it('clears everything on Reset, ignores prints and nulls', () => {
    const book = new DepthBook();
    book.apply([entry(1, 100.25, 4), entry(2, 100, 2)]);

    book.apply([null, entry(6, 0, 0), entry(5, 100, 9), entry(8, 101, 0)]);

    expect(book.snapshot()).toEqual([]);
  });
});
