import { describe, expect, it } from 'vitest';
import { riskLockBridge } from './risk-lock-bridge';

const lock = { id: '101|*|003|hard', reason: 'RULE-003 daily realized loss -$850.00 <= -$800.00' };

describe('risk lock bridge', () => {
  it('pauses the account once when a lock appears and resumes it once when the lock is gone', () => {
    const calls: string[] = [];
    const signal = riskLockBridge({
      pauseAccount: (accountId, reason) => calls.push(`pause ${accountId} ${reason}`),
      resumeAccount: (accountId) => calls.push(`resume ${accountId}`),
    });

    signal(101, undefined);
    signal(101, lock);
    signal(101, lock);
    signal(101, undefined);
    signal(101, undefined);

    expect(calls).toEqual(['pause 101 RULE-003 daily realized loss -$850.00 <= -$800.00', 'resume 101']);
  });
});
