import { describe, expect, it } from 'vitest';
import { starterTemplates, type BracketCatalogView } from '../../../src-shared/domain/brackets';
import { choiceOptions, choiceRequest, choiceTemplate, defaultChoice, effectiveChoice, nextChoice } from './bracket-choice';

const catalog: BracketCatalogView = {
  templates: starterTemplates,
  defaults: [
    { accountId: 7, symbol: null, template: 'Scalp 8/16' },
    { accountId: 7, symbol: 'NQ', template: 'Runner 2 targets' },
    { accountId: 8, symbol: null, template: null },
  ],
};
const custom = { stopLossTicks: 6, takeProfitTicks: 12 };

describe('bracket choice', () => {
  it("preselects the root's default, else the account's, else none", () => {
    expect(defaultChoice(catalog, 7, 'NQ')).toEqual({ kind: 'template', name: 'Runner 2 targets' });
    expect(defaultChoice(catalog, 7, 'es')).toEqual({ kind: 'template', name: 'Scalp 8/16' });
    expect(defaultChoice(catalog, 8, 'ES')).toEqual({ kind: 'none' });
    expect(defaultChoice(catalog, 9, 'ES')).toEqual({ kind: 'none' });
  });

  it("keeps the trader's pick while its template exists", () => {
    expect(effectiveChoice(catalog, { kind: 'custom' }, 7, 'ES')).toEqual({ kind: 'custom' });
    expect(effectiveChoice(catalog, { kind: 'template', name: 'Gone' }, 7, 'ES')).toEqual({ kind: 'template', name: 'Scalp 8/16' });
    expect(effectiveChoice(undefined, undefined, 7, 'ES')).toBeUndefined();
  });

  it('cycles None, the templates by name, Custom SL/TP and round again', () => {
    expect(choiceOptions(catalog).map((option) => (option.kind === 'template' ? option.name : option.kind))).toEqual([
      'none',
      'Runner 2 targets',
      'Scalp 8/16',
      'custom',
    ]);
    expect(nextChoice(catalog, { kind: 'none' })).toEqual({ kind: 'template', name: 'Runner 2 targets' });
    expect(nextChoice(catalog, { kind: 'custom' })).toEqual({ kind: 'none' });
  });

  it('sends a template by name, none as `none`, custom as the one-off stop and target, and nothing before the catalogue is read', () => {
    expect(choiceRequest({ kind: 'template', name: 'Scalp 8/16' }, custom)).toEqual({ template: 'Scalp 8/16' });
    expect(choiceRequest({ kind: 'none' }, custom)).toEqual({ template: 'none' });
    expect(choiceRequest({ kind: 'custom' }, custom)).toEqual({ stopLossTicks: 6, takeProfitTicks: 12 });
    expect(choiceRequest(undefined, custom)).toEqual({});
  });

  it('plans the one-off template for custom and the named one for a template', () => {
    expect(choiceTemplate(catalog, { kind: 'custom' }, custom, 2)).toMatchObject({ stop: { ticks: 6 }, targets: [{ ticks: 12, size: 2 }] });
    expect(choiceTemplate(catalog, { kind: 'template', name: 'scalp 8/16' }, custom, 2)?.name).toBe('Scalp 8/16');
    expect(choiceTemplate(catalog, { kind: 'none' }, custom, 2)).toBeNull();
  });
});
