/** A zone between two prices from a bar on; `endTime` is set when price fills or invalidates it. */
export interface PriceZone {
  readonly kind: 'fvg-up' | 'fvg-down' | 'order-block-up' | 'order-block-down';
  readonly startTime: number;
  readonly topTicks: number;
  readonly bottomTicks: number;
  endTime: number | null;
}

/** Most zones kept open at once; the oldest is dropped beyond it. */
export const maxOpenZones = 50;
