import { contextBridge, ipcRenderer } from 'electron';
import type { TerminalApi } from '../src-shared/terminal-api';
import { createBridgeApi } from './bridge-api';

// The page gets window.terminal and nothing else of Electron.
const api: TerminalApi = createBridgeApi(ipcRenderer);
contextBridge.exposeInMainWorld('terminal', api);
