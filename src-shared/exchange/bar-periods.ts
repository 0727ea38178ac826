import { TZDate } from '@date-fns/tz';
import type { BarUnit } from '../domain/trading';
import { cmeDayRoll, tradingDayStart } from './trading-day';

const unitMs: Partial<Record<BarUnit, number>> = { second: 1000, minute: 60_000, hour: 3_600_000 };

/**
 * The open time of the bar containing `time`. Intraday units align to the epoch (so hours start on
 * the hour); days start at the 17:00 CT roll, weeks on Sunday's roll, months at the roll before the
 * month's first trading day.
 */
export function barStart(time: number, unit: BarUnit, unitNumber: number): number {
  const fixed = unitMs[unit];
  if (fixed !== undefined) {
    const size = fixed * unitNumber;
    return Math.floor(time / size) * size;
  }
  const dayStart = tradingDayStart(time);
  if (unit === 'day') return dayStart;
  const local = new TZDate(dayStart, cmeDayRoll.timeZone);
  if (unit === 'week') {
    // The session that opens Sunday 17:00 starts the week.
    const back = local.getDay();
    return new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - back, cmeDayRoll.hour, cmeDayRoll.minute, 0, cmeDayRoll.timeZone).getTime();
  }
  // Month: the trading day after dayStart decides the month; the bar opens at the roll before its day 1.
  const tradeDate = new TZDate(dayStart + 12 * 3_600_000, cmeDayRoll.timeZone);
  return new TZDate(tradeDate.getFullYear(), tradeDate.getMonth(), 0, cmeDayRoll.hour, cmeDayRoll.minute, 0, cmeDayRoll.timeZone).getTime();
}
