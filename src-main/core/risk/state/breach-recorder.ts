import type { AccountId } from '../../../../src-shared/domain/ids';
import type { RiskBreachView } from '../../../../src-shared/domain/risk';
import type { Clock } from '../../clock';
import type { EventHub } from '../../event-hub';
import type { StorePort } from '../../ports/store-port';
import { ruleLabel } from '../rules/rule-helpers';
import type { Breach, RiskAction } from '../rules/rule-types';

/** Keeps this many breaches per account for the panel. */
const kept = 20;
/** The same breach within this long is a repeat: counted, not recorded or notified again. */
const repeatWindowMs = 60_000;

interface Entry {
  view: RiskBreachView;
  lastSeen: number;
}

/** A one-word description of an action, for the panel and the audit log. */
export function describeAction(action: RiskAction): string {
  switch (action.kind) {
    case 'flatten-all':
      return 'flatten all';
    case 'flatten':
      return `flatten ${action.contractId}`;
    case 'reduce':
      return `reduce ${action.contractId} to ${action.targetSize}`;
    case 'cancel-all':
      return action.contractId === null ? 'cancel all' : `cancel all ${action.contractId}`;
    case 'cancel':
      return `cancel ${action.orderId}`;
    case 'move-stop':
      return `move stop ${action.orderId} to ${action.stopTicks}`;
  }
}

/**
 * Records breaches (docs/risk-rules.md §1, step 5): an audit row and a notification the first time,
 * a repeat counter after that, and the last few per account for the panel.
 */
export class BreachRecorder {
  private readonly byAccount = new Map<AccountId, Entry[]>();
  private readonly byKey = new Map<string, Entry>();

  public constructor(
    private readonly clock: Clock,
    private readonly store: StorePort | undefined,
    private readonly events: EventHub,
  ) {}

  /** Records one breach; false when it repeats one recorded moments ago. */
  public record(accountId: AccountId, breach: Breach, trigger: { readonly kind: string; readonly at: number }): boolean {
    const now = this.clock.now();
    const key = `${accountId}|${breach.key}`;
    const known = this.byKey.get(key);
    if (known !== undefined && now - known.lastSeen < repeatWindowMs) {
      known.lastSeen = now;
      known.view = { ...known.view, repeats: known.view.repeats + 1 };
      return false;
    }
    const actions = breach.actions.map(describeAction);
    const entry: Entry = { view: { at: now, ruleId: breach.ruleId, level: breach.level, message: breach.message, actions, repeats: 0 }, lastSeen: now };
    this.byKey.set(key, entry);
    const list = [entry, ...(this.byAccount.get(accountId) ?? [])];
    for (const dropped of list.splice(kept)) for (const [candidate, value] of this.byKey) if (value === dropped) this.byKey.delete(candidate);
    this.byAccount.set(accountId, list);
    this.store?.audit({
      at: now,
      accountId,
      action: `risk.${breach.level}`,
      actor: `risk:${breach.ruleId}`,
      detail: { message: breach.message, actions, lock: breach.lock, trigger },
    });
    const level = breach.level === 'breach' ? 'error' : breach.level === 'warning' ? 'warning' : 'info';
    this.events.emit('notifications.added', { level, title: `Risk ${ruleLabel(breach.ruleId)}`, message: breach.message, at: now });
    return true;
  }

  /** The account's recent breaches, newest first. */
  public recent(accountId: AccountId): RiskBreachView[] {
    return (this.byAccount.get(accountId) ?? []).map((entry) => entry.view);
  }
}
