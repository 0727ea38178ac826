import { z } from 'zod';
import type { Logger } from '../../../core/logger';
import type { BarsRequest } from '../../../core/ports/broker-port';
import type { AccountView, BarView } from '../../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../../src-shared/result';
import { accountView, parseAccountUpdate } from '../parse/account';
import { barView } from '../parse/bar';
import { barUnitCodes } from '../parse/enums';
import type { ContractCache } from './contract-cache';
import { barsErrors } from './endpoint-errors';
import { asResult, type RestClient } from './rest-client';

const accountsPayload = z.object({ accounts: z.array(z.unknown()).nullish() });
const barsPayload = z.object({ bars: z.array(z.unknown()).nullish() });
/** The broker's cap on one bar request. */
export const maxBarsPerRequest = 20_000;

/** Accounts and history: reads that do not belong to one account's trading state. */
export class ReferenceReads {
  public constructor(
    private readonly rest: RestClient,
    private readonly contracts: ContractCache,
    private readonly logger: Logger,
    private readonly live: boolean,
  ) {}

  /** Active accounts (Account/search). */
  public async accounts(): Promise<Result<AccountView[]>> {
    const answer = asResult(await this.rest.call({ path: '/api/Account/search', body: { onlyActiveAccounts: true }, payload: accountsPayload }));
    if (!answer.ok) return answer;
    const views: AccountView[] = [];
    for (const item of answer.value.accounts ?? []) {
      const record = parseAccountUpdate(item);
      const view = record.ok ? accountView(record.value) : record;
      if (view.ok) views.push(view.value);
      else this.logger.warn({ reason: view.reason }, 'skipped a malformed account');
    }
    return ok(views);
  }

  /** Bars oldest first (the broker answers newest first), prices in ticks. */
  public async bars(request: BarsRequest): Promise<Result<BarView[]>> {
    if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > maxBarsPerRequest)
      return fail('invalid-request', `limit must be 1 to ${maxBarsPerRequest}`, 'limit');
    if (!Number.isInteger(request.unitNumber) || request.unitNumber < 1)
      return fail('invalid-request', 'unitNumber must be a whole number above zero', 'unitNumber');
    if (!(request.from < request.to)) return fail('invalid-request', 'from must be before to', 'from');
    const contract = await this.contracts.get(request.contractId);
    if (!contract.ok) return contract;
    const answer = asResult(
      await this.rest.call({
        path: '/api/History/retrieveBars',
        body: {
          contractId: request.contractId,
          live: this.live,
          startTime: new Date(request.from).toISOString(),
          endTime: new Date(request.to).toISOString(),
          unit: barUnitCodes[request.unit],
          unitNumber: request.unitNumber,
          limit: request.limit,
          includePartialBar: request.includePartialBar,
        },
        payload: barsPayload,
        errors: barsErrors,
      }),
    );
    if (!answer.ok) return answer;
    const byTime = new Map<number, BarView>();
    let skipped = 0;
    for (const item of answer.value.bars ?? []) {
      const bar = barView(item, contract.value.tickSize);
      if (bar.ok) byTime.set(bar.value.time, bar.value);
      else skipped++;
    }
    if (skipped > 0) this.logger.warn({ contractId: request.contractId, skipped }, 'skipped malformed or off-grid bars');
    return ok([...byTime.values()].sort((left, right) => left.time - right.time));
  }
}
