/** Percentiles of the recent samples. */
export interface LatencySummary {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly samples: number;
}

/** The last `capacity` call latencies in a fixed ring; memory never grows. */
export class LatencyRing {
  private readonly samples: number[] = [];
  private next = 0;

  public constructor(private readonly capacity = 512) {}

  /** Records one latency in milliseconds. */
  public record(milliseconds: number): void {
    if (this.samples.length < this.capacity) this.samples.push(milliseconds);
    else this.samples[this.next] = milliseconds;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Nearest-rank percentiles of the samples held; zeros when there are none. */
  public summary(): LatencySummary {
    if (this.samples.length === 0) return { p50: 0, p95: 0, p99: 0, samples: 0 };
    const sorted = [...this.samples].sort((left, right) => left - right);
    const rank = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
    return { p50: rank(0.5), p95: rank(0.95), p99: rank(0.99), samples: sorted.length };
  }
}
