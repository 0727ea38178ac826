import { z } from 'zod';
import programFile from './data/topstep-programs.json';

/**
 * Topstep's programs (docs/risk-rules.md §11) from ONE dated data file, data/topstep-programs.json,
 * validated when this module loads: which program an account is in (from its name, else its
 * balance), and that program's figures for its size. A change of Topstep's terms is one edit of
 * the data file. Pure: the core, the CLI, the tray and the renderer all import it.
 */

/** The programs an account can be in. */
export const programKinds = ['combine', 'express', 'live', 'practice'] as const;
export type ProgramKind = (typeof programKinds)[number];
/** The account sizes Topstep offers. */
export const programSizes = ['50K', '100K', '150K'] as const;
export type ProgramSize = (typeof programSizes)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const dollars = z.number().nonnegative();
const programSchema = z
  .object({
    label: z.string().min(1),
    badge: z.string().min(1),
    maxLossLimit: z.boolean(),
    maxPosition: z.boolean(),
    microsPerMini: z.number().int().positive().nullable(),
    scaling: z.boolean(),
    profitTarget: z.boolean(),
    consistencyShare: z.number().gt(0).max(1).nullable(),
    flatBy: z.boolean(),
  })
  .strict();
const sizeSchema = z
  .object({
    startingBalance: dollars,
    profitTarget: dollars,
    maxLossLimit: dollars,
    maxPosition: z.number().int().positive(),
    legacyDailyLossLimit: dollars,
    expressScaling: z.array(z.object({ aboveProfit: dollars, lots: z.number().int().positive() }).strict()).min(1),
    scalingConfirmed: z.boolean(),
  })
  .strict();

/** The shape of data/topstep-programs.json, checked when this module loads. */
export const programFileSchema = z
  .object({
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    notes: z.string(),
    flatBy: z.object({ time: clock, timezone: z.string().min(1) }).strict(),
    programs: z.object({ combine: programSchema, express: programSchema, live: programSchema, practice: programSchema }).strict(),
    sizes: z.object({ '50K': sizeSchema, '100K': sizeSchema, '150K': sizeSchema }).strict(),
    detection: z.array(z.object({ pattern: z.string().min(1), program: z.enum(programKinds) }).strict()).min(1),
    sizeInName: z.string().min(1),
    balanceTolerance: z.number().gt(0).lt(1),
  })
  .strict();

/** The validated data file. */
export const topstepPrograms = programFileSchema.parse(programFile);
/** The date of the figures. */
export const programsAsOf = topstepPrograms.asOf;

/** Where an account's program came from: its name, its balance, or the trader's choice. */
export type ProgramSource = 'name' | 'balance' | 'trader';

/** An account's program as every screen shows it. */
export interface AccountProgramView {
  readonly kind: ProgramKind;
  /** Null when neither the name nor the balance tells it. */
  readonly size: ProgramSize | null;
  readonly source: ProgramSource;
  /** e.g. `Combine 150K`, `Practice`. */
  readonly label: string;
  /** The date of the program figures. */
  readonly asOf: string;
}

/** One Express Funded scaling tier: `lots` once the end-of-day profit is above `aboveProfitCents`. */
export interface ScalingTier {
  readonly aboveProfitCents: number;
  readonly lots: number;
}

/** A program's rules for one size, money in cents. Null figures do not apply to the program. */
export interface ProgramFigures {
  readonly kind: ProgramKind;
  readonly size: ProgramSize;
  readonly label: string;
  readonly asOf: string;
  readonly startingBalanceCents: number;
  /** The trailing maximum loss limit (drawdown from the best end-of-day balance). */
  readonly maxLossLimitCents: number | null;
  readonly profitTargetCents: number | null;
  /** Maximum position in minis (the scaling tier's lots for Express Funded). */
  readonly maxPosition: number | null;
  /** What one micro counts toward the maximum position (0.1 for 10 micros a mini). */
  readonly microWeight: number | null;
  readonly scaling: readonly ScalingTier[] | null;
  readonly scalingConfirmed: boolean;
  /** The daily loss limit of the older rules, the default of the personal daily loss limit. */
  readonly legacyDailyLossCents: number;
  readonly consistencyShare: number | null;
  /** Flat by this time (Chicago), or null. */
  readonly flatBy: { readonly time: string; readonly timezone: string } | null;
}

const cents = (dollarsValue: number): number => Math.round(dollarsValue * 100);

/** A program's short label with its size, e.g. `Combine 150K`, `XFA 50K`, `Practice`. */
export function programLabel(kind: ProgramKind, size: ProgramSize | null): string {
  const badge = topstepPrograms.programs[kind].badge;
  return kind === 'practice' || size === null ? badge : `${badge} ${size}`;
}

/** The view of an account's program. */
export function programView(kind: ProgramKind, size: ProgramSize | null, source: ProgramSource): AccountProgramView {
  return { kind, size, source, label: programLabel(kind, size), asOf: programsAsOf };
}

/** The size whose starting balance is nearest to a balance, within the data's tolerance. */
export function sizeOfBalance(balanceCents: number): ProgramSize | null {
  let best: ProgramSize | null = null;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const size of programSizes) {
    const start = cents(topstepPrograms.sizes[size].startingBalance);
    const gap = Math.abs(balanceCents - start) / start;
    if (gap <= topstepPrograms.balanceTolerance && gap < bestGap) {
      best = size;
      bestGap = gap;
    }
  }
  return best;
}

const detections = topstepPrograms.detection.map((rule) => ({ pattern: new RegExp(rule.pattern, 'i'), program: rule.program }));
const sizeInName = new RegExp(topstepPrograms.sizeInName, 'i');

/**
 * Which program an account is in: from its name (`50KTC-…` a 50K combine, `XFA`/express, `PRAC`
 * practice, `LFA`/live), its size from the name, else from the balance. A name that says nothing
 * makes an account at a Topstep size a combine of that size (source `balance`), else practice.
 */
export function detectProgram(name: string, balanceCents: number): AccountProgramView {
  const upper = name.toUpperCase();
  const named = detections.find((rule) => rule.pattern.test(upper))?.program;
  const sizeMatch = sizeInName.exec(upper)?.[1];
  const nameSize = sizeMatch === undefined ? null : (`${sizeMatch}K` as ProgramSize);
  const size = nameSize ?? sizeOfBalance(balanceCents);
  if (named !== undefined) return programView(named, size, 'name');
  return size === null ? programView('practice', null, 'balance') : programView('combine', size, 'balance');
}

/** A program's figures for a size; null for practice (no program rules) or an unknown size. */
export function programFigures(kind: ProgramKind, size: ProgramSize | null): ProgramFigures | null {
  if (kind === 'practice' || size === null) return null;
  const program = topstepPrograms.programs[kind];
  const figures = topstepPrograms.sizes[size];
  return {
    kind,
    size,
    label: programLabel(kind, size),
    asOf: programsAsOf,
    startingBalanceCents: cents(figures.startingBalance),
    maxLossLimitCents: program.maxLossLimit ? cents(figures.maxLossLimit) : null,
    profitTargetCents: program.profitTarget ? cents(figures.profitTarget) : null,
    maxPosition: program.maxPosition ? figures.maxPosition : null,
    microWeight: program.microsPerMini === null ? null : 1 / program.microsPerMini,
    scaling: program.scaling ? figures.expressScaling.map((tier) => ({ aboveProfitCents: cents(tier.aboveProfit), lots: tier.lots })) : null,
    scalingConfirmed: figures.scalingConfirmed,
    legacyDailyLossCents: cents(figures.legacyDailyLossLimit),
    consistencyShare: program.consistencyShare,
    flatBy: program.flatBy ? topstepPrograms.flatBy : null,
  };
}

/** The legacy daily loss limit of a size (the personal daily loss limit's default), in cents. */
export function legacyDailyLossCents(size: ProgramSize | null): number {
  return cents(topstepPrograms.sizes[size ?? '50K'].legacyDailyLossLimit);
}
