import { describe, expect, it } from 'vitest';
import { eventually } from './eventually';

describe('eventually', () => {
  it('resolves once a sync condition holds', async () => {
    let looks = 0;
    await eventually(() => ++looks >= 3, 'the third look', { intervalMs: 1 });
    expect(looks).toBe(3);
  });

  it('resolves with the first answer of an async probe other than undefined or false', async () => {
    let looks = 0;
    const answer = await eventually(async () => (++looks < 3 ? undefined : { looks }), 'an answer', { intervalMs: 1 });
    expect(answer).toEqual({ looks: 3 });
  });

  it('fails after the timeout naming what did not hold, with the detail', async () => {
    await expect(eventually(() => false, 'the impossible', { timeoutMs: 20, intervalMs: 5, detail: () => 'state 7' })).rejects.toThrow(
      'the impossible did not hold within 20 ms: state 7',
    );
  });

  it('keeps looking when the probe throws, and reports its last error on timeout', async () => {
    let looks = 0;
    await expect(
      eventually(
        () => {
          looks++;
          throw new Error(`not ready ${looks}`);
        },
        'a ready probe',
        20,
      ),
    ).rejects.toThrow(/^a ready probe did not hold within 20 ms \(last error: not ready \d+\)$/);
    expect(looks).toBeGreaterThan(1);
  });
});
