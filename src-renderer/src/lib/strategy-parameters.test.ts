import { describe, expect, it } from 'vitest';
import type { StrategyParameterSpec } from '../../../src-shared/domain/strategies';
import { changedParameters, defaultParameters, formatParameter, parseParameter, parseParameters } from './strategy-parameters';

const contracts: StrategyParameterSpec = { key: 'contracts', label: 'Contracts', description: '', type: 'integer', default: 1, min: 1, max: 50, live: true };
const stop: StrategyParameterSpec = {
  key: 'stopAtr',
  label: 'Stop',
  description: '',
  type: 'number',
  default: 1.5,
  min: 0.25,
  max: 10,
  unit: '×ATR',
  live: true,
};
const anchor: StrategyParameterSpec = { key: 'anchor', label: 'Mean', description: '', type: 'choice', default: 'vwap', options: ['vwap', 'sma'], live: false };
const start: StrategyParameterSpec = { key: 'sessionStart', label: 'First entry', description: '', type: 'time', default: '08:45', live: true };
const shorts: StrategyParameterSpec = { key: 'allowShort', label: 'Shorts', description: '', type: 'boolean', default: true, live: true };
const specs = [contracts, stop, anchor, start, shorts];

describe('strategy parameters', () => {
  it('reads drafts against the schema and says why one is refused', () => {
    expect(parseParameter(contracts, '3')).toEqual({ ok: true, value: 3 });
    expect(parseParameter(contracts, '2.5')).toEqual({ ok: false, reason: 'a whole number' });
    expect(parseParameter(contracts, '0')).toEqual({ ok: false, reason: 'at least 1' });
    expect(parseParameter(stop, '12')).toEqual({ ok: false, reason: 'at most 10' });
    expect(parseParameter(stop, 'wide')).toEqual({ ok: false, reason: 'a number' });
    expect(parseParameter(anchor, 'ema')).toEqual({ ok: false, reason: 'one of vwap, sma' });
    expect(parseParameter(start, '9:30')).toEqual({ ok: false, reason: 'a time as HH:MM' });
    expect(parseParameter(start, '09:30')).toEqual({ ok: true, value: '09:30' });
    expect(parseParameter(shorts, false)).toEqual({ ok: true, value: false });
  });

  it('sends only what changed, over the values in force', () => {
    const current = { ...defaultParameters(specs), contracts: 2 };

    const parsed = parseParameters(specs, current, { contracts: '2', stopAtr: '2', allowShort: false });

    expect(parsed.errors).toEqual({});
    expect(changedParameters(current, parsed.values)).toEqual({ stopAtr: 2, allowShort: false });
  });

  it('writes values with their unit', () => {
    expect(formatParameter(stop, 1.5)).toBe('1.5 ×ATR');
    expect(formatParameter(shorts, true)).toBe('on');
    expect(formatParameter(undefined, undefined)).toBe('—');
  });
});
