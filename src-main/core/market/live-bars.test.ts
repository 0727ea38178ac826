import { describe, expect, it } from 'vitest';
import { LiveBars } from './live-bars';

const start = Date.parse('2026-11-18T16:00:00Z');

describe('live bars', () => {
  it('extends every watched series of the contract from the tape', () => {
    const live = new LiveBars();
    live.watch({ contractId: 'C', unit: 'minute', unitNumber: 1 }, [{ time: start - 60_000, open: 1, high: 1, low: 1, close: 1, volume: 1 }]);
    live.watch({ contractId: 'C', unit: 'minute', unitNumber: 5 }, []);
    live.watch({ contractId: 'D', unit: 'minute', unitNumber: 1 }, []);

    const updates = live.apply('C', [{ contractId: 'C', priceTicks: 7, size: 2, side: 'sell', time: start + 1000 }]);

    expect(updates.map((update) => [update.unitNumber, update.bar])).toEqual([
      [1, { time: start, open: 7, high: 7, low: 7, close: 7, volume: 2 }],
      [5, { time: start, open: 7, high: 7, low: 7, close: 7, volume: 2 }],
    ]);
  });
});
