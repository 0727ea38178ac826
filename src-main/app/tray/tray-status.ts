import type { EventChannel } from '../../../src-shared/contract';
import type { ConnectionState } from '../../../src-shared/domain/connection';
import { formatDuration } from '../../../src-shared/domain/durations';
import { formatCents } from '../../../src-shared/domain/money';
import type { RiskStateView } from '../../../src-shared/domain/risk';
import type { AccountSummary } from '../../../src-shared/domain/summaries';
import { trayHealthLabels, trayHealthOf, trayHealthOrder, worstHealth, type TrayHealth } from './tray-health';

/** One account's line in the tooltip. */
export interface TrayAccountLine {
  readonly accountId: number;
  readonly name: string;
  readonly health: TrayHealth;
  readonly dayPnlCents: number | null;
  /** Epoch ms the account-wide lock ends; null for a lock that waits for a condition; undefined when unlocked. */
  readonly lockEndsAt: number | null | undefined;
  /** The account's program badge, e.g. `Combine 50K`, when known. */
  readonly program: string | null;
  /** Equity above the program's (or personal) loss floor, when there is one. */
  readonly toFloorCents: number | null;
  /** Every distance at a glance, for the menu (the tooltip has room for the floor only). */
  readonly distances: string | null;
}

/** What the tray shows now. */
export interface TrayStatus {
  readonly health: TrayHealth;
  readonly accounts: readonly TrayAccountLine[];
}

/** Windows cuts tray tooltips at 127 characters. */
const maxTooltipLength = 127;
/** Accounts named in the tooltip; the rest are counted. */
const maxTooltipAccounts = 3;

/**
 * Follows the contract's events and keeps what the tray shows: the connection, each account's day
 * P&L, and — when the risk manager publishes `risk.state` — its locks, warnings and enforcement.
 */
export class TrayStatusTracker {
  private connection: ConnectionState;
  private readonly summaries = new Map<number, AccountSummary>();
  private readonly risk = new Map<number, RiskStateView>();

  public constructor(connection: ConnectionState) {
    this.connection = connection;
  }

  /** Takes one contract event; true when it changed what the tray shows. */
  public take(channel: EventChannel, payload: unknown): boolean {
    if (channel === 'connection.changed') {
      this.connection = payload as ConnectionState;
      return true;
    }
    if (channel === 'accounts.changed') {
      const summary = payload as AccountSummary;
      this.summaries.set(summary.account.id, summary);
      return true;
    }
    if (channel === 'risk.state') {
      const view = payload as RiskStateView;
      this.risk.set(view.accountId, view);
      return true;
    }
    return false;
  }

  /** Takes a risk view read with a `risk.state` call (at start, before the first event). */
  public takeRisk(view: RiskStateView): void {
    this.risk.set(view.accountId, view);
  }

  /** The tray's state: the worst account, or the connection alone before any account is known. */
  public status(): TrayStatus {
    const ids = new Set<number>([...this.summaries.keys(), ...this.risk.keys()]);
    const accounts = [...ids]
      .filter((accountId) => this.summaries.get(accountId)?.account.isVisible !== false)
      .map((accountId) => this.line(accountId))
      .sort((a, b) => severity(b.health) - severity(a.health) || a.name.localeCompare(b.name));
    const connectionOnly = trayHealthOf({ connection: this.connection.broker, locks: 0, warnings: 0, enforcementFailed: false });
    return { health: worstHealth([connectionOnly, ...accounts.map((line) => line.health)]), accounts };
  }

  private line(accountId: number): TrayAccountLine {
    const summary = this.summaries.get(accountId);
    const view = this.risk.get(accountId);
    const health =
      view === undefined ? trayHealthOf({ connection: this.connection.broker, locks: 0, warnings: 0, enforcementFailed: false }) : this.riskHealth(view);
    return {
      accountId,
      name: summary?.account.name ?? view?.accountName ?? `#${accountId}`,
      health,
      dayPnlCents: summary?.netCents ?? (view === undefined ? null : view.dayRealizedCents + view.dayOpenCents - view.dayFeesCents),
      lockEndsAt: view?.effectiveLock?.endsAt,
      program: summary?.program.label ?? view?.program.program.label ?? null,
      toFloorCents: view?.distances.toFloorCents ?? null,
      distances: view === undefined ? null : distancesText(view, view.at),
    };
  }

  private riskHealth(view: RiskStateView): TrayHealth {
    const symbolLocks = view.locks.filter((lock) => lock.symbol !== null).length;
    const computed = trayHealthOf({
      connection: this.connection.broker,
      locks: view.effectiveLock === null ? 0 : 1,
      warnings: view.warnings.length + symbolLocks + (view.heartbeat.frozen ? 1 : 0),
      enforcementFailed: view.enforcement.failure !== null,
    });
    // The risk manager's own verdict counts too, should it know of a state this tracker does not.
    return worstHealth([computed, view.health]);
  }
}

/** An account's distances in one line: floor, daily loss limit, target, consistency, next tier, flat-by countdown. */
export function distancesText(view: RiskStateView, now: number): string | null {
  const d = view.distances;
  const parts = [
    d.toFloorCents === null ? null : `floor ${formatCents(d.toFloorCents)} away`,
    d.toDailyLossCents === null ? null : `daily loss limit ${formatCents(d.toDailyLossCents)} away`,
    d.toProfitTargetCents === null ? null : `target ${formatCents(d.toProfitTargetCents)} away`,
    d.consistencyAllowanceCents === null ? null : `consistency allows ${formatCents(d.consistencyAllowanceCents)}`,
    d.nextScaling === null ? null : `${d.nextScaling.lots} lots after ${formatCents(d.nextScaling.toProfitCents)}`,
    d.flatAt === null ? null : `flat in ${formatDuration(Math.max(0, d.flatAt - now))}`,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join(' · ');
}

function severity(health: TrayHealth): number {
  return trayHealthOrder.indexOf(health);
}

/** What starts the tooltip when the terminal runs on the built-in simulator. */
export const simulatorTooltipPrefix = 'SIM · ';

/**
 * The tooltip: the state (after `SIM · ` on the built-in simulator), then each account's program,
 * day P&L, distance to the loss floor and lock countdown, within 127 characters.
 */
export function trayTooltip(status: TrayStatus, now: number, simulator = false): string {
  const lines = [`${simulator ? simulatorTooltipPrefix : ''}Topstep Terminal: ${trayHealthLabels[status.health]}`];
  for (const account of status.accounts.slice(0, maxTooltipAccounts)) {
    const pnl = account.dayPnlCents === null ? '' : ` ${formatCents(account.dayPnlCents)}`;
    const lock = account.lockEndsAt === undefined ? '' : account.lockEndsAt === null ? ', locked' : `, locked ${formatDuration(account.lockEndsAt - now)}`;
    const program = account.program === null ? '' : ` ${account.program}`;
    const floor = account.toFloorCents === null ? '' : `, floor ${formatCents(account.toFloorCents)} away`;
    lines.push(`${account.name}${program}:${pnl}${floor}${lock}`);
  }
  const more = status.accounts.length - maxTooltipAccounts;
  if (more > 0) lines.push(`+${more} more`);
  const text = lines.join('\n');
  return text.length <= maxTooltipLength ? text : `${text.slice(0, maxTooltipLength - 1)}…`;
}

/** The earliest lock end still ahead; the tooltip's countdown is refreshed while there is one. */
export function nextLockEnd(status: TrayStatus, now: number): number | undefined {
  const ends = status.accounts.map((account) => account.lockEndsAt).filter((end): end is number => typeof end === 'number' && end > now);
  return ends.length === 0 ? undefined : Math.min(...ends);
}
