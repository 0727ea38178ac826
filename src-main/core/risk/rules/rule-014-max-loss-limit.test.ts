import { describe, expect, it } from 'vitest';
import { evaluationAccount } from '../../testing/fake-broker';
import { aPosition, aQuote } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import type { RiskSettings } from '../config/risk-settings';
import { maxLossFloor, maxLossLimitRule } from './rule-014-max-loss-limit';

const withBalance = (dollars: number) => ({ ...evaluationAccount, balanceCents: dollars * 100 });
const intraday = (settings: RiskSettings = settingsWith()): RiskSettings => ({ ...settings, maxLossLimit: { ...settings.maxLossLimit, trailing: 'intraday' } });

describe('RULE-014 max loss limit guard', () => {
  it('trails the best end-of-day balance and stops at the starting balance', () => {
    expect(maxLossFloor(aState({ account: withBalance(50_000) }), settingsWith())?.floorCents).toBe(4_800_000);
    expect(maxLossFloor(aState({ account: withBalance(50_000), peakEndOfDayCents: 5_100_000 }), settingsWith())?.floorCents).toBe(4_900_000);
    expect(maxLossFloor(aState({ account: withBalance(53_000), peakEndOfDayCents: 5_300_000 }), settingsWith())?.floorCents).toBe(5_000_000);
  });

  it('flattens and locks when balance plus open P&L reaches the floor plus the buffer', () => {
    const account = withBalance(48_300);
    const quote = aQuote(19_992);
    const state = aState({ account, positions: [aPosition({ size: 1 })], quotes: [quote] });

    expect(maxLossLimitRule.evaluate(ruleInput(state, { kind: 'quote', at: 0, quote }))).toMatchObject({
      level: 'breach',
      message: 'RULE-014 equity $48,200.00 vs floor $48,000.00 <= floor + $200.00 buffer',
      actions: [{ kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }],
      lock: { kind: 'hard', dayScoped: true },
    });
  });

  it('warns within twice the buffer, and is quiet above it', () => {
    const warning = maxLossLimitRule.evaluate(ruleInput(aState({ account: withBalance(48_350) }), { kind: 'account', at: 0, account: withBalance(48_350) }));

    expect(warning).toMatchObject({ level: 'warning', actions: [], lock: null });
    expect(
      maxLossLimitRule.evaluate(ruleInput(aState({ account: withBalance(48_401) }), { kind: 'account', at: 0, account: withBalance(48_401) })),
    ).toBeUndefined();
  });

  it("trails the day's highest equity in intraday mode: +$600 open profit on a day closing flat → $48,600 (end of day $48,000)", () => {
    const state = aState({ account: withBalance(50_000), peakEndOfDayCents: 5_000_000, dayHighEquityCents: 5_060_000 });
    expect(maxLossFloor(state, settingsWith())?.floorCents).toBe(4_800_000);
    expect(maxLossFloor(state, intraday())).toMatchObject({ floorCents: 4_860_000, equityCents: 5_000_000, distanceCents: 140_000 });
    // The highs of the days before count too, and the floor still stops at the starting balance.
    expect(maxLossFloor(aState({ account: withBalance(50_000), peakEquityCents: 5_090_000 }), intraday())?.floorCents).toBe(4_890_000);
    expect(maxLossFloor(aState({ account: withBalance(50_000), dayHighEquityCents: 5_350_000 }), intraday())?.floorCents).toBe(5_000_000);
  });

  it('reads the high the risk manager recorded in intraday mode', () => {
    // +48 ticks on one ES lot: +$600 open.
    const quote = aQuote(20_048);
    const state = aState({ account: withBalance(50_000), positions: [aPosition({ size: 1 })], quotes: [quote] });
    expect(maxLossFloor(state, intraday())?.floorCents).toBe(4_800_000);
    const equity = maxLossFloor(state, intraday())?.equityCents ?? 0;
    expect(equity).toBeGreaterThan(5_000_000);
    state.history.updateEquity(equity, 0);
    expect(maxLossFloor(state, intraday())?.floorCents).toBe(equity - 200_000);
    expect(maxLossFloor(state, settingsWith())?.floorCents).toBe(4_800_000);
    // A lower mark later leaves the high (and the floor) where it was.
    state.history.updateEquity(equity - 50_000, 10);
    expect(maxLossFloor(state, intraday())?.floorCents).toBe(equity - 200_000);
  });

  it('breaches at the intraday floor where the end-of-day floor is still far', () => {
    const account = withBalance(48_700);
    const state = aState({ account, peakEndOfDayCents: 5_000_000, dayHighEquityCents: 5_060_000 });
    expect(maxLossLimitRule.evaluate(ruleInput(state, { kind: 'account', at: 0, account }, intraday()))).toMatchObject({
      level: 'breach',
      message: 'RULE-014 equity $48,700.00 vs floor $48,600.00 <= floor + $200.00 buffer',
    });
    expect(maxLossLimitRule.evaluate(ruleInput(state, { kind: 'account', at: 0, account }, settingsWith()))).toBeUndefined();
  });
});
