import { describe, expect, it } from 'vitest';
import { loadFixture, loadFixtureArray, loadFixtureObject } from '../testing/fixtures';
import { userEventEntities } from './user-envelope';

describe('user-hub envelope normalisation', () => {
  it('unwraps the live {action, data} form a JS handler receives', () => {
    const argument = loadFixture('hub-user-order-wrapped-1.json');

    const entities = userEventEntities([argument]);

    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ id: 3425270858, status: 5 });
  });

  it('unwraps every envelope of an arguments array, in order', () => {
    const args = loadFixtureArray('hub-user-order-args-1.json');
    const twice = [[...args, ...args]];

    expect(userEventEntities(args)).toEqual([expect.objectContaining({ id: 2934939764, status: 6 })]);
    expect(userEventEntities(twice)).toHaveLength(2);
  });

  it('takes a bare entity (the docs form) as it is', () => {
    const flat = loadFixtureObject('hub-user-trade-wrapped-1.json').data;

    expect(userEventEntities([flat])).toEqual([flat]);
  });

  it('reads the arguments of a decoded SignalR frame', () => {
    const frame = loadFixtureObject('hub-frame-user-order-abbrev-1.json');

    const entities = userEventEntities(frame.arguments as unknown[]);

    expect(entities).toEqual([expect.objectContaining({ id: 2669189964, filledPrice: 24466.5 })]);
  });

  it('drops null items and null data, and spreads a data array', () => {
    const entities = userEventEntities([
      null,
      [
        { action: 1, data: null },
        { action: 1, data: [{ id: 1 }, null, { id: 2 }] },
      ],
    ]);

    expect(entities).toEqual([{ id: 1 }, { id: 2 }]);
  });
});
