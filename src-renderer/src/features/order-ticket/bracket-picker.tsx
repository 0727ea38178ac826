import { allocateTargets, type BracketTemplate } from '../../../../src-shared/domain/brackets';
import { formatCents } from '../../../../src-shared/domain/money';
import type { ContractView } from '../../../../src-shared/domain/trading';
import { CountField } from '../../components/count-field';
import { HotkeyHint } from '../../components/hotkey-hint';
import { choiceFromValue, choiceLabel, choiceOptions, choiceTemplate, choiceValue } from '../../lib/bracket-choice';
import { maxCustomStopTicks, maxCustomTargetTicks, useOrderDefaultsActions } from '../../lib/order-defaults-store';
import { useHotkeys } from '../../lib/preferences-store';
import { bracketCents } from '../../lib/profit-and-loss';
import { useBracketChoice, useCustomBracket } from '../../lib/use-bracket-choice';

/** One line of a template's summary: what it does, and its money at the ticket's size. */
interface SummaryLine {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  readonly money?: { readonly text: string; readonly tone: 'up' | 'down' };
}

/** What a template does to a new position of `size`, line by line, in ticks, contracts and dollars. */
export function templateSummary(template: BracketTemplate, size: number, tickValueCents: number): SummaryLine[] {
  const lines: SummaryLine[] = [];
  const { stop } = template;
  if (stop === null) lines.push({ id: 'stop', label: 'Stop', detail: 'none' });
  else {
    const kind = stop.type === 'stop-limit' ? ` stop-limit +${stop.limitOffsetTicks} t` : '';
    lines.push({
      id: 'stop',
      label: 'Stop',
      detail: `${stop.ticks} t${kind}`,
      money: { text: `-${formatCents(bracketCents(stop.ticks, size, tickValueCents))}`, tone: 'down' },
    });
  }
  const allocation = allocateTargets(template, size);
  template.targets.forEach((target, index) => {
    const contracts = allocation[index] ?? 0;
    lines.push({
      id: `target-${index + 1}`,
      label: `Target ${index + 1}`,
      detail: contracts === 0 ? `${target.ticks} t · no contracts left` : `${target.ticks} t × ${contracts}`,
      ...(contracts === 0 ? {} : { money: { text: `+${formatCents(bracketCents(target.ticks, contracts, tickValueCents))}`, tone: 'up' as const } }),
    });
  });
  if (template.breakEven.enabled)
    lines.push({
      id: 'break-even',
      label: 'Break-even',
      detail: `at +${template.breakEven.triggerTicks} t, stop to entry${template.breakEven.offsetTicks === 0 ? '' : ` +${template.breakEven.offsetTicks} t`}`,
    });
  if (template.trailing.enabled) {
    const { triggerTicks, distanceTicks, stepTicks } = template.trailing;
    lines.push({
      id: 'trail',
      label: 'Trail',
      detail: `from +${triggerTicks} t, ${distanceTicks} t behind${stepTicks > 1 ? `, steps of ${stepTicks} t` : ''}`,
    });
  }
  return lines;
}

/**
 * The ticket's bracket: None, a template, or Custom SL/TP (the one-off stop and target fields). The
 * account's default for the contract is chosen until the trader picks another; the choice goes with
 * every entry from the ticket, the hotkeys and the chart.
 */
export function BracketPicker({ contract, accountId, size }: { contract: ContractView | undefined; accountId: number | undefined; size: number }) {
  const bracket = useBracketChoice(accountId, contract?.symbol);
  const custom = useCustomBracket();
  const defaults = useOrderDefaultsActions();
  const hotkeys = useHotkeys();
  const tickValue = contract?.tickValueCents ?? 0;
  const options = choiceOptions(bracket.catalog);
  const value = bracket.choice === undefined ? '' : choiceValue(bracket.choice);
  const template = bracket.choice?.kind === 'template' ? choiceTemplate(bracket.catalog, bracket.choice, custom, size) : null;
  return (
    <div className="bracket" data-testid="ticket-bracket-panel">
      <label className="field bracket-picker">
        <span className="field-label">Bracket</span>
        <select
          value={value}
          data-testid="ticket-bracket"
          aria-label="Bracket template"
          title={bracket.isDefault ? "The account's default for this contract" : 'Picked for this contract'}
          disabled={bracket.choice === undefined}
          onChange={(event) => bracket.pick(choiceFromValue(event.target.value))}
        >
          {bracket.choice === undefined ? <option value="">Reading templates…</option> : null}
          {options.map((option) => (
            <option key={choiceValue(option)} value={choiceValue(option)}>
              {choiceLabel(option)}
              {bracket.isDefault && bracket.choice !== undefined && choiceValue(option) === value ? ' (default)' : ''}
            </option>
          ))}
        </select>
        <HotkeyHint binding={hotkeys.cycleBracket} />
      </label>
      {bracket.choice?.kind === 'custom' ? (
        <div className="bracket-grid">
          <CountField
            label="Stop loss"
            value={custom.stopLossTicks}
            minimum={1}
            maximum={maxCustomStopTicks}
            onValue={defaults.stopLossChanged}
            suffix="t"
            testId="ticket-stop-loss"
          />
          <span className="bracket-money tone-down" data-testid="ticket-risk">
            -{formatCents(bracketCents(custom.stopLossTicks, size, tickValue))}
          </span>
          <CountField
            label="Take profit"
            value={custom.takeProfitTicks}
            minimum={1}
            maximum={maxCustomTargetTicks}
            onValue={defaults.takeProfitChanged}
            suffix="t"
            testId="ticket-take-profit"
          />
          <span className="bracket-money tone-up" data-testid="ticket-reward">
            +{formatCents(bracketCents(custom.takeProfitTicks, size, tickValue))}
          </span>
        </div>
      ) : null}
      {template !== null ? (
        <div className="bracket-grid bracket-summary" data-testid="ticket-bracket-summary">
          {templateSummary(template, size, tickValue).map((line) => (
            <div key={line.id} className="bracket-line">
              <span className="field-label">{line.label}</span>
              <span className="mono">{line.detail}</span>
              <span className={`bracket-money ${line.money === undefined ? '' : `tone-${line.money.tone}`}`}>{line.money?.text ?? ''}</span>
            </div>
          ))}
        </div>
      ) : null}
      {bracket.choice?.kind === 'none' ? (
        <div className="muted bracket-none" data-testid="ticket-bracket-none">
          No stop or target: the position is unprotected
        </div>
      ) : null}
    </div>
  );
}
