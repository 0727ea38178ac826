import { describe, expect, it } from 'vitest';
import { defaultRiskConfig, referenceRiskConfig, riskConfigSchema } from '../../../../src-shared/domain/risk-config';
import { describeRiskError, draftChanges, fieldsByPath, parseCap, parseField, readPath, riskSections, writePath } from './risk-fields';

describe('risk settings form', () => {
  it('has a control for every setting of the configuration', () => {
    const keys = Object.keys(riskConfigSchema.shape).filter((key) => key !== 'dayRoll');
    expect(riskSections.map((section) => section.key).toSorted()).toEqual(keys.toSorted());
    for (const section of riskSections)
      for (const field of section.fields) expect(readPath(defaultRiskConfig, field.path), field.path.join('.')).not.toBeUndefined();
  });

  it('sends only the changed rules, and a removed cap as null', () => {
    let draft = writePath(referenceRiskConfig, ['dailyRealizedLoss', 'limit'], 600);
    draft = writePath(draft, ['maxContractsPerInstrument', 'limits'], { ES: 2, NQ: 1 });

    expect(draftChanges(referenceRiskConfig, draft)).toEqual({
      dailyRealizedLoss: { enabled: true, limit: 600 },
      maxContractsPerInstrument: { ...referenceRiskConfig.maxContractsPerInstrument, limits: { MNQ: null, ES: 2, NQ: 1 } },
    });
    expect(draftChanges(referenceRiskConfig, referenceRiskConfig)).toEqual({});
  });

  it("checks a typed value in the trader's words", () => {
    const loss = fieldsByPath.get('dailyRealizedLoss.limit')?.field;
    const share = fieldsByPath.get('consistency.maxBestDayShare')?.field;
    if (loss?.kind !== 'number' || share?.kind !== 'number') throw new Error('fields missing');

    expect(parseField(loss, '$1,250.50')).toEqual({ ok: true, value: 1250.5 });
    expect(parseField(loss, '0')).toEqual({ ok: false, message: 'Limit must be at least $0.01.' });
    expect(parseField(loss, 'abc')).toEqual({ ok: false, message: 'Limit must be a dollar amount.' });
    expect(parseField(loss, '10.005')).toEqual({ ok: false, message: 'Limit can have at most cents (two decimals).' });
    expect(parseField(share, '40')).toEqual({ ok: true, value: 0.4 });
    expect(parseCap('mnq', '2')).toEqual({ ok: true, symbol: 'MNQ', cap: 2 });
    expect(parseCap('E S', '2')).toMatchObject({ ok: false });
  });

  it('names fields by their labels in refusals, not their internal paths', () => {
    expect(
      describeRiskError({ code: 'invalid-request', message: 'risk config dailyRealizedLoss.limit: must be at least 0.01', field: 'dailyRealizedLoss.limit' }),
    ).toBe('Daily loss limit › Limit: must be at least 0.01');
    expect(
      describeRiskError({
        code: 'risk-denied',
        message:
          'the risk configuration is locked in until 2026-11-18 17:00 CT: tradeFrequency.enabled, maxContractsPerInstrument.limits.ES may only be made stricter',
      }),
    ).toBe(
      'The risk configuration is locked in until 2026-11-18 17:00 CT: Trade frequency (RULE-006) switched off, Max contracts per instrument › cap of ES may only be made stricter',
    );
  });
});
