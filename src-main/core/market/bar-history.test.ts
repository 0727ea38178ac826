import { describe, expect, it } from 'vitest';
import type { BarView } from '../../../src-shared/domain/trading';
import { ok, type Result } from '../../../src-shared/result';
import type { BarsRequest } from '../ports/broker-port';
import { esContract, FakeBroker } from '../testing/fake-broker';
import { BarHistory } from './bar-history';

const minute = 60_000;
const now = Date.parse('2026-11-18T16:00:30Z');

/** A broker with one bar a minute for ever, answering like ProjectX: the newest `limit` of the window. */
class MinuteBroker extends FakeBroker {
  public readonly requests: BarsRequest[] = [];

  public override async bars(request: BarsRequest): Promise<Result<BarView[]>> {
    this.requests.push(request);
    const bars: BarView[] = [];
    const first = Math.ceil(request.from / minute) * minute;
    for (let time = first; time < request.to; time += minute) bars.push({ time, open: 1, high: 1, low: 1, close: 1, volume: 1 });
    return ok(bars.slice(-request.limit));
  }
}

describe('bar history', () => {
  it('pages backwards past the broker cap to return the newest count bars, oldest first', async () => {
    const broker = new MinuteBroker();
    const history = new BarHistory(broker, undefined);

    const result = await history.load({ contract: esContract, unit: 'minute', unitNumber: 1, count: 50_000, to: now });

    const bars = result.ok ? result.value : [];
    expect(bars).toHaveLength(50_000);
    expect(bars.at(-1)?.time).toBe(Date.parse('2026-11-18T16:00:00Z'));
    expect(bars.every((bar, index) => index === 0 || bar.time - (bars[index - 1]?.time ?? 0) === minute)).toBe(true);
    expect(broker.requests.filter((request) => !request.includePartialBar).length).toBeGreaterThanOrEqual(3);
  });
});
