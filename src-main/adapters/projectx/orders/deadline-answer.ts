import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import type { OrderCallOptions } from '../../../core/ports/broker-port';
import type { AppError, Result } from '../../../../src-shared/result';
import { CallDeadline } from '../rest/call-deadline';
import type { TimerScope } from '../support/timer-scope';

/** What answering by a deadline needs. */
export interface DeadlineParts {
  readonly clock: Clock;
  readonly timers: TimerScope;
  readonly logger: Logger;
}

/**
 * Runs an order command that must be answered by its deadline. `work` gets the deadline to carry
 * on its mutating REST call and runs to its final outcome. When it ends first, that is the answer.
 * At the deadline, a command not on the wire is dropped for good and answered `not-sent`; one that
 * may have reached the broker is answered `unknown-outcome` (the `unknown` error, naming its tag or
 * order), and `onResolved` gets the work's final outcome when it ends, exactly once. A final outcome
 * that is itself unknown (the adapter could not settle it) also goes to `onResolved`, so every
 * `unknown-outcome` answer is followed by one resolution.
 */
export function answerByDeadline<T>(
  parts: DeadlineParts,
  options: OrderCallOptions<T>,
  unknown: (message: string) => AppError,
  work: (deadline: CallDeadline) => Promise<Result<T>>,
): Promise<Result<T>> {
  const deadline = new CallDeadline(options.deadlineAt, parts.clock);
  const running = work(deadline).catch((error: unknown): Result<T> => {
    parts.logger.error({ error: String(error) }, 'an order command threw');
    return { ok: false, error: { code: 'internal', message: `the order command failed: ${String(error)}` } };
  });
  return new Promise((resolve) => {
    let answered = false;
    const cancelTimer = parts.timers.schedule(Math.max(0, options.deadlineAt - parts.clock.now()), () => {
      if (answered) return;
      answered = true;
      if (deadline.close()) {
        resolve({
          ok: false,
          error: {
            code: 'not-sent',
            message: 'not sent: it was still queued at its deadline (the broker is rate-limiting or slow); the broker never received it',
          },
        });
        return;
      }
      resolve({
        ok: false,
        error: unknown('no answer by the deadline; it may have reached the broker: resolving by its client tag before anything is retried'),
      });
      void running.then((result) => options.onResolved(result));
    });
    void running.then((result) => {
      if (answered) return;
      answered = true;
      cancelTimer();
      deadline.close();
      resolve(result);
      if (!result.ok && result.error.code === 'unknown-outcome') options.onResolved(result);
    });
  });
}
