import type { CallChannel, CallRequest, CallResponse, EventChannel, EventPayload } from './contract';
import type { Result } from './result';

/** The typed API every client sees, whether it rides Electron IPC or the WebSocket. */
export interface TerminalApi {
  /** Runs a contract call. Never rejects: failures come back as a failed Result. */
  invoke<C extends CallChannel>(channel: C, request: CallRequest<C>): Promise<Result<CallResponse<C>>>;
  /** Listens to an event channel; returns the function that stops listening. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
}
