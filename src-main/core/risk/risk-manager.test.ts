import { programOfAccount } from '../positions/summaries';
import { describe, expect, it } from 'vitest';
import type { ContractView } from '../../../src-shared/domain/trading';
import { esContract, evaluationAccount } from '../testing/fake-broker';
import { aPosition, aQuote, aStop, startRiskHarness } from './testing/risk-harness';
import { rtyContract } from './testing/test-contracts';

const account = evaluationAccount.id;
const mesContract: ContractView = {
  id: 'CON.F.US.MES.Z26',
  name: 'MESZ6',
  description: 'Micro E-mini S&P 500',
  symbol: 'MES',
  symbolId: 'F.US.MES',
  tickSize: 0.25,
  tickValueCents: 125,
  active: true,
};

describe('the risk manager', () => {
  it('watches and prices a position opened in another app in a contract the terminal never resolved', async () => {
    const { broker, scheduler, core, stop } = await startRiskHarness({ config: { dailyUnrealizedLoss: { limit: 50 } } });
    broker.contracts = [...broker.contracts, mesContract];
    broker.order(aStop({ contractId: mesContract.id }));
    broker.position(aPosition({ contractId: mesContract.id, size: 1, averageTicks: 20_000 }));
    await scheduler.settle();

    broker.emit({ kind: 'quote', quote: aQuote(19_960, mesContract) });
    await scheduler.advance(1000);

    expect(broker.watchedContracts.has(mesContract.id)).toBe(true);
    expect(broker.calls.filter((call) => call.call === 'close')).toEqual([expect.objectContaining({ contractId: mesContract.id })]);
    expect(core.positions.all()).toEqual([]);
    await stop();
  });

  it('warns of a frozen feed when quotes stop while a position is open', async () => {
    const { broker, scheduler, risk, heard, stop } = await startRiskHarness();
    broker.order(aStop());
    broker.position(aPosition());
    broker.emit({ kind: 'quote', quote: aQuote(20_000) });

    await scheduler.advance(40_000);
    const frozen = risk.state(account)?.heartbeat;
    broker.emit({ kind: 'quote', quote: aQuote(20_001) });
    await scheduler.advance(5000);

    expect(frozen).toMatchObject({ frozen: true, message: expect.stringMatching(/^no quotes for ES for \d+ s while a position is open$/) });
    expect(risk.state(account)?.heartbeat.frozen).toBe(false);
    expect(
      heard.filter(([channel, payload]) => channel === 'notifications.added' && (payload as { title: string }).title === 'Risk: frozen feed'),
    ).toHaveLength(1);
    await stop();
  });

  it('announces its state on risk.state when it changes', async () => {
    const { broker, scheduler, heard, stop } = await startRiskHarness();
    heard.length = 0;

    broker.order(aStop());
    broker.position(aPosition());
    broker.emit({ kind: 'quote', quote: aQuote(20_004) });
    broker.emit({ kind: 'quote', quote: aQuote(20_005) });
    await scheduler.advance(300);

    const states = heard.filter(([channel]) => channel === 'risk.state');
    expect(states.length).toBeGreaterThan(0);
    expect(states.length).toBeLessThan(4);
    expect(states.at(-1)?.[1]).toMatchObject({ accountId: account, dayOpenCents: 6250, health: 'ok' });
    await stop();
  });

  it('locks while the broker disables trading and lifts the lock when it enables it again', async () => {
    const { broker, scheduler, risk, orders, stop } = await startRiskHarness();
    broker.position(aPosition());
    broker.emit({ kind: 'account', account: { ...evaluationAccount, canTrade: false } });
    await scheduler.advance(1000);
    const locked = risk.state(account)?.effectiveLock;

    broker.emit({ kind: 'account', account: evaluationAccount });
    await scheduler.settle();

    expect(locked).toMatchObject({ ruleId: '010', kind: 'condition', condition: 'trading-enabled' });
    expect(broker.calls.filter((call) => call.call === 'close')).toHaveLength(1);
    expect(risk.state(account)?.effectiveLock).toBeNull();
    expect((await orders.place({ symbol: 'ES', side: 'buy', size: 1, type: 'market' }, 'trader')).ok).toBe(true);
    await stop();
  });

  it('keeps a symbol lock while the symbol is blocked and lifts it when the block is removed', async () => {
    const { broker, scheduler, risk, orders, stop } = await startRiskHarness({ config: { symbolBlocks: { symbols: ['RTY'] } } });
    broker.position(aPosition({ contractId: rtyContract.id, averageTicks: 25_000 }));
    await scheduler.advance(1000);
    const denied = await orders.place({ symbol: 'RTY', side: 'buy', size: 1, type: 'market' }, 'trader');

    risk.config.set(account, { symbolBlocks: { symbols: [] } }, 'trader');
    await scheduler.settle();

    expect(denied).toMatchObject({ ok: false, error: { message: 'RULE-011 RTY is blocked: RTY locked while it is in the symbol blocks' } });
    expect(broker.calls.filter((call) => call.call === 'close')).toEqual([expect.objectContaining({ contractId: rtyContract.id })]);
    expect(risk.state(account)?.locks).toEqual([]);
    expect((await orders.place({ symbol: 'RTY', side: 'buy', size: 1, type: 'market' }, 'trader')).ok).toBe(true);
    await stop();
  });

  it('takes an account the broker reports later, and shows every rule with its value and limit', async () => {
    const { broker, scheduler, risk, stop } = await startRiskHarness();

    broker.emit({ kind: 'account', account: { ...evaluationAccount, id: 202, name: '100KTC-2', balanceCents: 10_000_000 } });
    await scheduler.settle();
    const view = risk.state(202);

    expect(view?.accountName).toBe('100KTC-2');
    expect(view?.rules.map((rule) => rule.id)).toEqual([
      '001',
      '002',
      '003',
      '004',
      '005',
      '006',
      '007',
      '008',
      '009',
      '010',
      '011',
      '012',
      '013',
      '014',
      '015',
    ]);
    // A fresh account: its personal daily loss limit is its program's legacy figure; the program's floor applies.
    expect(view?.rules.find((rule) => rule.id === '003')).toMatchObject({ value: '$0.00', limit: '-$2,000.00', health: 'ok' });
    expect(view?.rules.find((rule) => rule.id === '006')).toMatchObject({ health: 'off' });
    expect(view?.maxLossFloor).toEqual({ floorCents: 9_700_000, equityCents: 10_000_000, distanceCents: 300_000 });
    expect(view?.program.program).toMatchObject({ kind: 'combine', size: '100K', label: 'Combine 100K', source: 'name' });
    expect(view?.program.rules.map((rule) => rule.id)).toEqual(['max-loss-limit', 'max-position', 'flat-by', 'profit-target', 'consistency']);
    expect(view?.distances).toMatchObject({
      floorCents: 9_700_000,
      toFloorCents: 300_000,
      toDailyLossCents: 200_000,
      profitTargetCents: 600_000,
      toProfitTargetCents: 600_000,
      consistencyAllowanceCents: 300_000,
    });
    expect(view?.distances.flatAt).toBe(Date.parse('2026-11-18T21:08:00Z'));
    expect(risk.state(999)).toBeUndefined();
    await stop();
  });

  it('gives a 150K combine and a practice account their own limits, and follows the program the trader sets', async () => {
    const { broker, scheduler, risk, core, stop } = await startRiskHarness();
    broker.emit({ kind: 'account', account: { ...evaluationAccount, id: 303, name: '150KTC-V2-412077-1', balanceCents: 15_000_000 } });
    broker.emit({ kind: 'account', account: { ...evaluationAccount, id: 304, name: 'PRAC-V2-412077-2', balanceCents: 15_000_000 } });
    await scheduler.settle();

    const combine = risk.state(303);
    const practice = risk.state(304);
    expect(combine?.program.program.label).toBe('Combine 150K');
    expect(combine?.distances).toMatchObject({ floorCents: 14_550_000, toFloorCents: 450_000, dailyLossLimitCents: 300_000, profitTargetCents: 900_000 });
    expect(combine?.program.rules.find((rule) => rule.id === 'max-position')).toMatchObject({ value: '0 of 15' });
    expect(practice?.program).toEqual({ program: expect.objectContaining({ kind: 'practice', label: 'Practice' }), floor: 'eod', rules: [] });
    expect(practice?.maxLossFloor).toBeNull();
    expect(practice?.distances).toMatchObject({ floorCents: null, dailyLossLimitCents: 300_000, profitTargetCents: null });
    expect(risk.settingsOf(304).maxContracts.enabled).toBe(false);

    const set = risk.setProgram(303, { kind: 'express', size: '150K' }, 'trader');
    expect(set).toMatchObject({ ok: true, value: { kind: 'express', size: '150K', source: 'trader', label: 'XFA 150K' } });
    expect(risk.settingsOf(303).maxContracts).toMatchObject({ enabled: true, limit: 3, count: 'gross', microWeight: 0.1 });
    expect(risk.state(303)?.distances.nextScaling).toEqual({ lots: 4, toProfitCents: 150_000 });
    expect(programOfAccount(core, core.accounts.get(303) ?? evaluationAccount).label).toBe('XFA 150K');
    expect(risk.setProgram(303, null, 'trader')).toMatchObject({ ok: true, value: { kind: 'combine', source: 'name' } });
    await stop();
  });

  it("tracks the day's highest equity for the intraday floor, carries it over the day roll and a restart, and keeps the mode per account", async () => {
    const { broker, scheduler, risk, store, clock, stop } = await startRiskHarness();
    broker.order(aStop());
    broker.position(aPosition({ size: 1, averageTicks: 20_000 }));
    // +48 ticks on one ES lot: +$600 open at the day's best, then back to flat.
    broker.emit({ kind: 'quote', quote: aQuote(20_024) });
    broker.emit({ kind: 'quote', quote: aQuote(20_048) });
    broker.emit({ kind: 'quote', quote: aQuote(20_000) });
    await scheduler.advance(1000);

    expect(risk.state(account)?.program.floor).toBe('eod');
    expect(risk.state(account)?.distances.floorCents).toBe(4_800_000);
    expect(risk.setProgram(account, undefined, 'trader', 'intraday')).toMatchObject({ ok: true, value: { kind: 'combine', source: 'name' } });
    expect(risk.settingsOf(account).maxLossLimit.trailing).toBe('intraday');
    const intraday = risk.state(account);
    expect(intraday?.program.floor).toBe('intraday');
    // The open P&L is marked at the quote the core uses; the floor is $2,000 under the day's high.
    const high = risk.state(account)?.maxLossFloor?.floorCents ?? 0;
    expect(high).toBeGreaterThan(4_800_000);
    expect(high).toBeLessThanOrEqual(4_860_000);
    expect(intraday?.program.rules.find((rule) => rule.id === 'max-loss-limit')?.limit).toContain('trails the highest intraday equity by $2,000.00');
    expect(store.auditPage(account, null, 50).entries.some((row) => row.action === 'account.program.floor')).toBe(true);

    // The day rolls (17:00 CT): the high carries, the new day starts without one of its own.
    await scheduler.advance(Date.parse('2026-11-18T23:00:05Z') - clock.now());
    expect(risk.state(account)?.tradingDay).not.toBe('2026-11-18');
    expect(risk.state(account)?.distances.floorCents).toBe(high);
    expect(risk.setProgram(account, undefined, 'trader', 'eod')).toMatchObject({ ok: true });
    expect(risk.state(account)?.distances.floorCents).toBe(4_800_000);
    await stop();

    // A new manager over the same store: the mode and the highs are where they were.
    const again = await startRiskHarness({ store, start: clock.now() });
    expect(again.risk.setProgram(account, undefined, 'trader', 'intraday')).toMatchObject({ ok: true });
    expect(again.risk.state(account)?.distances.floorCents).toBe(high);
    await again.stop();
  });

  it('flattens new exposure taken in another app while locked, without waiting for a rule', async () => {
    const { broker, scheduler, risk, stop } = await startRiskHarness();
    risk.locks.add(account, {
      symbol: null,
      kind: 'cooldown',
      ruleId: '007',
      reason: 'RULE-007 cooldown after loss',
      endsAt: Date.parse('2026-11-18T17:00:00Z'),
      condition: null,
      dayScoped: false,
    });
    await scheduler.advance(5000);

    broker.order(aStop());
    broker.position(aPosition({ contractId: esContract.id }));
    await scheduler.advance(1000);

    expect(broker.calls.filter((call) => call.call === 'close')).toHaveLength(1);
    expect(risk.state(account)?.breaches[0]?.message).toContain('new exposure in ES while locked');
    await stop();
  });

  it('keeps its locks across a restart (a new manager over the same store), ending only those whose time came', async () => {
    const first = await startRiskHarness({ config: { symbolBlocks: { symbols: ['RTY'] } } });
    first.risk.locks.add(account, {
      symbol: null,
      kind: 'cooldown',
      ruleId: '007',
      reason: 'RULE-007 cooldown after loss -$250.00 <= -$200.00',
      endsAt: first.clock.now() + 15 * 60_000,
      condition: null,
      dayScoped: false,
    });
    first.risk.locks.add(account, {
      symbol: null,
      kind: 'cooldown',
      ruleId: '006',
      reason: 'RULE-006 trade frequency 4 fills in 60 s > 3',
      endsAt: first.clock.now() + 60_000,
      condition: null,
      dayScoped: false,
    });
    first.risk.locks.add(account, {
      symbol: 'RTY',
      kind: 'condition',
      ruleId: '011',
      reason: 'RULE-011 RTY is blocked',
      endsAt: null,
      condition: 'symbol-unblocked',
      dayScoped: false,
    });
    first.risk.locks.add(account, {
      symbol: null,
      kind: 'condition',
      ruleId: '010',
      reason: 'RULE-010 canTrade = false',
      endsAt: null,
      condition: 'trading-enabled',
      dayScoped: false,
    });
    await first.stop();

    first.clock.advance(5 * 60_000);
    const second = await startRiskHarness({ store: first.store, clock: first.clock });
    const locks = second.risk.state(account)?.locks.map((lock) => lock.ruleId);
    const denied = await second.orders.place({ symbol: 'ES', side: 'buy', size: 1, type: 'market' }, 'trader');

    // 006 ended while closed; 010 lifts because the broker reports canTrade again; 007 and 011 hold.
    expect(locks).toEqual(['011', '007']);
    expect(denied).toMatchObject({
      ok: false,
      error: { message: 'RULE-007 cooldown after loss -$250.00 <= -$200.00: trading locked until 2026-11-18 10:15 CT' },
    });
    expect(second.store.rows('risk.lock.expired').map((row) => (row.detail.lock as { ruleId: string }).ruleId)).toEqual(['006']);
    await second.stop();
  });
});
