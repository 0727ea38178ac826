import type { Cents } from '../../../../src-shared/domain/money';
import type { RiskConfigJson } from '../../../../src-shared/domain/risk-config';
import { clockMinutes } from '../../../../src-shared/exchange';
import type { DayRoll } from '../../../../src-shared/exchange';
import { defaultFloorMode, type FloorMode, type ProgramFigures } from '../../../../src-shared/programs';

/** What rule 002 does with a symbol that has no cap of its own. */
export type UnknownSymbolPolicy = { readonly kind: 'allow' } | { readonly kind: 'block' } | { readonly kind: 'cap'; readonly cap: number };

/** One loss tier of rule 007, in cents. */
export interface LossTier {
  readonly lossCents: Cents;
  readonly seconds: number;
}

/**
 * One account's configuration as the rules read it: money in integer cents, times in minutes,
 * lists as sets. Built once per change from the validated JSON form, never edited in place.
 */
export interface RiskSettings {
  readonly dayRoll: DayRoll;
  readonly orderThrottlePerSecond: number;
  readonly maxContracts: {
    readonly enabled: boolean;
    readonly limit: number;
    readonly count: 'net' | 'gross';
    readonly microWeight: number;
    readonly action: 'reduce' | 'flatten';
  };
  readonly maxContractsPerInstrument: {
    readonly enabled: boolean;
    readonly limits: ReadonlyMap<string, number>;
    readonly unknown: UnknownSymbolPolicy;
    readonly action: 'reduce' | 'flatten';
  };
  readonly dailyRealizedLoss: { readonly enabled: boolean; readonly limitCents: Cents };
  readonly dailyUnrealizedLoss: { readonly enabled: boolean; readonly limitCents: Cents; readonly scope: 'position' | 'total'; readonly lock: boolean };
  readonly maxUnrealizedProfit: { readonly enabled: boolean; readonly targetCents: Cents; readonly scope: 'position' | 'total'; readonly lock: boolean };
  readonly tradeFrequency: {
    readonly enabled: boolean;
    readonly perMinute: number;
    readonly perHour: number;
    readonly perSession: number;
    readonly minuteCooldownMs: number;
    readonly hourCooldownMs: number;
  };
  /** Tiers sorted by loss, smallest first. */
  readonly cooldownAfterLoss: { readonly enabled: boolean; readonly tiers: readonly LossTier[] };
  readonly noStopLossGrace: { readonly enabled: boolean; readonly graceMs: number };
  readonly session: {
    readonly enabled: boolean;
    readonly openMinutes: number;
    readonly closeMinutes: number;
    readonly flattenMarginMs: number;
    readonly timeZone: string;
  };
  readonly tradingDisabledGuard: { readonly enabled: boolean };
  readonly symbolBlocks: { readonly enabled: boolean; readonly symbols: ReadonlySet<string> };
  readonly tradeManagement: {
    readonly enabled: boolean;
    readonly breakEvenAfterTicks: number;
    readonly breakEvenOffsetTicks: number;
    readonly trailAfterTicks: number;
    readonly trailDistanceTicks: number;
  };
  readonly dailyRealizedProfit: { readonly enabled: boolean; readonly targetCents: Cents };
  /**
   * `program` when the account's program sets the floor (the personal figures may only tighten it).
   * `trailing`: what the floor trails, the account's choice kept beside its program override (the
   * best end-of-day balance, or the highest intraday equity).
   */
  readonly maxLossLimit: {
    readonly enabled: boolean;
    readonly startingBalanceCents: Cents;
    readonly drawdownCents: Cents;
    readonly bufferCents: Cents;
    readonly source: 'personal' | 'program';
    readonly trailing: FloorMode;
  };
  /**
   * `targetCents`: the profit the rule is checked at (a combine's profit target); it warns only once
   * the total profit reaches `warnFromShare` of it. Null: warns whenever the best day is too large.
   */
  readonly consistency: { readonly enabled: boolean; readonly maxBestDayShare: number; readonly targetCents: Cents | null; readonly warnFromShare: number };
  /** The pre-trade check that an order's stop, if hit, would not cross the loss floor. */
  readonly floorCheck: { readonly enabled: boolean };
  /** The account's program rules merged in (null: personal rules only, as for a practice account). */
  readonly program: ProgramLayer | null;
}

/** What the program added to an account's settings. */
export interface ProgramLayer {
  readonly figures: ProgramFigures;
  /** The maximum position now (the Express Funded scaling tier, else the program's). */
  readonly maxPosition: number | null;
  /** The end-of-day profit the scaling tier was read at. */
  readonly endOfDayProfitCents: Cents;
}

/** Dollars of the JSON form to cents (the schema allows at most two decimals). */
export function centsOf(dollars: number): Cents {
  return Math.round(dollars * 100);
}

function unknownPolicy(value: RiskConfigJson['maxContractsPerInstrument']['unknown']): UnknownSymbolPolicy {
  if (value === 'allow') return { kind: 'allow' };
  if (value === 'block') return { kind: 'block' };
  return { kind: 'cap', cap: value };
}

/** Converts a validated JSON configuration to the rules' form. */
export function toRiskSettings(json: RiskConfigJson): RiskSettings {
  const roll = clockMinutes(json.dayRoll.time);
  return {
    dayRoll: { hour: Math.floor(roll / 60), minute: roll % 60, timeZone: json.dayRoll.timezone },
    orderThrottlePerSecond: json.orderThrottlePerSecond,
    maxContracts: { ...json.maxContracts },
    maxContractsPerInstrument: {
      enabled: json.maxContractsPerInstrument.enabled,
      limits: new Map(Object.entries(json.maxContractsPerInstrument.limits)),
      unknown: unknownPolicy(json.maxContractsPerInstrument.unknown),
      action: json.maxContractsPerInstrument.action,
    },
    dailyRealizedLoss: { enabled: json.dailyRealizedLoss.enabled, limitCents: centsOf(json.dailyRealizedLoss.limit) },
    dailyUnrealizedLoss: { ...json.dailyUnrealizedLoss, limitCents: centsOf(json.dailyUnrealizedLoss.limit) },
    maxUnrealizedProfit: { ...json.maxUnrealizedProfit, targetCents: centsOf(json.maxUnrealizedProfit.target) },
    tradeFrequency: {
      enabled: json.tradeFrequency.enabled,
      perMinute: json.tradeFrequency.perMinute,
      perHour: json.tradeFrequency.perHour,
      perSession: json.tradeFrequency.perSession,
      minuteCooldownMs: json.tradeFrequency.cooldownSeconds.minute * 1000,
      hourCooldownMs: json.tradeFrequency.cooldownSeconds.hour * 1000,
    },
    cooldownAfterLoss: {
      enabled: json.cooldownAfterLoss.enabled,
      tiers: json.cooldownAfterLoss.tiers.map((tier) => ({ lossCents: centsOf(tier.loss), seconds: tier.seconds })).sort((a, b) => a.lossCents - b.lossCents),
    },
    noStopLossGrace: { enabled: json.noStopLossGrace.enabled, graceMs: json.noStopLossGrace.seconds * 1000 },
    session: {
      enabled: json.session.enabled,
      openMinutes: clockMinutes(json.session.open),
      closeMinutes: clockMinutes(json.session.close),
      flattenMarginMs: json.session.flattenMarginSeconds * 1000,
      timeZone: json.session.timezone,
    },
    tradingDisabledGuard: { ...json.tradingDisabledGuard },
    symbolBlocks: { enabled: json.symbolBlocks.enabled, symbols: new Set(json.symbolBlocks.symbols) },
    tradeManagement: { ...json.tradeManagement },
    dailyRealizedProfit: { enabled: json.dailyRealizedProfit.enabled, targetCents: centsOf(json.dailyRealizedProfit.target) },
    maxLossLimit: {
      enabled: json.maxLossLimit.enabled,
      startingBalanceCents: centsOf(json.maxLossLimit.startingBalance),
      drawdownCents: centsOf(json.maxLossLimit.drawdown),
      bufferCents: centsOf(json.maxLossLimit.buffer),
      source: 'personal',
      trailing: defaultFloorMode,
    },
    consistency: { ...json.consistency, targetCents: null, warnFromShare: 0 },
    floorCheck: { ...json.floorCheck },
    program: null,
  };
}
