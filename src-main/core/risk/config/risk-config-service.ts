import type { AccountId } from '../../../../src-shared/domain/ids';
import type { RiskConfigView } from '../../../../src-shared/domain/risk';
import { defaultRiskConfig, type RiskConfigJson, type RiskPreset } from '../../../../src-shared/domain/risk-config';
import { fail, ok, type Result } from '../../../../src-shared/result';
import type { Clock } from '../../clock';
import type { Logger } from '../../logger';
import type { StorePort } from '../../ports/store-port';
import { formatLocal, nextDayRoll } from '../../../../src-shared/exchange';
import { looserFields } from './config-strictness';
import { importConfig, mergeConfig, mergeJson } from './config-merge';
import { riskPresetConfigs } from './presets';
import { toRiskSettings, type RiskSettings } from './risk-settings';

/** What the config service needs. */
export interface RiskConfigServiceDependencies {
  readonly store: StorePort | undefined;
  readonly clock: Clock;
  readonly logger: Logger;
  /** A fresh account's configuration (default: `defaultRiskConfig`); its daily loss limit follows the account's program. */
  readonly defaultsFor?: (accountId: AccountId) => RiskConfigJson;
  /** Called after every accepted change (and the lock-in). */
  readonly changed: (accountId: AccountId, before: RiskSettings, after: RiskSettings) => void;
}

interface ConfigRecord {
  readonly json: RiskConfigJson;
  readonly settings: RiskSettings;
  readonly lockedUntil: number | null;
}

const defaultSettings = toRiskSettings(defaultRiskConfig);

/** The settings key of an account's configuration. */
export function configKey(accountId: AccountId): string {
  return `risk.config.${accountId}`;
}

/** Paths whose value differs between two JSON values, with both values. */
function differences(before: unknown, after: unknown, path = ''): { field: string; from: unknown; to: unknown }[] {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) => differences(before[key], after[key], path === '' ? key : `${path}.${key}`));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: path, from: before ?? null, to: after ?? null }];
}

/**
 * One validated configuration per account, kept in the store, with the lock-in: until the next
 * day roll a limit may be made stricter, never looser. Every change and refusal is audited.
 */
export class RiskConfigService {
  private readonly records = new Map<AccountId, ConfigRecord>();

  public constructor(private readonly dependencies: RiskConfigServiceDependencies) {}

  /** The rules' form of an account's configuration (defaults until one is saved). */
  public settings(accountId: AccountId): RiskSettings {
    return this.record(accountId).settings;
  }

  /** The JSON form and the lock-in of an account. */
  public view(accountId: AccountId): RiskConfigView {
    const record = this.record(accountId);
    return { accountId, config: record.json, lockedUntil: this.lockedUntil(record) };
  }

  /** Merges a partial JSON configuration over the current one. */
  public set(accountId: AccountId, partial: unknown, actor: string): Result<RiskConfigView> {
    const merged = mergeConfig(this.record(accountId).json, partial);
    return merged.ok ? this.replace(accountId, merged.value, 'risk.config.set', actor) : this.refuse(accountId, merged, actor);
  }

  /** Replaces the configuration with an imported document (missing fields take the defaults). */
  public import(accountId: AccountId, document: unknown, actor: string): Result<RiskConfigView> {
    const imported = importConfig(document);
    return imported.ok ? this.replace(accountId, imported.value, 'risk.config.import', actor) : this.refuse(accountId, imported, actor);
  }

  /** Merges an evaluation-account preset over the current configuration. */
  public applyPreset(accountId: AccountId, preset: RiskPreset, actor: string): Result<RiskConfigView> {
    const merged = mergeConfig(this.record(accountId).json, mergeJson({}, riskPresetConfigs[preset]));
    return merged.ok ? this.replace(accountId, merged.value, `risk.config.preset.${preset}`, actor) : merged;
  }

  /** Locks the configuration until the next day roll: from now on only stricter changes pass. */
  public lockIn(accountId: AccountId, actor: string): Result<RiskConfigView> {
    const record = this.record(accountId);
    const until = nextDayRoll(this.dependencies.clock.now(), record.settings.dayRoll);
    this.records.set(accountId, { ...record, lockedUntil: until });
    this.persist(accountId);
    this.audit(accountId, 'risk.config.lock-in', actor, { until });
    this.dependencies.changed(accountId, record.settings, record.settings);
    return ok(this.view(accountId));
  }

  private replace(accountId: AccountId, proposed: RiskConfigJson, action: string, actor: string): Result<RiskConfigView> {
    const record = this.record(accountId);
    const lockedUntil = this.lockedUntil(record);
    if (lockedUntil !== null) {
      const looser = looserFields(record.json, proposed);
      if (looser.length > 0) {
        const when = formatLocal(lockedUntil, record.settings.dayRoll.timeZone);
        const refused = fail<RiskConfigView>(
          'risk-denied',
          `the risk configuration is locked in until ${when}: ${looser.join(', ')} may only be made stricter`,
          looser[0],
        );
        return this.refuse(accountId, refused, actor, action);
      }
    }
    const changes = differences(record.json, proposed);
    const next: ConfigRecord = { json: proposed, settings: toRiskSettings(proposed), lockedUntil: record.lockedUntil };
    this.records.set(accountId, next);
    this.persist(accountId);
    this.audit(accountId, action, actor, { changes });
    if (changes.length > 0) this.dependencies.changed(accountId, record.settings, next.settings);
    return ok(this.view(accountId));
  }

  private refuse<T>(accountId: AccountId, refused: Result<T>, actor: string, action = 'risk.config.set'): Result<T> {
    if (!refused.ok) this.audit(accountId, `${action}.refused`, actor, { reason: refused.error.message });
    return refused;
  }

  private lockedUntil(record: ConfigRecord): number | null {
    return record.lockedUntil !== null && record.lockedUntil > this.dependencies.clock.now() ? record.lockedUntil : null;
  }

  private record(accountId: AccountId): ConfigRecord {
    const known = this.records.get(accountId);
    if (known !== undefined) return known;
    const loaded = this.load(accountId);
    this.records.set(accountId, loaded);
    return loaded;
  }

  private load(accountId: AccountId): ConfigRecord {
    const stored = this.dependencies.store?.setting(configKey(accountId)) as { config?: unknown; lockedUntil?: unknown } | undefined;
    if (stored === undefined) {
      const fresh = this.dependencies.defaultsFor?.(accountId);
      return fresh === undefined
        ? { json: defaultRiskConfig, settings: defaultSettings, lockedUntil: null }
        : { json: fresh, settings: toRiskSettings(fresh), lockedUntil: null };
    }
    const parsed = importConfig(stored.config);
    const lockedUntil = typeof stored.lockedUntil === 'number' ? stored.lockedUntil : null;
    if (!parsed.ok) {
      // A stored configuration that no longer validates keeps its lock-in but falls back to the defaults.
      this.dependencies.logger.error({ accountId, reason: parsed.error.message }, 'stored risk configuration is invalid; using the defaults');
      return { json: defaultRiskConfig, settings: defaultSettings, lockedUntil };
    }
    return { json: parsed.value, settings: toRiskSettings(parsed.value), lockedUntil };
  }

  private persist(accountId: AccountId): void {
    const record = this.record(accountId);
    this.dependencies.store?.saveSetting(configKey(accountId), { config: record.json, lockedUntil: record.lockedUntil });
  }

  private audit(accountId: AccountId, action: string, actor: string, detail: Record<string, unknown>): void {
    this.dependencies.store?.audit({ at: this.dependencies.clock.now(), accountId, action, actor, detail });
  }
}
