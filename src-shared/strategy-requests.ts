import { z } from 'zod';
import { indicatorKinds } from './domain/strategies';

/**
 * Request schemas of the strategy, backtest, indicator and journal channels (contract.ts names the
 * channels; the shapes live here to keep that file a list).
 */

const accountId = z.number().int().positive().optional();
const symbol = z.string().trim().min(1).max(40);
const epochMs = z.number().int().positive().max(8.64e15);
const units = ['second', 'minute', 'hour', 'day', 'week', 'month'] as const;

/** A strategy instance id, e.g. `tf-3`. */
export const strategyId = z.string().trim().min(1).max(64);
/** Parameters in their JSON form; validated against the strategy's schema (the error names the field). */
export const strategyParameters = z.record(z.string().max(64), z.union([z.number().finite(), z.boolean(), z.string().max(64)]));

/** `strategies.list`: the selected account's strategies, or every account's. */
export const listStrategiesRequest = z.object({ accountId, allAccounts: z.boolean().default(false) }).strict();
/** A request naming one strategy. */
export const strategyRequest = z.object({ id: strategyId }).strict();
/** `strategies.create`: a kind on an account and a contract, stopped until started. */
export const createStrategyRequest = z
  .object({
    accountId,
    kind: z.string().trim().min(1).max(64),
    symbol,
    name: z.string().trim().min(1).max(80).optional(),
    parameters: strategyParameters.optional(),
  })
  .strict();
/** `strategies.stop`: with `flatten`, its orders are cancelled and its position closed. */
export const stopStrategyRequest = z.object({ id: strategyId, flatten: z.boolean().default(false) }).strict();
/** `strategies.parameters`: a partial change. */
export const strategyParametersRequest = z.object({ id: strategyId, parameters: strategyParameters }).strict();
/** `strategies.log`: the newest lines. */
export const strategyLogRequest = z.object({ id: strategyId, limit: z.number().int().positive().max(500).default(100) }).strict();
/** `strategies.marks`: which orders of an account strategies placed. */
export const strategyMarksRequest = z.object({ accountId, symbol: symbol.optional() }).strict();

/** `indicators.compute`: indicators over the newest bars of a series, for the chart. */
export const computeIndicatorsRequest = z
  .object({
    symbol,
    unit: z.enum(units).default('minute'),
    unitNumber: z.number().int().positive().max(1440).default(1),
    count: z.number().int().positive().max(20_000).default(300),
    to: epochMs.optional(),
    indicators: z
      .array(
        z
          .object({
            kind: z.enum(indicatorKinds),
            length: z.number().int().positive().max(500).optional(),
            multiplier: z.number().finite().positive().max(10).optional(),
            anchor: z.enum(['trading-day', 'regular-session']).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(10),
  })
  .strict();

/** `backtest.start`: a strategy kind over [from, to) of a symbol's bars. */
export const startBacktestRequest = z
  .object({
    strategy: z.string().trim().min(1).max(64),
    symbol,
    from: epochMs,
    to: epochMs,
    unit: z.enum(units).default('minute'),
    unitNumber: z.number().int().positive().max(1440).default(1),
    parameters: strategyParameters.optional(),
    /** `history`: the broker's bars through the store cache; `simulator`: the built-in simulator's seeded tape. */
    source: z.enum(['history', 'simulator']).default('history'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(1),
    slippageTicks: z.number().int().min(0).max(100).default(1),
    startingBalance: z.number().finite().positive().max(100_000_000).default(50_000),
  })
  .strict()
  .refine((request) => request.to > request.from, { message: 'must be after from', path: ['to'] });
/** A request naming one backtest run. */
export const backtestRunRequest = z.object({ runId: z.string().trim().min(1).max(64) }).strict();

/** `journal.list`: round trips of an account, newest first (default: the last 30 days). */
export const journalRequest = z
  .object({
    accountId,
    from: epochMs.optional(),
    to: epochMs.optional(),
    strategyId: z.string().trim().min(1).max(64).optional(),
    limit: z.number().int().positive().max(5000).default(200),
  })
  .strict();
/** `journal.stats`: statistics of an account's round trips (default: the last 30 days). */
export const statsRequest = z.object({ accountId, from: epochMs.optional(), to: epochMs.optional() }).strict();
