import { describe, expect, it } from 'vitest';
import { esContract } from '../../testing/fake-broker';
import { aPosition } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { mnqContract, nqContract } from '../testing/test-contracts';
import { maxContractsRule } from './rule-001-max-contracts';

const positionEvent = (size: number, contractId = esContract.id) => ({
  kind: 'position' as const,
  at: 0,
  position: aPosition({ size, contractId }),
  previousSize: 0,
});

describe('RULE-001 max contracts', () => {
  it('allows the limit and reduces the largest position first above it', () => {
    const at = aState({ positions: [aPosition({ size: 3 }), aPosition({ contractId: nqContract.id, size: 2 })] });
    const above = aState({ positions: [aPosition({ size: 4 }), aPosition({ contractId: nqContract.id, size: 3 })] });

    expect(maxContractsRule.evaluate(ruleInput(at, positionEvent(3)))).toBeUndefined();
    expect(maxContractsRule.evaluate(ruleInput(above, positionEvent(4)))).toMatchObject({
      message: 'RULE-001 max contracts 7 (net) > 5',
      actions: [{ kind: 'reduce', contractId: esContract.id, targetSize: 2 }],
      lock: null,
    });
  });

  it('weighs micros at a tenth of a mini', () => {
    const state = aState({ positions: [aPosition({ size: 4 }), aPosition({ contractId: mnqContract.id, size: 12 })] });

    expect(maxContractsRule.evaluate(ruleInput(state, positionEvent(4)))).toMatchObject({
      message: 'RULE-001 max contracts 5.2 (net) > 5',
      actions: [{ kind: 'reduce', contractId: esContract.id, targetSize: 3 }],
    });
  });

  it('counts net across symbols by default and gross when configured', () => {
    const state = aState({ positions: [aPosition({ size: 4 }), aPosition({ contractId: nqContract.id, size: -3 })] });

    expect(maxContractsRule.evaluate(ruleInput(state, positionEvent(4)))).toBeUndefined();
    expect(maxContractsRule.evaluate(ruleInput(state, positionEvent(4), settingsWith({ maxContracts: { count: 'gross' } })))).toMatchObject({
      message: 'RULE-001 max contracts 7 (gross) > 5',
    });
  });

  it('flattens everything when the action says so', () => {
    const state = aState({ positions: [aPosition({ size: 6 })] });

    expect(maxContractsRule.evaluate(ruleInput(state, positionEvent(6), settingsWith({ maxContracts: { action: 'flatten' } })))?.actions).toEqual([
      { kind: 'flatten-all' },
    ]);
  });

  it('shows contracts against the limit, breached only above it', () => {
    const state = aState({ positions: [aPosition({ size: 4 })] });

    expect(maxContractsRule.status(state, settingsWith(), 0)).toEqual({ health: 'ok', value: '4', limit: '5 (net)', usage: 0.8 });
  });
});
