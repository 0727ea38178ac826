import { describe, expect, it } from 'vitest';
import { aFill } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { wednesdayMorning } from '../testing/test-contracts';
import { tradeFrequencyRule } from './rule-006-trade-frequency';

const second = 1000;

function fillsAt(offsets: readonly number[]) {
  return offsets.map((offset) => aFill({ time: wednesdayMorning + offset }));
}

describe('RULE-006 trade frequency', () => {
  it('sets a 60 s cooldown on the fourth fill within a minute', () => {
    const fills = fillsAt([0, 10 * second, 20 * second, 30 * second]);
    const last = fills[3];
    if (last === undefined) throw new Error('no fill');
    const now = wednesdayMorning + 30 * second;

    expect(
      tradeFrequencyRule.evaluate(ruleInput(aState({ fills: fills.slice(0, 3) }), { kind: 'trade', at: now, fill: last, replay: false }, settingsWith(), now)),
    ).toBeUndefined();
    expect(tradeFrequencyRule.evaluate(ruleInput(aState({ fills }), { kind: 'trade', at: now, fill: last, replay: false }, settingsWith(), now))).toMatchObject(
      {
        message: 'RULE-006 trade frequency 4 fills in 60 s > 3',
        actions: [],
        lock: { kind: 'cooldown', endsAt: now + 60 * second, dayScoped: false },
      },
    );
  });

  it('takes the longest cooldown: 30 min on the eleventh fill within an hour', () => {
    const fills = fillsAt(Array.from({ length: 11 }, (_, index) => index * 5 * 60 * second));
    const last = fills[10];
    if (last === undefined) throw new Error('no fill');
    const now = last.time;

    expect(
      tradeFrequencyRule.evaluate(ruleInput(aState({ fills }), { kind: 'trade', at: now, fill: last, replay: false }, settingsWith(), now))?.lock,
    ).toMatchObject({ endsAt: now + 1800 * second });
  });

  it('locks until the roll past the session limit', () => {
    const fills = fillsAt(Array.from({ length: 51 }, (_, index) => index * 10 * 60 * second));
    const last = fills[50];
    if (last === undefined) throw new Error('no fill');
    const state = aState({ fills, nextRollAt: last.time + 3_600_000 });

    expect(
      tradeFrequencyRule.evaluate(ruleInput(state, { kind: 'trade', at: last.time, fill: last, replay: false }, settingsWith(), last.time))?.lock,
    ).toMatchObject({ endsAt: last.time + 3_600_000, dayScoped: true });
  });

  it('counts a replayed fill from its own time and sets no cooldown that would already be over', () => {
    const fills = fillsAt([0, second, 2 * second, 3 * second]);
    const last = fills[3];
    if (last === undefined) throw new Error('no fill');
    const later = wednesdayMorning + 10 * 60 * second;

    expect(
      tradeFrequencyRule.evaluate(ruleInput(aState({ fills }), { kind: 'trade', at: later, fill: last, replay: true }, settingsWith(), later)),
    ).toBeUndefined();
  });
});
