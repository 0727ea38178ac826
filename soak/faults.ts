import type { SimBroker } from './broker';
import type { HostUnderSoak } from './host';
import type { Ledger } from './ledger';
import { sleep, type Random } from './random';

/** Every fault the soak injects: the simulator's kinds (unfreeze follows each freeze) and kill -9 of the host. */
export const soakFaultKinds = [
  'drop-sockets',
  'freeze-feed',
  'logout',
  'rate-limit',
  'reject-next-order',
  'timeout-next-order',
  'partial-payloads',
  'kill',
] as const;
export type SoakFault = (typeof soakFaultKinds)[number];

/** What the fault loop needs. */
export interface FaultContext {
  readonly host: HostUnderSoak;
  readonly broker: SimBroker;
  readonly ledger: Ledger;
  readonly random: Random;
  readonly accounts: readonly number[];
  readonly contractIds: readonly string[];
  /** The run's end (epoch ms): faults stop there. */
  readonly until: number;
  readonly minKills: number;
  /** Exactly `minKills` kills (none at random), to replay a given chaos mix. */
  readonly exactKills?: boolean;
}

/**
 * Injects faults until the run's end: first every kind once and `minKills` kills, in a random
 * order, spread over the first three quarters of the run; then random ones.
 */
export async function injectFaults(context: FaultContext): Promise<void> {
  const { random } = context;
  const kills = Array.from({ length: Math.max(0, context.minKills - 1) }, () => 'kill' as const);
  const planned: SoakFault[] = random.shuffle([...soakFaultKinds, ...kills]);
  const span = (context.until - Date.now()) * 0.75;
  const gap = span / (planned.length + 1);
  await sleep(gap * 0.6);
  const pending: Promise<void>[] = [];
  while (Date.now() < context.until) {
    // A host that ended on its own (counted against it) is started again so the run goes on.
    if (context.host.pid === undefined) await restartHost(context);
    let kind =
      planned.shift() ??
      random.weighted<SoakFault>(
        (
          [
            [3, 'drop-sockets'],
            [2, 'freeze-feed'],
            [2, 'rate-limit'],
            [2, 'reject-next-order'],
            [1, 'timeout-next-order'],
            [2, 'logout'],
            [2, 'partial-payloads'],
            [context.exactKills === true ? 0 : 1, 'kill'],
          ] as const
        ).filter(([weight]) => weight > 0),
      );
    // No kill in the last seconds: the host gets to trade again before the run ends.
    if (kind === 'kill' && context.until - Date.now() < 6_000 && !planned.includes('kill') && killsSoFar(context) >= context.minKills) kind = 'drop-sockets';
    pending.push(inject(context, kind));
    // A kill is awaited (the host is back before the next fault); timed faults run out on their own.
    if (kind === 'kill') await pending[pending.length - 1];
    await sleep(Math.min(context.until - Date.now(), planned.length > 0 ? gap * random.int(8, 12) * 0.1 : random.int(3000, 6000)));
  }
  await Promise.all(pending);
}

function killsSoFar(context: FaultContext): number {
  return context.ledger.faults.filter((fault) => fault.kind === 'kill').length;
}

async function inject(context: FaultContext, kind: SoakFault): Promise<void> {
  const { broker, host, ledger, random } = context;
  const fault = async (body: { kind: string; seconds?: number }): Promise<boolean> =>
    broker.control('/fault', body).then(
      () => true,
      (error: unknown) => {
        process.stderr.write(`soak: fault ${body.kind} refused: ${String(error)}\n`);
        return false;
      },
    );
  switch (kind) {
    case 'kill': {
      const wasUp = host.pid !== undefined;
      await host.kill();
      ledger.fault('kill', wasUp);
      await sleep(random.int(200, 1200));
      // While the terminal is down, another app trades on one of its accounts.
      if (random.chance(0.7)) {
        const accountId = random.pick(context.accounts);
        const contractId = random.pick(context.contractIds);
        if (random.chance(0.5)) await broker.otherApp('/api/Position/closeContract', { accountId, contractId });
        else
          await broker.otherApp('/api/Order/place', {
            accountId,
            contractId,
            type: 2,
            side: random.int(0, 1),
            size: 1,
            customTag: `oa-soak-down-${Date.now()}`,
          });
      }
      await restartHost(context);
      return;
    }
    case 'freeze-feed': {
      ledger.fault('freeze-feed', await fault({ kind: 'freeze-feed' }));
      await sleep(random.int(800, 3000));
      ledger.fault('unfreeze-feed', await fault({ kind: 'unfreeze-feed' }));
      return;
    }
    case 'rate-limit':
      ledger.fault(kind, await fault({ kind, seconds: random.int(1, 3) }));
      return;
    case 'partial-payloads':
      ledger.fault(kind, await fault({ kind, seconds: random.int(2, 5) }));
      return;
    default:
      ledger.fault(kind, await fault({ kind }));
  }
}

/** Restarts the host, trying again when a start fails (its failure is kept for the report). */
export async function restartHost(context: Pick<FaultContext, 'host' | 'ledger'>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await context.host.restart();
      return;
    } catch (error) {
      context.ledger.unexpectedExits.push(`restart ${attempt} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (attempt >= 3) throw error;
      await sleep(1000);
    }
  }
}
