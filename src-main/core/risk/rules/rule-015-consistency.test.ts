import { describe, expect, it } from 'vitest';
import { aFill } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { programFigures } from '../../../../src-shared/programs';
import { withProgram } from '../program/program-layer';
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

  it('on a combine warns only once the total profit approaches the profit target, never after a first small profit', () => {
    const combine = withProgram(settingsWith({ consistency: { enabled: false } }), programFigures('combine', '50K'), 0);
    const first = aFill({ realizedCents: 900 });
    const small = aState({ fills: [first] });
    expect(consistencyRule.evaluate(ruleInput(small, { kind: 'trade', at: 0, fill: first, replay: false }, combine))).toBeUndefined();
    expect(consistencyRule.status(small, combine, 0).health).toBe('ok');

    // $2,600 of the $3,000 target, $1,600 of it today: past 80% of the target, and today is 62%.
    const big = aFill({ realizedCents: 160_000 });
    const near = aState({ fills: [big], history: { '2026-11-16': 50_000, '2026-11-17': 50_000 } });
    expect(consistencyRule.evaluate(ruleInput(near, { kind: 'trade', at: 0, fill: big, replay: false }, combine))).toMatchObject({ level: 'warning' });
  });
});
