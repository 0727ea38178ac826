import { describe, expect, it } from 'vitest';
import { esContract } from '../../testing/fake-broker';
import type { RiskLock } from '../lockouts/risk-lock';
import { aFill, aPosition, aQuote } from '../testing/risk-harness';
import { aState, settingsWith } from '../testing/rule-fixtures';
import { wednesdayMorning } from '../testing/test-contracts';
import { runPipeline } from './risk-pipeline';

const lock: RiskLock = {
  id: 'l',
  accountId: 101,
  symbol: null,
  kind: 'hard',
  ruleId: '003',
  reason: 'RULE-003 daily realized loss',
  endsAt: wednesdayMorning + 3_600_000,
  condition: null,
  dayScoped: true,
  startedAt: wednesdayMorning,
};

describe('the risk pipeline', () => {
  it('flattens new exposure at once while locked and runs no rule', () => {
    const position = aPosition({ size: 2 });
    const state = aState({ positions: [position] });

    const outcome = runPipeline({
      state,
      event: { kind: 'position', at: 0, position, previousSize: 1 },
      settings: settingsWith(),
      now: wednesdayMorning,
      lockFor: () => lock,
    });

    expect(outcome.actions).toEqual([{ kind: 'flatten', contractId: esContract.id, unlessProtected: false }]);
    expect(outcome.breaches).toHaveLength(1);
    expect(outcome.breaches[0]?.message).toContain('new exposure in ES while locked');
  });

  it("does not take the position update of a cooldown's own fill for new exposure", () => {
    const position = aPosition({ size: 1 });
    const cooldown: RiskLock = { ...lock, kind: 'cooldown', ruleId: '006', startedAt: wednesdayMorning - 500 };
    const state = aState({ positions: [position] });
    const input = { state, event: { kind: 'position' as const, at: 0, position, previousSize: 0 }, settings: settingsWith(), lockFor: () => cooldown };

    expect(runPipeline({ ...input, now: wednesdayMorning }).breaches.filter((breach) => breach.key.startsWith('lock|'))).toEqual([]);
    expect(runPipeline({ ...input, now: wednesdayMorning + 5000 }).actions).toEqual([{ kind: 'flatten', contractId: esContract.id, unlessProtected: false }]);
  });

  it('lets a shrinking position through the lock check to the rules', () => {
    const position = aPosition({ size: 2 });
    const state = aState({ positions: [position] });

    const outcome = runPipeline({
      state,
      event: { kind: 'position', at: 0, position, previousSize: 3 },
      settings: settingsWith(),
      now: wednesdayMorning,
      lockFor: () => lock,
    });

    // Rule 002 (ES cap 1) still runs and reduces.
    expect(outcome.actions).toEqual([{ kind: 'reduce', contractId: esContract.id, targetSize: 1 }]);
  });

  it('runs every rule routed to the event and merges their actions and locks', () => {
    const fill = aFill({ realizedCents: -85_000 });
    const state = aState({ fills: [fill] });

    const outcome = runPipeline({
      state,
      event: { kind: 'trade', at: 0, fill, replay: false },
      settings: settingsWith(),
      now: wednesdayMorning,
      lockFor: () => undefined,
    });

    expect(outcome.breaches.map((breach) => breach.ruleId)).toEqual(['003', '007']);
    expect(outcome.actions).toEqual([{ kind: 'flatten-all' }]);
    expect(outcome.locks).toEqual([expect.objectContaining({ ruleId: '003', kind: 'hard' })]);
  });

  it('gives the same outcome for the same state and event', () => {
    const quote = aQuote(19_970);
    const state = aState({ positions: [aPosition()], quotes: [quote] });
    const input = { state, event: { kind: 'quote' as const, at: 0, quote }, settings: settingsWith(), now: wednesdayMorning, lockFor: () => undefined };

    expect(runPipeline(input)).toEqual(runPipeline(input));
  });

  it('routes only the rules of the event kind', () => {
    const state = aState({
      positions: [aPosition()],
      account: { id: 101, name: 'a', balanceCents: 5_000_000, canTrade: true, isVisible: true, simulated: true },
    });

    expect(
      runPipeline({
        state,
        event: { kind: 'day-roll', at: 0, day: '2026-11-19', previousDay: '2026-11-18' },
        settings: settingsWith(),
        now: wednesdayMorning,
        lockFor: () => lock,
      }),
    ).toEqual({ breaches: [], actions: [], locks: [] });
  });
});
