import type { ContractDirectory } from './contract-directory';
import { contractByIdCode } from './error-codes';
import type { ContractModel, ExchangeAnswer } from './exchange-api';
import { availableContractsSchema, contractByIdSchema, contractSearchSchema, parseBody } from './request-schemas';

/** The contract endpoints. `live` is accepted and ignored: the simulator has one data feed. */

/** `Contract/search` (no error codes of its own: a bad body is flagged with its field). */
export function searchContracts(directory: ContractDirectory, body: unknown): ExchangeAnswer<ContractModel[]> {
  const parsed = parseBody(contractSearchSchema, body);
  if (!parsed.ok) return { errorCode: 0, errorMessage: parsed.invalid.message, invalidField: parsed.invalid.field, value: [] };
  return { errorCode: 0, errorMessage: null, value: directory.search(parsed.value?.searchText ?? '') };
}

/** `Contract/searchById`: any month of a listed product, expired ones included; 1 ContractNotFound otherwise. */
export function searchContractById(directory: ContractDirectory, body: unknown): ExchangeAnswer<ContractModel> {
  const parsed = parseBody(contractByIdSchema, body);
  if (!parsed.ok) return { errorCode: contractByIdCode.contractNotFound, errorMessage: parsed.invalid.message, invalidField: parsed.invalid.field };
  const contract = directory.byId(parsed.value.contractId);
  return contract === null
    ? { errorCode: contractByIdCode.contractNotFound, errorMessage: 'Contract not found.' }
    : { errorCode: 0, errorMessage: null, value: contract };
}

/** `Contract/available`: the active contract of every listed product. */
export function availableContracts(directory: ContractDirectory, body: unknown): ExchangeAnswer<ContractModel[]> {
  const parsed = parseBody(availableContractsSchema, body);
  if (!parsed.ok) return { errorCode: 0, errorMessage: parsed.invalid.message, invalidField: parsed.invalid.field, value: [] };
  return { errorCode: 0, errorMessage: null, value: directory.available() };
}
