import { describe, expect, it } from 'vitest';
import type { BrokerOrderRequest } from '../../ports/broker-port';
import { TestClock } from '../../clock';
import { silentLogger } from '../../logger';
import { esContract, evaluationAccount } from '../../testing/fake-broker';
import type { RiskSettings } from '../config/risk-settings';
import { LockoutBook } from '../lockouts/lockout-book';
import { MemoryStore } from '../../testing/memory-store';
import { aPosition, aStop } from '../testing/risk-harness';
import { aState, settingsWith, type StateOptions } from '../testing/rule-fixtures';
import { mnqContract, rtyContract, wednesdayMorning } from '../testing/test-contracts';
import { OrderThrottle } from './order-throttle';
import { createPreTradeGate } from './pre-trade-gate';

function build(options: StateOptions = {}, settings: RiskSettings = settingsWith(), start = wednesdayMorning) {
  const clock = new TestClock(start);
  const locks = new LockoutBook(clock, new MemoryStore(), silentLogger, () => undefined);
  const state = aState({ ...options, settings });
  const seen = new Set<string>();
  const gate = createPreTradeGate({
    clock,
    locks,
    throttle: new OrderThrottle(),
    state: () => state,
    settings: () => settings,
    orderSeen: (_accountId, tag) => seen.has(tag),
  });
  return { gate, locks, clock, seen };
}

function order(overrides: Partial<BrokerOrderRequest> = {}): BrokerOrderRequest {
  return { accountId: evaluationAccount.id, contractId: esContract.id, type: 'market', side: 'buy', size: 1, customTag: 't', ...overrides };
}

describe('the pre-trade gate', () => {
  it('passes an ordinary order', () => {
    expect(build().gate(order(), esContract)).toEqual({ ok: true, value: undefined });
  });

  it('denies while a lock covers the account, naming the rule and when it ends', () => {
    const { gate, locks } = build();
    locks.add(evaluationAccount.id, {
      symbol: null,
      kind: 'hard',
      ruleId: '003',
      reason: 'RULE-003 daily realized loss -$850.00 <= -$800.00',
      endsAt: Date.parse('2026-11-18T23:00:00Z'),
      condition: null,
      dayScoped: true,
    });

    expect(gate(order(), esContract)).toEqual({
      ok: false,
      error: { code: 'risk-denied', message: 'RULE-003 daily realized loss -$850.00 <= -$800.00: trading locked until 2026-11-18 17:00 CT' },
    });
  });

  it('never denies an order that only reduces a position, even bracketed and while locked', () => {
    const { gate, locks } = build({ positions: [aPosition({ size: 2 })], orders: [aStop({ size: 2 })] });
    locks.add(evaluationAccount.id, {
      symbol: null,
      kind: 'hard',
      ruleId: '003',
      reason: 'RULE-003',
      endsAt: wednesdayMorning + 60_000,
      condition: null,
      dayScoped: true,
    });

    expect(gate(order({ side: 'sell', size: 2 }), esContract).ok).toBe(true);
    expect(gate(order({ side: 'sell', size: 3 }), esContract).ok).toBe(false);
  });

  it('refuses an order whose stop, if hit, would cross the loss floor, naming the floor (configurable)', () => {
    // Balance $50,000, floor $48,000: one ES with a 160-tick stop risks exactly $2,000.
    expect(build().gate(order({ stopLossTicks: 160 }), esContract).ok).toBe(true);
    expect(build().gate(order({ stopLossTicks: 161 }), esContract)).toEqual({
      ok: false,
      error: {
        code: 'risk-denied',
        message:
          "RULE-014 max loss floor $48,000.00: if this order's stop (161 ticks x 1, -$2,012.50) is hit, equity $50,000.00 falls to $47,987.50, below the floor",
      },
    });
    expect(build({}, settingsWith({ floorCheck: { enabled: false } })).gate(order({ stopLossTicks: 161 }), esContract).ok).toBe(true);
    // A stop the terminal places after the fill (a managed bracket leg) is checked the same way.
    expect(build().gate(order(), esContract, undefined, 161)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('max loss floor $48,000.00') },
    });
  });

  it('counts only the lots a reverse opens against the floor, not the ones that close the position', () => {
    // Long 2; a sell of 4 closes 2 and opens 2: 2 x 160 ticks risks $4,000 — too much; 2 x 80 ticks, $2,000, fits.
    const long = { positions: [aPosition({ size: 2 })] };
    const noCaps = settingsWith({ maxContractsPerInstrument: { enabled: false } });
    expect(build(long, noCaps).gate(order({ side: 'sell', size: 4, stopLossTicks: 80 }), esContract)).toEqual({ ok: true, value: undefined });
    expect(build(long, noCaps).gate(order({ side: 'sell', size: 4, stopLossTicks: 81 }), esContract)).toMatchObject({
      error: { message: expect.stringContaining('(81 ticks x 2,') },
    });
  });

  it('denies a blocked symbol and a closed session', () => {
    expect(build({}, settingsWith({ symbolBlocks: { symbols: ['RTY'] } })).gate(order({ contractId: rtyContract.id }), rtyContract)).toMatchObject({
      error: { message: 'RULE-011 RTY is blocked' },
    });
    expect(build({}, settingsWith(), Date.parse('2026-11-21T18:00:00Z')).gate(order(), esContract)).toMatchObject({
      error: { message: 'RULE-009 the session is closed for ES until 2026-11-22 17:00 CT' },
    });
  });

  it('counts working orders of the same side against rules 001 and 002, as TopstepX does', () => {
    const caps = settingsWith({ maxContractsPerInstrument: { limits: { ES: 3, MNQ: 20 } } });
    const { gate } = build({ positions: [aPosition({ size: 2 })], orders: [aStop({ side: 'buy', type: 'limit', stopTicks: null, limitTicks: 19_990 })] }, caps);
    const withBracket = build({ positions: [aPosition({ size: 2 })], orders: [aStop({ size: 2 })] }, caps).gate;

    expect(gate(order(), esContract)).toMatchObject({
      error: { code: 'risk-denied', message: 'RULE-002 ES cap: this order would bring ES to 4 (working orders included) > 3' },
    });
    expect(withBracket(order(), esContract).ok).toBe(true);
    expect(build({ positions: [aPosition({ size: 3 })] }, caps).gate(order({ contractId: mnqContract.id, size: 21 }), mnqContract)).toMatchObject({
      error: { message: 'RULE-001 max contracts: this order would bring the account to 5.1 contracts (net, working orders included) > 5' },
    });
  });

  it('does not count protective legs as exposure, so a reverse of a bracketed position passes the caps', () => {
    const caps = settingsWith({ maxContracts: { limit: 5 }, maxContractsPerInstrument: { limits: { ES: 5 } } });
    const legs = [
      aStop({ id: 1, size: 2, cause: 'bracket:stop' }),
      aStop({ id: 2, size: 1, type: 'limit', stopTicks: null, limitTicks: 20_010, cause: 'bracket:target-1' }),
      aStop({ id: 3, size: 1, type: 'limit', stopTicks: null, limitTicks: 20_020, cause: 'bracket:target-2' }),
    ];
    const manualExits = legs.map((leg) => ({ ...leg, cause: 'manual' as const }));

    expect(build({ positions: [aPosition({ size: 2 })], orders: legs }, caps).gate(order({ side: 'sell', size: 4 }), esContract).ok).toBe(true);
    expect(build({ positions: [aPosition({ size: 2 })], orders: manualExits }, caps).gate(order({ side: 'sell', size: 4 }), esContract)).toMatchObject({
      error: { code: 'risk-denied' },
    });
  });

  it('counts orders it let through until the broker reports them, so two quick market orders cannot both pass a cap', () => {
    const { gate, clock, seen } = build();

    const first = gate(order({ customTag: 'a' }), esContract);
    const second = gate(order({ customTag: 'b' }), esContract);
    clock.advance(6000);
    const afterTimeout = gate(order({ customTag: 'c' }), esContract);
    seen.add('c');
    const afterSeen = gate(order({ customTag: 'd' }), esContract);

    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { message: 'RULE-002 ES cap: this order would bring ES to 2 (working orders included) > 1' } });
    expect(afterTimeout.ok).toBe(true);
    expect(afterSeen.ok).toBe(true);
  });

  it('refuses malformed sizes and off-grid prices as invalid requests', () => {
    const { gate } = build();

    expect(gate(order({ size: 1.5 }), esContract)).toMatchObject({ error: { code: 'invalid-request', field: 'size' } });
    expect(gate(order({ size: 0 }), esContract)).toMatchObject({ error: { code: 'invalid-request', field: 'size' } });
    expect(gate(order({ type: 'limit', limitTicks: 100.5 }), esContract)).toMatchObject({ error: { code: 'invalid-request', field: 'limitPrice' } });
  });

  it('throttles orders past the rate per second per account', () => {
    const { gate, clock } = build(
      {},
      settingsWith({ orderThrottlePerSecond: 3, maxContracts: { enabled: false }, maxContractsPerInstrument: { enabled: false } }),
    );
    const results = [1, 2, 3, 4].map(() => gate(order(), esContract).ok);
    clock.advance(1000);

    expect(results).toEqual([true, true, true, false]);
    expect(gate(order(), esContract).ok).toBe(true);
  });
});
