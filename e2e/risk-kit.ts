import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../src-main/testing/eventually';
import { cli, cliJson, type CliRun, polling } from './cli';

/** A Wednesday, 10:00 in Chicago: the simulated market is open. */
export const marketOpen = '2026-11-18T16:00:00Z';
/** 17:00 CT on that Wednesday: the day roll and the next session open. */
export const dayRollAt = Date.parse('2026-11-18T23:00:00Z');

/** One row of `positions --json`. */
export interface PositionRow {
  readonly position: {
    readonly accountId: number;
    readonly contractId: string;
    readonly size: number;
    readonly averageTicks: number;
    readonly openedAt: number;
  };
  readonly contract: { readonly id: string; readonly symbol: string; readonly tickSize: number };
}

/** One row of `orders --json`. */
export interface OrderRow {
  readonly id: number;
  readonly contractId: string;
  readonly type: string;
  readonly side: string;
  readonly status: string;
  readonly parentOrderId: number | null;
}

/** What the scenarios read of `risk --json`. */
export interface RiskState {
  readonly health: string;
  readonly effectiveLock: {
    readonly ruleId: string;
    readonly kind: string;
    readonly startedAt: number;
    readonly endsAt: number | null;
    readonly denial: string;
  } | null;
  readonly breaches: readonly { readonly ruleId: string; readonly message: string; readonly repeats: number }[];
}

/** One row of `risk audit --json`. */
export interface AuditRow {
  readonly id: number;
  readonly at: number;
  readonly action: string;
  readonly actor: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** The broker's side as `GET /sim/state` shows it (the fields the scenarios read). */
export interface SimState {
  readonly clock: string;
  readonly positions: readonly { readonly accountId: number; readonly contractId: string; readonly size: number }[];
  readonly workingOrders: readonly { readonly id: number; readonly accountId: number; readonly contractId: string }[];
  readonly trades: readonly { readonly id: number; readonly accountId: number; readonly orderId: number; readonly profitAndLoss: number | null }[];
}

/** Where a simulator listens: its REST API (another app's view of the account) and its control API. */
export interface SimUrls {
  readonly rest: string;
  readonly control: string;
}

/** The simulator driven from a test: price moves and faults, its state, and REST calls as another app. */
export interface SimDriver {
  control(path: string, body: unknown): Promise<void>;
  state(): Promise<SimState>;
  rest<T>(path: string, body: unknown): Promise<T>;
}

/** Drives a simulator through its public control and REST APIs. */
export function simDriver(urls: SimUrls): SimDriver {
  let token: string | undefined;
  const post = async (url: string, body: unknown, bearer?: string): Promise<Response> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}: ${await response.text()}`);
    return response;
  };
  return {
    control: async (path, body) => {
      await post(`${urls.control}${path}`, body);
    },
    state: async () => (await (await fetch(`${urls.control}/state`)).json()) as SimState,
    rest: async <T>(path: string, body: unknown) => {
      token ??= ((await (await post(`${urls.rest}/api/Auth/loginKey`, { userName: 'demo', apiKey: 'demo' })).json()) as { token: string }).token;
      return (await (await post(`${urls.rest}${path}`, body, token)).json()) as T;
    },
  };
}

/** The terminal driven through its CLI, over one data folder (one host process at a time). */
export class Terminal {
  public constructor(public readonly dataDir: string) {}

  /** Runs a CLI command and parses its JSON output. */
  public json<T>(...args: string[]): Promise<T> {
    return cliJson<T>(this.dataDir, ...args);
  }

  /** Runs a CLI command as it is (to read a refusal and its exit code). */
  public run(...args: string[]): Promise<CliRun> {
    return cli(this.dataDir, ...args);
  }

  /** The selected account's id. */
  public async accountId(): Promise<number> {
    const accounts = await this.json<{ account: { id: number }; selected: boolean }[]>('accounts');
    const selected = accounts.find((row) => row.selected);
    if (selected === undefined) throw new Error('no account is selected');
    return selected.account.id;
  }

  /** The terminal's clock (it may run at another date than this machine). */
  public async now(): Promise<number> {
    return (await this.json<{ terminalTime: number }>('status')).terminalTime;
  }

  /** Waits until the broker link trades (connected and reconciled). */
  public async waitActive(): Promise<void> {
    await eventually(
      async () => ((await this.json<{ connection: { trading: string } }>('status')).connection.trading === 'active' ? true : undefined),
      'trading to become active',
      polling(20_000),
    );
  }

  /**
   * Switches the discipline rules on (`risk preset discipline`): the rules of docs/risk-rules.md §10's
   * scenarios (003, 004, 006, 007, 008, 002) are off on a fresh account.
   */
  public async discipline(): Promise<void> {
    await this.json('risk', 'preset', 'discipline');
  }

  /** Merges a partial risk configuration (its JSON form, dollars) with `risk set`; throws when it is refused. */
  public async riskSet(partial: Record<string, unknown>): Promise<void> {
    await this.json('risk', 'set', configFile(partial));
  }

  /** Tries `risk set` with a partial configuration, for a refusal. */
  public tryRiskSet(partial: Record<string, unknown>): Promise<CliRun> {
    return this.run('risk', 'set', configFile(partial));
  }

  /** Waits for the position of a symbol with the given signed size. */
  public position(symbol: string, size: number, timeoutMs = 15_000): Promise<PositionRow> {
    return eventually(
      async () => (await this.json<PositionRow[]>('positions')).find((row) => row.contract.symbol === symbol && row.position.size === size),
      `a ${symbol} position of ${size}`,
      polling(timeoutMs),
    );
  }

  /** Waits until the account holds nothing in a symbol (every symbol when none is given). */
  public flat(symbol?: string, timeoutMs = 15_000): Promise<true> {
    return eventually(
      async () => ((await this.json<PositionRow[]>('positions')).some((row) => symbol === undefined || row.contract.symbol === symbol) ? undefined : true),
      `no ${symbol ?? ''} position`,
      polling(timeoutMs),
    );
  }

  /** The account's risk panel. */
  public risk(): Promise<RiskState> {
    return this.json<RiskState>('risk');
  }

  /** Waits until the account's most restrictive lock is one of this rule. */
  public lockedBy(ruleId: string, timeoutMs = 15_000): Promise<RiskState> {
    return eventually(
      async () => {
        const state = await this.risk();
        return state.effectiveLock?.ruleId === ruleId ? state : undefined;
      },
      `a RULE-${ruleId} lock`,
      polling(timeoutMs),
    );
  }

  /** The account's risk audit rows, oldest first. */
  public async audit(): Promise<AuditRow[]> {
    return [...(await this.json<{ entries: AuditRow[] }>('risk', 'audit', '--limit', '500')).entries].reverse();
  }
}

/** Writes a partial risk configuration to a file for `risk set`. */
function configFile(partial: Record<string, unknown>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'e2e-risk-')), 'risk.json');
  writeFileSync(file, JSON.stringify(partial));
  return file;
}

/** Audit rows of one rule's action kind (e.g. `risk.enforce` by `risk:004`). */
export function rowsOf(rows: readonly AuditRow[], action: string, actor: string): AuditRow[] {
  return rows.filter((row) => row.action === action && row.actor === actor);
}

/** A price `ticks` ticks away from a position's average, on the tick grid (rounded away from the average). */
export function priceAway(row: PositionRow, ticks: number): number {
  const target = ticks < 0 ? Math.floor(row.position.averageTicks + ticks) : Math.ceil(row.position.averageTicks + ticks);
  return target * row.contract.tickSize;
}
