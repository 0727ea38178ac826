import { describe, expect, it } from 'vitest';
import { aFill } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { consistencyRule } from './rule-015-consistency';

describe('RULE-015 consistency monitor', () => {
  it('warns (never locks) when the best day is above half of the total profit', () => {
    const fill = aFill({ realizedCents: 120_000 });
    const state = aState({ fills: [fill], history: { '2026-11-16': 50_000, '2026-11-17': 30_000 } });

    expect(consistencyRule.evaluate(ruleInput(state, { kind: 'trade', at: 0, fill, replay: false }))).toMatchObject({
      level: 'warning',
      message: 'RULE-015 best day 2026-11-18 $1,200.00 is 60% of the total profit $2,000.00 (max 50%)',
      actions: [],
      lock: null,
    });
  });

  it('is quiet when profits are spread, or when there is no profit', () => {
    const spread = aState({ history: { '2026-11-16': 50_000, '2026-11-17': 50_000 }, fills: [aFill({ realizedCents: 40_000 })] });
    const losing = aState({ history: { '2026-11-16': -50_000 }, fills: [aFill({ realizedCents: 10_000 })] });
    const roll = { kind: 'day-roll' as const, at: 0, day: '2026-11-18', previousDay: '2026-11-17' };

    expect(consistencyRule.evaluate(ruleInput(spread, roll))).toBeUndefined();
    expect(consistencyRule.evaluate(ruleInput(losing, roll))).toBeUndefined();
    expect(consistencyRule.status(spread, settingsWith(), 0)).toMatchObject({ value: '36% of $1,400.00', limit: '50%' });
  });
});
