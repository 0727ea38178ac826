import { isRecord } from './wire';

/**
 * The entities inside the arguments of a user-hub event, in order (docs/projectx-gateway.md §6.1):
 * an array is handled item by item, an item with `data` is unwrapped (`{action, data}`),
 * anything else is taken as the flat entity. Null items are dropped.
 */
export function userEventEntities(args: readonly unknown[]): unknown[] {
  const entities: unknown[] = [];
  for (const argument of args) {
    for (const item of Array.isArray(argument) ? argument : [argument]) {
      if (item === null || item === undefined) continue;
      if (isRecord(item) && 'data' in item) {
        const data = item.data;
        if (Array.isArray(data)) entities.push(...data.filter((entry) => entry !== null && entry !== undefined));
        else if (data !== null && data !== undefined) entities.push(data);
        continue;
      }
      entities.push(item);
    }
  }
  return entities;
}
