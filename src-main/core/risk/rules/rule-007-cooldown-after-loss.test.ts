import { describe, expect, it } from 'vitest';
import { aFill } from '../testing/risk-harness';
import { aState, ruleInput } from '../testing/rule-fixtures';
import { wednesdayMorning } from '../testing/test-contracts';
import { cooldownAfterLossRule } from './rule-007-cooldown-after-loss';

describe('RULE-007 cooldown after loss', () => {
  it('sets the cooldown of the most severe tier reached', () => {
    for (const [loss, seconds] of [
      [-10_000, 300],
      [-25_000, 900],
      [-45_000, 1800],
    ] as const) {
      const fill = aFill({ realizedCents: loss });
      const breach = cooldownAfterLossRule.evaluate(ruleInput(aState({ fills: [fill] }), { kind: 'trade', at: wednesdayMorning, fill, replay: false }));
      expect(breach?.lock).toMatchObject({ kind: 'cooldown', endsAt: wednesdayMorning + seconds * 1000 });
    }
  });

  it('adds the fills of one closing order into one trade', () => {
    const first = aFill({ orderId: 77, realizedCents: -6000 });
    const second = aFill({ orderId: 77, realizedCents: -6000 });
    const state = aState({ fills: [first, second] });

    expect(
      cooldownAfterLossRule.evaluate(ruleInput(aState({ fills: [first] }), { kind: 'trade', at: wednesdayMorning, fill: first, replay: false })),
    ).toBeUndefined();
    expect(cooldownAfterLossRule.evaluate(ruleInput(state, { kind: 'trade', at: wednesdayMorning, fill: second, replay: false }))).toMatchObject({
      message: 'RULE-007 cooldown after loss -$120.00 <= -$100.00',
    });
  });

  it('ignores opening fills, winners and small losses', () => {
    for (const realizedCents of [null, 5000, -9999]) {
      const fill = aFill({ realizedCents });
      expect(
        cooldownAfterLossRule.evaluate(ruleInput(aState({ fills: [fill] }), { kind: 'trade', at: wednesdayMorning, fill, replay: false })),
      ).toBeUndefined();
    }
  });
});
