import type { PositionModel } from './exchange-api';
import type { ProductSpec } from './product-catalogue';
import { positionType } from './projectx-enums';
import { averageTicksToPrice, ticksToCents } from './tick-math';

/** Contracts bought or sold at one price, kept first in, first out. */
interface Lot {
  readonly priceTicks: number;
  size: number;
}

/** One open net position of an account in a contract. */
export interface PositionRecord {
  readonly id: number;
  readonly accountId: number;
  readonly spec: ProductSpec;
  readonly contractId: string;
  readonly displayName: string;
  readonly creationTimestamp: string;
  readonly long: boolean;
  size: number;
  readonly lots: Lot[];
}

/** A fill as the ledger needs it. */
export interface PositionFill {
  readonly accountId: number;
  readonly spec: ProductSpec;
  readonly contractId: string;
  readonly displayName: string;
  readonly buy: boolean;
  readonly priceTicks: number;
  readonly size: number;
  readonly timestamp: string;
}

/** What a fill did: realized P&L in cents (null when it only opened) and the positions to publish, in order. */
export interface PositionOutcome {
  readonly realizedCents: number | null;
  readonly positions: PositionModel[];
}

function averageTicks(record: PositionRecord): number {
  let cost = 0;
  for (const lot of record.lots) cost += lot.priceTicks * lot.size;
  return record.size === 0 ? 0 : cost / record.size;
}

/** The `PositionModel` of a position; a flat one is sent once with size 0 and type 0, keeping its last average. */
export function positionModelOf(record: PositionRecord, flatAverageTicks?: number): PositionModel {
  const flat = flatAverageTicks !== undefined;
  return {
    id: record.id,
    accountId: record.accountId,
    contractId: record.contractId,
    contractDisplayName: record.displayName,
    creationTimestamp: record.creationTimestamp,
    type: flat ? positionType.undefined : record.long ? positionType.long : positionType.short,
    size: flat ? 0 : record.size,
    averagePrice: averageTicksToPrice(record.spec, flat ? flatAverageTicks : averageTicks(record)),
  };
}

/**
 * Net positions per account and contract. Closing fills are matched against the oldest lots first
 * (FIFO), and realized P&L is the tick difference times the tick value, in integer cents.
 */
export class PositionLedger {
  private readonly open = new Map<string, PositionRecord>();

  public constructor(private readonly nextId: () => number) {}

  /** The open position of an account in a contract, or undefined when flat. */
  public get(accountId: number, contractId: string): PositionRecord | undefined {
    return this.open.get(`${accountId}:${contractId}`);
  }

  /** Open positions, of one account or of all. */
  public list(accountId?: number): PositionRecord[] {
    return [...this.open.values()].filter((record) => accountId === undefined || record.accountId === accountId);
  }

  /** Applies a fill: closes against the position first, then opens (or adds) with what is left. */
  public apply(fill: PositionFill): PositionOutcome {
    const key = `${fill.accountId}:${fill.contractId}`;
    const positions: PositionModel[] = [];
    let record = this.open.get(key);
    let realizedCents: number | null = null;
    let remaining = fill.size;
    if (record !== undefined && record.long !== fill.buy) {
      const average = averageTicks(record);
      realizedCents = 0;
      while (remaining > 0 && record.size > 0) {
        const lot = record.lots[0];
        if (lot === undefined) break;
        const quantity = Math.min(lot.size, remaining);
        const delta = record.long ? fill.priceTicks - lot.priceTicks : lot.priceTicks - fill.priceTicks;
        realizedCents += ticksToCents(fill.spec, delta, quantity);
        lot.size -= quantity;
        record.size -= quantity;
        remaining -= quantity;
        if (lot.size === 0) record.lots.shift();
      }
      if (record.size === 0) {
        positions.push(positionModelOf(record, average));
        this.open.delete(key);
        record = undefined;
      } else {
        positions.push(positionModelOf(record));
      }
    }
    if (remaining > 0) {
      if (record === undefined) {
        record = {
          id: this.nextId(),
          accountId: fill.accountId,
          spec: fill.spec,
          contractId: fill.contractId,
          displayName: fill.displayName,
          creationTimestamp: fill.timestamp,
          long: fill.buy,
          size: 0,
          lots: [],
        };
        this.open.set(key, record);
      }
      record.lots.push({ priceTicks: fill.priceTicks, size: remaining });
      record.size += remaining;
      positions.push(positionModelOf(record));
    }
    return { realizedCents, positions };
  }
}
