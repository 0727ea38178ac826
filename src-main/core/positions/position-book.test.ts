import { describe, expect, it } from 'vitest';
import type { PositionView } from '../../../src-shared/domain/trading';
import { PositionBook } from './position-book';

const long: PositionView = { accountId: 1, contractId: 'CON.F.US.ENQ.Z26', size: 1, averageTicks: 100_000, openedAt: 0 };

describe('position book reconciliation against the stream', () => {
  it('keeps a close the stream reported after the snapshot read its positions (the read is older)', () => {
    const book = new PositionBook();
    book.apply(long, 500);
    // The flatten's close arrives at 2,000; a reconciliation read positions from 1,000 and still saw the long.
    book.apply({ ...long, size: 0 }, 2_000);

    expect(book.reconcile(1, [long], 1_000)).toEqual([]);
    expect(book.get(1, long.contractId)).toBeUndefined();
  });

  it('takes the snapshot when nothing newer was heard', () => {
    const book = new PositionBook();
    book.apply(long, 500);

    expect(book.reconcile(1, [], 1_000)).toEqual([long.contractId]);
    expect(book.get(1, long.contractId)).toBeUndefined();
    expect(book.reconcile(1, [{ ...long, size: 2 }], 3_000)).toEqual([long.contractId]);
    expect(book.get(1, long.contractId)?.size).toBe(2);
  });
});
