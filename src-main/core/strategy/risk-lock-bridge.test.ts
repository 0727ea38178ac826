import { describe, expect, it } from 'vitest';
import type { RiskLockView, RiskStateView } from '../../../src-shared/domain/risk';
import { EventHub } from '../event-hub';
import { riskLockBridge } from './risk-lock-bridge';

const lock: RiskLockView = { id: '101|*|003|hard', accountId: 101, symbol: null, kind: 'hard', ruleId: '003', reason: 'RULE-003 daily realized loss -$850.00 <= -$800.00', startedAt: 0, endsAt: 1, condition: null, denial: 'locked' };

function state(effectiveLock: RiskLockView | null): RiskStateView {
  return { accountId: 101, effectiveLock } as unknown as RiskStateView;
}

describe('risk lock bridge', () => {
  it('pauses the account once when a lock appears and resumes it once when the lock is gone', () => {
    const calls: string[] = [];
    const events = new EventHub();
    events.forward(riskLockBridge({ pauseAccount: (accountId, reason) => calls.push(`pause ${accountId} ${reason}`), resumeAccount: (accountId) => calls.push(`resume ${accountId}`) }));

    events.emit('risk.state', state(null));
    events.emit('risk.state', state(lock));
    events.emit('risk.state', state(lock));
    events.emit('risk.state', state(null));
    events.emit('risk.state', state(null));

    expect(calls).toEqual(['pause 101 RULE-003 daily realized loss -$850.00 <= -$800.00', 'resume 101']);
  });
});
