import { useState } from 'react';
import type { RiskConfigView } from '../../../../src-shared/domain/risk';
import { riskPresets, type RiskConfigJson, type RiskPreset } from '../../../../src-shared/domain/risk-config';
import { formatChicagoStamp } from '../../../../src-shared/exchange';
import type { Result } from '../../../../src-shared/result';
import { useTerminalApi } from '../../bridge/bridge-context';
import { ProgramBadge } from '../../components/program-badge';
import { useRememberRiskConfig, useRiskConfig } from '../../lib/queries/risk-queries';
import { useAccounts, useSelectedAccount } from '../../lib/queries/trading-queries';
import {
  describeRiskError,
  draftChanges,
  fieldText,
  parseCap,
  parseField,
  readPath,
  riskSections,
  writePath,
  type RiskField,
  type RiskSection,
} from './risk-fields';

const presetLabels: Record<RiskPreset, { label: string; title: string }> = {
  discipline: {
    label: 'Discipline',
    title:
      'Daily loss $800, open loss $300 a position, 3 fills a minute / 10 an hour / 50 a session, cooldowns after $100/$200/$300 losses, a stop within 15 s, ES 1 · NQ 1 · MNQ 2',
  },
  defaults: { label: 'Defaults', title: 'Back to a fresh account: only the daily loss limit, the session flatten and the guards' },
  '50k': { label: '50K limits', title: 'The older 50K evaluation figures (limits only)' },
  '100k': { label: '100K limits', title: 'The older 100K evaluation figures (limits only)' },
  '150k': { label: '150K limits', title: 'The older 150K evaluation figures (limits only)' },
};

/** What the form last did, in the trader's words. */
type Notice = { readonly kind: 'ok' | 'error'; readonly text: string } | undefined;

/**
 * The risk settings of one account (the selected one unless another is chosen): every personal rule
 * as form controls with units, presets, lock-in with a confirmation, JSON export and import, and
 * copying the configuration to other accounts. The program's rules apply on top and are not here.
 */
export function RiskSettings() {
  const selected = useSelectedAccount();
  const accounts = useAccounts().data ?? [];
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const accountId = chosen ?? selected?.account.id;
  const config = useRiskConfig(accountId);
  const view = config.data;
  const account = accounts.find((summary) => summary.account.id === accountId);
  return (
    <div className="settings-section" data-testid="risk-settings">
      <div className="settings-field">
        <span className="field-label">Account</span>
        <select
          aria-label="Account of these settings"
          data-testid="risk-settings-account"
          value={accountId ?? ''}
          onChange={(event) => setChosen(Number(event.target.value))}
        >
          {accounts.map((summary) => (
            <option key={summary.account.id} value={summary.account.id}>
              {summary.account.name} · {summary.program.label}
            </option>
          ))}
        </select>
        <ProgramBadge program={account?.program} />
      </div>
      <p className="muted risk-settings-note">
        Personal rules. The account’s program rules (loss floor, maximum position, flat by 15:10 CT, consistency) apply on top and cannot be loosened here.
      </p>
      {view === undefined || accountId === undefined ? (
        <p className="muted">{config.isError ? `The risk configuration cannot be read: ${config.error.message}` : 'Reading the risk configuration…'}</p>
      ) : (
        <RiskForm
          key={accountId}
          view={view}
          accountId={accountId}
          others={accounts.filter((summary) => summary.account.id !== accountId).map((summary) => ({ id: summary.account.id, name: summary.account.name }))}
        />
      )}
    </div>
  );
}

function RiskForm({ view, accountId, others }: { view: RiskConfigView; accountId: number; others: readonly { id: number; name: string }[] }) {
  const api = useTerminalApi();
  const remember = useRememberRiskConfig();
  const [draft, setDraft] = useState<RiskConfigJson>(view.config);
  const [base, setBase] = useState<RiskConfigJson>(view.config);
  const [texts, setTexts] = useState<Record<string, string>>({});
  // A new configuration from the risk manager (saved, a preset, an import, another window): the form starts from it.
  if (base !== view.config && JSON.stringify(base) !== JSON.stringify(view.config)) {
    setBase(view.config);
    setDraft(view.config);
    setTexts({});
  }
  const [notice, setNotice] = useState<Notice>(undefined);
  const [applied, setApplied] = useState<RiskPreset | undefined>(undefined);
  const [confirmLock, setConfirmLock] = useState(false);
  const [documentText, setDocumentText] = useState<string | undefined>(undefined);
  const [copying, setCopying] = useState<Set<number> | undefined>(undefined);
  const locked = view.lockedUntil !== null;

  const problems: string[] = [];
  let parsed = draft;
  for (const section of riskSections) {
    for (const field of section.fields) {
      if (field.kind !== 'number') continue;
      const key = field.path.join('.');
      const text = texts[key];
      if (text === undefined) continue;
      const value = parseField(field, text);
      if (value.ok) parsed = writePath(parsed, field.path, value.value);
      else problems.push(value.message);
    }
  }
  const changes = draftChanges(view.config, parsed);
  const changed = Object.keys(changes).length > 0;

  const finish = (result: Result<RiskConfigView>, done: string): boolean => {
    if (result.ok) {
      remember(result.value);
      setNotice({ kind: 'ok', text: done });
      return true;
    }
    setNotice({ kind: 'error', text: describeRiskError(result.error) });
    return false;
  };
  const set = (path: readonly string[], value: unknown) => {
    setDraft((current) => writePath(current, path, value));
    setApplied(undefined);
    setNotice(undefined);
  };

  return (
    <>
      <div className="settings-field">
        <span className="field-label">Presets</span>
        <div className="segmented" role="group" aria-label="Risk preset">
          {riskPresets.map((preset) => (
            <button
              key={preset}
              type="button"
              className={applied === preset ? 'segment segment-on' : 'segment'}
              aria-pressed={applied === preset}
              title={presetLabels[preset].title}
              data-testid={`risk-preset-${preset}`}
              onClick={async () => {
                setApplied(undefined);
                // Shown as applied only once the risk manager took it (a locked-in configuration refuses a looser one).
                if (finish(await api.invoke('risk.presets.apply', { accountId, preset }), `Applied the ${presetLabels[preset].label} preset.`))
                  setApplied(preset);
              }}
            >
              {presetLabels[preset].label}
            </button>
          ))}
        </div>
      </div>
      <div className="risk-form" data-testid="risk-form">
        {riskSections.map((section) => (
          <SectionBox
            key={section.key}
            section={section}
            draft={draft}
            texts={texts}
            onText={(key, text) => setTexts({ ...texts, [key]: text })}
            onValue={set}
          />
        ))}
      </div>
      {problems.length === 0 ? null : (
        <ul className="inline-alert inline-alert-error risk-problems" data-testid="risk-form-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="settings-field risk-actions">
        <button
          type="button"
          className="button"
          disabled={!changed || problems.length > 0}
          data-testid="risk-save"
          onClick={async () => {
            if (finish(await api.invoke('risk.config.set', { accountId, config: changes }), 'Saved.')) setTexts({});
          }}
        >
          Save
        </button>
        <button
          type="button"
          className="mini-button"
          disabled={!changed}
          onClick={() => {
            setDraft(view.config);
            setTexts({});
            setNotice(undefined);
          }}
        >
          Discard changes
        </button>
        <button type="button" className="mini-button" disabled={locked} data-testid="risk-lock-in" onClick={() => setConfirmLock(true)}>
          {locked ? `Locked in until ${formatChicagoStamp(view.lockedUntil ?? 0)} CT` : 'Lock in until the day roll…'}
        </button>
        <button
          type="button"
          className="mini-button"
          onClick={async () => {
            const exported = await api.invoke('risk.config.export', { accountId });
            if (exported.ok) setDocumentText(JSON.stringify(exported.value.config, null, 2));
            else setNotice({ kind: 'error', text: describeRiskError(exported.error) });
          }}
        >
          Export JSON
        </button>
        <button type="button" className="mini-button" disabled={others.length === 0} data-testid="risk-copy" onClick={() => setCopying(new Set())}>
          Copy to accounts…
        </button>
      </div>
      {confirmLock ? (
        <div className="risk-confirm" role="alertdialog" aria-label="Lock in the risk settings" data-testid="risk-lock-in-confirm">
          <p>
            <strong>Lock in these settings until the next day roll (17:00 CT)?</strong> Until then you can only make them stricter: no raising a loss limit or a
            cap, no switching a rule off, no shorter cooldown. It cannot be undone before the roll, even from the CLI.
          </p>
          <button
            type="button"
            className="button danger"
            data-testid="risk-lock-in-yes"
            onClick={async () => {
              setConfirmLock(false);
              finish(await api.invoke('risk.lockIn', { accountId }), 'Locked in until the day roll.');
            }}
          >
            Lock in
          </button>
          <button type="button" className="mini-button" onClick={() => setConfirmLock(false)}>
            Cancel
          </button>
        </div>
      ) : null}
      {copying === undefined ? null : (
        <div className="risk-confirm" data-testid="risk-copy-panel">
          <p>Copy this account’s saved settings to:</p>
          {others.map((other) => (
            <label key={other.id} className="field-inline">
              <input
                type="checkbox"
                checked={copying.has(other.id)}
                onChange={(event) => {
                  const next = new Set(copying);
                  if (event.target.checked) next.add(other.id);
                  else next.delete(other.id);
                  setCopying(next);
                }}
              />
              {other.name}
            </label>
          ))}
          <button
            type="button"
            className="button"
            disabled={copying.size === 0}
            onClick={async () => {
              const outcomes: string[] = [];
              for (const id of copying) {
                const result = await api.invoke('risk.config.import', { accountId: id, config: view.config as unknown as Record<string, unknown> });
                const name = others.find((other) => other.id === id)?.name ?? String(id);
                if (result.ok) remember(result.value);
                outcomes.push(result.ok ? `${name}: copied` : `${name}: ${describeRiskError(result.error)}`);
              }
              setCopying(undefined);
              setNotice({ kind: outcomes.every((line) => line.endsWith(': copied')) ? 'ok' : 'error', text: outcomes.join(' · ') });
            }}
          >
            Copy
          </button>
          <button type="button" className="mini-button" onClick={() => setCopying(undefined)}>
            Cancel
          </button>
        </div>
      )}
      {documentText === undefined ? null : (
        <div className="settings-field risk-document">
          <textarea
            className="mono"
            rows={10}
            value={documentText}
            onChange={(event) => setDocumentText(event.target.value)}
            aria-label="Risk configuration JSON"
          />
          <button
            type="button"
            className="mini-button"
            onClick={async () => {
              let document: unknown;
              try {
                document = JSON.parse(documentText);
              } catch {
                return setNotice({ kind: 'error', text: 'The text is not valid JSON.' });
              }
              if (typeof document !== 'object' || document === null || Array.isArray(document))
                return setNotice({ kind: 'error', text: 'The document must be a JSON object.' });
              finish(await api.invoke('risk.config.import', { accountId, config: document as Record<string, unknown> }), 'Imported.');
            }}
          >
            Import
          </button>
        </div>
      )}
      {notice === undefined ? null : (
        <div
          className={notice.kind === 'ok' ? 'muted' : 'inline-alert inline-alert-error'}
          role={notice.kind === 'ok' ? 'status' : 'alert'}
          data-testid={notice.kind === 'ok' ? 'risk-settings-saved' : 'risk-settings-error'}
        >
          {notice.text}
        </div>
      )}
    </>
  );
}

interface SectionProps {
  readonly section: RiskSection;
  readonly draft: RiskConfigJson;
  readonly texts: Readonly<Record<string, string>>;
  onText(key: string, text: string): void;
  onValue(path: readonly string[], value: unknown): void;
}

function SectionBox({ section, draft, texts, onText, onValue }: SectionProps) {
  const enabled = readPath(draft, [section.key, 'enabled']);
  return (
    <fieldset className={enabled === false ? 'risk-rule risk-rule-off' : 'risk-rule'} data-testid={`risk-section-${section.key}`}>
      <legend>
        {section.rule === '' ? null : <span className="muted num">{section.rule} </span>}
        {section.title}
      </legend>
      <p className="muted risk-help">{section.help}</p>
      <div className="risk-fields">
        {section.fields.map((field) => (
          <FieldControl key={field.path.join('.')} field={field} draft={draft} texts={texts} onText={onText} onValue={onValue} />
        ))}
      </div>
      {section.editor === 'caps' ? <CapsEditor draft={draft} onValue={onValue} /> : null}
      {section.editor === 'tiers' ? <TiersEditor draft={draft} onValue={onValue} /> : null}
    </fieldset>
  );
}

function FieldControl({ field, draft, texts, onText, onValue }: { field: RiskField } & Omit<SectionProps, 'section'>) {
  const key = field.path.join('.');
  const value = readPath(draft, field.path);
  const testId = `risk-field-${key}`;
  if (field.kind === 'toggle') {
    return (
      <label className="field-inline">
        <input type="checkbox" checked={value === true} data-testid={testId} onChange={(event) => onValue(field.path, event.target.checked)} />
        {field.label}
      </label>
    );
  }
  if (field.kind === 'choice') {
    const current = typeof value === 'string' ? value : String(value);
    const options = field.options.some((option) => option.value === current)
      ? field.options
      : [...field.options, { value: current, label: `cap of ${current}` }];
    return (
      <label className="field-inline">
        <span className="muted">{field.label}</span>
        <select value={current} data-testid={testId} onChange={(event) => onValue(field.path, event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (field.kind === 'time') {
    return (
      <label className="field-inline">
        <span className="muted">{field.label}</span>
        <input
          type="time"
          value={typeof value === 'string' ? value : ''}
          data-testid={testId}
          onChange={(event) => event.target.value !== '' && onValue(field.path, event.target.value)}
        />
      </label>
    );
  }
  if (field.kind === 'symbols') {
    const list = Array.isArray(value) ? (value as string[]) : [];
    return (
      <label className="field-inline">
        <span className="muted">{field.label}</span>
        <input
          type="text"
          placeholder="RTY, CL"
          defaultValue={list.join(', ')}
          data-testid={testId}
          onBlur={(event) =>
            onValue(
              field.path,
              event.target.value
                .split(/[\s,]+/)
                .map((symbol) => symbol.trim().toUpperCase())
                .filter((symbol) => /^[A-Z0-9]{1,10}$/.test(symbol)),
            )
          }
        />
      </label>
    );
  }
  const text = texts[key] ?? fieldText(field, value);
  const problem = texts[key] === undefined ? undefined : parseField(field, texts[key] ?? '');
  return (
    <label className="field-inline">
      <span className="muted">{field.label}</span>
      {field.unit === '$' ? <span className="field-suffix">$</span> : null}
      <input
        className="risk-number"
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={problem !== undefined && !problem.ok}
        data-testid={testId}
        onChange={(event) => onText(key, event.target.value)}
      />
      {field.unit === '$' ? null : <span className="field-suffix">{field.unit}</span>}
    </label>
  );
}

function CapsEditor({ draft, onValue }: { draft: RiskConfigJson; onValue: SectionProps['onValue'] }) {
  const [symbol, setSymbol] = useState('');
  const [cap, setCap] = useState('1');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const limits = draft.maxContractsPerInstrument.limits;
  return (
    <div className="risk-caps" data-testid="risk-caps">
      {Object.entries(limits).map(([root, value]) => (
        <span key={root} className="field-inline risk-cap" data-testid={`risk-cap-${root}`}>
          <span className="num">{root}</span>
          <input
            className="risk-number"
            type="number"
            min={0}
            step={1}
            value={value}
            aria-label={`Cap of ${root}`}
            data-testid={`risk-cap-${root}-value`}
            onChange={(event) => {
              const parsed = parseCap(root, event.target.value);
              if (parsed.ok) onValue(['maxContractsPerInstrument', 'limits', root], parsed.cap);
            }}
          />
          <span className="field-suffix">contracts</span>
          <button
            type="button"
            className="mini-button"
            aria-label={`Remove the cap of ${root}`}
            onClick={() => {
              const { [root]: _removed, ...rest } = limits;
              onValue(['maxContractsPerInstrument', 'limits'], rest);
            }}
          >
            ×
          </button>
        </span>
      ))}
      <span className="field-inline">
        <input
          type="text"
          placeholder="Symbol, e.g. CL"
          value={symbol}
          aria-label="Symbol to cap"
          data-testid="risk-cap-new-symbol"
          onChange={(event) => setSymbol(event.target.value)}
        />
        <input
          className="risk-number"
          type="number"
          min={0}
          step={1}
          value={cap}
          aria-label="Its cap"
          data-testid="risk-cap-new-value"
          onChange={(event) => setCap(event.target.value)}
        />
        <button
          type="button"
          className="mini-button"
          data-testid="risk-cap-add"
          onClick={() => {
            const parsed = parseCap(symbol, cap);
            if (!parsed.ok) return setProblem(parsed.message);
            setProblem(undefined);
            setSymbol('');
            onValue(['maxContractsPerInstrument', 'limits'], { ...limits, [parsed.symbol]: parsed.cap });
          }}
        >
          Add cap
        </button>
      </span>
      {problem === undefined ? null : <span className="tone-down">{problem}</span>}
    </div>
  );
}

function TiersEditor({ draft, onValue }: { draft: RiskConfigJson; onValue: SectionProps['onValue'] }) {
  const tiers = draft.cooldownAfterLoss.tiers;
  const change = (index: number, key: 'loss' | 'seconds', text: string) => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) return;
    onValue(
      ['cooldownAfterLoss', 'tiers'],
      tiers.map((tier, at) => (at === index ? { ...tier, [key]: key === 'seconds' ? Math.round(value * 60) : value } : tier)),
    );
  };
  return (
    <div className="risk-caps" data-testid="risk-tiers">
      {tiers.map((tier, index) => (
        <span key={index} className="field-inline">
          <span className="muted">a loss of</span>
          <span className="field-suffix">$</span>
          <input
            className="risk-number"
            type="number"
            min={1}
            value={tier.loss}
            aria-label={`Tier ${index + 1} loss`}
            onChange={(event) => change(index, 'loss', event.target.value)}
          />
          <span className="muted">pauses</span>
          <input
            className="risk-number"
            type="number"
            min={1}
            value={Math.round(tier.seconds / 6) / 10}
            aria-label={`Tier ${index + 1} minutes`}
            onChange={(event) => change(index, 'seconds', event.target.value)}
          />
          <span className="field-suffix">minutes</span>
          <button
            type="button"
            className="mini-button"
            aria-label={`Remove tier ${index + 1}`}
            onClick={() =>
              onValue(
                ['cooldownAfterLoss', 'tiers'],
                tiers.filter((_, at) => at !== index),
              )
            }
          >
            ×
          </button>
        </span>
      ))}
      <button
        type="button"
        className="mini-button"
        disabled={tiers.length >= 10}
        onClick={() =>
          onValue(['cooldownAfterLoss', 'tiers'], [...tiers, { loss: (tiers.at(-1)?.loss ?? 0) + 100, seconds: (tiers.at(-1)?.seconds ?? 0) + 300 }])
        }
      >
        Add tier
      </button>
    </div>
  );
}
