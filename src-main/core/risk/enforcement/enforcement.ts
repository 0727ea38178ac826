import type { AccountId } from '../../../../src-shared/domain/ids';
import type { RiskSource } from '../../../../src-shared/domain/risk';
import type { Clock } from '../../clock';
import type { Logger } from '../../logger';
import type { StorePort } from '../../ports/store-port';
import { ruleLabel } from '../rules/rule-helpers';
import type { RiskAction } from '../rules/rule-types';
import { sleep, type Scheduler } from '../../scheduler';
import { actionSatisfied, describeRequest, sendAction, type ActionPorts } from './action-calls';
import { backoffMs, classifyFailure, defaultRetryPolicy, type RetryPolicy } from './failure-policy';
import { StateWaiters } from './state-waiters';

/** One action a breach wants, with what triggered it (for the audit log and latency). */
export interface EnforcementRequest {
  readonly accountId: AccountId;
  readonly action: RiskAction;
  readonly ruleId: RiskSource;
  readonly reason: string;
  readonly trigger: { readonly kind: string; readonly at: number };
}

/** How an action ended: verified at its target, already there, spared (a stop was found), or failed. */
export type EnforcementOutcome = 'verified' | 'already-done' | 'skipped' | 'failed';

/** What enforcement needs. */
export interface EnforcementDependencies extends ActionPorts {
  readonly store: StorePort | undefined;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly logger: Logger;
  readonly policy?: Partial<RetryPolicy>;
  /** After a REST read: true when the contract's position has a protective stop (rule 008). */
  readonly protectedAfterRead: (accountId: AccountId, contractId: string) => boolean;
  /** Something changed for the account (an action started, ended or failed). */
  readonly changed: (accountId: AccountId) => void;
  /** An action failed for good: raise the alarm (it is tried again on the next event). */
  readonly alarm: (accountId: AccountId, message: string) => void;
}

function keyOf(accountId: AccountId, action: RiskAction): string {
  return `${accountId}|${action.kind === 'flatten-all' ? '*' : action.contractId}|${action.kind}`;
}

/**
 * Enforcement (docs/risk-rules.md §4): the only part of the risk manager that calls the broker. At
 * most one action in flight per (account, contract, kind): a repeat joins it, and a flatten in
 * flight covers the smaller actions of its scope. Calls use the priority lane and retry with
 * back-off; success means the broker's state reached the target (seen in its events, or read over
 * REST when they are slow).
 */
export class Enforcement {
  private readonly inFlight = new Map<string, Promise<EnforcementOutcome>>();
  private readonly failures = new Map<AccountId, { at: number; message: string }>();
  private readonly failedKeys = new Map<string, number>();
  private readonly waiters: StateWaiters;
  private readonly policy: RetryPolicy;
  private disposed = false;

  public constructor(private readonly dependencies: EnforcementDependencies) {
    this.waiters = new StateWaiters(dependencies.scheduler);
    this.policy = { ...defaultRetryPolicy, ...dependencies.policy };
  }

  /** Starts an action, or joins the one in flight that covers it. */
  public submit(request: EnforcementRequest): Promise<EnforcementOutcome> {
    const covering = this.covering(request.accountId, request.action);
    if (covering !== undefined) return covering;
    const unless = request.action.kind === 'flatten' && request.action.unlessProtected;
    if (!unless && actionSatisfied(this.dependencies.core, request.accountId, request.action)) return Promise.resolve('already-done');
    const key = keyOf(request.accountId, request.action);
    // A quote stream must not hammer a broker that keeps refusing: one retry cycle per pause.
    const failedAt = this.failedKeys.get(key);
    if (failedAt !== undefined && this.dependencies.clock.now() - failedAt < this.policy.retryAfterFailureMs) return Promise.resolve('failed');
    const run = (async () => {
      try {
        return await this.run(request);
      } finally {
        this.inFlight.delete(key);
        this.dependencies.changed(request.accountId);
      }
    })();
    this.inFlight.set(key, run);
    this.dependencies.changed(request.accountId);
    return run;
  }

  /** Re-checks the actions waiting for an account's state (call after each of its events). */
  public notify(accountId: AccountId): void {
    this.waiters.notify(accountId);
  }

  /** Actions in flight for an account. */
  public inFlightCount(accountId: AccountId): number {
    let count = 0;
    for (const key of this.inFlight.keys()) if (key.startsWith(`${accountId}|`)) count++;
    return count;
  }

  /** The last final failure of an account, until an action succeeds again. */
  public failure(accountId: AccountId): { at: number; message: string } | undefined {
    return this.failures.get(accountId);
  }

  /** Stops retrying and waiting. */
  public dispose(): void {
    this.disposed = true;
    this.waiters.dispose();
  }

  private covering(accountId: AccountId, action: RiskAction): Promise<EnforcementOutcome> | undefined {
    const own = this.inFlight.get(keyOf(accountId, action));
    if (own !== undefined) return own;
    if (action.kind === 'flatten-all') return undefined;
    const all = this.inFlight.get(`${accountId}|*|flatten-all`);
    if (all !== undefined) return all;
    return action.kind === 'flatten' ? undefined : this.inFlight.get(`${accountId}|${action.contractId}|flatten`);
  }

  private async run(request: EnforcementRequest): Promise<EnforcementOutcome> {
    const { core, clock } = this.dependencies;
    const { accountId, action } = request;
    if (action.kind === 'flatten' && action.unlessProtected) {
      // Rule 008: a stop placed in another app shows only over REST.
      await core.reconcileAccount(accountId);
      if (this.dependencies.protectedAfterRead(accountId, action.contractId) || actionSatisfied(core, accountId, action)) {
        this.audit(request, 'risk.enforce.skipped', { reason: 'a protective stop (or no position) was found over REST' });
        return 'skipped';
      }
    }
    let lastError = 'unknown';
    for (let attempt = 1; attempt <= this.policy.maxAttempts && !this.disposed; attempt++) {
      if (actionSatisfied(core, accountId, action)) return this.succeed(request, attempt - 1);
      const result = await sendAction(this.dependencies, accountId, action, `risk:${request.ruleId}`);
      const latencyMs = clock.now() - request.trigger.at;
      this.audit(request, 'risk.enforce', { attempt, request: describeRequest(accountId, action), result: result.ok ? 'ok' : result.error, latencyMs });
      if (!result.ok) {
        lastError = `${result.error.code}: ${result.error.message}`;
        const kind = classifyFailure(result.error);
        if (kind === 'final') break;
        if (attempt < this.policy.maxAttempts) await sleep(this.dependencies.scheduler, backoffMs(kind, attempt, this.policy));
        continue;
      }
      if (await this.verify(accountId, action)) return this.succeed(request, attempt);
      lastError = 'the broker acknowledged but its state did not reach the target';
      if (attempt < this.policy.maxAttempts) await sleep(this.dependencies.scheduler, backoffMs('transient', attempt, this.policy));
    }
    return this.disposed ? 'failed' : this.fail(request, lastError);
  }

  private async verify(accountId: AccountId, action: RiskAction): Promise<boolean> {
    const { core } = this.dependencies;
    const check = (): boolean => actionSatisfied(core, accountId, action);
    if (await this.waiters.wait(accountId, check, this.policy.verifyTimeoutMs)) return true;
    if (this.disposed) return false;
    // The events are slow or lost: read the broker's truth over REST.
    await core.reconcileAccount(accountId);
    return check();
  }

  private succeed(request: EnforcementRequest, attempts: number): EnforcementOutcome {
    this.failures.delete(request.accountId);
    this.failedKeys.delete(keyOf(request.accountId, request.action));
    this.audit(request, 'risk.enforce.verified', { attempts, latencyMs: this.dependencies.clock.now() - request.trigger.at });
    return attempts === 0 ? 'already-done' : 'verified';
  }

  private fail(request: EnforcementRequest, reason: string): EnforcementOutcome {
    const message = `${request.action.kind} for ${ruleLabel(request.ruleId)} failed after retries: ${reason}`;
    this.failures.set(request.accountId, { at: this.dependencies.clock.now(), message });
    this.failedKeys.set(keyOf(request.accountId, request.action), this.dependencies.clock.now());
    this.audit(request, 'risk.enforce.failed', { reason });
    this.dependencies.logger.error({ accountId: request.accountId, ruleId: request.ruleId, action: request.action.kind, reason }, 'risk enforcement failed');
    this.dependencies.alarm(request.accountId, message);
    return 'failed';
  }

  private audit(request: EnforcementRequest, action: string, detail: Record<string, unknown>): void {
    this.dependencies.store?.audit({
      at: this.dependencies.clock.now(),
      accountId: request.accountId,
      action,
      actor: `risk:${request.ruleId}`,
      detail: { rule: request.ruleId, reason: request.reason, trigger: request.trigger, action: request.action, ...detail },
    });
  }
}
