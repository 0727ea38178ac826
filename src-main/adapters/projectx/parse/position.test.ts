import { describe, expect, it } from 'vitest';
import { loadFixtureArray, loadFixtureObject } from '../testing/fixtures';
import { parsePosition, positionView } from './position';
import { userEventEntities } from './user-envelope';

function view(payload: unknown, tickSize: number) {
  const record = parsePosition(payload);
  if (!record.ok) throw new Error(record.reason);
  return positionView(record.value, tickSize);
}

describe('position payloads', () => {
  it('reads a close (action 2, type 0, size 0) as flat', () => {
    const [entity] = userEventEntities([loadFixtureObject('hub-user-position-wrapped-1.json')]);

    expect(view(entity, 0.25)).toEqual({ ok: true, value: expect.objectContaining({ accountId: 90000001, contractId: 'CON.F.US.MNQ.U26', size: 0 }) });
  });

  it('reads a long of 15 lots with an integer-valued average price', () => {
    const [entity] = userEventEntities(loadFixtureArray('hub-user-position-args-1.json'));

    expect(view(entity, 1)).toEqual({
      ok: true,
      value: { accountId: 90000005, contractId: 'CON.F.US.MYM.M26', size: 15, averageTicks: 49909, openedAt: Date.UTC(2026, 4, 6, 13, 36, 3, 624) },
    });
  });

  it('signs a short position negative', () => {
    const sequence = loadFixtureArray('hub-user-sequence-1.json') as { event: string; payload: unknown }[];
    const [entity] = userEventEntities([sequence[5]?.payload]);

    expect(view(entity, 0.25)).toMatchObject({ ok: true, value: { size: -1, averageTicks: 24111 } });
  });

  it('parses Position/searchOpen answers with 9-decimal averages, with or without contractDisplayName', () => {
    const [documented] = loadFixtureObject('rest-position-searchOpen-1.json').positions as unknown[];
    const [live] = loadFixtureArray('rest-position-searchOpen-2.json');

    expect(view(documented, 0.25)).toMatchObject({ ok: true, value: { size: 2, averageTicks: 6303 } });
    expect(view(live, 0.25)).toMatchObject({ ok: true, value: { size: 1, averageTicks: 103112 } });
  });

  it('refuses an open position without a direction', () => {
    expect(view({ id: 1, accountId: 2, contractId: 'C', creationTimestamp: '2026-01-01T00:00:00Z', type: 0, size: 3, averagePrice: 1 }, 1).ok).toBe(false);
  });
});
