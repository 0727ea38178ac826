import { describe, expect, it } from 'vitest';
import { bookAround, depthDiff, depthSnapshot, sweep } from './order-book';
import { domType } from './projectx-enums';

const price = (ticks: number): number => ticks / 4;

describe('order book', () => {
  it('shows ten levels a side, stepping one tick away from the touch', () => {
    const book = bookAround(7, 20, 400, 401, Date.parse('2026-08-19T14:00:00Z'));
    expect(book.bids.map((level) => level.priceTicks)).toEqual([400, 399, 398, 397, 396, 395, 394, 393, 392, 391]);
    expect(book.asks.map((level) => level.priceTicks)[9]).toBe(410);
    expect(book.bids.every((level) => level.size >= 1)).toBe(true);
  });

  it('sweeps level after level until the quantity is filled', () => {
    const levels = [
      { priceTicks: 401, size: 3 },
      { priceTicks: 402, size: 5 },
      { priceTicks: 403, size: 50 },
    ];
    const fills = sweep(
      (distance) => levels[distance] ?? { priceTicks: 404, size: 1 },
      10,
      () => true,
    );
    expect(fills).toEqual([
      { priceTicks: 401, size: 3 },
      { priceTicks: 402, size: 5 },
      { priceTicks: 403, size: 2 },
    ]);
  });

  it('stops a sweep at an unacceptable price', () => {
    const fills = sweep(
      (distance) => ({ priceTicks: 401 + distance, size: 2 }),
      10,
      (ticks) => ticks <= 402,
    );
    expect(fills.reduce((sum, fill) => sum + fill.size, 0)).toBe(4);
  });

  it('starts a snapshot with Reset and marks the best levels', () => {
    const book = bookAround(7, 20, 400, 401, 0);
    const entries = depthSnapshot(book, { lowTicks: 390, highTicks: 420 }, price, 't');
    expect(entries[0]?.type).toBe(domType.reset);
    expect(entries.filter((entry) => entry.type === domType.bestAsk)).toHaveLength(1);
    expect(entries.find((entry) => entry.type === domType.bestBid)?.price).toBe(100);
    expect(entries.find((entry) => entry.type === domType.high)?.price).toBe(105);
    expect(entries).toHaveLength(1 + 20 + 2);
  });

  it('announces a moved touch as new best levels and removes levels that left', () => {
    // Arrange
    const before = bookAround(7, 20, 400, 401, 0);
    const after = bookAround(7, 20, 401, 402, 0);

    // Act
    const entries = depthDiff(before, after, price, 't');

    // Assert
    expect(entries.find((entry) => entry.type === domType.newBestAsk)?.price).toBe(price(402));
    expect(entries.find((entry) => entry.type === domType.newBestBid)?.price).toBe(price(401));
    expect(entries.some((entry) => entry.type === domType.ask && entry.price === price(401) && entry.volume === 0)).toBe(true);
    expect(entries.some((entry) => entry.type === domType.bid && entry.price === price(391) && entry.volume === 0)).toBe(true);
  });

  it('says nothing when nothing changed', () => {
    const book = bookAround(7, 20, 400, 401, 0);
    expect(depthDiff(book, book, price, 't')).toEqual([]);
  });
});
