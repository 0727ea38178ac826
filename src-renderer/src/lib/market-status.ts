import { closuresOf, cmeHolidays, closureOf, formatLocal, localParts, marketSessionsOf, productGroupOf } from '../../../src-shared/exchange';
import { useServerNow } from './server-clock';

/** Whether a contract's market trades now, and if not why and when it opens again. */
export type MarketStatus =
  | { readonly open: true }
  | {
      readonly open: false;
      /** `weekend`, `holiday`, `daily-halt` (16:00-17:00 CT) or `closed` (any other gap). */
      readonly kind: 'weekend' | 'holiday' | 'daily-halt' | 'closed';
      /** e.g. `weekend`, `Thanksgiving`, `daily halt 16:00-17:00 CT`. */
      readonly why: string;
      /** Epoch ms of the next open, or null when none is near. */
      readonly opensAt: number | null;
      /** e.g. `Sun 2026-11-22 17:00 CT`, or `unknown`. */
      readonly opensText: string;
      /** e.g. `Sun 17:00 CT`, for a badge. */
      readonly opensShort: string;
      /** e.g. `Market closed (weekend) · opens Sun 2026-11-22 17:00 CT`. */
      readonly text: string;
    };

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The status of a symbol's (or contract id's) market at an instant, from the exchange calendar (sessions, daily halt, weekend, CME holidays). */
export function marketStatus(symbolOrContractId: string, now: number): MarketStatus {
  const group = productGroupOf(symbolOrContractId);
  const sessions = marketSessionsOf(group);
  if (sessions.isOpen(now)) return { open: true };
  const opensAt = sessions.nextOpenAtOrAfter(now);
  const { weekday, minutes } = localParts(now);
  let kind: 'weekend' | 'holiday' | 'daily-halt' | 'closed' = 'closed';
  let why = 'market closed';
  const holiday = cmeHolidays.find((day) => {
    const span = closureOf(day, group);
    return now >= span.start && now < span.end;
  });
  if (holiday !== undefined && closuresOf(group).length > 0) {
    kind = 'holiday';
    why = holiday.name;
  } else if (weekday === 6 || (weekday === 5 && minutes >= 16 * 60) || (weekday === 0 && minutes < 17 * 60)) {
    kind = 'weekend';
    why = 'weekend';
  } else if (minutes >= 16 * 60 && minutes < 17 * 60) {
    kind = 'daily-halt';
    why = 'daily halt 16:00-17:00 CT';
  }
  const opensText = opensAt === null ? 'unknown' : `${weekdays[localParts(opensAt).weekday] ?? ''} ${formatLocal(opensAt)}`;
  const opensShort = opensAt === null ? 'unknown' : `${weekdays[localParts(opensAt).weekday] ?? ''} ${formatLocal(opensAt).slice(11)}`;
  return { open: false, kind, why, opensAt, opensText, opensShort, text: `Market closed (${why}) · opens ${opensText}` };
}

/** The market status of a contract on the terminal's clock, refreshed every second; open while no contract is known. */
export function useMarketStatus(symbolOrContractId: string | undefined): MarketStatus {
  const now = useServerNow();
  return symbolOrContractId === undefined ? { open: true } : marketStatus(symbolOrContractId, now);
}
