import type { BarView } from '../../../src-shared/domain/trading';
import { cmeDayRoll, type DayRoll } from '../../../src-shared/exchange';
import type { Bands } from './bollinger-bands';
import { SessionBoundary } from './session-boundary';

/**
 * Volume-weighted average price of the session (typical price (H+L+C)/3 weighted by volume), with
 * bands at ± `multiplier` volume-weighted standard deviations. Restarts at each session roll
 * (the 17:00 CT trading day by default; pass the 08:30 CT roll for the regular session).
 */
export class SessionVwap {
  private readonly boundary: SessionBoundary;
  private volume = 0;
  private weighted = 0;
  private weightedSquares = 0;
  /** The latest VWAP and bands; null until the session traded volume. */
  public value: Bands | null = null;

  public constructor(
    public readonly multiplier = 2,
    roll: DayRoll = cmeDayRoll,
  ) {
    this.boundary = new SessionBoundary(roll);
  }

  /** Takes a closed bar; returns the new value. */
  public update(bar: BarView): Bands | null {
    if (this.boundary.crosses(bar.time)) {
      this.volume = 0;
      this.weighted = 0;
      this.weightedSquares = 0;
    }
    const typical = (bar.high + bar.low + bar.close) / 3;
    // A bar without volume still counts once, so thin or synthetic data keeps a VWAP.
    const volume = Math.max(1, bar.volume);
    this.volume += volume;
    this.weighted += typical * volume;
    this.weightedSquares += typical * typical * volume;
    const middle = this.weighted / this.volume;
    const deviation = Math.sqrt(Math.max(0, this.weightedSquares / this.volume - middle * middle));
    this.value = { middle, upper: middle + this.multiplier * deviation, lower: middle - this.multiplier * deviation, deviation };
    return this.value;
  }
}
