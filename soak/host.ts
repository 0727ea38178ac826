import type { CallChannel, CallRequest, CallResponse } from '../src-shared/contract';
import type { ContractClient } from '../src-shared/contract-client';
import { fail, type Result } from '../src-shared/result';
import { connectToHost } from '../src-main/cli/host-connection';
import type { Ledger } from './ledger';
import { residentKb, startHost, stopProcess, type HostReady, type SimReady, type Started } from './processes';
import { sleep } from './random';

/**
 * The headless host under soak: its process (started, killed with SIGKILL, restarted on the same
 * data folder) and one contract connection to it. Every call goes through `call`, which records it.
 */
export class HostUnderSoak {
  private process: Started<HostReady> | undefined;
  private client: ContractClient | undefined;
  private closeClient: (() => void) | undefined;
  /** True while the soak itself is stopping or killing the host: that exit is expected. */
  private expectingExit = false;
  public restarts = 0;
  public kills = 0;

  public constructor(
    private readonly sim: SimReady,
    private readonly dataDir: string,
    private readonly ledger: Ledger,
    private readonly clockNow: () => Promise<string>,
  ) {}

  /** True while the process runs and a connection is open. */
  public get up(): boolean {
    return this.process !== undefined && this.client?.attached === true;
  }

  public get pid(): number | undefined {
    return this.process?.ready.pid;
  }

  public rssKb(): number | null {
    return this.process === undefined ? null : residentKb(this.process.ready.pid);
  }

  /** Starts the host at the simulator's current clock and connects to it. */
  public async start(): Promise<void> {
    const started = await startHost(this.sim, this.dataDir, await this.clockNow());
    this.expectingExit = false;
    this.process = started;
    void started.exited.then((how) => {
      if (this.process !== started) return;
      this.process = undefined;
      if (!this.expectingExit) this.ledger.unexpectedExits.push(`host ${started.ready.pid} exited on its own (${how}): ${started.stderrTail()}`);
    });
    const connected = await connectToHost({ api: started.ready.api, token: started.ready.token }, 10_000);
    if (!connected.ok) throw new Error(`cannot connect to the host: ${connected.error.message}`);
    this.client = connected.value.client;
    this.closeClient = connected.value.close;
    this.client.on('orders.resolved', (resolution) => this.ledger.resolutions.push(resolution));
  }

  /** kill -9: no shutdown, no flush; calls in flight end as `not-connected`. */
  public async kill(): Promise<void> {
    const current = this.process;
    if (current === undefined) return;
    this.expectingExit = true;
    this.kills += 1;
    await stopProcess(current, 'SIGKILL');
    this.ledger.hostEnds.push(Date.now());
    this.process = undefined;
    this.client = undefined;
  }

  /** Starts the host again on the same data folder (after a kill or an exit). */
  public async restart(): Promise<void> {
    this.restarts += 1;
    await this.start();
  }

  /** SIGTERM, as at the end of the soak. */
  public async stop(): Promise<void> {
    const current = this.process;
    if (current === undefined) return;
    this.expectingExit = true;
    this.closeClient?.();
    await stopProcess(current, 'SIGTERM');
    this.ledger.hostEnds.push(Date.now());
    this.process = undefined;
    this.client = undefined;
  }

  /** A contract call, recorded with its answer. */
  public async call<C extends CallChannel>(channel: C, request: CallRequest<C>, accountId: number | null = null): Promise<Result<CallResponse<C>>> {
    const startedAt = Date.now();
    const client = this.client;
    const result = client === undefined ? fail<CallResponse<C>>('not-connected', 'the host is down') : await client.invoke(channel, request);
    const placed = channel === 'orders.place' && result.ok ? (result.value as CallResponse<'orders.place'>) : undefined;
    const failedTag = result.ok ? undefined : result.error.customTag;
    this.ledger.record({
      channel,
      accountId,
      startedAt,
      endedAt: Date.now(),
      ok: result.ok,
      code: result.ok ? null : result.error.code,
      customTag: placed?.customTag ?? failedTag ?? null,
      orderId: placed?.orderId ?? null,
    });
    if (placed !== undefined && accountId !== null) this.ledger.acknowledge({ accountId, orderId: placed.orderId, customTag: placed.customTag });
    return result;
  }

  /** A call that is not part of the workload (polls, the end's reads): not recorded. */
  public async read<C extends CallChannel>(channel: C, request: CallRequest<C>): Promise<Result<CallResponse<C>>> {
    const client = this.client;
    return client === undefined ? fail('not-connected', 'the host is down') : client.invoke(channel, request);
  }

  /** One sample of the share of time trading is active: a down host counts as not active. */
  public async sample(): Promise<void> {
    const state = this.up ? await this.read('connection.get', {}) : undefined;
    this.ledger.totalSamples += 1;
    if (state?.ok === true && state.value.trading === 'active') this.ledger.activeSamples += 1;
    if (this.ledger.totalSamples % 5 !== 0 || !this.up) return;
    const diagnostics = await this.read('diagnostics.get', {});
    if (!diagnostics.ok) return;
    for (const [family, left] of Object.entries(diagnostics.value.rateLimitHeadroom))
      this.ledger.minHeadroom[family] = Math.min(this.ledger.minHeadroom[family] ?? left, left);
  }

  /** Waits until trading is active, or `timeoutMs` passed; answers whether it is. */
  public async waitActive(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const state = await this.read('connection.get', {});
      if (state.ok && state.value.trading === 'active') return true;
      await sleep(200);
    }
    return false;
  }
}
