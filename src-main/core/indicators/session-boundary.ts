import { cmeDayRoll, nextDayRoll, type DayRoll } from '../../../src-shared/exchange';

/**
 * Tells when a bar opens a new session (a new trading day, or a new regular session with another
 * roll). The next boundary is computed once per session, so the per-bar check is one comparison.
 */
export class SessionBoundary {
  private next = Number.NEGATIVE_INFINITY;

  public constructor(private readonly roll: DayRoll = cmeDayRoll) {}

  /** True when `time` lies in a later session than the previous call's time (and on the first call). */
  public crosses(time: number): boolean {
    if (time < this.next) return false;
    this.next = nextDayRoll(time, this.roll);
    return true;
  }
}
