import { describe, expect, it } from 'vitest';
import type { QuoteView } from '../../../../src-shared/domain/trading';
import { aPosition, aQuote, aStop } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { tradeManagementRule } from './rule-012-trade-management';

const on = settingsWith({ tradeManagement: { enabled: true } });

describe('RULE-012 trade management', () => {
  it('only judges: the protection engine moves the stops, the rule sends no action', () => {
    const quoteBook = new Map<string, QuoteView>();
    const state = aState({ positions: [aPosition({ size: 1 })], orders: [aStop({ stopTicks: 19_980, side: 'sell' })], quoteBook });
    const quote = aQuote(20_012);
    quoteBook.set(quote.contractId, quote);
    state.markBest(quote.contractId);

    expect(tradeManagementRule.evaluate(ruleInput(state, { kind: 'quote', at: 0, quote }, on))).toBeUndefined();
    expect(tradeManagementRule.status(state, on, 0).value).toBe('1 of 1 managed');
  });

  it('is off by default', () => {
    expect(tradeManagementRule.enabled(settingsWith())).toBe(false);
  });
});
