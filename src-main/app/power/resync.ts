import type { ConnectionMonitor } from '../../core/connection-monitor';
import type { Logger } from '../../core/logger';
import type { BrokerPort } from '../../core/ports/broker-port';
import type { TradingServices } from '../../core/terminal-service';

/** A broker that can drop and reopen its connections at once (the adapter may offer it). */
type ReconnectingBroker = BrokerPort & { reconnect?: (reason: string) => Promise<unknown> };

/** Halts trading, reconnects and reconciles every account; calls while one runs are folded into one more run. */
export interface Resync {
  /** Order entry stops now (going to sleep, or a wake-up not yet reconciled). */
  halt(reason: string): void;
  /** Halts, reconnects the broker if it can, and reconciles every account; trading resumes when the core has reconciled. */
  run(reason: string): Promise<void>;
  /** Cancels a pending retry. */
  dispose(): void;
}

/** Waits before trying again while a reconciliation failed and trading is still halted by the resync. */
const retryDelaysMs = [2_000, 5_000, 10_000, 20_000, 30_000, 60_000];

/** Builds the resync over the trading services; a terminal without a broker has nothing to do. */
export function createResync(trading: TradingServices | undefined, connection: ConnectionMonitor, logger: Logger): Resync {
  let running: Promise<void> | undefined;
  let again: string | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let disposed = false;
  const haltedBy = (reason: string): string => `${reason}: order entry halted until the terminal has reconciled`;

  const halt = (reason: string): void => {
    if (trading === undefined) return;
    const current = connection.current;
    // The core sets it back to live and active once every account is reconciled again.
    if (current.trading === 'active' || current.broker === 'live') connection.update('reconnecting', 'halted', haltedBy(reason));
  };

  const once = async (reason: string): Promise<void> => {
    if (trading === undefined) return;
    const { core } = trading;
    const broker: ReconnectingBroker = trading.broker;
    logger.info({ reason }, 'reconnecting and reconciling');
    halt(reason);
    if (typeof broker.reconnect === 'function') {
      try {
        await broker.reconnect(reason);
      } catch (error) {
        logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'broker reconnect failed; its own retry continues');
      }
    }
    await Promise.all([...core.accounts.keys()].map((accountId) => core.reconcileAccount(accountId)));
    if (connection.current.reason !== haltedBy(reason)) {
      attempts = 0;
      logger.info({ reason, accounts: core.accounts.size }, 'reconciled after wake-up or network change');
      return;
    }
    // Still halted by this resync: a reconciliation failed. Try again, less and less often.
    const delay = retryDelaysMs[attempts];
    attempts++;
    if (delay === undefined || disposed) {
      logger.error({ reason, attempts }, 'could not reconcile after wake-up; waiting for the broker link to come back');
      return;
    }
    retry = setTimeout(() => {
      retry = undefined;
      void run(reason);
    }, delay);
  };

  const run = (reason: string): Promise<void> => {
    if (retry !== undefined) clearTimeout(retry);
    retry = undefined;
    if (running !== undefined) {
      again = reason;
      return running;
    }
    running = (async () => {
      let next: string | undefined = reason;
      while (next !== undefined) {
        again = undefined;
        try {
          await once(next);
        } catch (error) {
          logger.error({ error: error instanceof Error ? error.message : String(error) }, 'resync failed');
        }
        next = again;
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    halt,
    run,
    dispose: () => {
      disposed = true;
      if (retry !== undefined) clearTimeout(retry);
      retry = undefined;
    },
  };
}
