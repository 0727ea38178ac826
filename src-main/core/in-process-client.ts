import type { CallChannel, CallRequest, CallResponse } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import type { Dispatcher } from './contract-dispatcher';

/** The contract as main-process callers (tray, desktop services) use it: typed requests and answers, validated like a client's. */
export interface InProcessClient {
  call<C extends CallChannel>(channel: C, request: CallRequest<C>): Promise<Result<CallResponse<C>>>;
}

/**
 * A typed client over the one dispatcher. The dispatcher validates every request against its
 * channel's schema and the handler map is typed per channel, so the answer has the channel's type.
 */
export function inProcessClient(dispatcher: Dispatcher): InProcessClient {
  return {
    call: <C extends CallChannel>(channel: C, request: CallRequest<C>) => dispatcher.dispatch(channel, request) as Promise<Result<CallResponse<C>>>,
  };
}
