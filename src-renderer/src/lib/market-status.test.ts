import { describe, expect, it } from 'vitest';
import { marketStatus } from './market-status';

describe('the market status of a contract', () => {
  it('is open on a Wednesday morning', () => {
    expect(marketStatus('ES', Date.parse('2026-11-18T16:00:00Z'))).toEqual({ open: true });
  });

  it('says the weekend and the next open in CT on a Saturday', () => {
    expect(marketStatus('ES', Date.parse('2026-11-21T18:00:00Z'))).toMatchObject({
      open: false,
      kind: 'weekend',
      opensAt: Date.parse('2026-11-22T23:00:00Z'),
      text: 'Market closed (weekend) · opens Sun 2026-11-22 17:00 CT',
    });
  });

  it('says the daily halt, and a holiday by its name', () => {
    expect(marketStatus('CL', Date.parse('2026-11-18T22:30:00Z'))).toMatchObject({
      kind: 'daily-halt',
      text: 'Market closed (daily halt 16:00-17:00 CT) · opens Wed 2026-11-18 17:00 CT',
    });
    expect(marketStatus('ES', Date.parse('2026-12-25T18:00:00Z'))).toMatchObject({ kind: 'holiday', why: expect.stringMatching(/Christmas/) });
  });
});
