import { describe, expect, it } from 'vitest';
import { DepthBook } from './depth-book';

describe('depth book', () => {
  it('keeps the best levels first, removes empty ones and clears on reset', () => {
    const book = new DepthBook();

    book.apply('C', false, [
      { side: 'bid', priceTicks: 99, size: 5 },
      { side: 'bid', priceTicks: 100, size: 3 },
      { side: 'ask', priceTicks: 102, size: 4 },
      { side: 'ask', priceTicks: 101, size: 2 },
    ]);
    book.apply('C', false, [{ side: 'bid', priceTicks: 100, size: 0 }]);
    const before = book.view('C');
    book.apply('C', true, [{ side: 'ask', priceTicks: 110, size: 1 }]);

    expect(before).toEqual({
      contractId: 'C',
      bids: [{ priceTicks: 99, size: 5 }],
      asks: [
        { priceTicks: 101, size: 2 },
        { priceTicks: 102, size: 4 },
      ],
    });
    expect(book.view('C')).toEqual({ contractId: 'C', bids: [], asks: [{ priceTicks: 110, size: 1 }] });
  });
});
