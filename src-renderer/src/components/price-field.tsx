import { formatPrice } from '../../../src-shared/domain/money';
import { parsePriceText } from '../lib/ticks';

/**
 * A price typed or stepped on the tick grid: arrow keys and the buttons move one tick, Page keys
 * ten; text off the grid is flagged rather than rounded.
 */
export function PriceField({
  label,
  text,
  tickSize,
  onText,
  fallbackTicks,
  testId,
  disabled,
}: {
  label: string;
  text: string;
  tickSize: number | undefined;
  onText(text: string): void;
  /** Where stepping starts when the field is empty (the market). */
  fallbackTicks: number | undefined;
  testId: string;
  disabled?: boolean;
}) {
  const ticks = tickSize === undefined ? undefined : parsePriceText(text, tickSize);
  const invalid = text.trim() !== '' && ticks === undefined;
  const step = (count: number) => {
    if (tickSize === undefined) return;
    const from = ticks ?? fallbackTicks;
    if (from === undefined) return;
    onText(formatPrice(Math.max(1, from + count), tickSize));
  };
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <span className={`stepper${invalid ? ' stepper-invalid' : ''}`}>
        <input
          className="mono"
          inputMode="decimal"
          data-testid={testId}
          value={text}
          disabled={disabled}
          aria-invalid={invalid}
          title={invalid ? `Not on the ${tickSize ?? ''} tick grid` : undefined}
          onChange={(event) => onText(event.target.value)}
          onKeyDown={(event) => {
            const steps: Record<string, number> = { ArrowUp: 1, ArrowDown: -1, PageUp: 10, PageDown: -10 };
            const count = steps[event.key];
            if (count === undefined) return;
            event.preventDefault();
            step(count);
          }}
        />
        <button type="button" className="step" tabIndex={-1} aria-label={`${label} up one tick`} disabled={disabled} onClick={() => step(1)}>
          ▲
        </button>
        <button type="button" className="step" tabIndex={-1} aria-label={`${label} down one tick`} disabled={disabled} onClick={() => step(-1)}>
          ▼
        </button>
      </span>
    </label>
  );
}
