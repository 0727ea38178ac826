import { describe, expect, it } from 'vitest';
import { evaluationAccount } from '../../testing/fake-broker';
import { aState, ruleInput } from '../testing/rule-fixtures';
import { tradingDisabledGuardRule } from './rule-010-trading-disabled-guard';

describe('RULE-010 trading disabled guard', () => {
  it('flattens, cancels and locks until the broker enables trading again', () => {
    const account = { ...evaluationAccount, canTrade: false };

    expect(tradingDisabledGuardRule.evaluate(ruleInput(aState({ account }), { kind: 'account', at: 0, account }))).toMatchObject({
      actions: [{ kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }],
      lock: { kind: 'condition', condition: 'trading-enabled', endsAt: null },
    });
  });

  it('does nothing while the account can trade', () => {
    expect(tradingDisabledGuardRule.evaluate(ruleInput(aState(), { kind: 'account', at: 0, account: evaluationAccount }))).toBeUndefined();
  });
});
