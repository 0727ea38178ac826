import type { AccountModel } from './exchange-api';
import { centsToDollars, dollarsToCents } from './tick-math';

/** How brackets on `Order/place` are treated: Auto OCO accepts them, Position Brackets refuses them. */
export type BracketMode = 'auto-oco' | 'position';

/** An account as configured (money in dollars, as the control API speaks). */
export interface AccountSettings {
  readonly id?: number;
  readonly name: string;
  readonly balance: number;
  readonly canTrade?: boolean;
  readonly isVisible?: boolean;
  readonly simulated?: boolean;
  /** Bracket handling; `auto-oco` when absent. */
  readonly bracketMode?: BracketMode;
  /** A live (funded) account: cancel answers 6 "Live accounts not supported", partial close 9. */
  readonly live?: boolean;
  /** A copy-trade follower: cancel answers 6 "Follower accounts cannot cancel orders". */
  readonly follower?: boolean;
}

/** An account inside the exchange (money in cents). */
export interface AccountRecord {
  readonly id: number;
  name: string;
  balanceCents: number;
  canTrade: boolean;
  isVisible: boolean;
  simulated: boolean;
  bracketMode: BracketMode;
  live: boolean;
  follower: boolean;
}

/** The exchange's accounts and their balances. */
export class SimAccountLedger {
  private readonly records = new Map<number, AccountRecord>();

  public constructor(settings: readonly AccountSettings[]) {
    for (const account of settings) this.upsert(account);
  }

  /** The account with an id, or undefined. */
  public get(id: number): AccountRecord | undefined {
    return this.records.get(id);
  }

  /** Every account, by id. */
  public all(): AccountRecord[] {
    return [...this.records.values()].sort((left, right) => left.id - right.id);
  }

  /** Creates an account (a fresh id when none is given) or updates the one with the id. */
  public upsert(settings: AccountSettings): AccountRecord {
    const existing = settings.id === undefined ? undefined : this.records.get(settings.id);
    if (existing !== undefined) {
      existing.name = settings.name;
      existing.balanceCents = dollarsToCents(settings.balance);
      if (settings.canTrade !== undefined) existing.canTrade = settings.canTrade;
      if (settings.isVisible !== undefined) existing.isVisible = settings.isVisible;
      if (settings.simulated !== undefined) existing.simulated = settings.simulated;
      if (settings.bracketMode !== undefined) existing.bracketMode = settings.bracketMode;
      if (settings.live !== undefined) existing.live = settings.live;
      if (settings.follower !== undefined) existing.follower = settings.follower;
      return existing;
    }
    const id = settings.id ?? this.nextId();
    const record: AccountRecord = {
      id,
      name: settings.name,
      balanceCents: dollarsToCents(settings.balance),
      canTrade: settings.canTrade ?? true,
      isVisible: settings.isVisible ?? true,
      simulated: settings.simulated ?? !(settings.live ?? false),
      bracketMode: settings.bracketMode ?? 'auto-oco',
      live: settings.live ?? false,
      follower: settings.follower ?? false,
    };
    this.records.set(id, record);
    return record;
  }

  /** Adds (or with a negative amount, takes) cents. */
  public adjust(record: AccountRecord, cents: number): void {
    record.balanceCents += cents;
  }

  private nextId(): number {
    let highest = 0;
    for (const id of this.records.keys()) highest = Math.max(highest, id);
    return highest === 0 ? 18_101 : highest + 1;
  }
}

/** The `TradingAccountModel` of an account. */
export function accountModelOf(record: AccountRecord): AccountModel {
  return {
    id: record.id,
    name: record.name,
    balance: centsToDollars(record.balanceCents),
    canTrade: record.canTrade,
    isVisible: record.isVisible,
    simulated: record.simulated,
  };
}
