import { useMutation } from '@tanstack/react-query';
import type { CallChannel, CallRequest, CallResponse } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';
import { ContractCallError, callOrThrow, useTerminalApi } from '../bridge/bridge-context';

/** A contract call run from a button: its pending state and the typed failure to show in place. */
export interface ContractAction<C extends CallChannel> {
  run(request: CallRequest<C>): Promise<CallResponse<C> | undefined>;
  readonly pending: boolean;
  readonly error: AppError | undefined;
  reset(): void;
}

/** Runs a call as a mutation; a failure is kept as its AppError (a denial's reason), never thrown. */
export function useContractAction<C extends CallChannel>(channel: C): ContractAction<C> {
  const api = useTerminalApi();
  const mutation = useMutation<CallResponse<C>, Error, CallRequest<C>>({ mutationFn: (request) => callOrThrow(api, channel, request) });
  const failure = mutation.error;
  return {
    run: async (request) => {
      try {
        return await mutation.mutateAsync(request);
      } catch {
        return undefined;
      }
    },
    pending: mutation.isPending,
    error: failure === null ? undefined : failure instanceof ContractCallError ? failure.error : { code: 'internal', message: failure.message },
    reset: mutation.reset,
  };
}

/** One line for a failed call, as the trader reads it: `Risk denied: daily loss limit reached`. */
export function describeError(error: AppError): string {
  const labels: Record<AppError['code'], string> = {
    'invalid-request': 'Invalid',
    'unknown-channel': 'Unsupported',
    unauthorized: 'Unauthorized',
    'not-connected': 'Not connected',
    'not-found': 'Not found',
    timeout: 'Timed out',
    'not-sent': 'Not sent',
    'unknown-outcome': 'Outcome unknown',
    cancelled: 'Cancelled',
    'risk-denied': 'Risk denied',
    'broker-rejected': 'Rejected by broker',
    'too-large': 'Too large',
    internal: 'Error',
  };
  return `${labels[error.code]}: ${error.message}`;
}
