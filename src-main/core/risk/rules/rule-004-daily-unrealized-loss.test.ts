import { describe, expect, it } from 'vitest';
import { esContract } from '../../testing/fake-broker';
import { aPosition, aQuote } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { nqContract } from '../testing/test-contracts';
import { dailyUnrealizedLossRule } from './rule-004-daily-unrealized-loss';

describe('RULE-004 daily unrealized loss', () => {
  it('flattens one position whose open loss reaches the limit (2 ES, 12 ticks = $300)', () => {
    const quote = aQuote(19_988);
    const state = aState({ positions: [aPosition({ size: 2 })], quotes: [quote] });

    expect(dailyUnrealizedLossRule.evaluate(ruleInput(state, { kind: 'quote', at: 0, quote }))).toMatchObject({
      message: 'RULE-004 unrealized loss on ES -$300.00 <= -$300.00',
      actions: [{ kind: 'flatten', contractId: esContract.id, unlessProtected: false }],
      lock: null,
    });
  });

  it('leaves a position 11 ticks down alone', () => {
    const quote = aQuote(19_989);

    expect(
      dailyUnrealizedLossRule.evaluate(ruleInput(aState({ positions: [aPosition({ size: 2 })], quotes: [quote] }), { kind: 'quote', at: 0, quote })),
    ).toBeUndefined();
  });

  it('with a total scope flattens all and locks until the roll on the sum', () => {
    const quote = aQuote(19_990);
    const state = aState({
      positions: [aPosition({ size: 1 }), aPosition({ contractId: nqContract.id, size: 1, averageTicks: 80_000 })],
      quotes: [quote, aQuote(79_965, nqContract)],
    });
    const breach = dailyUnrealizedLossRule.evaluate(
      ruleInput(state, { kind: 'quote', at: 0, quote }, settingsWith({ dailyUnrealizedLoss: { scope: 'total' } })),
    );

    expect(breach).toMatchObject({
      message: 'RULE-004 total unrealized loss -$300.00 <= -$300.00',
      actions: [{ kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }],
    });
    expect(breach?.lock).toMatchObject({ kind: 'hard', dayScoped: true });
  });

  it('does not lock on the total when the lock is off', () => {
    const quote = aQuote(19_970);
    const state = aState({ positions: [aPosition({ size: 1 })], quotes: [quote] });

    expect(
      dailyUnrealizedLossRule.evaluate(
        ruleInput(state, { kind: 'quote', at: 0, quote }, settingsWith({ dailyUnrealizedLoss: { scope: 'total', lock: false } })),
      )?.lock,
    ).toBeNull();
  });
});
