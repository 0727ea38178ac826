import { z } from 'zod';
import { bracketTemplateSchema, starterTemplates, type BracketDefault, type BracketTemplate } from '../../../src-shared/domain/brackets';
import type { AccountId } from '../../../src-shared/domain/ids';
import { fail, ok, type Result } from '../../../src-shared/result';
import type { Logger } from '../logger';
import type { StorePort } from '../ports/store-port';

const templatesKey = 'brackets.templates';
const defaultsKey = 'brackets.defaults';
const missingStopKey = 'protection.missingStop';

/** At start, reconnect and wake: place a missing stop from the position's template, or only raise an alarm. */
export type MissingStopPolicy = 'place' | 'alarm';
const storedDefaults = z.array(z.object({ accountId: z.number().int(), symbol: z.string().nullable(), template: z.string().nullable() }).strict());

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/**
 * The named bracket templates and each account's defaults (for every contract, or per root), kept
 * in the store's settings. A new terminal starts with the starter templates and no default.
 */
export class TemplateCatalog {
  private templates: BracketTemplate[];
  private defaultRows: BracketDefault[];

  public constructor(
    private readonly store: StorePort | undefined,
    logger: Logger,
  ) {
    const stored = z.array(bracketTemplateSchema).safeParse(store?.setting(templatesKey));
    if (!stored.success && store?.setting(templatesKey) !== undefined)
      logger.warn({ key: templatesKey }, 'stored bracket templates are invalid; starting from the starter templates');
    this.templates = stored.success ? stored.data : [...starterTemplates];
    const defaults = storedDefaults.safeParse(store?.setting(defaultsKey));
    this.defaultRows = defaults.success ? defaults.data : [];
  }

  /** What reconciliation does about a position found without a stop (default: place it). */
  public missingStop(): MissingStopPolicy {
    return this.store?.setting(missingStopKey) === 'alarm' ? 'alarm' : 'place';
  }

  /** Sets the missing-stop policy. */
  public setMissingStop(policy: MissingStopPolicy): MissingStopPolicy {
    this.store?.saveSetting(missingStopKey, policy);
    return policy;
  }

  /** Every template, by name. */
  public list(): BracketTemplate[] {
    return [...this.templates].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A template by name (case-insensitive). */
  public get(name: string): BracketTemplate | undefined {
    return this.templates.find((template) => sameName(template.name, name));
  }

  /** Adds a template, or replaces the one of the same name. */
  public set(template: BracketTemplate): BracketTemplate {
    this.templates = [...this.templates.filter((known) => !sameName(known.name, template.name)), template];
    this.store?.saveSetting(templatesKey, this.templates);
    return template;
  }

  /** Removes a template, and the defaults that named it. */
  public remove(name: string): Result<{ name: string }> {
    const known = this.get(name);
    if (known === undefined) return fail('not-found', `no bracket template is named "${name}"`, 'name');
    this.templates = this.templates.filter((template) => template !== known);
    this.store?.saveSetting(templatesKey, this.templates);
    const kept = this.defaultRows.filter((row) => row.template === null || !sameName(row.template, known.name));
    if (kept.length !== this.defaultRows.length) this.saveDefaults(kept);
    return ok({ name: known.name });
  }

  /** Every default that is set. */
  public defaults(): BracketDefault[] {
    return [...this.defaultRows];
  }

  /**
   * Sets an account's default template for one root (or every contract when `symbol` is null);
   * `template` null means "none". A name that is not a template is refused.
   */
  public setDefault(accountId: AccountId, symbol: string | null, template: string | null): Result<BracketDefault> {
    const known = template === null ? null : this.get(template);
    if (known === undefined) return fail('not-found', `no bracket template is named "${template}"`, 'template');
    const row: BracketDefault = { accountId, symbol: symbol === null ? null : symbol.toUpperCase(), template: known === null ? null : known.name };
    this.saveDefaults([...this.defaultRows.filter((other) => other.accountId !== accountId || other.symbol !== row.symbol), row]);
    return ok(row);
  }

  /** Removes an account's default for a root (or its every-contract default). */
  public clearDefault(accountId: AccountId, symbol: string | null): void {
    this.saveDefaults(this.defaultRows.filter((row) => row.accountId !== accountId || row.symbol !== (symbol === null ? null : symbol.toUpperCase())));
  }

  /** The template an account uses for a root when an order names none: the root's default, else the account's. */
  public defaultFor(accountId: AccountId, symbol: string): BracketTemplate | null {
    const row =
      this.defaultRows.find((candidate) => candidate.accountId === accountId && candidate.symbol === symbol.toUpperCase()) ??
      this.defaultRows.find((candidate) => candidate.accountId === accountId && candidate.symbol === null);
    if (row === undefined || row.template === null) return null;
    return this.get(row.template) ?? null;
  }

  private saveDefaults(rows: BracketDefault[]): void {
    this.defaultRows = rows;
    this.store?.saveSetting(defaultsKey, rows);
  }
}
