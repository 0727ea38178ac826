import type { BarView } from '../../../../src-shared/domain/trading';
import { FairValueGaps } from './fair-value-gaps';
import { MarketStructure, type StructureBreak } from './market-structure';
import { OrderBlocks } from './order-blocks';
import type { PriceZone } from './price-zone';
import { SwingPoints, type SwingPoint } from './swing-points';

/** What one bar changed in the Smart Money Concepts picture. */
export interface SmartMoneyUpdate {
  readonly swings: readonly SwingPoint[];
  readonly structureBreak: StructureBreak | null;
  readonly openedZones: readonly PriceZone[];
  readonly closedZones: readonly PriceZone[];
}

/**
 * Smart Money Concepts overlays, incremental on closed bars: swing highs and lows, breaks of
 * structure, fair value gaps and order blocks.
 */
export class SmartMoneyConcepts {
  public readonly swings: SwingPoints;
  public readonly structure = new MarketStructure();
  public readonly gaps: FairValueGaps;
  public readonly blocks = new OrderBlocks();

  public constructor(swingLength = 5, minimumGapTicks = 1) {
    this.swings = new SwingPoints(swingLength);
    this.gaps = new FairValueGaps(minimumGapTicks);
  }

  /** Takes a closed bar. */
  public update(bar: BarView): SmartMoneyUpdate {
    // The break is judged against swings confirmed before this bar.
    const structureBreak = this.structure.update(bar);
    const swings = this.swings.update(bar);
    for (const swing of swings) this.structure.takeSwing(swing);
    const gaps = this.gaps.update(bar);
    const blocks = this.blocks.update(bar, structureBreak);
    return { swings, structureBreak, openedZones: [...gaps.opened, ...blocks.formed], closedZones: [...gaps.filled, ...blocks.invalidated] };
  }
}
