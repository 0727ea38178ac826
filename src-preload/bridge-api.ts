import { isCallChannel, isEventChannel } from '../src-shared/contract';
import { fail } from '../src-shared/result';
import type { TerminalApi } from '../src-shared/terminal-api';
import { ipcEventChannel, ipcInvokeChannel } from '../src-shared/wire';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Builds `window.terminal`: invoke and on for contract channels only, nothing else of IPC. */
export function createBridgeApi(ipc: IpcRendererLike): TerminalApi {
  return {
    invoke: async (channel, request) => {
      if (!isCallChannel(channel)) return fail('unknown-channel', `unknown channel '${String(channel)}'`, 'channel');
      return (await ipc.invoke(ipcInvokeChannel, channel, request)) as never;
    },
    on: (channel, listener) => {
      if (!isEventChannel(channel)) throw new Error(`unknown event channel '${String(channel)}'`);
      const forward = (_event: unknown, ...args: unknown[]): void => {
        if (args[0] === channel) listener(args[1] as never);
      };
      ipc.on(ipcEventChannel, forward);
      return () => {
        ipc.removeListener(ipcEventChannel, forward);
      };
    },
  };
}
