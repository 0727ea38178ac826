import { describe, expect, it } from 'vitest';
import { LatencyRing } from './latency-ring';

describe('latency ring', () => {
  it('gives nearest-rank percentiles of a bounded ring of latencies', () => {
    const ring = new LatencyRing(100);

    for (let sample = 1; sample <= 250; sample++) ring.record(sample);

    expect(ring.summary()).toEqual({ p50: 200, p95: 245, p99: 249, samples: 100 });
    expect(new LatencyRing().summary()).toEqual({ p50: 0, p95: 0, p99: 0, samples: 0 });
  });
});
