import { isCallChannel, type BulkOutcome } from '../../src-shared/contract';
import type { AccountSummary, PositionSummary } from '../../src-shared/domain/summaries';
import type { Result } from '../../src-shared/result';
import type { Dispatcher } from '../core/contract-dispatcher';

/**
 * Channels the tray calls that other parts of the terminal are adding. Until the contract has one,
 * its menu item is shown disabled; once it lands the item works with no change here.
 */
export const pendingChannels = {
  /** Hard lock of an account until the next day roll (the risk manager). Request `{ accountId }`. */
  lockForDay: 'risk.lockForDay',
  /** Pauses every running strategy in one call (the strategy runner). Request `{}`. Without it, each running strategy is paused with `strategies.pause`. */
  pauseStrategies: 'strategies.pauseAll',
} as const;

/** What pausing needs to know of a strategy (`strategies.list`). */
interface ListedStrategy {
  readonly id: string;
  readonly name: string;
  readonly status: string;
}

/** What an action did, in one sentence for a notification. */
export interface ActionOutcome {
  readonly ok: boolean;
  readonly message: string;
}

/** The tray's trading actions; each is the same contract call a client makes. */
export interface TraderActions {
  flattenAll(): Promise<ActionOutcome>;
  cancelAll(): Promise<ActionOutcome>;
  lockForDay(): Promise<ActionOutcome>;
  pauseStrategies(): Promise<ActionOutcome>;
  /** Open positions across every account (0 when the broker is not connected). */
  openPositions(): Promise<number>;
  /** How many accounts the terminal knows. */
  accountCount(): Promise<number>;
  /** False while the contract lacks the channel an action needs. */
  available(action: keyof typeof pendingChannels): boolean;
}

/** Builds the actions over the dispatcher, for every account the terminal knows. */
export function createTraderActions(dispatcher: Dispatcher): TraderActions {
  const accounts = async (): Promise<Result<AccountSummary[]>> => (await dispatcher.dispatch('accounts.list', {})) as Result<AccountSummary[]>;

  /** Runs one call per account and sums what the bulk calls did. */
  const forEachAccount = async (verb: string, call: (accountId: number) => Promise<Result<unknown>>): Promise<ActionOutcome> => {
    const listed = await accounts();
    if (!listed.ok) return { ok: false, message: `${verb}: ${listed.error.message}` };
    if (listed.value.length === 0) return { ok: false, message: `${verb}: no account is known yet` };
    const failures: string[] = [];
    const totals = { cancelledOrders: 0, closedPositions: 0 };
    // In parallel: a slow account must not hold back the flatten of the others.
    const results = await Promise.all(listed.value.map(async (summary) => ({ summary, result: await call(summary.account.id) })));
    for (const { summary, result } of results) {
      if (!result.ok) failures.push(`${summary.account.name}: ${result.error.message}`);
      else if (isBulkOutcome(result.value)) {
        totals.cancelledOrders += result.value.cancelledOrders;
        totals.closedPositions += result.value.closedPositions;
      }
    }
    const done = `${verb}: ${totals.closedPositions} position(s) closed, ${totals.cancelledOrders} order(s) cancelled`;
    return failures.length === 0 ? { ok: true, message: done } : { ok: false, message: `${done}; failed on ${failures.join('; ')}` };
  };

  return {
    flattenAll: () => forEachAccount('Flatten all', (accountId) => dispatcher.dispatch('positions.flatten', { accountId })),
    cancelAll: () => forEachAccount('Cancel all', (accountId) => dispatcher.dispatch('orders.cancelAll', { accountId })),
    lockForDay: async () => {
      const outcome = await forEachAccount('Lock for the day', (accountId) => dispatcher.dispatch(pendingChannels.lockForDay, { accountId }));
      return outcome.ok ? { ok: true, message: 'Trading is locked on every account until the next day roll' } : outcome;
    },
    pauseStrategies: async () => {
      if (isCallChannel(pendingChannels.pauseStrategies)) {
        const result = await dispatcher.dispatch(pendingChannels.pauseStrategies, {});
        return result.ok ? { ok: true, message: 'Every strategy is paused' } : { ok: false, message: `Pause strategies: ${result.error.message}` };
      }
      const listed = await dispatcher.dispatch('strategies.list', { allAccounts: true });
      if (!listed.ok) return { ok: false, message: `Pause strategies: ${listed.error.message}` };
      const running = (listed.value as ListedStrategy[]).filter((strategy) => strategy.status === 'running');
      const results = await Promise.all(running.map(async (strategy) => ({ strategy, result: await dispatcher.dispatch('strategies.pause', { id: strategy.id }) })));
      const failures = results.filter(({ result }) => !result.ok).map(({ strategy, result }) => `${strategy.name}: ${result.ok ? '' : result.error.message}`);
      const paused = `${results.length - failures.length} strateg${results.length - failures.length === 1 ? 'y' : 'ies'} paused`;
      return failures.length === 0 ? { ok: true, message: paused } : { ok: false, message: `${paused}; failed on ${failures.join('; ')}` };
    },
    openPositions: async () => {
      const listed = await accounts();
      if (!listed.ok) return 0;
      const positions = await Promise.all(listed.value.map((summary) => dispatcher.dispatch('positions.list', { accountId: summary.account.id })));
      return positions.reduce((count, result) => count + (result.ok ? (result.value as PositionSummary[]).filter((row) => row.position.size !== 0).length : 0), 0);
    },
    accountCount: async () => {
      const listed = await accounts();
      return listed.ok ? listed.value.length : 0;
    },
    available: (action) => isCallChannel(pendingChannels[action]) || (action === 'pauseStrategies' && isCallChannel('strategies.list') && isCallChannel('strategies.pause')),
  };
}

function isBulkOutcome(value: unknown): value is BulkOutcome {
  return typeof value === 'object' && value !== null && typeof (value as BulkOutcome).closedPositions === 'number' && typeof (value as BulkOutcome).cancelledOrders === 'number';
}
