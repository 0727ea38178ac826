import { useState } from 'react';
import type { BracketCatalogView, BracketTemplate } from '../../../../src-shared/domain/brackets';
import type { AppError } from '../../../../src-shared/result';
import { useTerminalApi } from '../../bridge/bridge-context';
import { InlineAlert } from '../../components/inline-alert';
import { useBracketCatalog, useRefreshBracketCatalog } from '../../lib/queries/bracket-queries';
import { useAccounts, useSelectedAccount } from '../../lib/queries/trading-queries';
import { draftOf, fieldLabel, freeName, newDraft, problemLine, refusalLine, templateOfDraft, type BracketDraft, type DraftProblem } from './bracket-form';

type Catalog = BracketCatalogView & { missingStop: 'place' | 'alarm' };

/** A whole-number field of the template form, with its unit and its problem. */
function NumberField({
  field,
  value,
  onValue,
  problems,
  disabled = false,
  shown,
}: {
  field: string;
  value: string;
  onValue(text: string): void;
  problems: readonly DraftProblem[];
  disabled?: boolean;
  shown?: string;
}) {
  const { label: fullLabel, unit } = fieldLabel(field);
  const label = shown ?? fullLabel;
  const problem = problems.find((candidate) => candidate.key === field);
  return (
    <label className={`bracket-field${problem === undefined ? '' : ' bracket-field-bad'}`}>
      {label === '' ? null : <span className="field-label">{label}</span>}
      <span>
        <input
          className="mono"
          inputMode="numeric"
          value={value}
          disabled={disabled}
          aria-invalid={problem !== undefined}
          aria-label={fullLabel}
          data-testid={`bracket-field-${field}`}
          onChange={(event) => onValue(event.target.value.replace(/[^\d]/g, ''))}
        />
        <span className="field-suffix">{unit}</span>
      </span>
    </label>
  );
}

/** The form of one template: stop, up to three targets, break-even and the trailing stop. */
function TemplateForm({ draft, onDraft, problems }: { draft: BracketDraft; onDraft(draft: BracketDraft): void; problems: readonly DraftProblem[] }) {
  const set = (change: Partial<BracketDraft>) => onDraft({ ...draft, ...change });
  const setTarget = (index: number, change: Partial<BracketDraft['targets'][number]>) =>
    set({ targets: draft.targets.map((target, at) => (at === index ? { ...target, ...change } : target)) });
  const lastTarget = draft.targets.at(-1);
  return (
    <div className="bracket-form" data-testid="bracket-form">
      <label className="bracket-field">
        <span className="field-label">Name</span>
        <input
          className="bracket-name"
          value={draft.name}
          maxLength={40}
          aria-invalid={problems.some((problem) => problem.key === 'name')}
          data-testid="bracket-field-name"
          onChange={(event) => set({ name: event.target.value })}
        />
      </label>

      <fieldset className="bracket-group">
        <legend>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.stopEnabled}
              data-testid="bracket-stop-enabled"
              onChange={(event) => set({ stopEnabled: event.target.checked })}
            />
            Stop
          </label>
        </legend>
        <NumberField field="stopTicks" value={draft.stopTicks} onValue={(text) => set({ stopTicks: text })} problems={problems} disabled={!draft.stopEnabled} />
        <label className="bracket-field">
          <span className="field-label">Stop type</span>
          <select
            value={draft.stopType}
            disabled={!draft.stopEnabled}
            data-testid="bracket-field-stopType"
            onChange={(event) =>
              set({
                stopType: event.target.value === 'stop-limit' ? 'stop-limit' : 'stop-market',
                limitOffsetTicks: event.target.value === 'stop-limit' ? draft.limitOffsetTicks : '0',
              })
            }
          >
            <option value="stop-market">Stop market</option>
            <option value="stop-limit">Stop limit</option>
          </select>
        </label>
        {draft.stopType === 'stop-limit' ? (
          <NumberField
            field="limitOffsetTicks"
            value={draft.limitOffsetTicks}
            onValue={(text) => set({ limitOffsetTicks: text })}
            problems={problems}
            disabled={!draft.stopEnabled}
          />
        ) : null}
      </fieldset>

      <fieldset className="bracket-group">
        <legend>Targets</legend>
        {draft.targets.length === 0 ? <span className="muted">No target: the position runs until the stop (or the trail) takes it</span> : null}
        {draft.targets.map((target, index) => (
          <div key={index} className="bracket-target" data-testid={`bracket-target-${index + 1}`}>
            <NumberField
              field={`targets.${index}.ticks`}
              shown={`Target ${index + 1}`}
              value={target.ticks}
              onValue={(text) => setTarget(index, { ticks: text })}
              problems={problems}
            />
            <NumberField
              field={`targets.${index}.size`}
              shown=""
              value={target.size}
              onValue={(text) => setTarget(index, { size: text })}
              problems={problems}
            />
            <button
              type="button"
              className="mini-button"
              aria-label={`Remove target ${index + 1}`}
              data-testid={`bracket-target-remove-${index + 1}`}
              onClick={() => set({ targets: draft.targets.filter((_, at) => at !== index) })}
            >
              Remove
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            className="mini-button"
            disabled={draft.targets.length >= 3}
            data-testid="bracket-target-add"
            onClick={() => set({ targets: [...draft.targets, { ticks: String((Number(lastTarget?.ticks) || 8) * 2), size: '1' }] })}
          >
            Add target
          </button>
          {draft.targets.length > 1 ? <span className="muted bracket-hint"> The last target also takes whatever the others leave.</span> : null}
        </div>
      </fieldset>

      <fieldset className="bracket-group">
        <legend>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.breakEvenEnabled}
              data-testid="bracket-break-even-enabled"
              onChange={(event) => set({ breakEvenEnabled: event.target.checked })}
            />
            Break-even
          </label>
        </legend>
        <NumberField
          field="breakEvenTriggerTicks"
          value={draft.breakEvenTriggerTicks}
          onValue={(text) => set({ breakEvenTriggerTicks: text })}
          problems={problems}
          disabled={!draft.breakEvenEnabled}
        />
        <NumberField
          field="breakEvenOffsetTicks"
          value={draft.breakEvenOffsetTicks}
          onValue={(text) => set({ breakEvenOffsetTicks: text })}
          problems={problems}
          disabled={!draft.breakEvenEnabled}
        />
        <span className="muted bracket-hint">When the trade is this many ticks in profit, the stop moves to the entry plus the offset.</span>
      </fieldset>

      <fieldset className="bracket-group">
        <legend>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.trailingEnabled}
              data-testid="bracket-trailing-enabled"
              onChange={(event) => set({ trailingEnabled: event.target.checked })}
            />
            Trailing stop
          </label>
        </legend>
        <NumberField
          field="trailingTriggerTicks"
          value={draft.trailingTriggerTicks}
          onValue={(text) => set({ trailingTriggerTicks: text })}
          problems={problems}
          disabled={!draft.trailingEnabled}
        />
        <NumberField
          field="trailingDistanceTicks"
          value={draft.trailingDistanceTicks}
          onValue={(text) => set({ trailingDistanceTicks: text })}
          problems={problems}
          disabled={!draft.trailingEnabled}
        />
        <NumberField
          field="trailingStepTicks"
          value={draft.trailingStepTicks}
          onValue={(text) => set({ trailingStepTicks: text })}
          problems={problems}
          disabled={!draft.trailingEnabled}
        />
        <span className="muted bracket-hint">From the trigger on, the stop follows the best price at the distance, in steps of at least the step.</span>
      </fieldset>
    </div>
  );
}

/** The value of a default's picker: `` not set, `none`, or a template name. */
function defaultValue(catalog: Catalog, accountId: number, symbol: string | null): string {
  const row = catalog.defaults.find((candidate) => candidate.accountId === accountId && candidate.symbol === symbol);
  if (row === undefined) return '';
  return row.template === null ? 'none' : `template:${row.template}`;
}

function DefaultPicker({
  catalog,
  value,
  onValue,
  testId,
  unsetLabel,
}: {
  catalog: Catalog;
  value: string;
  onValue(value: string): void;
  testId: string;
  unsetLabel: string;
}) {
  return (
    <select value={value} data-testid={testId} onChange={(event) => onValue(event.target.value)}>
      <option value="">{unsetLabel}</option>
      <option value="none">None (no bracket)</option>
      {catalog.templates.map((template) => (
        <option key={template.name} value={`template:${template.name}`}>
          {template.name}
        </option>
      ))}
    </select>
  );
}

/** Each account's default template, for every contract and per root. */
function BracketDefaults({ catalog, onError, onDone }: { catalog: Catalog; onError(error: AppError | string): void; onDone(text: string): void }) {
  const api = useTerminalApi();
  const refresh = useRefreshBracketCatalog();
  const accounts = useAccounts().data ?? [];
  const selected = useSelectedAccount()?.account.id;
  const [chosenAccount, setChosenAccount] = useState<number | undefined>(undefined);
  const accountId = chosenAccount ?? selected;
  const [root, setRoot] = useState('');
  const [rootTemplate, setRootTemplate] = useState('none');
  if (accountId === undefined) return <p className="muted">No account</p>;
  const apply = async (symbol: string | null, value: string) => {
    const request =
      value === '' ? { accountId, template: null, clear: true } : { accountId, template: value === 'none' ? null : value.slice('template:'.length) };
    const result = await api.invoke('brackets.default', { ...request, ...(symbol === null ? {} : { symbol }) });
    await refresh();
    if (!result.ok) return onError(result.error);
    onDone(symbol === null ? 'Default for every contract saved' : `Default for ${symbol} saved`);
  };
  const roots = catalog.defaults.filter((row) => row.accountId === accountId && row.symbol !== null);
  return (
    <div className="bracket-defaults" data-testid="bracket-defaults">
      <div className="settings-field">
        <span className="field-label">Account</span>
        <select value={accountId} data-testid="bracket-default-account" onChange={(event) => setChosenAccount(Number(event.target.value))}>
          {accounts.map((summary) => (
            <option key={summary.account.id} value={summary.account.id}>
              {summary.account.name}
            </option>
          ))}
        </select>
      </div>
      <div className="settings-field">
        <span className="field-label">Every contract</span>
        <DefaultPicker
          catalog={catalog}
          value={defaultValue(catalog, accountId, null)}
          onValue={(value) => void apply(null, value)}
          testId="bracket-default-all"
          unsetLabel="Not set (no bracket)"
        />
      </div>
      {roots.map((row) => (
        <div key={row.symbol} className="settings-field" data-testid="bracket-default-root">
          <span className="field-label mono">{row.symbol}</span>
          <DefaultPicker
            catalog={catalog}
            value={defaultValue(catalog, accountId, row.symbol)}
            onValue={(value) => void apply(row.symbol, value)}
            testId={`bracket-default-${row.symbol ?? ''}`}
            unsetLabel="Not set (use every contract's)"
          />
        </div>
      ))}
      <div className="settings-field">
        <span className="field-label">For one contract</span>
        <span className="bracket-root-add">
          <input
            className="mono bracket-root"
            placeholder="Root, e.g. NQ"
            value={root}
            maxLength={10}
            aria-label="Contract root"
            data-testid="bracket-default-root-symbol"
            onChange={(event) => setRoot(event.target.value.toUpperCase().replace(/[^A-Z0-9]/g, ''))}
          />
          <DefaultPicker catalog={catalog} value={rootTemplate} onValue={setRootTemplate} testId="bracket-default-root-template" unsetLabel="Not set" />
          <button
            type="button"
            className="mini-button"
            disabled={root === '' || rootTemplate === ''}
            data-testid="bracket-default-root-add"
            onClick={() => {
              void apply(root, rootTemplate);
              setRoot('');
            }}
          >
            Set
          </button>
        </span>
      </div>
    </div>
  );
}

/**
 * Bracket templates: every field of a template as a form control with its unit, add, duplicate and
 * remove, saved through `brackets.set` with the problems named as the trader sees the fields; each
 * account's default template (every contract and per root); the missing-stop policy.
 */
export function BracketSettings() {
  const api = useTerminalApi();
  const catalogQuery = useBracketCatalog();
  const refresh = useRefreshBracketCatalog();
  const catalog = catalogQuery.data;
  const [selectedName, setSelectedName] = useState<string | undefined>(undefined);
  /** The draft being edited and the name it was loaded from (undefined for a template not saved yet). */
  const [editing, setEditing] = useState<{ draft: BracketDraft; original: string | undefined } | undefined>(undefined);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [error, setError] = useState<AppError | string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);

  if (catalog === undefined) {
    return (
      <div className="settings-section" data-testid="bracket-settings">
        <p className="muted">
          {catalogQuery.isError ? `The bracket templates cannot be read: ${catalogQuery.error.message}` : 'Reading the bracket templates…'}
        </p>
      </div>
    );
  }
  const names = catalog.templates.map((template) => template.name);
  const shownName = selectedName !== undefined && names.includes(selectedName) ? selectedName : names[0];
  const shownTemplate = catalog.templates.find((template) => template.name === shownName);
  const current = editing ?? (shownTemplate === undefined ? undefined : { draft: draftOf(shownTemplate), original: shownTemplate.name });
  const dirty = editing !== undefined;
  const say = (text: string) => {
    setDone(text);
    setError(undefined);
  };
  const open = (draft: BracketDraft, original: string | undefined) => {
    // A saved template opens as it is; a new or duplicated one is a draft until saved.
    setEditing(original === undefined ? { draft, original } : undefined);
    setSelectedName(original);
    setProblems([]);
    setError(undefined);
    setDone(undefined);
  };

  const save = async () => {
    if (current === undefined) return;
    const checked = templateOfDraft(current.draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      setError(checked.problems.map(problemLine).join(' · '));
      setDone(undefined);
      return;
    }
    const template: BracketTemplate = checked.template;
    const renamed = current.original !== undefined && current.original.toLowerCase() !== template.name.toLowerCase();
    if ((renamed || current.original === undefined) && names.some((name) => name.toLowerCase() === template.name.toLowerCase())) {
      setProblems([{ key: 'name', text: 'another template has this name' }]);
      setError(`Name: another template is called "${template.name}"`);
      return;
    }
    const saved = await api.invoke('brackets.set', { template });
    if (!saved.ok) {
      await refresh();
      setError(refusalLine(saved.error.field, saved.error.message));
      return;
    }
    if (renamed && current.original !== undefined) {
      // A rename keeps the defaults that named the old template.
      const original = current.original;
      for (const row of catalog.defaults.filter((candidate) => candidate.template !== null && candidate.template.toLowerCase() === original.toLowerCase())) {
        await api.invoke('brackets.default', { accountId: row.accountId, template: saved.value.name, ...(row.symbol === null ? {} : { symbol: row.symbol }) });
      }
      await api.invoke('brackets.remove', { name: original });
    }
    await refresh();
    setEditing(undefined);
    setSelectedName(saved.value.name);
    setProblems([]);
    say(`Saved "${saved.value.name}"`);
  };

  const remove = async () => {
    if (current?.original === undefined) {
      setEditing(undefined);
      setProblems([]);
      return;
    }
    const removed = await api.invoke('brackets.remove', { name: current.original });
    await refresh();
    if (!removed.ok) return setError(removed.error);
    setEditing(undefined);
    setSelectedName(undefined);
    say(`Removed "${removed.value.name}"`);
  };

  return (
    <div className="settings-section" data-testid="bracket-settings">
      <p className="muted">
        A template protects every position it opens: the stop and targets are placed as soon as the entry fills, follow the position as it grows or shrinks, and
        move for break-even and the trail. Distances are in ticks from the average entry.
      </p>
      <div className="bracket-layout">
        <div className="bracket-list">
          <ul role="listbox" aria-label="Bracket templates">
            {catalog.templates.map((template) => (
              <li key={template.name}>
                <button
                  type="button"
                  role="option"
                  aria-selected={current?.original === template.name}
                  className={current?.original === template.name ? 'nav-item nav-on' : 'nav-item'}
                  data-testid="bracket-template"
                  onClick={() => open(draftOf(template), template.name)}
                >
                  {template.name}
                </button>
              </li>
            ))}
            {editing !== undefined && editing.original === undefined ? (
              <li>
                <span className="nav-item nav-on">{editing.draft.name === '' ? 'New template' : editing.draft.name} (new)</span>
              </li>
            ) : null}
          </ul>
          <div className="bracket-list-actions">
            <button type="button" className="mini-button" data-testid="bracket-add" onClick={() => open(newDraft(freeName('New template', names)), undefined)}>
              Add
            </button>
            <button
              type="button"
              className="mini-button"
              disabled={current === undefined}
              data-testid="bracket-duplicate"
              onClick={() => current !== undefined && open({ ...current.draft, name: freeName(`${current.draft.name} copy`, names) }, undefined)}
            >
              Duplicate
            </button>
            <button type="button" className="mini-button danger" disabled={current === undefined} data-testid="bracket-remove" onClick={() => void remove()}>
              Remove
            </button>
          </div>
        </div>
        <div className="bracket-editor">
          {current === undefined ? (
            <p className="muted">No templates. Add one.</p>
          ) : (
            <>
              <TemplateForm
                draft={current.draft}
                problems={problems}
                onDraft={(draft) => {
                  setEditing({ draft, original: current.original });
                  setDone(undefined);
                }}
              />
              <div className="settings-field">
                <button type="button" className="button" disabled={!dirty} data-testid="bracket-save" onClick={() => void save()}>
                  Save template
                </button>
                <button
                  type="button"
                  className="mini-button"
                  disabled={!dirty}
                  onClick={() => {
                    setEditing(undefined);
                    setProblems([]);
                    setError(undefined);
                  }}
                >
                  Discard changes
                </button>
              </div>
            </>
          )}
          <InlineAlert error={error} onDismiss={() => setError(undefined)} testId="bracket-error" />
          {done === undefined ? null : (
            <div className="muted" role="status" data-testid="bracket-saved">
              {done}
            </div>
          )}
        </div>
      </div>

      <h3 className="settings-heading">Default template</h3>
      <p className="muted">
        Orders from the ticket, the hotkeys and the chart use the default of their account and contract unless another bracket is picked in the ticket.
      </p>
      <BracketDefaults catalog={catalog} onError={setError} onDone={say} />

      <h3 className="settings-heading">A position found without a stop</h3>
      <div className="segmented bracket-policy" role="radiogroup" aria-label="Missing stop">
        {(
          [
            ['place', "Place its template's stop"],
            ['alarm', 'Alarm only'],
          ] as const
        ).map(([policy, label]) => (
          <button
            key={policy}
            type="button"
            role="radio"
            aria-checked={catalog.missingStop === policy}
            className={catalog.missingStop === policy ? 'segment segment-on' : 'segment'}
            data-testid={`bracket-missing-stop-${policy}`}
            onClick={async () => {
              const result = await api.invoke('brackets.options', { missingStop: policy });
              await refresh();
              if (result.ok) say(policy === 'place' ? 'A missing stop will be placed' : 'A missing stop will raise an alarm only');
              else setError(result.error);
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <p className="muted">At start, after a reconnect and on wake, the terminal checks every position for its stop.</p>
    </div>
  );
}
