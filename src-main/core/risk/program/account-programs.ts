import { z } from 'zod';
import type { AccountId } from '../../../../src-shared/domain/ids';
import type { AccountView } from '../../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../../src-shared/result';
import {
  defaultFloorMode,
  detectProgram,
  floorModes,
  programKinds,
  programSizes,
  programView,
  type AccountProgramView,
  type FloorMode,
  type ProgramKind,
  type ProgramSize,
} from '../../../../src-shared/programs';
import type { Clock } from '../../clock';
import type { StorePort } from '../../ports/store-port';

/** The settings key of the trader's choice of program for an account. */
export function programKey(accountId: AccountId): string {
  return `account.program.${accountId}`;
}

/** The settings key of the account's maximum loss floor mode (beside its program override). */
export function floorModeKey(accountId: AccountId): string {
  return `account.program.floor.${accountId}`;
}

const storedFloorMode = z.enum(floorModes);

const storedChoice = z.object({ kind: z.enum(programKinds), size: z.enum(programSizes).nullable() }).strict();

/** The trader's choice of program for an account. */
export interface ProgramChoice {
  readonly kind: ProgramKind;
  readonly size: ProgramSize | null;
}

/**
 * Which Topstep program each account is in: detected from its name (else its balance), unless the
 * trader chose one, which is kept in the store and audited. Beside it, how the account's maximum
 * loss floor trails (end of day, the default, or intraday), also the trader's choice.
 */
export class AccountPrograms {
  private readonly choices = new Map<AccountId, ProgramChoice | null>();
  private readonly floors = new Map<AccountId, FloorMode>();
  /** The last detection per account (the rules ask on every event; names and balances rarely change). */
  private readonly detected = new Map<AccountId, { readonly name: string; readonly balanceCents: number; readonly view: AccountProgramView }>();

  public constructor(
    private readonly store: StorePort | undefined,
    private readonly clock: Clock,
    private readonly changed: (accountId: AccountId) => void,
  ) {}

  /** The program of an account: the trader's choice, else detected. */
  public of(accountId: AccountId, account: AccountView | undefined): AccountProgramView {
    const choice = this.choice(accountId);
    const detected = this.detect(accountId, account?.name ?? '', account?.balanceCents ?? 0);
    if (choice === null) return detected;
    return programView(choice.kind, choice.size ?? detected.size, 'trader');
  }

  /** Sets the program of an account, or back to detection with null. */
  public set(accountId: AccountId, choice: ProgramChoice | null, actor: string): Result<null> {
    if (choice !== null && choice.kind !== 'practice' && choice.size === null)
      return fail('invalid-request', `a ${choice.kind} account needs its size (50K, 100K or 150K)`, 'size');
    const before = this.choice(accountId);
    this.choices.set(accountId, choice);
    this.store?.saveSetting(programKey(accountId), choice);
    this.store?.audit({ at: this.clock.now(), accountId, action: 'account.program.set', actor, detail: { from: before, to: choice } });
    this.changed(accountId);
    return ok(null);
  }

  /** How the account's maximum loss floor trails: the trader's choice, else end of day. */
  public floorMode(accountId: AccountId): FloorMode {
    const known = this.floors.get(accountId);
    if (known !== undefined) return known;
    const parsed = storedFloorMode.safeParse(this.store?.setting(floorModeKey(accountId)));
    const mode = parsed.success ? parsed.data : defaultFloorMode;
    this.floors.set(accountId, mode);
    return mode;
  }

  /** Sets how the account's maximum loss floor trails (audited); the rules use it at once. */
  public setFloorMode(accountId: AccountId, mode: FloorMode, actor: string): Result<null> {
    const before = this.floorMode(accountId);
    if (before === mode) return ok(null);
    this.floors.set(accountId, mode);
    this.store?.saveSetting(floorModeKey(accountId), mode);
    this.store?.audit({ at: this.clock.now(), accountId, action: 'account.program.floor', actor, detail: { from: before, to: mode } });
    this.changed(accountId);
    return ok(null);
  }

  private detect(accountId: AccountId, name: string, balanceCents: number): AccountProgramView {
    const known = this.detected.get(accountId);
    if (known !== undefined && known.name === name && known.balanceCents === balanceCents) return known.view;
    const view = detectProgram(name, balanceCents);
    this.detected.set(accountId, { name, balanceCents, view });
    return view;
  }

  private choice(accountId: AccountId): ProgramChoice | null {
    const known = this.choices.get(accountId);
    if (known !== undefined) return known;
    const parsed = storedChoice.safeParse(this.store?.setting(programKey(accountId)));
    const choice = parsed.success ? parsed.data : null;
    this.choices.set(accountId, choice);
    return choice;
  }
}
