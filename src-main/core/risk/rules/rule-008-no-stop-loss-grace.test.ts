import { describe, expect, it } from 'vitest';
import { esContract } from '../../testing/fake-broker';
import { aPosition, aStop } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { wednesdayMorning } from '../testing/test-contracts';
import { noStopLossGraceRule } from './rule-008-no-stop-loss-grace';

const grace = { kind: 'clock' as const, at: 0, reason: 'grace' as const, contractId: esContract.id };

describe('RULE-008 no stop-loss grace', () => {
  it('flattens (after a REST check) a position still without a stop once the grace period passed', () => {
    const state = aState({ positions: [aPosition()] });

    expect(noStopLossGraceRule.evaluate(ruleInput(state, grace, settingsWith(), wednesdayMorning + 14_999))).toBeUndefined();
    expect(noStopLossGraceRule.evaluate(ruleInput(state, grace, settingsWith(), wednesdayMorning + 15_000))).toMatchObject({
      message: 'RULE-008 no stop-loss on ES 15 s after it opened',
      actions: [{ kind: 'flatten', contractId: esContract.id, unlessProtected: true }],
    });
  });

  it('accepts a stop, stop-limit or trailing stop on the closing side', () => {
    for (const type of ['stop', 'stop-limit', 'trailing-stop'] as const) {
      const state = aState({ positions: [aPosition()], orders: [aStop({ type })] });
      expect(noStopLossGraceRule.evaluate(ruleInput(state, grace, settingsWith(), wednesdayMorning + 60_000))).toBeUndefined();
    }
  });

  it('does not count a stop on the opening side or a limit order', () => {
    const wrongSide = aState({ positions: [aPosition()], orders: [aStop({ side: 'buy' })] });
    const limit = aState({ positions: [aPosition()], orders: [aStop({ type: 'limit', limitTicks: 20_020, stopTicks: null })] });

    expect(noStopLossGraceRule.evaluate(ruleInput(wrongSide, grace, settingsWith(), wednesdayMorning + 60_000))).toBeDefined();
    expect(noStopLossGraceRule.evaluate(ruleInput(limit, grace, settingsWith(), wednesdayMorning + 60_000))).toBeDefined();
  });

  it('breaches at once when the stop of an old position is cancelled', () => {
    const cancelled = aStop({ status: 'cancelled' });
    const state = aState({ positions: [aPosition()], orders: [cancelled] });

    expect(noStopLossGraceRule.evaluate(ruleInput(state, { kind: 'order', at: 0, order: cancelled }, settingsWith(), wednesdayMorning + 60_000))).toBeDefined();
  });
});

describe('RULE-008 and a close in progress', () => {
  it('does not call a position unprotected while a flatten or reverse is closing it', () => {
    const position = aPosition();
    const closing = aState({ positions: [position], closing: new Set([position.contractId]) });
    const open = aState({ positions: [position] });
    const late = wednesdayMorning + 60_000;

    expect(noStopLossGraceRule.evaluate(ruleInput(closing, grace, settingsWith(), late))).toBeUndefined();
    expect(noStopLossGraceRule.evaluate(ruleInput(open, grace, settingsWith(), late))?.ruleId).toBe('008');
  });
});
