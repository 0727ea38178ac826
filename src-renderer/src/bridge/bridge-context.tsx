import { createContext, useContext, useEffect, useLayoutEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { CallChannel, CallRequest, CallResponse, EventChannel, EventPayload } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';
import type { TerminalApi } from '../../../src-shared/terminal-api';
import type { LinkState } from './link-state';
import type { TerminalBridge } from './terminal-bridge';

const BridgeContext = createContext<TerminalBridge | undefined>(undefined);

/** Makes the bridge available to every feature. */
export function BridgeProvider({ bridge, children }: { bridge: TerminalBridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

function useBridge(): TerminalBridge {
  const bridge = useContext(BridgeContext);
  if (bridge === undefined) throw new Error('BridgeProvider is missing');
  return bridge;
}

/** The typed terminal API. */
export function useTerminalApi(): TerminalApi {
  return useBridge().api;
}

/** The state of the link to the terminal process, re-rendering on change. */
export function useLinkState(): LinkState {
  const { link } = useBridge();
  return useSyncExternalStore(link.subscribe, link.get);
}

/** Listens to an event channel while the component is mounted. */
export function useContractEvent<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): void {
  const api = useTerminalApi();
  const latest = useRef(listener);
  useLayoutEffect(() => {
    latest.current = listener;
  });
  useEffect(() => api.on(channel, (payload) => latest.current(payload)), [api, channel]);
}

/** A failed call, thrown for react-query and error boundaries. */
export class ContractCallError extends Error {
  public constructor(public readonly error: AppError) {
    super(`${error.code}: ${error.message}`);
  }
}

/** Runs a call and returns its value, throwing ContractCallError on failure (for react-query). */
export async function callOrThrow<C extends CallChannel>(api: TerminalApi, channel: C, request: CallRequest<C>): Promise<CallResponse<C>> {
  const result = await api.invoke(channel, request);
  if (!result.ok) throw new ContractCallError(result.error);
  return result.value;
}
