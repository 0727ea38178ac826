import { z } from 'zod';
import { dollarsToCents } from '../../../../src-shared/domain/money';
import type { ContractView } from '../../../../src-shared/domain/trading';
import { parseWith, parsed, refused, type Parsed } from './parsed';
import { wireNumber } from './wire';

// ProjectX roots are not tickers (shared/data/contracts.json, all confirmed by a live capture).
const tickerByRoot: Readonly<Record<string, string>> = {
  EP: 'ES',
  MES: 'MES',
  ENQ: 'NQ',
  MNQ: 'MNQ',
  RTY: 'RTY',
  M2K: 'M2K',
  YM: 'YM',
  MYM: 'MYM',
  CLE: 'CL',
  MCLE: 'MCL',
  GCE: 'GC',
  MGC: 'MGC',
  EU6: '6E',
  TYA: 'ZN',
};

/** `ContractModel`; unknown fields are ignored. */
export const contractSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().nullish(),
  tickSize: wireNumber.positive(),
  tickValue: wireNumber.nonnegative(),
  activeContract: z.boolean().nullish(),
  symbolId: z.string().min(1),
});

/** The ticker a trader types for a broker symbolId: `F.US.EP` -> `ES`; unknown roots stay as they are. */
export function tickerOf(symbolId: string): string {
  const root = symbolId.split('.').pop() ?? symbolId;
  return tickerByRoot[root] ?? root;
}

/** A contract payload as a `ContractView`. */
export function contractView(payload: unknown): Parsed<ContractView> {
  const model = parseWith(contractSchema, payload);
  if (!model.ok) return model;
  const { id, name, description, tickSize, tickValue, activeContract, symbolId } = model.value;
  const tickValueCents = dollarsToCents(tickValue);
  if (tickValueCents === undefined) return refused(`tickValue of ${id} is not finite`);
  return parsed({
    id,
    name,
    description: description ?? '',
    symbol: tickerOf(symbolId),
    symbolId,
    tickSize,
    // Whole cents: a tick worth $15.625 (ZN) rounds to 1563; ContractView has no finer unit.
    tickValueCents,
    active: activeContract ?? true,
  });
}
