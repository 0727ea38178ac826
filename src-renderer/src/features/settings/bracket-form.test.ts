import { describe, expect, it } from 'vitest';
import { starterTemplates } from '../../../../src-shared/domain/brackets';
import { draftOf, freeName, newDraft, problemLine, refusalLine, templateOfDraft } from './bracket-form';

const runner = starterTemplates[1];
if (runner === undefined) throw new Error('no runner template');

describe('bracket template form', () => {
  it('round-trips a template through the form', () => {
    const result = templateOfDraft(draftOf(runner));

    expect(result).toEqual({ ok: true, template: runner });
  });

  it('names each problem after the field the trader fixes, with its unit', () => {
    const draft = {
      ...draftOf(runner),
      name: ' ',
      stopTicks: '0',
      targets: [
        { ticks: '12', size: '1' },
        { ticks: '10', size: 'x' },
      ],
    };

    const result = templateOfDraft(draft);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(problemLine)).toEqual([
      'Name: give the template a name',
      'Stop distance: must be at least 1 tick',
      'Target 2 distance: must be farther than target 1 (12 ticks away)',
      'Target 2 size: enter a whole number of contracts',
    ]);
  });

  it('asks for a stop or a target, and keeps switched-off sections out of the check', () => {
    const draft = { ...newDraft('Empty'), stopEnabled: false, targets: [], trailingTriggerTicks: 'x' };

    const result = templateOfDraft(draft);

    expect(result.ok === false && result.problems.map(problemLine)).toEqual(['A template needs a stop or at least one target']);
  });

  it("words the core's refusal by the form's labels", () => {
    expect(refusalLine('template.targets.1.ticks', 'brackets.set: template.targets.1.ticks must be farther')).toBe('Target 2 distance: must be farther');
    expect(refusalLine(undefined, 'no template')).toBe('no template');
  });

  it('finds a free name for a new or duplicated template', () => {
    expect(freeName('Scalp 8/16', ['Scalp 8/16', 'scalp 8/16 2'])).toBe('Scalp 8/16 3');
    expect(freeName('New template', [])).toBe('New template');
  });
});
