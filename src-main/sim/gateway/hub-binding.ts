/**
 * Argument binding as ASP.NET SignalR does it: the count must match and each value must have
 * the parameter's JSON type (an account id sent as a string fails).
 */

/** The JSON type of one hub-method parameter. */
export type ParameterKind = 'integer' | 'string';

/** The bound values, or the error text the completion carries. */
export type Binding = { readonly ok: true; readonly values: readonly (number | string)[] } | { readonly ok: false; readonly error: string };

/** Binds a client's arguments to a method's parameters. */
export function bindArguments(target: string, args: readonly unknown[], kinds: readonly ParameterKind[]): Binding {
  if (args.length !== kinds.length) {
    return { ok: false, error: invocationError(target, `Invocation provides ${args.length} argument(s) but target expects ${kinds.length}.`) };
  }
  const values: (number | string)[] = [];
  for (const [index, kind] of kinds.entries()) {
    const value = args[index];
    if (kind === 'integer' && typeof value === 'number' && Number.isSafeInteger(value)) values.push(value);
    else if (kind === 'string' && typeof value === 'string') values.push(value);
    else {
      return {
        ok: false,
        error: invocationError(
          target,
          'Error binding arguments. Make sure that the types of the provided values match the types of the hub method being invoked.',
        ),
      };
    }
  }
  return { ok: true, values };
}

/** The completion error of a method that does not exist on the hub. */
export function unknownMethodError(target: string): string {
  return `Unknown hub method '${target}'`;
}

/** The completion error for a failure inside a method. */
export function invocationError(target: string, detail: string): string {
  return `Failed to invoke '${target}' due to an error on the server. InvalidDataException: ${detail}`;
}

/** Drops null and undefined fields: stream payloads leave them out rather than sending null. */
export function withoutNulls<T extends object>(value: T): Partial<T> {
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== null && field !== undefined) result[key] = field;
  return result as Partial<T>;
}

/** A `Subscribe<Name>` or `Unsubscribe<Name>` method and the topic it acts on. */
export interface SubscriptionMethod<T extends string> {
  readonly topic: T;
  readonly subscribe: boolean;
}

/** The methods `Subscribe<Name>` and `Unsubscribe<Name>` of each pair, keyed in lower case (hub method names ignore case). */
export function subscriptionMethods<T extends string>(pairs: readonly (readonly [name: string, topic: T])[]): ReadonlyMap<string, SubscriptionMethod<T>> {
  const methods = new Map<string, SubscriptionMethod<T>>();
  for (const [name, topic] of pairs) {
    methods.set(`subscribe${name}`.toLowerCase(), { topic, subscribe: true });
    methods.set(`unsubscribe${name}`.toLowerCase(), { topic, subscribe: false });
  }
  return methods;
}
