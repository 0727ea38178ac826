import type { AccountId } from '../../../../src-shared/domain/ids';
import type { Clock } from '../../clock';
import { nextDayRoll, tradingDayOf, tradingDayStart, type DayRoll } from '../../../../src-shared/exchange';
import type { NamedTimers } from '../timers/named-timers';

const timerKind = 'day-roll';

/**
 * The reset scheduler (docs/risk-rules.md §6): one persisted timer per account at its next day roll
 * (17:00 America/Chicago unless configured otherwise, DST-aware). At start-up `due` tells whether
 * the roll passed while the terminal was closed, so the reset happens then.
 */
export class ResetScheduler {
  public constructor(
    private readonly clock: Clock,
    private readonly timers: NamedTimers,
    roll: (accountId: AccountId) => void,
  ) {
    timers.handle(timerKind, (record) => roll(Number(record.data.accountId)));
  }

  /** The trading day an account is in now. */
  public currentDay(dayRoll: DayRoll): string {
    return tradingDayOf(this.clock.now(), dayRoll);
  }

  /** When the current trading day started (the last roll). */
  public dayStart(dayRoll: DayRoll): number {
    return tradingDayStart(this.clock.now(), dayRoll);
  }

  /** The trading day an instant belongs to. */
  public dayOf(time: number, dayRoll: DayRoll): string {
    return tradingDayOf(time, dayRoll);
  }

  /** The next roll of an account after now. */
  public nextRoll(dayRoll: DayRoll): number {
    return nextDayRoll(this.clock.now(), dayRoll);
  }

  /** True when the account's stored day is not the current one (a roll passed while closed). */
  public due(storedDay: string, dayRoll: DayRoll): boolean {
    return storedDay !== this.currentDay(dayRoll);
  }

  /** Arms (or moves) the account's roll timer; returns when it fires. */
  public arm(accountId: AccountId, dayRoll: DayRoll): number {
    const deadline = this.nextRoll(dayRoll);
    this.timers.set({ name: `roll:${accountId}`, kind: timerKind, deadline, data: { accountId }, persist: true });
    return deadline;
  }
}
