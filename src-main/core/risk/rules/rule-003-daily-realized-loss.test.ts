import { describe, expect, it } from 'vitest';
import { aFill } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { dailyRealizedLossRule } from './rule-003-daily-realized-loss';

const roll = Date.parse('2026-11-18T23:00:00Z');

describe('RULE-003 daily realized loss', () => {
  it('flattens, cancels and locks until the roll at the limit, counting fees', () => {
    const fill = aFill({ realizedCents: -79_000, feesCents: 1000 });
    const state = aState({ fills: [fill] });

    expect(dailyRealizedLossRule.evaluate(ruleInput(state, { kind: 'trade', at: 0, fill, replay: false }))).toEqual({
      ruleId: '003',
      level: 'breach',
      message: 'RULE-003 daily realized loss -$800.00 <= -$800.00',
      key: '003|2026-11-18',
      actions: [{ kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }],
      lock: {
        symbol: null,
        kind: 'hard',
        ruleId: '003',
        reason: 'RULE-003 daily realized loss -$800.00 <= -$800.00',
        endsAt: roll,
        condition: null,
        dayScoped: true,
      },
    });
  });

  it('does nothing above the limit', () => {
    const fill = aFill({ realizedCents: -79_999 });

    expect(dailyRealizedLossRule.evaluate(ruleInput(aState({ fills: [fill] }), { kind: 'trade', at: 0, fill, replay: false }))).toBeUndefined();
  });

  it('shows the day against the limit, e.g. -$412.00 / -$800.00', () => {
    const state = aState({ fills: [aFill({ realizedCents: -41_200 })] });

    expect(dailyRealizedLossRule.status(state, settingsWith(), 0)).toEqual({ health: 'ok', value: '-$412.00', limit: '-$800.00', usage: 0.515 });
  });
});
