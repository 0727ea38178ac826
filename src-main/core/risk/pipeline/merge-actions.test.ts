import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LockRequest } from '../lockouts/risk-lock';
import type { RiskAction } from '../rules/rule-types';
import { mergeActions, mergeLocks } from './merge-actions';

const es = 'CON.F.US.EP.Z26';
const nq = 'CON.F.US.ENQ.Z26';

const anAction: fc.Arbitrary<RiskAction> = fc.oneof(
  fc.constant<RiskAction>({ kind: 'flatten-all' }),
  fc.record({ kind: fc.constant('flatten' as const), contractId: fc.constantFrom(es, nq), unlessProtected: fc.boolean() }),
  fc.record({ kind: fc.constant('reduce' as const), contractId: fc.constantFrom(es, nq), targetSize: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('cancel-all' as const), contractId: fc.constantFrom<string | null>(es, nq, null) }),
  // An order belongs to one contract: odd ids are ES orders here, even ones NQ.
  fc.integer({ min: 1, max: 4 }).map((orderId): RiskAction => ({ kind: 'cancel', contractId: orderId % 2 === 1 ? es : nq, orderId })),
  fc.integer({ min: 1, max: 4 }).map((orderId): RiskAction => ({ kind: 'move-stop', contractId: orderId % 2 === 1 ? es : nq, orderId, stopTicks: 100 })),
);

function lock(overrides: Partial<LockRequest>): LockRequest {
  return { symbol: null, kind: 'cooldown', ruleId: '006', reason: 'r', endsAt: 1000, condition: null, dayScoped: false, ...overrides };
}

describe('merging the actions of one event', () => {
  it('lets flatten-all absorb everything else', () => {
    expect(
      mergeActions([{ kind: 'flatten', contractId: es, unlessProtected: false }, { kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }]),
    ).toEqual([{ kind: 'flatten-all' }]);
  });

  it('lets a flatten absorb the reduces, cancels and stop moves of its contract, and an unconditional flatten win', () => {
    expect(
      mergeActions([
        { kind: 'reduce', contractId: es, targetSize: 1 },
        { kind: 'flatten', contractId: es, unlessProtected: true },
        { kind: 'cancel-all', contractId: es },
        { kind: 'move-stop', contractId: es, orderId: 1, stopTicks: 5 },
        { kind: 'flatten', contractId: es, unlessProtected: false },
        { kind: 'reduce', contractId: nq, targetSize: 2 },
        { kind: 'reduce', contractId: nq, targetSize: 1 },
      ]),
    ).toEqual([
      { kind: 'flatten', contractId: es, unlessProtected: false },
      { kind: 'reduce', contractId: nq, targetSize: 1 },
    ]);
  });

  it('orders flattens, reduces, cancels, then stop moves, and an account cancel-all absorbs the contract ones', () => {
    expect(
      mergeActions([
        { kind: 'move-stop', contractId: nq, orderId: 2, stopTicks: 5 },
        { kind: 'cancel', contractId: nq, orderId: 3 },
        { kind: 'cancel-all', contractId: nq },
        { kind: 'cancel-all', contractId: null },
        { kind: 'flatten', contractId: nq, unlessProtected: false },
      ]).map((action) => action.kind),
    ).toEqual(['flatten', 'cancel-all']);
  });

  it('is idempotent and independent of the order the rules produced actions in', () => {
    fc.assert(
      fc.property(fc.array(anAction, { maxLength: 12 }), (actions) => {
        const merged = mergeActions(actions);
        expect(mergeActions(merged)).toEqual(merged);
        expect(mergeActions([...actions].reverse())).toEqual(merged);
        expect(mergeActions([...actions, ...actions])).toEqual(merged);
      }),
    );
  });

  it('keeps the longest lock per scope, a hard lock winning a tie', () => {
    const cooldown = lock({ endsAt: 5000 });
    const hard = lock({ kind: 'hard', ruleId: '003', endsAt: 5000 });
    const symbol = lock({ symbol: 'RTY', kind: 'condition', endsAt: null, condition: 'symbol-unblocked' });

    expect(mergeLocks([lock({ endsAt: 1000 }), cooldown, hard, symbol])).toEqual([hard, symbol]);
  });
});
