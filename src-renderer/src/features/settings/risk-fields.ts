import type { RiskConfigJson } from '../../../../src-shared/domain/risk-config';
import type { AppError } from '../../../../src-shared/result';

/** A number's unit as the trader reads it. */
export type RiskUnit = '$' | 'contracts' | 'seconds' | 'fills' | 'orders/s' | 'ticks' | '%';

/** One form control of the risk configuration, by its path in the JSON form. */
export type RiskField =
  | { readonly kind: 'toggle'; readonly path: readonly string[]; readonly label: string }
  | {
      readonly kind: 'number';
      readonly path: readonly string[];
      readonly label: string;
      readonly unit: RiskUnit;
      readonly min: number;
      readonly max: number;
      /** Whole numbers only (counts, seconds, ticks). */
      readonly whole: boolean;
      /** Shown as a percentage of a share (0.5 → 50). */
      readonly percent?: boolean;
    }
  | {
      readonly kind: 'choice';
      readonly path: readonly string[];
      readonly label: string;
      readonly options: readonly { readonly value: string; readonly label: string }[];
    }
  | { readonly kind: 'time'; readonly path: readonly string[]; readonly label: string }
  | { readonly kind: 'symbols'; readonly path: readonly string[]; readonly label: string };

/** One rule (or group of settings) of the form: its switch, its fields and what it does. */
export interface RiskSection {
  readonly key: keyof RiskConfigJson;
  /** `RULE-003`, or empty for a general setting. */
  readonly rule: string;
  readonly title: string;
  readonly help: string;
  readonly fields: readonly RiskField[];
  /** Special editors: the per-symbol caps of rule 002, the loss tiers of rule 007. */
  readonly editor?: 'caps' | 'tiers';
}

const on = (key: string): RiskField => ({ kind: 'toggle', path: [key, 'enabled'], label: 'On' });
const money = (path: readonly string[], label: string, min = 0.01): RiskField => ({
  kind: 'number',
  path,
  label,
  unit: '$',
  min,
  max: 100_000_000,
  whole: false,
});
const count = (path: readonly string[], label: string, unit: RiskUnit, min = 1, max = 100_000): RiskField => ({
  kind: 'number',
  path,
  label,
  unit,
  min,
  max,
  whole: true,
});
const scope = (key: string): RiskField => ({
  kind: 'choice',
  path: [key, 'scope'],
  label: 'Applies to',
  options: [
    { value: 'position', label: 'each position' },
    { value: 'total', label: 'all positions together' },
  ],
});
const reduction = (key: string): RiskField => ({
  kind: 'choice',
  path: [key, 'action'],
  label: 'When over',
  options: [
    { value: 'reduce', label: 'reduce to the limit' },
    { value: 'flatten', label: 'flatten' },
  ],
});

/** Every rule and setting of the configuration, in the order of docs/risk-rules.md §3. */
export const riskSections: readonly RiskSection[] = [
  {
    key: 'maxContracts',
    rule: 'RULE-001',
    title: 'Max contracts',
    help: 'Open contracts across all symbols. Your program’s maximum position applies anyway; this can only lower it.',
    fields: [
      on('maxContracts'),
      count(['maxContracts', 'limit'], 'Limit', 'contracts', 1, 10_000),
      {
        kind: 'choice',
        path: ['maxContracts', 'count'],
        label: 'Count',
        options: [
          { value: 'net', label: 'net (longs offset shorts)' },
          { value: 'gross', label: 'gross (every contract)' },
        ],
      },
      { kind: 'number', path: ['maxContracts', 'microWeight'], label: 'A micro counts as', unit: '%', min: 1, max: 100, whole: false, percent: true },
      reduction('maxContracts'),
    ],
  },
  {
    key: 'maxContractsPerInstrument',
    rule: 'RULE-002',
    title: 'Max contracts per instrument',
    help: 'A cap per symbol (every contract month counts). Volatility caps Topstep announces go here too.',
    fields: [
      on('maxContractsPerInstrument'),
      {
        kind: 'choice',
        path: ['maxContractsPerInstrument', 'unknown'],
        label: 'Symbols without a cap',
        options: [
          { value: 'allow', label: 'allowed' },
          { value: 'block', label: 'blocked' },
        ],
      },
      reduction('maxContractsPerInstrument'),
    ],
    editor: 'caps',
  },
  {
    key: 'dailyRealizedLoss',
    rule: 'RULE-003',
    title: 'Daily loss limit',
    help: 'The day’s closed P&L net of fees. At the limit: flatten, cancel, locked until 17:00 CT.',
    fields: [on('dailyRealizedLoss'), money(['dailyRealizedLoss', 'limit'], 'Limit')],
  },
  {
    key: 'dailyUnrealizedLoss',
    rule: 'RULE-004',
    title: 'Open loss limit',
    help: 'Open P&L from live prices. Per position it closes that position; in total it flattens everything.',
    fields: [
      on('dailyUnrealizedLoss'),
      money(['dailyUnrealizedLoss', 'limit'], 'Limit'),
      scope('dailyUnrealizedLoss'),
      { kind: 'toggle', path: ['dailyUnrealizedLoss', 'lock'], label: 'Lock until 17:00 CT (total)' },
    ],
  },
  {
    key: 'maxUnrealizedProfit',
    rule: 'RULE-005',
    title: 'Take profit at',
    help: 'Closes a position (or everything) once the open profit reaches the target.',
    fields: [
      on('maxUnrealizedProfit'),
      money(['maxUnrealizedProfit', 'target'], 'Target'),
      scope('maxUnrealizedProfit'),
      { kind: 'toggle', path: ['maxUnrealizedProfit', 'lock'], label: 'Lock until 17:00 CT (total)' },
    ],
  },
  {
    key: 'tradeFrequency',
    rule: 'RULE-006',
    title: 'Trade frequency',
    help: 'Fills (each side of a trade counts) before a cooldown.',
    fields: [
      on('tradeFrequency'),
      count(['tradeFrequency', 'perMinute'], 'Per minute', 'fills'),
      count(['tradeFrequency', 'perHour'], 'Per hour', 'fills'),
      count(['tradeFrequency', 'perSession'], 'Per session', 'fills'),
      count(['tradeFrequency', 'cooldownSeconds', 'minute'], 'Cooldown after the minute limit', 'seconds', 1, 86_400),
      count(['tradeFrequency', 'cooldownSeconds', 'hour'], 'Cooldown after the hour limit', 'seconds', 1, 86_400),
    ],
  },
  {
    key: 'cooldownAfterLoss',
    rule: 'RULE-007',
    title: 'Cooldown after a loss',
    help: 'One losing trade of at least a tier’s loss pauses trading for its time.',
    fields: [on('cooldownAfterLoss')],
    editor: 'tiers',
  },
  {
    key: 'noStopLossGrace',
    rule: 'RULE-008',
    title: 'Stop-loss required',
    help: 'A position without a protective stop after this long is closed.',
    fields: [on('noStopLossGrace'), count(['noStopLossGrace', 'seconds'], 'Grace', 'seconds', 1, 3600)],
  },
  {
    key: 'session',
    rule: 'RULE-009',
    title: 'Session',
    help: 'Positions are flattened before the close; your program’s flat-by time applies anyway.',
    fields: [
      on('session'),
      { kind: 'time', path: ['session', 'open'], label: 'Opens (CT)' },
      { kind: 'time', path: ['session', 'close'], label: 'Closes (CT)' },
      count(['session', 'flattenMarginSeconds'], 'Flatten before the close', 'seconds', 0, 3600),
    ],
  },
  {
    key: 'tradingDisabledGuard',
    rule: 'RULE-010',
    title: 'Broker disabled trading',
    help: 'Flattens and locks while the broker reports that the account cannot trade.',
    fields: [on('tradingDisabledGuard')],
  },
  {
    key: 'symbolBlocks',
    rule: 'RULE-011',
    title: 'Blocked symbols',
    help: 'Symbols you do not trade, e.g. RTY, CL.',
    fields: [on('symbolBlocks'), { kind: 'symbols', path: ['symbolBlocks', 'symbols'], label: 'Symbols' }],
  },
  {
    key: 'tradeManagement',
    rule: 'RULE-012',
    title: 'Break-even and trailing',
    help: 'Moves your stop: to break-even after a profit, then trails behind the best price. Never loosens a stop.',
    fields: [
      on('tradeManagement'),
      count(['tradeManagement', 'breakEvenAfterTicks'], 'Break-even after', 'ticks', 1, 10_000),
      count(['tradeManagement', 'breakEvenOffsetTicks'], 'Break-even offset', 'ticks', 0, 10_000),
      count(['tradeManagement', 'trailAfterTicks'], 'Trail after', 'ticks', 1, 10_000),
      count(['tradeManagement', 'trailDistanceTicks'], 'Trail distance', 'ticks', 1, 10_000),
    ],
  },
  {
    key: 'dailyRealizedProfit',
    rule: 'RULE-013',
    title: 'Stop for the day at a profit',
    help: 'At this closed profit: flatten and stop until 17:00 CT.',
    fields: [on('dailyRealizedProfit'), money(['dailyRealizedProfit', 'target'], 'Target')],
  },
  {
    key: 'maxLossLimit',
    rule: 'RULE-014',
    title: 'Max loss limit (your own)',
    help: 'Your program’s trailing floor applies anyway; here you can add a buffer above it, or a tighter drawdown.',
    fields: [
      on('maxLossLimit'),
      money(['maxLossLimit', 'startingBalance'], 'Starting balance'),
      money(['maxLossLimit', 'drawdown'], 'Drawdown'),
      money(['maxLossLimit', 'buffer'], 'Buffer above the floor', 0),
    ],
  },
  {
    key: 'floorCheck',
    rule: 'RULE-014',
    title: 'Refuse orders whose stop would cross the floor',
    help: 'An order is refused when its stop, if hit, would take the account below its loss floor.',
    fields: [on('floorCheck')],
  },
  {
    key: 'consistency',
    rule: 'RULE-015',
    title: 'Consistency warning',
    help: 'Warns when the best day is too large a share of the profit. Your program’s rule applies anyway near its target.',
    fields: [
      on('consistency'),
      { kind: 'number', path: ['consistency', 'maxBestDayShare'], label: 'Best day at most', unit: '%', min: 1, max: 100, whole: false, percent: true },
    ],
  },
  {
    key: 'orderThrottlePerSecond',
    rule: '',
    title: 'Order throttle',
    help: 'More orders than this in one second are refused.',
    fields: [count(['orderThrottlePerSecond'], 'Orders per second', 'orders/s', 1, 1000)],
  },
];

/** Every field by its dotted path. */
export const fieldsByPath: ReadonlyMap<string, { section: RiskSection; field: RiskField }> = new Map(
  riskSections.flatMap((section) => section.fields.map((field) => [field.path.join('.'), { section, field }] as const)),
);

/** The value at a path of a JSON object. */
export function readPath(config: unknown, path: readonly string[]): unknown {
  let value: unknown = config;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** A copy of a JSON object with the value at a path replaced. */
export function writePath<T>(config: T, path: readonly string[], value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  const object = (typeof config === 'object' && config !== null ? config : {}) as Record<string, unknown>;
  return { ...object, [head]: writePath(object[head], rest, value) } as T;
}

/** How a number field shows its value (shares as percentages). */
export function fieldText(field: RiskField, value: unknown): string {
  if (typeof value !== 'number') return '';
  return field.kind === 'number' && field.percent === true ? String(Math.round(value * 1000) / 10) : String(value);
}

const unitWords: Record<RiskUnit, string> = {
  $: 'a dollar amount',
  contracts: 'a number of contracts',
  seconds: 'a number of seconds',
  fills: 'a number of fills',
  'orders/s': 'a number of orders',
  ticks: 'a number of ticks',
  '%': 'a percentage',
};

/** Reads a number field's text: the JSON value, or the problem in the trader's words. */
export function parseField(field: Extract<RiskField, { kind: 'number' }>, text: string): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/^\$/, '').replace(/,/g, '');
  const value = Number(trimmed);
  const what = `${field.label} must be ${unitWords[field.unit]}`;
  if (trimmed === '' || !Number.isFinite(value)) return { ok: false, message: `${what}.` };
  if (field.whole && !Number.isInteger(value)) return { ok: false, message: `${field.label} must be a whole number.` };
  if (field.unit === '$' && Math.abs(value * 100 - Math.round(value * 100)) > 1e-6)
    return { ok: false, message: `${field.label} can have at most cents (two decimals).` };
  const shown = (amount: number) => (field.unit === '$' ? `$${amount.toLocaleString('en-US')}` : `${amount}${field.unit === '%' ? '%' : ` ${field.unit}`}`);
  if (value < field.min) return { ok: false, message: `${field.label} must be at least ${shown(field.min)}.` };
  if (value > field.max) return { ok: false, message: `${field.label} can be at most ${shown(field.max)}.` };
  return { ok: true, value: field.percent === true ? Math.round(value * 10) / 1000 : value };
}

/** A per-symbol cap or a loss tier as the trader types it. */
export function parseCap(symbol: string, text: string): { ok: true; symbol: string; cap: number } | { ok: false; message: string } {
  const root = symbol.trim().toUpperCase();
  if (!/^[A-Z0-9]{1,10}$/.test(root)) return { ok: false, message: `"${symbol}" is not a symbol such as ES or MNQ.` };
  const cap = Number(text);
  if (text.trim() === '' || !Number.isInteger(cap) || cap < 0)
    return { ok: false, message: `The cap of ${root} must be a whole number of contracts (0 blocks it).` };
  return { ok: true, symbol: root, cap };
}

/**
 * The partial configuration `risk.config.set` takes to turn `base` into `draft`: each changed rule
 * whole, and a cap removed from `maxContractsPerInstrument.limits` as null (how a merge removes it).
 */
export function draftChanges(base: RiskConfigJson, draft: RiskConfigJson): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof RiskConfigJson)[]) {
    if (JSON.stringify(base[key]) === JSON.stringify(draft[key])) continue;
    if (key === 'maxContractsPerInstrument') {
      const removed = Object.fromEntries(
        Object.keys(base.maxContractsPerInstrument.limits)
          .filter((symbol) => !(symbol in draft.maxContractsPerInstrument.limits))
          .map((symbol) => [symbol, null]),
      );
      changes[key] = { ...draft.maxContractsPerInstrument, limits: { ...removed, ...draft.maxContractsPerInstrument.limits } };
    } else changes[key] = draft[key];
  }
  return changes;
}

/** The trader's name of a configuration path: `Daily loss limit › Limit`. */
export function fieldName(path: string): string {
  const known = fieldsByPath.get(path);
  if (known !== undefined)
    return known.field.kind === 'toggle' && known.field.path.at(-1) === 'enabled'
      ? `${known.section.title} (${known.section.rule || 'setting'}) switched off`
      : `${known.section.title} › ${known.field.label}`;
  const [group, sub, symbol] = path.split('.');
  const section = riskSections.find((candidate) => candidate.key === group);
  if (section === undefined) return path;
  if (sub === 'limits' && symbol !== undefined) return `${section.title} › cap of ${symbol}`;
  if (sub === 'tiers') return `${section.title} › tiers`;
  return section.title;
}

/**
 * A refusal in the trader's words: field paths become the form's labels (`risk config
 * dailyRealizedLoss.limit: must be at least 0.01` → `Daily loss limit › Limit: must be at least 0.01`).
 */
export function describeRiskError(error: AppError): string {
  let message = error.message.replace(/^risk config /, '');
  message = message.replace(/\b([a-zA-Z]+(?:\.[A-Za-z0-9]+)+|dayRoll|orderThrottlePerSecond)\b/g, (path) =>
    riskSections.some((section) => path.startsWith(section.key)) ? fieldName(path) : path,
  );
  return message.charAt(0).toUpperCase() + message.slice(1);
}
