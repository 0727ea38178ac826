import { afterEach, describe, expect, it } from 'vitest';
import type { ContractView } from '../../../src-shared/domain/trading';
import { aState, settingsWith } from '../../core/risk/testing/rule-fixtures';
import { sessionBlockRule } from '../../core/risk/rules/rule-009-session-block';
import { resolveOptions } from './broker-options';
import { practiceAccount, SimSession } from './testing/sim-harness';

/** Thanksgiving 2026, 13:00 CT: ZN (rates, on the equity holiday hours) halted at 12:00; CL (energy) trades to 13:30. */
const thanksgivingOnePm = Date.parse('2026-11-26T19:00:00Z');

let session: SimSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function activeContract(sim: SimSession, symbol: string): Promise<ContractView> {
  const found = await sim.broker.searchContracts(symbol);
  const contract = found.ok ? found.value.find((view) => view.symbol === symbol && view.active) : undefined;
  if (contract === undefined) throw new Error(`the simulator lists no active ${symbol}`);
  return contract;
}

/** The three verdicts on a new order for a contract at an instant: risk gate, adapter watchdog, simulator. */
async function verdicts(sim: SimSession, contract: ContractView, now: number) {
  const denial = sessionBlockRule.preTrade?.({
    state: aState({ contracts: [contract] }),
    settings: settingsWith(),
    order: { contractId: contract.id, side: 'buy', size: 1 },
    pending: [{ contractId: contract.id, side: 'buy', size: 1 }],
    symbol: contract.symbol,
    now,
  });
  const watchdogOpen = resolveOptions({ userName: 'demo', apiKey: 'demo' }).isMarketOpen(now, [contract.id]);
  const placed = await sim.broker.placeOrder(
    { accountId: practiceAccount, contractId: contract.id, type: 'market', side: 'buy', size: 1, customTag: `agree-${contract.symbol}` },
    'normal',
  );
  return { gateOpen: denial === undefined, watchdogOpen, simulatorAccepts: placed.ok, denial, simulator: placed.ok ? 'accepted' : placed.error.message };
}

describe('one exchange calendar for the risk gate, the adapter and the simulator', () => {
  it('all refuse a ZN order at 13:00 CT on Thanksgiving 2026 and all take a CL order then', async () => {
    session = await SimSession.open({}, thanksgivingOnePm);
    session.broker.watchAccount(practiceAccount);
    const started = await session.broker.start();
    expect(started.ok).toBe(true);

    const zn = await verdicts(session, await activeContract(session, 'ZN'), thanksgivingOnePm);
    const cl = await verdicts(session, await activeContract(session, 'CL'), thanksgivingOnePm);

    expect(zn).toMatchObject({ gateOpen: false, watchdogOpen: false, simulatorAccepts: false });
    expect(zn.denial).toContain('the session is closed for ZN until 2026-11-26 17:00 CT');
    expect(cl).toMatchObject({ gateOpen: true, watchdogOpen: true, simulatorAccepts: true });
  });
});
