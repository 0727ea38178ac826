import { describe, expect, it } from 'vitest';
import type { QuoteView } from '../../../../src-shared/domain/trading';
import { aPosition, aQuote, aStop } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { managedStop, tradeManagementRule } from './rule-012-trade-management';

const on = settingsWith({ tradeManagement: { enabled: true } });

function afterQuotes(marks: readonly number[], stopTicks = 19_980, size = 1) {
  const stop = aStop({ stopTicks, side: size > 0 ? 'sell' : 'buy' });
  const quoteBook = new Map<string, QuoteView>();
  const state = aState({ positions: [aPosition({ size })], orders: [stop], quoteBook });
  let quote = aQuote(20_000);
  for (const mark of marks) {
    quote = aQuote(mark);
    quoteBook.set(quote.contractId, quote);
    state.markBest(quote.contractId);
  }
  return { state, stop, quote };
}

describe('RULE-012 trade management', () => {
  it('moves the stop to break-even after +10 ticks', () => {
    const { state, stop, quote } = afterQuotes([20_010]);

    expect(tradeManagementRule.evaluate(ruleInput(state, { kind: 'quote', at: 0, quote }, on))).toMatchObject({
      level: 'automation',
      actions: [{ kind: 'move-stop', orderId: stop.id, stopTicks: 20_000 }],
    });
  });

  it('trails 10 ticks behind the best price after +20 ticks, even after a pullback', () => {
    const { state, stop, quote } = afterQuotes([20_025, 20_018]);

    expect(tradeManagementRule.evaluate(ruleInput(state, { kind: 'quote', at: 0, quote }, on))?.actions).toEqual([{ kind: 'move-stop', contractId: stop.contractId, orderId: stop.id, stopTicks: 20_015 }]);
  });

  it('never loosens a stop that is already tighter', () => {
    const { state, quote } = afterQuotes([20_012], 20_005);

    expect(tradeManagementRule.evaluate(ruleInput(state, { kind: 'quote', at: 0, quote }, on))).toBeUndefined();
  });

  it('rounds break-even away from a loss for a fractional average, for shorts too', () => {
    const settings = on.tradeManagement;

    expect(managedStop(aPosition({ size: 1, averageTicks: 20_000.5 }), 20_011, settings)).toBe(20_001);
    expect(managedStop(aPosition({ size: -1, averageTicks: 20_000.5 }), 19_990, settings)).toBe(20_000);
    expect(managedStop(aPosition({ size: 1 }), 20_009, settings)).toBeUndefined();
  });

  it('is off by default', () => {
    expect(tradeManagementRule.enabled(settingsWith())).toBe(false);
  });
});
