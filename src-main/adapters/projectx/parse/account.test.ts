import { describe, expect, it } from 'vitest';
import { loadFixtureObject } from '../testing/fixtures';
import { accountView, parseAccountUpdate } from './account';
import { mergeRecord } from './merge';
import { userEventEntities } from './user-envelope';

function view(payload: unknown) {
  const record = parseAccountUpdate(payload);
  if (!record.ok) throw new Error(record.reason);
  return accountView(record.value);
}

describe('account payloads', () => {
  it('reads a wrapped GatewayUserAccount with the balance in cents', () => {
    const [entity] = userEventEntities([loadFixtureObject('hub-user-account-wrapped-1.json')]);

    expect(view(entity)).toEqual({
      ok: true,
      value: { id: 90000001, name: 'PRAC-V2-900001-80000001', balanceCents: 14984864, canTrade: true, isVisible: true, simulated: true },
    });
  });

  it('reads the docs sample that omits simulated', () => {
    const [account] = loadFixtureObject('rest-account-search-2.json').accounts as unknown[];

    expect(view(account)).toMatchObject({ ok: true, value: { id: 1, balanceCents: 5000000, simulated: false } });
  });

  it('merges a balance-only update into the known account', () => {
    const [entity] = userEventEntities([loadFixtureObject('hub-user-account-wrapped-1.json')]);
    const known = parseAccountUpdate(entity);
    const change = parseAccountUpdate({ id: 90000001, balance: 149800.5 });
    if (!known.ok || !change.ok) throw new Error('fixture did not parse');

    expect(accountView(change.value).ok).toBe(false);
    expect(accountView(mergeRecord(known.value, change.value))).toMatchObject({ ok: true, value: { name: 'PRAC-V2-900001-80000001', balanceCents: 14980050 } });
  });
});
