import { inWindow } from '../../src-shared/exchange';
import { minutesOfTime } from '../core/strategy/parameters';
import type { StrategyContext } from '../core/strategy/strategy-context';

/** The session rules the built-ins share: entries between two exchange times, a time exit after. */
export interface SessionParameters {
  readonly sessionStart: string;
  readonly sessionEnd: string;
  readonly exitTime: string;
}

/** Where a bar stands in the trading day. */
export type SessionPhase = 'entries' | 'hold' | 'exit';

/** Entries in [sessionStart, sessionEnd); exits from exitTime until the next session start; holding otherwise. */
export function sessionPhase(context: StrategyContext<SessionParameters>, barTime: number, barMinutes: number): SessionPhase {
  const { sessionStart, sessionEnd, exitTime } = context.parameters;
  // Judge by the bar's close: a bar is acted on when it has closed.
  const minute = (context.calendar.minuteOfDay(barTime) + barMinutes) % 1440;
  const start = minutesOfTime(sessionStart);
  if (inWindow(minute, minutesOfTime(exitTime), start)) return 'exit';
  return inWindow(minute, start, minutesOfTime(sessionEnd)) ? 'entries' : 'hold';
}
