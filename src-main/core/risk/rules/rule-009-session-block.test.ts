import { describe, expect, it } from 'vitest';
import { aPosition, aStop } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { sessionBlockRule } from './rule-009-session-block';

const sessionClock = (at: number) => ({ kind: 'clock' as const, at, reason: 'session' as const, contractId: null });

describe('RULE-009 session block', () => {
  it('flattens all and locks until 17:00 CT from the session end minus the margin (15:08 CT)', () => {
    const state = aState({ positions: [aPosition()] });
    const at1507 = Date.parse('2026-11-18T21:07:59Z');
    const at1508 = Date.parse('2026-11-18T21:08:00Z');

    expect(sessionBlockRule.evaluate(ruleInput(state, sessionClock(at1507), undefined, at1507))).toBeUndefined();
    expect(sessionBlockRule.evaluate(ruleInput(state, sessionClock(at1508), undefined, at1508))).toMatchObject({
      message: 'RULE-009 session closed for ES until 2026-11-18 17:00 CT',
      actions: [{ kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }],
      lock: { kind: 'hard', endsAt: Date.parse('2026-11-18T23:00:00Z'), dayScoped: false },
    });
  });

  it('counts working orders at the session end, and nothing when the account is flat', () => {
    const at1508 = Date.parse('2026-11-18T21:08:00Z');

    expect(sessionBlockRule.evaluate(ruleInput(aState({ orders: [aStop()] }), sessionClock(at1508), undefined, at1508))).toBeDefined();
    expect(sessionBlockRule.evaluate(ruleInput(aState(), sessionClock(at1508), undefined, at1508))).toBeUndefined();
  });

  it('flattens a position that appears on a holiday (Christmas 2026), locking until the session reopens', () => {
    const christmas = Date.parse('2026-12-25T16:00:00Z');
    const position = aPosition({ openedAt: christmas });

    expect(
      sessionBlockRule.evaluate(
        ruleInput(aState({ positions: [position] }), { kind: 'position', at: christmas, position, previousSize: 0 }, undefined, christmas),
      )?.lock,
    ).toMatchObject({
      endsAt: Date.parse('2026-12-27T23:00:00Z'),
    });
  });
});

describe('RULE-009 before the trade', () => {
  it('refuses new exposure while the session is closed, naming when it opens', () => {
    const state = aState();
    const order = { contractId: 'CON.F.US.EP.Z26', side: 'buy' as const, size: 1 };
    const saturday = Date.parse('2026-11-21T16:00:00Z');
    const wednesday = Date.parse('2026-11-18T16:00:00Z');
    expect(sessionBlockRule.preTrade?.({ state, settings: settingsWith(), order, pending: [order], symbol: 'ES', now: saturday })).toMatch(
      /^RULE-009 the session is closed for ES until 2026-11-22 17:00 CT$/,
    );
    expect(sessionBlockRule.preTrade?.({ state, settings: settingsWith(), order, pending: [order], symbol: 'ES', now: wednesday })).toBeUndefined();
  });
});
