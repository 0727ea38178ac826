import type { IpcMainInvokeEvent } from 'electron';
import { fail } from '../../src-shared/result';
import { ipcInvokeChannel } from '../../src-shared/wire';
import type { Dispatcher } from '../core/contract-dispatcher';
import type { Logger } from '../core/logger';
import type { ElectronModule } from './electron-module';

/** Serves contract calls over IPC; a message from any other sender is refused and logged. */
export function registerContractIpc(
  ipcMain: ElectronModule['ipcMain'],
  dispatcher: Dispatcher,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  logger: Logger,
): () => void {
  ipcMain.handle(ipcInvokeChannel, async (event, channel: unknown, request: unknown) => {
    if (!isTrusted(event)) {
      logger.warn({ channel: String(channel), url: event.senderFrame?.url ?? '' }, 'IPC from an untrusted sender refused');
      return fail('unauthorized', 'this sender may not use the terminal API');
    }
    return dispatcher.dispatch(channel, request);
  });
  return () => ipcMain.removeHandler(ipcInvokeChannel);
}
