import { z } from 'zod';
import type { Logger } from '../../../core/logger';
import type { ContractId } from '../../../../src-shared/domain/ids';
import type { ContractView } from '../../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../../src-shared/result';
import { contractView } from '../parse/contract';
import { contractByIdErrors } from './endpoint-errors';
import { asResult, type RestClient } from './rest-client';

// searchById answers `contract`; an old doc sample showed a `contracts` array, so both are read.
const byIdPayload = z.object({ contract: z.unknown().nullish(), contracts: z.array(z.unknown()).nullish() });
const listPayload = z.object({ contracts: z.array(z.unknown()).nullish() });

/**
 * Contracts by id, resolved through Contract/searchById once and then served from memory
 * (tick sizes do not change). Concurrent lookups of one id share a request.
 */
export class ContractCache {
  private readonly known = new Map<ContractId, ContractView>();
  private readonly pending = new Map<ContractId, Promise<Result<ContractView>>>();

  public constructor(
    private readonly rest: RestClient,
    private readonly logger: Logger,
    private readonly live: boolean,
  ) {}

  /** The contract if it is already known, without a request. */
  public peek(contractId: ContractId): ContractView | undefined {
    return this.known.get(contractId);
  }

  /** The contract, from memory or from the broker. */
  public get(contractId: ContractId): Promise<Result<ContractView>> {
    const cached = this.known.get(contractId);
    if (cached !== undefined) return Promise.resolve(ok(cached));
    let request = this.pending.get(contractId);
    if (request === undefined) {
      request = this.fetch(contractId).finally(() => this.pending.delete(contractId));
      this.pending.set(contractId, request);
    }
    return request;
  }

  /** Contract/search (at most 20 results, fuzzy); every result is remembered. */
  public async search(text: string): Promise<Result<ContractView[]>> {
    const answer = asResult(await this.rest.call({ path: '/api/Contract/search', body: { searchText: text, live: this.live }, payload: listPayload }));
    if (!answer.ok) return answer;
    return ok(this.rememberAll(answer.value.contracts ?? []));
  }

  private async fetch(contractId: ContractId): Promise<Result<ContractView>> {
    const answer = asResult(await this.rest.call({ path: '/api/Contract/searchById', body: { contractId }, payload: byIdPayload, errors: contractByIdErrors }));
    if (!answer.ok) return answer;
    const candidates = answer.value.contract !== null && answer.value.contract !== undefined ? [answer.value.contract] : (answer.value.contracts ?? []);
    const found = this.rememberAll(candidates).find((contract) => contract.id === contractId);
    return found === undefined ? fail('not-found', `contract ${contractId} is not known to the broker`) : ok(found);
  }

  private rememberAll(payloads: readonly unknown[]): ContractView[] {
    const views: ContractView[] = [];
    for (const payload of payloads) {
      const view = contractView(payload);
      if (!view.ok) {
        this.logger.warn({ reason: view.reason }, 'skipped a malformed contract');
        continue;
      }
      this.known.set(view.value.id, view.value);
      views.push(view.value);
    }
    return views;
  }
}
