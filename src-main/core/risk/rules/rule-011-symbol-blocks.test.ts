import { describe, expect, it } from 'vitest';
import { aPosition, aStop } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { rtyContract } from '../testing/test-contracts';
import { symbolBlocksRule } from './rule-011-symbol-blocks';

const blocked = settingsWith({ symbolBlocks: { symbols: ['RTY'] } });

describe('RULE-011 symbol blocks', () => {
  it('is idle with no symbol blocked (the default)', () => {
    expect(symbolBlocksRule.enabled(settingsWith())).toBe(false);
  });

  it('flattens a position in a blocked root and locks the symbol while the block stays', () => {
    const position = aPosition({ contractId: rtyContract.id });

    expect(
      symbolBlocksRule.evaluate(ruleInput(aState({ positions: [position] }), { kind: 'position', at: 0, position, previousSize: 0 }, blocked)),
    ).toMatchObject({
      message: 'RULE-011 RTY is blocked',
      actions: [{ kind: 'flatten', contractId: rtyContract.id, unlessProtected: false }],
      lock: { symbol: 'RTY', kind: 'condition', condition: 'symbol-unblocked' },
    });
  });

  it('cancels a working order in a blocked root', () => {
    const order = aStop({ contractId: rtyContract.id, side: 'buy', type: 'limit' });

    expect(symbolBlocksRule.evaluate(ruleInput(aState({ orders: [order] }), { kind: 'order', at: 0, order }, blocked))?.actions).toEqual([
      { kind: 'cancel-all', contractId: rtyContract.id },
    ]);
  });

  it('leaves other symbols alone', () => {
    const position = aPosition();

    expect(
      symbolBlocksRule.evaluate(ruleInput(aState({ positions: [position] }), { kind: 'position', at: 0, position, previousSize: 0 }, blocked)),
    ).toBeUndefined();
  });
});

describe('RULE-011 before the trade', () => {
  it('refuses an order in a blocked root in its own words and lets the others through', () => {
    const state = aState();
    const order = { contractId: rtyContract.id, side: 'buy' as const, size: 1 };
    expect(symbolBlocksRule.preTrade?.({ state, settings: blocked, order, pending: [order], symbol: 'RTY', now: 0 })).toBe('RULE-011 RTY is blocked');
    expect(symbolBlocksRule.preTrade?.({ state, settings: blocked, order, pending: [order], symbol: 'ES', now: 0 })).toBeUndefined();
  });
});
