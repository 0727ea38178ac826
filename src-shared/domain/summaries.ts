import type { AccountId, EpochMs } from './ids';
import type { Cents } from './money';
import type { AccountView, ContractView, PositionView } from './trading';
import type { AccountProgramView } from '../programs';

/** An account with its trading day's figures. */
export interface AccountSummary {
  readonly account: AccountView;
  readonly tradingDay: string;
  readonly realizedCents: Cents;
  readonly feesCents: Cents;
  readonly openCents: Cents;
  /** Realized + open − fees. */
  readonly netCents: Cents;
  readonly fills: number;
  readonly selected: boolean;
  /** The account's Topstep program (detected from its name or balance, or chosen by the trader). */
  readonly program: AccountProgramView;
}

/** A position with its contract and P&L. */
export interface PositionSummary {
  readonly position: PositionView;
  readonly contract: ContractView;
  readonly markTicks: number | null;
  readonly openTicks: number;
  readonly openCents: Cents;
  readonly realizedCents: Cents;
  readonly feesCents: Cents;
}

/** Broker link health and performance figures for the diagnostics view. */
export interface DiagnosticsView {
  readonly channels: Readonly<Record<string, { readonly state: string; readonly lastEventAt: EpochMs | null; readonly eventsPerSecond: number }>>;
  readonly callLatencyMs: { readonly p50: number; readonly p95: number; readonly p99: number; readonly samples: number };
  readonly rateLimitHeadroom: Readonly<Record<string, number>>;
  readonly eventLoopLagMs: number;
  readonly accounts: readonly AccountId[];
}
