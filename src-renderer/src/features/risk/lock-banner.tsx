import { useServerNow } from '../../lib/server-clock';
import { useRiskState } from '../../lib/queries/risk-queries';
import { useSelectedAccount } from '../../lib/queries/trading-queries';
import { lockRemaining } from './risk-views';

/** A banner across the workspace while a lock covers the account: the rule and a countdown. */
export function LockBanner() {
  const account = useSelectedAccount();
  const lock = useRiskState(account?.account.id).data?.effectiveLock ?? null;
  const now = useServerNow();
  if (lock === null) return null;
  return (
    <div className="banner banner-lock" role="alert" data-testid="lock-banner">
      <span className="banner-tag">LOCKED</span>
      <span className="banner-text">
        {lock.ruleId === 'trader' || lock.reason.startsWith(`RULE-${lock.ruleId}`) ? lock.reason : `RULE-${lock.ruleId} · ${lock.reason}`}
      </span>
      <span className="banner-countdown num" data-testid="lock-countdown">
        {lockRemaining(lock, now)}
      </span>
      <span className="banner-note">Order entry is disabled</span>
    </div>
  );
}
