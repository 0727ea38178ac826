import { isCallChannel, type CallChannel } from '../../src-shared/contract';
import { fail } from '../../src-shared/result';
import { validateRequest, type ContractHandlers, type Dispatcher } from '../core/contract-dispatcher';
import type { Logger } from '../core/logger';

/** The channels a host answers itself rather than the core: its settings. */
export type HostSettingsChannel = Extract<CallChannel, `settings.${string}`>;

/** Handlers a host puts in front of the core's. */
export type HostHandlers = Pick<ContractHandlers, HostSettingsChannel>;

/**
 * A dispatcher that answers the host's own channels (validated like every call) and passes every
 * other call to the core's dispatcher.
 */
export function withHostHandlers(core: Dispatcher, handlers: HostHandlers, logger: Logger): Dispatcher {
  const own: Readonly<Record<string, unknown>> = handlers;
  return {
    async dispatch(channel, request) {
      if (!isCallChannel(channel) || typeof own[channel] !== 'function') return core.dispatch(channel, request);
      const parsed = validateRequest(channel, request);
      if (!parsed.ok) return parsed;
      const handler = own[channel] as (request: unknown) => unknown;
      try {
        return (await handler(parsed.value)) as Awaited<ReturnType<Dispatcher['dispatch']>>;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.error({ channel, error: message }, 'host handler threw');
        return fail('internal', `${channel} failed: ${message}`);
      }
    },
  };
}
