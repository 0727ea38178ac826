import { z } from 'zod';

/**
 * The risk configuration's JSON form (docs/risk-rules.md §7): what `risk.config.*` exchange, what
 * the export writes and `risk set` reads. Dollar amounts are plain dollars here; the core keeps
 * cents. Every object is strict, so a misspelt setting is an error naming it, never silently
 * ignored.
 */

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function hasCents(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

const flag = z.boolean({ error: 'must be true or false' });
const whole = (minimum: number, maximum = 100_000) =>
  z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(minimum, { error: `must be at least ${minimum}` })
    .max(maximum, { error: `must be at most ${maximum}` });
const dollars = (minimum: number) =>
  z
    .number({ error: 'must be a number of dollars' })
    .min(minimum, { error: `must be at least ${minimum}` })
    .max(100_000_000, { error: 'must be at most 100000000' })
    .refine(hasCents, { error: 'must have at most two decimals' });
const positiveDollars = dollars(0.01);
const share = z.number({ error: 'must be a number' }).gt(0, { error: 'must be above 0' }).max(1, { error: 'must be at most 1' });
const clockTime = z.string({ error: 'must be a time HH:MM' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:MM (24 h)' });
const timeZone = z.string({ error: 'must be a time zone' }).refine(isTimeZone, { error: 'is not a known IANA time zone' });
const symbolRoot = z.string({ error: 'must be a symbol root' }).regex(/^[A-Z0-9]{1,10}$/, { error: 'must be an upper-case symbol root such as ES' });
const scope = z.enum(['position', 'total'], { error: 'must be "position" or "total"' });
const reduction = z.enum(['reduce', 'flatten'], { error: 'must be "reduce" or "flatten"' });

/** The full configuration of one account, every field required (partials are merged over the current one first). */
export const riskConfigSchema = z
  .object({
    dayRoll: z.object({ time: clockTime, timezone: timeZone }).strict(),
    orderThrottlePerSecond: whole(1, 1000),
    maxContracts: z
      .object({
        enabled: flag,
        limit: whole(1, 10_000),
        count: z.enum(['net', 'gross'], { error: 'must be "net" or "gross"' }),
        microWeight: share,
        action: reduction,
      })
      .strict(),
    maxContractsPerInstrument: z
      .object({
        enabled: flag,
        limits: z.record(symbolRoot, whole(0, 10_000)),
        unknown: z.union([z.enum(['allow', 'block']), whole(0, 10_000)], { error: 'must be "allow", "block" or a whole number cap' }),
        action: reduction,
      })
      .strict(),
    dailyRealizedLoss: z.object({ enabled: flag, limit: positiveDollars }).strict(),
    dailyUnrealizedLoss: z.object({ enabled: flag, limit: positiveDollars, scope, lock: flag }).strict(),
    maxUnrealizedProfit: z.object({ enabled: flag, target: positiveDollars, scope, lock: flag }).strict(),
    tradeFrequency: z
      .object({
        enabled: flag,
        perMinute: whole(1),
        perHour: whole(1),
        perSession: whole(1),
        cooldownSeconds: z.object({ minute: whole(1, 86_400), hour: whole(1, 86_400) }).strict(),
      })
      .strict(),
    cooldownAfterLoss: z
      .object({
        enabled: flag,
        tiers: z.array(z.object({ loss: positiveDollars, seconds: whole(1, 86_400) }).strict()).max(10, { error: 'must have at most 10 tiers' }),
      })
      .strict(),
    noStopLossGrace: z.object({ enabled: flag, seconds: whole(1, 3600) }).strict(),
    session: z
      .object({ enabled: flag, open: clockTime, close: clockTime, flattenMarginSeconds: whole(0, 3600), timezone: timeZone })
      .strict()
      .refine((session) => session.open !== session.close, { error: 'open and close must differ', path: ['close'] }),
    tradingDisabledGuard: z.object({ enabled: flag }).strict(),
    symbolBlocks: z.object({ enabled: flag, symbols: z.array(symbolRoot).max(100, { error: 'must list at most 100 symbols' }) }).strict(),
    tradeManagement: z
      .object({
        enabled: flag,
        breakEvenAfterTicks: whole(1, 10_000),
        breakEvenOffsetTicks: whole(0, 10_000),
        trailAfterTicks: whole(1, 10_000),
        trailDistanceTicks: whole(1, 10_000),
      })
      .strict(),
    dailyRealizedProfit: z.object({ enabled: flag, target: positiveDollars }).strict(),
    maxLossLimit: z.object({ enabled: flag, startingBalance: positiveDollars, drawdown: positiveDollars, buffer: dollars(0) }).strict(),
    consistency: z.object({ enabled: flag, maxBestDayShare: share }).strict(),
    floorCheck: z.object({ enabled: flag }).strict(),
  })
  .strict();

/** One account's risk configuration in its JSON form (dollars). */
export type RiskConfigJson = z.infer<typeof riskConfigSchema>;

/**
 * Every rule on with the values of docs/risk-rules.md §7 (a 50K evaluation account;
 * `symbolBlocks.symbols` empty): what the rules' tests start from and what the `discipline` preset
 * takes its figures from. Not the default: on a fresh account it would lock out ordinary trading.
 */
export const referenceRiskConfig: RiskConfigJson = {
  dayRoll: { time: '17:00', timezone: 'America/Chicago' },
  orderThrottlePerSecond: 10,
  maxContracts: { enabled: true, limit: 5, count: 'net', microWeight: 0.1, action: 'reduce' },
  maxContractsPerInstrument: { enabled: true, limits: { ES: 1, NQ: 1, MNQ: 2 }, unknown: 'allow', action: 'reduce' },
  dailyRealizedLoss: { enabled: true, limit: 800 },
  dailyUnrealizedLoss: { enabled: true, limit: 300, scope: 'position', lock: true },
  maxUnrealizedProfit: { enabled: false, target: 1000, scope: 'position', lock: true },
  tradeFrequency: { enabled: true, perMinute: 3, perHour: 10, perSession: 50, cooldownSeconds: { minute: 60, hour: 1800 } },
  cooldownAfterLoss: {
    enabled: true,
    tiers: [
      { loss: 100, seconds: 300 },
      { loss: 200, seconds: 900 },
      { loss: 300, seconds: 1800 },
    ],
  },
  noStopLossGrace: { enabled: true, seconds: 15 },
  session: { enabled: true, open: '17:00', close: '15:10', flattenMarginSeconds: 120, timezone: 'America/Chicago' },
  tradingDisabledGuard: { enabled: true },
  symbolBlocks: { enabled: true, symbols: [] },
  tradeManagement: { enabled: false, breakEvenAfterTicks: 10, breakEvenOffsetTicks: 0, trailAfterTicks: 20, trailDistanceTicks: 10 },
  dailyRealizedProfit: { enabled: false, target: 1000 },
  maxLossLimit: { enabled: true, startingBalance: 50_000, drawdown: 2000, buffer: 200 },
  consistency: { enabled: true, maxBestDayShare: 0.5 },
  floorCheck: { enabled: true },
};

/**
 * The personal rules of a fresh account (issue 15): nothing that locks out ordinary trading. Off,
 * except the daily loss limit (at the program's legacy figure, $1,000 for 50K: see
 * `defaultRiskConfigFor`), the session flatten, the broker's trading-disabled guard and the check
 * that an order's stop cannot cross the loss floor. The account's program rules (maximum loss
 * limit, maximum position, flat by 15:10 CT, consistency) apply on top and cannot be loosened here.
 */
export const defaultRiskConfig: RiskConfigJson = {
  ...referenceRiskConfig,
  maxContracts: { ...referenceRiskConfig.maxContracts, enabled: false },
  maxContractsPerInstrument: { ...referenceRiskConfig.maxContractsPerInstrument, enabled: false, limits: {} },
  dailyRealizedLoss: { enabled: true, limit: 1000 },
  dailyUnrealizedLoss: { ...referenceRiskConfig.dailyUnrealizedLoss, enabled: false },
  tradeFrequency: { ...referenceRiskConfig.tradeFrequency, enabled: false },
  cooldownAfterLoss: { ...referenceRiskConfig.cooldownAfterLoss, enabled: false },
  noStopLossGrace: { ...referenceRiskConfig.noStopLossGrace, enabled: false },
  maxLossLimit: { ...referenceRiskConfig.maxLossLimit, enabled: false },
  consistency: { ...referenceRiskConfig.consistency, enabled: false },
};

/** The personal defaults with the daily loss limit at a program's legacy figure (dollars). */
export function defaultRiskConfigFor(legacyDailyLoss: number): RiskConfigJson {
  return { ...defaultRiskConfig, dailyRealizedLoss: { enabled: true, limit: legacyDailyLoss } };
}

/**
 * The presets: `discipline` switches on the discipline rules (003 -$800, 004 -$300 per position,
 * 006 3/min 10/h 50/session, 007 the loss tiers, 008 15 s, 002 ES 1 NQ 1 MNQ 2); `defaults` puts
 * the personal rules back to a fresh account's; `50k`/`100k`/`150k` are the older evaluation presets.
 */
export const riskPresets = ['discipline', 'defaults', '50k', '100k', '150k'] as const;
/** A preset name. */
export type RiskPreset = (typeof riskPresets)[number];
