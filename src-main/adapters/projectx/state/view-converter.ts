import type { Logger } from '../../../core/logger';
import type { FillView, OrderView, PositionView } from '../../../../src-shared/domain/trading';
import type { ContractCache } from '../rest/contract-cache';
import { fillView, type FillRecord } from '../parse/fill';
import { orderView, type OrderRecord } from '../parse/order';
import type { Parsed } from '../parse/parsed';
import { positionView, type PositionRecord } from '../parse/position';

/**
 * Turns broker records into domain views with their contract's tick size (resolved and cached on
 * first use). A record that cannot be converted is logged and becomes undefined.
 */
export class ViewConverter {
  public constructor(
    private readonly contracts: ContractCache,
    private readonly logger: Logger,
  ) {}

  /** An order record (complete) as a view. */
  public order(record: OrderRecord): Promise<OrderView | undefined> {
    return this.convert(record.contractId, (tickSize) => orderView(record, tickSize), 'order');
  }

  /** A position record as a view (size 0 for a close). */
  public position(record: PositionRecord): Promise<PositionView | undefined> {
    return this.convert(record.contractId, (tickSize) => positionView(record, tickSize), 'position');
  }

  /** A fill record as a view. */
  public fill(record: FillRecord): Promise<FillView | undefined> {
    return this.convert(record.contractId, (tickSize) => fillView(record, tickSize), 'fill');
  }

  /** Every convertible item of a list, in order. */
  public async all<R, V>(records: readonly R[], convert: (record: R) => Promise<V | undefined>): Promise<V[]> {
    const views: V[] = [];
    for (const record of records) {
      const view = await convert(record);
      if (view !== undefined) views.push(view);
    }
    return views;
  }

  private async convert<V>(contractId: string | undefined, convert: (tickSize: number) => Parsed<V>, what: string): Promise<V | undefined> {
    if (contractId === undefined) {
      this.logger.warn({ what }, 'skipped a broker record without a contract');
      return undefined;
    }
    const known = this.contracts.peek(contractId);
    const contract = known === undefined ? await this.contracts.get(contractId) : { ok: true as const, value: known };
    if (!contract.ok) {
      this.logger.warn({ what, contractId, reason: contract.error.message }, 'skipped a broker record: its contract is unknown');
      return undefined;
    }
    const view = convert(contract.value.tickSize);
    if (!view.ok) {
      this.logger.warn({ what, contractId, reason: view.reason }, 'skipped a broker record that does not parse');
      return undefined;
    }
    return view.value;
  }
}
