import type { TerminalApi } from '../../../src-shared/terminal-api';
import { tokenParameter } from '../../../src-shared/wire';
import { LinkStateStore } from './link-state';
import { SocketBridge } from './socket-bridge';

declare global {
  interface Window {
    /** Present in the desktop app, exposed by the preload. */
    readonly terminal?: TerminalApi;
  }
}

/** The page's one way to the terminal: the API and the state of the link under it. */
export interface TerminalBridge {
  readonly api: TerminalApi;
  readonly link: LinkStateStore;
}

const tokenStorageKey = 'terminal.token';

/** Uses Electron's window.terminal when present, otherwise the headless host's WebSocket. */
export function createTerminalBridge(): TerminalBridge {
  if (window.terminal !== undefined) return { api: window.terminal, link: new LinkStateStore('live') };
  const token = takeToken();
  const socket = new SocketBridge(window.location, token);
  return { api: socket.client, link: socket.link };
}

/** Reads the token from the page URL once, keeps it for reloads, and takes it out of the address bar. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(tokenParameter);
  if (fromUrl !== null) {
    sessionStorage.setItem(tokenStorageKey, fromUrl);
    url.searchParams.delete(tokenParameter);
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(tokenStorageKey) ?? '';
}
