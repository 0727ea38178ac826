import type { BarView } from '../../../../src-shared/domain/trading';
import type { StructureBreak } from './market-structure';
import { maxOpenZones, type PriceZone } from './price-zone';

/** How many recent bars are searched for the block behind a break. */
const lookback = 30;

/**
 * Order blocks: the last opposite candle before a break of structure (the last down candle before
 * a break up, the last up candle before a break down), as a zone from its low to its high. A block
 * is invalidated when a close goes through its far side.
 */
export class OrderBlocks {
  private readonly recent: BarView[] = [];
  /** Blocks still valid, oldest first. */
  public readonly open: PriceZone[] = [];

  /** Takes a closed bar (and the break it made, if any); returns the blocks formed and invalidated. */
  public update(bar: BarView, structureBreak: StructureBreak | null): { readonly formed: PriceZone[]; readonly invalidated: PriceZone[] } {
    const invalidated: PriceZone[] = [];
    for (let index = this.open.length - 1; index >= 0; index--) {
      const zone = this.open[index];
      if (zone === undefined) continue;
      const broken = zone.kind === 'order-block-up' ? bar.close < zone.bottomTicks : bar.close > zone.topTicks;
      if (!broken) continue;
      zone.endTime = bar.time;
      invalidated.push(zone);
      this.open.splice(index, 1);
    }
    const formed: PriceZone[] = [];
    if (structureBreak !== null) {
      const wantDown = structureBreak.kind === 'bos-up';
      for (let index = this.recent.length - 1; index >= 0; index--) {
        const candidate = this.recent[index];
        if (candidate === undefined || candidate.time < structureBreak.swing.time) break;
        const opposite = wantDown ? candidate.close < candidate.open : candidate.close > candidate.open;
        if (!opposite) continue;
        formed.push({
          kind: wantDown ? 'order-block-up' : 'order-block-down',
          startTime: candidate.time,
          topTicks: candidate.high,
          bottomTicks: candidate.low,
          endTime: null,
        });
        break;
      }
    }
    for (const zone of formed) this.open.push(zone);
    if (this.open.length > maxOpenZones) this.open.splice(0, this.open.length - maxOpenZones);
    this.recent.push(bar);
    if (this.recent.length > lookback) this.recent.shift();
    return { formed, invalidated };
  }
}
