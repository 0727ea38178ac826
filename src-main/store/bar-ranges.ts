import type { EpochMs } from '../../src-shared/domain/ids';

/** A half-open time range [from, to). */
export type TimeRange = readonly [EpochMs, EpochMs];

/**
 * The parts of [from, to) that no covered range reaches, in order. Covered ranges may come in
 * any order and may overlap; an empty request has nothing missing.
 */
export function missingRanges(covered: readonly TimeRange[], from: EpochMs, to: EpochMs): TimeRange[] {
  const missing: TimeRange[] = [];
  let cursor = from;
  for (const [start, end] of [...covered].sort((left, right) => left[0] - right[0])) {
    if (cursor >= to || start >= to) break;
    if (end <= cursor) continue;
    if (start > cursor) missing.push([cursor, start]);
    cursor = end;
  }
  if (cursor < to) missing.push([cursor, to]);
  return missing;
}
