/** A whole number with − and + buttons (sizes, tick distances). */
export function CountField({
  label,
  value,
  minimum,
  maximum,
  onValue,
  suffix,
  testId,
}: {
  label: string;
  value: number;
  minimum: number;
  maximum: number;
  onValue(value: number): void;
  suffix?: string;
  testId: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <span className="stepper">
        <button type="button" className="step" tabIndex={-1} aria-label={`${label} down`} disabled={value <= minimum} onClick={() => onValue(value - 1)}>
          −
        </button>
        <input
          className="mono count-input"
          inputMode="numeric"
          data-testid={testId}
          value={value}
          onChange={(event) => {
            const parsed = Number(event.target.value.replace(/\D/g, ''));
            if (Number.isFinite(parsed)) onValue(Math.min(maximum, Math.max(minimum, parsed)));
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowUp') onValue(Math.min(maximum, value + 1));
            if (event.key === 'ArrowDown') onValue(Math.max(minimum, value - 1));
          }}
        />
        <button type="button" className="step" tabIndex={-1} aria-label={`${label} up`} disabled={value >= maximum} onClick={() => onValue(value + 1)}>
          +
        </button>
        {suffix === undefined ? null : <span className="field-suffix">{suffix}</span>}
      </span>
    </label>
  );
}
