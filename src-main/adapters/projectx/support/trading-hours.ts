import { TZDate } from '@date-fns/tz';
import type { EpochMs } from '../../../../src-shared/domain/ids';

const exchangeZone = 'America/Chicago';
// The Globex day rolls at 17:00 CT; the daily halt is 16:00-17:00 CT.
const sessionOpenHour = 17;
const haltHour = 16;

/**
 * Whether the regular CME Globex week is trading at `at`: Sunday 17:00 CT to Friday 16:00 CT,
 * minus the daily 16:00-17:00 halt. Holidays are not known here; on a holiday the watchdog may
 * resubscribe needlessly, which costs nothing but a log line.
 */
export function isGlobexOpen(at: EpochMs): boolean {
  const local = new TZDate(at, exchangeZone);
  const day = local.getDay();
  const hour = local.getHours();
  if (day === 6) return false;
  if (day === 0) return hour >= sessionOpenHour;
  if (day === 5) return hour < haltHour;
  return hour !== haltHour;
}

/** Start of the Globex trading day that contains `at`: the latest 17:00 CT at or before it. */
export function tradingDayStart(at: EpochMs): EpochMs {
  const local = new TZDate(at, exchangeZone);
  const today = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), sessionOpenHour, 0, 0, exchangeZone);
  if (today.getTime() <= at) return today.getTime();
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - 1, sessionOpenHour, 0, 0, exchangeZone).getTime();
}
