import { ContractClient } from '../../../src-shared/contract-client';
import { apiPath, sessionCheckPath, tokenParameter } from '../../../src-shared/wire';
import { LinkStateStore } from './link-state';

const firstRetryMs = 250;
const maxRetryMs = 5000;

/** The contract over the headless host's WebSocket, reconnecting with backoff for as long as the page lives. */
export class SocketBridge {
  public readonly client = new ContractClient({ callTimeoutMs: 30_000 });
  public readonly link = new LinkStateStore('connecting');
  private retryMs = firstRetryMs;

  public constructor(
    private readonly origin: { readonly host: string; readonly protocol: string },
    private readonly token: string,
  ) {
    this.connect();
  }

  private connect(): void {
    const scheme = this.origin.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${this.origin.host}${apiPath}?${tokenParameter}=${encodeURIComponent(this.token)}`);
    socket.addEventListener('open', () => {
      this.retryMs = firstRetryMs;
      this.client.attach((text) => socket.send(text));
      this.link.set('live');
    });
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (typeof event.data === 'string') this.client.receive(event.data);
    });
    socket.addEventListener('close', () => {
      this.client.detach('the link to the terminal was lost');
      void this.scheduleReconnect();
    });
  }

  private async scheduleReconnect(): Promise<void> {
    if (await this.tokenRefused()) {
      this.link.set('refused');
      return;
    }
    this.link.set('reconnecting');
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, maxRetryMs);
    setTimeout(() => this.connect(), delay);
  }

  /** A browser cannot read why an upgrade failed; ask over HTTP whether the token is the problem. */
  private async tokenRefused(): Promise<boolean> {
    try {
      const response = await fetch(`${sessionCheckPath}?${tokenParameter}=${encodeURIComponent(this.token)}`, { cache: 'no-store' });
      return response.status === 401;
    } catch {
      return false;
    }
  }
}
