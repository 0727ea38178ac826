import type { OrderResolution } from '../src-shared/contract';

/** One call the soak made (a contract call, or a REST call as another app) and its answer. */
export interface CallRecord {
  readonly channel: string;
  readonly accountId: number | null;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly ok: boolean;
  /** The error code of a failure (a contract code, or `http-429` and the like for REST). */
  readonly code: string | null;
  /** The client tag of a place: its answer's, or the one an `unknown-outcome` failure names. */
  readonly customTag: string | null;
  readonly orderId: number | null;
}

/** An order the terminal acknowledged with an order id. */
export interface AcknowledgedOrder {
  readonly accountId: number;
  readonly orderId: number;
  readonly customTag: string;
}

/** Everything the soak did and was answered, for the summary and the end's comparisons. */
export class Ledger {
  public readonly calls: CallRecord[] = [];
  public readonly acknowledged = new Map<string, AcknowledgedOrder>();
  public readonly faults: { readonly kind: string; readonly at: number; readonly ok: boolean }[] = [];
  public readonly resolutions: OrderResolution[] = [];
  /** Host exits the soak did not cause: code or signal, and the host's last stderr lines. */
  public readonly unexpectedExits: string[] = [];
  /** Samples of `connection.get` (or of the host being down): how many found trading active. */
  public activeSamples = 0;
  public totalSamples = 0;
  /** The lowest REST budget left the terminal reported (`diagnostics.get`), per family. */
  public readonly minHeadroom: Record<string, number> = {};
  /** When a host process was ended by the soak (kill -9 or a stop). */
  public readonly hostEnds: number[] = [];
  /** The connection state of a host that did not trade again after the faults. */
  public stuck: string | undefined;

  public record(call: CallRecord): void {
    this.calls.push(call);
  }

  public acknowledge(order: AcknowledgedOrder): void {
    this.acknowledged.set(order.customTag, order);
  }

  public fault(kind: string, ok: boolean): void {
    this.faults.push({ kind, at: Date.now(), ok });
  }

  /** Counts per channel: ok, failed, and the failures by code. */
  public callCounts(): { total: number; ok: number; failed: number; byChannel: Record<string, { ok: number; failed: number; codes: Record<string, number> }> } {
    const byChannel: Record<string, { ok: number; failed: number; codes: Record<string, number> }> = {};
    let ok = 0;
    for (const call of this.calls) {
      const entry = (byChannel[call.channel] ??= { ok: 0, failed: 0, codes: {} });
      if (call.ok) {
        entry.ok += 1;
        ok += 1;
      } else {
        entry.failed += 1;
        const code = call.code ?? 'unknown';
        entry.codes[code] = (entry.codes[code] ?? 0) + 1;
      }
    }
    return { total: this.calls.length, ok, failed: this.calls.length - ok, byChannel: sortKeys(byChannel) };
  }

  public faultCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const fault of this.faults) counts[fault.kind] = (counts[fault.kind] ?? 0) + 1;
    return sortKeys(counts);
  }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
