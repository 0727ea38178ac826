import { describe, expect, it } from 'vitest';
import { esContract } from '../../testing/fake-broker';
import { aPosition, aQuote } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { maxUnrealizedProfitRule } from './rule-005-max-unrealized-profit';

const on = settingsWith({ maxUnrealizedProfit: { enabled: true, target: 500 } });

describe('RULE-005 max unrealized profit', () => {
  it('is off by default', () => {
    expect(maxUnrealizedProfitRule.enabled(settingsWith())).toBe(false);
  });

  it('takes the profit of a position at the target', () => {
    const quote = aQuote(20_040);
    const state = aState({ positions: [aPosition({ size: 1 })], quotes: [quote] });

    expect(maxUnrealizedProfitRule.evaluate(ruleInput(state, { kind: 'quote', at: 0, quote }, on))).toMatchObject({
      message: 'RULE-005 unrealized profit on ES $500.00 >= $500.00',
      actions: [{ kind: 'flatten', contractId: esContract.id, unlessProtected: false }],
    });
  });

  it('flattens all and locks on the total when so configured', () => {
    const quote = aQuote(20_040);
    const breach = maxUnrealizedProfitRule.evaluate(
      ruleInput(
        aState({ positions: [aPosition({ size: 1 })], quotes: [quote] }),
        { kind: 'quote', at: 0, quote },
        settingsWith({ maxUnrealizedProfit: { enabled: true, target: 500, scope: 'total' } }),
      ),
    );

    expect(breach?.actions).toEqual([{ kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }]);
    expect(breach?.lock).toMatchObject({ kind: 'hard', ruleId: '005' });
  });

  it('does nothing below the target', () => {
    const quote = aQuote(20_039);

    expect(
      maxUnrealizedProfitRule.evaluate(ruleInput(aState({ positions: [aPosition({ size: 1 })], quotes: [quote] }), { kind: 'quote', at: 0, quote }, on)),
    ).toBeUndefined();
  });
});
