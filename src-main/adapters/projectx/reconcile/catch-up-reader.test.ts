import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../parse/order';
import { hasChanged, showsFill } from './catch-up-reader';

const lostAt = Date.parse('2026-11-18T16:00:00Z');
const resting: OrderRecord = {
  id: 5,
  accountId: 1,
  contractId: 'C',
  status: 1,
  type: 1,
  side: 0,
  size: 1,
  limitPrice: 6000.25,
  stopPrice: null,
  fillVolume: 0,
  creationTimestamp: '2026-11-18T15:50:00Z',
  updateTimestamp: '2026-11-18T15:55:00Z',
};

describe('catch-up change test', () => {
  it('an order as the stream last showed it, untouched since before the gap, has not changed', () => {
    expect(hasChanged({ ...resting, limitPrice: 6000.25 }, { ...resting, fillVolume: null }, lostAt)).toBe(false);
  });

  it('an unknown order, one updated at or after the gap began, or one that differs has changed', () => {
    expect(hasChanged(resting, undefined, lostAt)).toBe(true);
    expect(hasChanged({ ...resting, updateTimestamp: '2026-11-18T16:00:00Z' }, resting, lostAt)).toBe(true);
    expect(hasChanged({ ...resting, status: 3 }, resting, lostAt)).toBe(true);
    expect(hasChanged({ ...resting, limitPrice: 5999 }, resting, lostAt)).toBe(true);
    expect(hasChanged({ ...resting, updateTimestamp: undefined, creationTimestamp: undefined }, resting, lostAt)).toBe(true);
  });

  it('a fill (filled, or more filled volume) calls for the position and fill reads', () => {
    expect(showsFill({ ...resting, status: 3 }, resting)).toBe(false);
    expect(showsFill({ ...resting, status: 2, fillVolume: 1 }, resting)).toBe(true);
    expect(showsFill({ ...resting, fillVolume: 1 }, resting)).toBe(true);
  });
});
