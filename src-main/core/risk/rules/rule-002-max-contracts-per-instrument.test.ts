import { describe, expect, it } from 'vitest';
import { esContract } from '../../testing/fake-broker';
import { aPosition } from '../testing/risk-harness';
import { aState, ruleInput, settingsWith } from '../testing/rule-fixtures';
import { mnqContract, rtyContract } from '../testing/test-contracts';
import { maxContractsPerInstrumentRule } from './rule-002-max-contracts-per-instrument';

const positionEvent = (contractId: string, size: number) => ({ kind: 'position' as const, at: 0, position: aPosition({ contractId, size }), previousSize: 0 });

describe('RULE-002 max contracts per instrument', () => {
  it('reduces a symbol above its cap to the cap', () => {
    const state = aState({ positions: [aPosition({ contractId: mnqContract.id, size: -3 })] });

    expect(maxContractsPerInstrumentRule.evaluate(ruleInput(state, positionEvent(mnqContract.id, -3)))).toMatchObject({
      message: 'RULE-002 MNQ size 3 > cap 2',
      actions: [{ kind: 'reduce', contractId: mnqContract.id, targetSize: 2 }],
    });
  });

  it('flattens the symbol when the action is flatten', () => {
    const state = aState({ positions: [aPosition({ size: 2 })] });

    expect(
      maxContractsPerInstrumentRule.evaluate(
        ruleInput(state, positionEvent(esContract.id, 2), settingsWith({ maxContractsPerInstrument: { action: 'flatten' } })),
      )?.actions,
    ).toEqual([{ kind: 'flatten', contractId: esContract.id, unlessProtected: false }]);
  });

  it('allows, blocks or caps symbols without a cap of their own', () => {
    const state = aState({ positions: [aPosition({ contractId: rtyContract.id, size: 2 })] });
    const event = positionEvent(rtyContract.id, 2);

    expect(maxContractsPerInstrumentRule.evaluate(ruleInput(state, event))).toBeUndefined();
    expect(maxContractsPerInstrumentRule.evaluate(ruleInput(state, event, settingsWith({ maxContractsPerInstrument: { unknown: 'block' } })))?.actions).toEqual(
      [{ kind: 'flatten', contractId: rtyContract.id, unlessProtected: false }],
    );
    expect(maxContractsPerInstrumentRule.evaluate(ruleInput(state, event, settingsWith({ maxContractsPerInstrument: { unknown: 1 } })))?.actions).toEqual([
      { kind: 'reduce', contractId: rtyContract.id, targetSize: 1 },
    ]);
  });

  it('shows the fullest symbol against its cap', () => {
    const state = aState({ positions: [aPosition({ contractId: mnqContract.id, size: 1 })] });

    expect(maxContractsPerInstrumentRule.status(state, settingsWith(), 0)).toMatchObject({ value: 'MNQ 1', limit: '2', usage: 0.5 });
  });
});

describe('RULE-002 before the trade', () => {
  it('counts the position, working orders and pending orders of the side against the cap', () => {
    const settings = settingsWith({ maxContractsPerInstrument: { limits: { ES: 2 } } });
    const state = aState({ positions: [aPosition({ contractId: esContract.id, size: 1 })] });
    const one = { contractId: esContract.id, side: 'buy' as const, size: 1 };
    expect(maxContractsPerInstrumentRule.preTrade?.({ state, settings, order: one, pending: [one], symbol: 'ES', now: 0 })).toBeUndefined();
    expect(maxContractsPerInstrumentRule.preTrade?.({ state, settings, order: one, pending: [one, one], symbol: 'ES', now: 0 })).toBe(
      'RULE-002 ES cap: this order would bring ES to 3 (working orders included) > 2',
    );
  });
});
