import type { RiskConfigJson } from '../../../../src-shared/domain/risk-config';

/** One editable number of the risk configuration, by its path in the JSON form. */
export interface RiskField {
  readonly path: readonly [string, string];
  readonly label: string;
  readonly unit: '$' | 'contracts' | 's' | 'fills' | 'orders/s';
  /** True when a lower number is the stricter limit (loss limits, caps); false for floors such as the buffer. */
  readonly lowerIsStricter: boolean;
}

/** The limits a trader edits most, in the order of docs/risk-rules.md §3. */
export const riskFields: readonly RiskField[] = [
  { path: ['maxContracts', 'limit'], label: 'Max contracts (001)', unit: 'contracts', lowerIsStricter: true },
  { path: ['dailyRealizedLoss', 'limit'], label: 'Daily realized loss (003)', unit: '$', lowerIsStricter: true },
  { path: ['dailyUnrealizedLoss', 'limit'], label: 'Unrealized loss (004)', unit: '$', lowerIsStricter: true },
  { path: ['tradeFrequency', 'perMinute'], label: 'Fills per minute (006)', unit: 'fills', lowerIsStricter: true },
  { path: ['tradeFrequency', 'perHour'], label: 'Fills per hour (006)', unit: 'fills', lowerIsStricter: true },
  { path: ['noStopLossGrace', 'seconds'], label: 'No-stop grace (008)', unit: 's', lowerIsStricter: true },
  { path: ['maxLossLimit', 'drawdown'], label: 'Max loss drawdown (014)', unit: '$', lowerIsStricter: true },
  { path: ['maxLossLimit', 'buffer'], label: 'Max loss buffer (014)', unit: '$', lowerIsStricter: false },
  { path: ['orderThrottlePerSecond', ''], label: 'Order throttle', unit: 'orders/s', lowerIsStricter: true },
];

/** Reads a field's number from a configuration. */
export function readField(config: RiskConfigJson, field: RiskField): number | undefined {
  const [group, key] = field.path;
  const value: unknown = key === '' ? (config as unknown as Record<string, unknown>)[group] : ((config as unknown as Record<string, Record<string, unknown> | undefined>)[group] ?? {})[key];
  return typeof value === 'number' ? value : undefined;
}

/** The partial configuration `risk.config.set` takes for edited fields (unchanged ones left out). */
export function partialConfig(config: RiskConfigJson, edits: Readonly<Record<string, string>>): Record<string, unknown> {
  const partial: Record<string, Record<string, number> | number> = {};
  for (const field of riskFields) {
    const text = edits[field.path.join('.')];
    if (text === undefined || text.trim() === '') continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value === readField(config, field)) continue;
    const [group, key] = field.path;
    if (key === '') partial[group] = value;
    else {
      const existing = partial[group];
      partial[group] = { ...(typeof existing === 'object' ? existing : {}), [key]: value };
    }
  }
  return partial;
}

/** True when the edit loosens a limit (refused while the configuration is locked in). */
export function loosens(field: RiskField, current: number | undefined, next: number): boolean {
  if (current === undefined) return false;
  return field.lowerIsStricter ? next > current : next < current;
}
