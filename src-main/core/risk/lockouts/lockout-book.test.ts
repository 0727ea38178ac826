import { describe, expect, it } from 'vitest';
import { TestClock } from '../../clock';
import { silentLogger } from '../../logger';
import { MemoryStore } from '../../testing/memory-store';
import { wednesdayMorning } from '../testing/test-contracts';
import { LockoutBook, type LockChange } from './lockout-book';
import type { LockRequest } from './risk-lock';
import { lockDenial } from './risk-lock';

const account = 101;
const hour = 3_600_000;

function request(overrides: Partial<LockRequest>): LockRequest {
  return {
    symbol: null,
    kind: 'hard',
    ruleId: '003',
    reason: 'RULE-003 daily realized loss -$850.00 <= -$800.00',
    endsAt: wednesdayMorning + 7 * hour,
    condition: null,
    dayScoped: true,
    ...overrides,
  };
}

function build(store = new MemoryStore(), clock = new TestClock(wednesdayMorning)) {
  const changes: LockChange[] = [];
  const book = new LockoutBook(clock, store, silentLogger, (batch) => changes.push(...batch));
  return { book, clock, store, changes };
}

describe('lockouts', () => {
  it('answers with the most restrictive lock in force; a cooldown never shortens a hard lock', () => {
    const { book } = build();
    book.add(account, request({}));
    book.add(account, request({ kind: 'cooldown', ruleId: '007', endsAt: wednesdayMorning + 1800_000, dayScoped: false }));

    expect(book.effective(account, 'ES')).toMatchObject({ ruleId: '003', kind: 'hard' });
    expect(book.of(account)).toHaveLength(2);
  });

  it('lets a repeat extend a lock but never shorten it', () => {
    const { book, changes } = build();
    book.add(account, request({ kind: 'cooldown', ruleId: '006', endsAt: wednesdayMorning + 60_000 }));

    const shorter = book.add(account, request({ kind: 'cooldown', ruleId: '006', endsAt: wednesdayMorning + 30_000 }));
    const longer = book.add(account, request({ kind: 'cooldown', ruleId: '006', endsAt: wednesdayMorning + 90_000 }));

    expect(shorter).toBeUndefined();
    expect(longer?.change).toBe('extended');
    expect(book.effective(account, undefined)?.endsAt).toBe(wednesdayMorning + 90_000);
    expect(changes.map((change) => change.change)).toEqual(['added', 'extended']);
  });

  it('covers an order in a symbol with account locks and that symbol locks only', () => {
    const { book } = build();
    book.add(account, request({ symbol: 'RTY', kind: 'condition', ruleId: '011', endsAt: null, condition: 'symbol-unblocked' }));

    expect(book.effective(account, 'RTY')).toMatchObject({ symbol: 'RTY' });
    expect(book.effective(account, 'ES')).toBeUndefined();
    expect(book.effective(account, undefined)).toBeUndefined();
  });

  it('keeps its locks across a restart and sweeps the ones that ended while closed', () => {
    const first = build();
    first.book.add(account, request({}));
    first.book.add(account, request({ kind: 'cooldown', ruleId: '006', endsAt: wednesdayMorning + 60_000, dayScoped: false }));

    first.clock.advance(2 * 60_000);
    const second = build(first.store, first.clock);
    second.book.restore();

    expect(second.book.of(account).map((lock) => lock.ruleId)).toEqual(['003']);
    expect(second.changes).toEqual([expect.objectContaining({ change: 'expired', lock: expect.objectContaining({ ruleId: '006' }) })]);
  });

  it('lifts condition locks only when their condition holds, and day-scoped locks at the roll', () => {
    const { book } = build();
    book.add(account, request({ kind: 'condition', ruleId: '010', endsAt: null, condition: 'trading-enabled', dayScoped: false }));
    book.add(account, request({}));

    expect(book.liftCondition(account, 'symbol-unblocked')).toEqual([]);
    expect(book.liftCondition(account, 'trading-enabled')).toHaveLength(1);
    expect(book.rollDay(account)).toHaveLength(1);
    expect(book.of(account)).toEqual([]);
  });

  it('expires timed locks on the clock and reports the next expiry', () => {
    const { book, clock } = build();
    book.add(account, request({ kind: 'cooldown', ruleId: '006', endsAt: wednesdayMorning + 60_000 }));

    expect(book.nextExpiry()).toBe(wednesdayMorning + 60_000);
    clock.advance(60_000);
    expect(book.effective(account, undefined)).toBeUndefined();
    expect(book.sweep()).toHaveLength(1);
    expect(book.nextExpiry()).toBeUndefined();
  });

  it('explains a denial with the lock reason and its end in exchange time', () => {
    expect(lockDenial(request({}), 'America/Chicago')).toBe('RULE-003 daily realized loss -$850.00 <= -$800.00: trading locked until 2026-11-18 17:00 CT');
    expect(
      lockDenial(
        request({ symbol: 'RTY', kind: 'condition', endsAt: null, condition: 'symbol-unblocked', reason: 'RULE-011 RTY is blocked' }),
        'America/Chicago',
      ),
    ).toBe('RULE-011 RTY is blocked: RTY locked while it is in the symbol blocks');
  });
});
