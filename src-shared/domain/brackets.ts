import { z } from 'zod';

/**
 * Bracket templates (ATM strategies): the protection a position gets when it opens or grows. A
 * template names a stop, up to three scale-out targets, automatic break-even and a trailing stop,
 * every distance in ticks from the position's average entry.
 */

const tickCount = (maximum: number) => z.number().int().min(1).max(maximum);

const stopSchema = z
  .object({
    /** Distance of the stop from the average entry. */
    ticks: tickCount(2000),
    /** `stop-market` (type 4) or `stop-limit`, whose limit sits `limitOffsetTicks` beyond the stop. */
    type: z.enum(['stop-market', 'stop-limit']).default('stop-market'),
    limitOffsetTicks: z.number().int().min(0).max(200).default(0),
  })
  .strict();

const targetSchema = z
  .object({
    /** Distance of the target from the average entry. */
    ticks: tickCount(5000),
    /** Contracts this target takes; the last target also takes whatever the others leave. */
    size: z.number().int().min(1).max(1000),
  })
  .strict();

const breakEvenSchema = z
  .object({
    enabled: z.boolean(),
    /** Open profit in ticks that moves the stop to break-even. */
    triggerTicks: tickCount(2000),
    /** Ticks beyond the entry the stop moves to (0 = exactly break-even). */
    offsetTicks: z.number().int().min(0).max(200),
  })
  .strict();

const trailingSchema = z
  .object({
    enabled: z.boolean(),
    /** Open profit in ticks that starts the trail. */
    triggerTicks: tickCount(2000),
    /** Ticks the stop stays behind the best price. */
    distanceTicks: tickCount(2000),
    /** The stop moves only in steps of at least this many ticks. */
    stepTicks: tickCount(500),
  })
  .strict();

/** A named template as clients send it (defaults filled in). */
export const bracketTemplateSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .refine((name) => name.toLowerCase() !== 'none', { message: '"none" is reserved for "no template"' }),
    stop: stopSchema.nullable().default(null),
    targets: z.array(targetSchema).max(3).default([]),
    breakEven: breakEvenSchema.default({ enabled: false, triggerTicks: 10, offsetTicks: 1 }),
    trailing: trailingSchema.default({ enabled: false, triggerTicks: 20, distanceTicks: 10, stepTicks: 1 }),
  })
  .strict()
  .superRefine((template, context) => {
    template.targets.forEach((target, index) => {
      const previous = template.targets[index - 1];
      if (previous !== undefined && target.ticks <= previous.ticks) {
        context.addIssue({
          code: 'custom',
          path: ['targets', index, 'ticks'],
          message: `target ${index + 1} must be farther than target ${index} (${previous.ticks} ticks)`,
        });
      }
    });
    if (template.stop === null && template.targets.length === 0)
      context.addIssue({ code: 'custom', path: ['stop'], message: 'a template needs a stop or at least one target' });
    if (template.stop?.type === 'stop-market' && template.stop.limitOffsetTicks !== 0) {
      context.addIssue({ code: 'custom', path: ['stop', 'limitOffsetTicks'], message: 'is used by a stop-limit stop only' });
    }
  });

/** A bracket template. */
export type BracketTemplate = z.output<typeof bracketTemplateSchema>;
/** A template as a client may write it (defaults optional). */
export type BracketTemplateInput = z.input<typeof bracketTemplateSchema>;

/** Which template an account uses by default, for every contract (`symbol` null) or one root. */
export interface BracketDefault {
  readonly accountId: number;
  /** A root such as `ES`; null for the account's default across contracts. */
  readonly symbol: string | null;
  /** A template name, or null for "none". */
  readonly template: string | null;
}

/** What `brackets.list` answers. */
export interface BracketCatalogView {
  readonly templates: readonly BracketTemplate[];
  readonly defaults: readonly BracketDefault[];
}

/** The one-off template of `--sl/--tp` (or the ticket's plain stop and target fields). */
export function oneOffTemplate(stopLossTicks: number | undefined, takeProfitTicks: number | undefined, size: number): BracketTemplate {
  return bracketTemplateSchema.parse({
    name: 'one-off',
    stop: stopLossTicks === undefined ? null : { ticks: stopLossTicks },
    targets: takeProfitTicks === undefined ? [] : [{ ticks: takeProfitTicks, size }],
  });
}

/** The templates a new terminal starts with. */
export const starterTemplates: readonly BracketTemplate[] = [
  bracketTemplateSchema.parse({ name: 'Scalp 8/16', stop: { ticks: 8 }, targets: [{ ticks: 16, size: 1 }] }),
  bracketTemplateSchema.parse({
    name: 'Runner 2 targets',
    stop: { ticks: 12 },
    targets: [
      { ticks: 12, size: 1 },
      { ticks: 32, size: 1 },
    ],
    breakEven: { enabled: true, triggerTicks: 12, offsetTicks: 1 },
    trailing: { enabled: true, triggerTicks: 20, distanceTicks: 10, stepTicks: 2 },
  }),
];

/** Contracts each target takes out of a position of `size`: in order, the last takes the rest. */
export function allocateTargets(template: BracketTemplate, size: number): number[] {
  const allocation: number[] = [];
  let left = size;
  template.targets.forEach((target, index) => {
    const last = index === template.targets.length - 1;
    const take = last ? left : Math.min(left, target.size);
    allocation.push(take);
    left -= take;
  });
  return allocation;
}
