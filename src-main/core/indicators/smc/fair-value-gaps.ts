import type { BarView } from '../../../../src-shared/domain/trading';
import { maxOpenZones, type PriceZone } from './price-zone';

/**
 * Fair value gaps: three bars where the third's low stays above the first's high (up) or its high
 * below the first's low (down). The gap is the untraded space; it closes once price fills it.
 */
export class FairValueGaps {
  private first: BarView | null = null;
  private second: BarView | null = null;
  /** Gaps not filled yet, oldest first. */
  public readonly open: PriceZone[] = [];

  public constructor(private readonly minimumTicks = 1) {}

  /** Takes a closed bar; returns the gaps it opened and the ones it filled. */
  public update(bar: BarView): { readonly opened: PriceZone[]; readonly filled: PriceZone[] } {
    const filled: PriceZone[] = [];
    for (let index = this.open.length - 1; index >= 0; index--) {
      const zone = this.open[index];
      if (zone === undefined) continue;
      const done = zone.kind === 'fvg-up' ? bar.low <= zone.bottomTicks : bar.high >= zone.topTicks;
      if (!done) continue;
      zone.endTime = bar.time;
      filled.push(zone);
      this.open.splice(index, 1);
    }
    const opened: PriceZone[] = [];
    const first = this.first;
    const middle = this.second;
    if (first !== null && middle !== null) {
      if (bar.low - first.high >= this.minimumTicks)
        opened.push({ kind: 'fvg-up', startTime: middle.time, topTicks: bar.low, bottomTicks: first.high, endTime: null });
      else if (first.low - bar.high >= this.minimumTicks)
        opened.push({ kind: 'fvg-down', startTime: middle.time, topTicks: first.low, bottomTicks: bar.high, endTime: null });
    }
    for (const zone of opened) this.open.push(zone);
    if (this.open.length > maxOpenZones) this.open.splice(0, this.open.length - maxOpenZones);
    this.first = middle;
    this.second = bar;
    return { opened, filled };
  }
}
