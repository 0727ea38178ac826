import { describe, expect, it } from 'vitest';
import { evaluationAccount } from '../../testing/fake-broker';
import { aPosition, aQuote } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { maxLossFloor, maxLossLimitRule } from './rule-014-max-loss-limit';

const withBalance = (dollars: number) => ({ ...evaluationAccount, balanceCents: dollars * 100 });

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
});
