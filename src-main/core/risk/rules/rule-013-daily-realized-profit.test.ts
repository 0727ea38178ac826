import { describe, expect, it } from 'vitest';
import { aFill } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { dailyRealizedProfitRule } from './rule-013-daily-realized-profit';

describe('RULE-013 daily realized profit', () => {
  it('is off by default', () => {
    expect(dailyRealizedProfitRule.enabled(settingsWith())).toBe(false);
  });

  it('flattens, cancels and locks until the roll once the day nets the target', () => {
    const fill = aFill({ realizedCents: 100_140, feesCents: 140 });
    const breach = dailyRealizedProfitRule.evaluate(
      ruleInput(aState({ fills: [fill] }), { kind: 'trade', at: 0, fill, replay: false }, settingsWith({ dailyRealizedProfit: { enabled: true } })),
    );

    expect(breach).toMatchObject({ message: 'RULE-013 daily realized profit $1,000.00 >= $1,000.00', lock: { kind: 'hard', dayScoped: true } });
  });

  it('does nothing below the target', () => {
    const fill = aFill({ realizedCents: 99_999 });

    expect(
      dailyRealizedProfitRule.evaluate(
        ruleInput(aState({ fills: [fill] }), { kind: 'trade', at: 0, fill, replay: false }, settingsWith({ dailyRealizedProfit: { enabled: true } })),
      ),
    ).toBeUndefined();
  });
});
