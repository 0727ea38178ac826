import { describe, expect, it } from 'vitest';
import { parseSimOptions } from './sim-options';

describe('parseSimOptions', () => {
  it('defaults to a free port, no seed and the current time', () => {
    expect(parseSimOptions([])).toEqual({ port: 0, seed: undefined, clock: undefined });
  });

  it('reads the port, the seed and the clock', () => {
    expect(parseSimOptions(['--port', '5099', '--seed', '42', '--clock', '2026-03-18T15:00:00Z'])).toEqual({
      port: 5099,
      seed: 42,
      clock: '2026-03-18T15:00:00Z',
    });
  });
});
