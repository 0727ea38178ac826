import type { BulkOutcome } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import type { InProcessClient } from '../core/in-process-client';

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
}

/** Builds the actions over the typed in-process client, for every account the terminal knows. */
export function createTraderActions(client: InProcessClient): TraderActions {
  const accounts = () => client.call('accounts.list', {});

  /** Runs one call per account and sums what the bulk calls did. */
  const forEachAccount = async (verb: string, call: (accountId: number) => Promise<Result<BulkOutcome | object>>): Promise<ActionOutcome> => {
    const listed = await accounts();
    if (!listed.ok) return { ok: false, message: `${verb}: ${listed.error.message}` };
    if (listed.value.length === 0) return { ok: false, message: `${verb}: no account is known yet` };
    const failures: string[] = [];
    const totals = { cancelledOrders: 0, closedPositions: 0 };
    // In parallel: a slow account must not hold back the flatten of the others.
    const results = await Promise.all(listed.value.map(async (summary) => ({ summary, result: await call(summary.account.id) })));
    for (const { summary, result } of results) {
      if (!result.ok) failures.push(`${summary.account.name}: ${result.error.message}`);
      else if ('closedPositions' in result.value) {
        totals.cancelledOrders += result.value.cancelledOrders;
        totals.closedPositions += result.value.closedPositions;
      }
    }
    const done = `${verb}: ${totals.closedPositions} position(s) closed, ${totals.cancelledOrders} order(s) cancelled`;
    return failures.length === 0 ? { ok: true, message: done } : { ok: false, message: `${done}; failed on ${failures.join('; ')}` };
  };

  return {
    // Panic actions: the flatten goes on the priority lane, like the risk manager's enforcement.
    flattenAll: () => forEachAccount('Flatten all', (accountId) => client.call('positions.flatten', { accountId })),
    cancelAll: () => forEachAccount('Cancel all', (accountId) => client.call('orders.cancelAll', { accountId })),
    lockForDay: async () => {
      const outcome = await forEachAccount('Lock for the day', (accountId) => client.call('risk.lockForDay', { accountId }));
      return outcome.ok ? { ok: true, message: 'Trading is locked on every account until the next day roll' } : outcome;
    },
    pauseStrategies: async () => {
      const listed = await client.call('strategies.list', { allAccounts: true });
      if (!listed.ok) return { ok: false, message: `Pause strategies: ${listed.error.message}` };
      const running = listed.value.filter((strategy) => strategy.status === 'running');
      const results = await Promise.all(running.map(async (strategy) => ({ strategy, result: await client.call('strategies.pause', { id: strategy.id }) })));
      const failures = results.filter(({ result }) => !result.ok).map(({ strategy, result }) => `${strategy.name}: ${result.ok ? '' : result.error.message}`);
      const paused = `${results.length - failures.length} strateg${results.length - failures.length === 1 ? 'y' : 'ies'} paused`;
      return failures.length === 0 ? { ok: true, message: paused } : { ok: false, message: `${paused}; failed on ${failures.join('; ')}` };
    },
    openPositions: async () => {
      const listed = await accounts();
      if (!listed.ok) return 0;
      const positions = await Promise.all(listed.value.map((summary) => client.call('positions.list', { accountId: summary.account.id })));
      return positions.reduce((count, result) => count + (result.ok ? result.value.filter((row) => row.position.size !== 0).length : 0), 0);
    },
    accountCount: async () => {
      const listed = await accounts();
      return listed.ok ? listed.value.length : 0;
    },
  };
}
