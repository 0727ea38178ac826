import { maxTicketSize, useOrderDefaultsActions, useSizePresets } from '../../lib/order-defaults-store';
import { clampWhole } from '../../lib/ticks';

/** The four size presets of the ticket and the size hotkeys. */
export function TradingSettings() {
  const presets = useSizePresets();
  const actions = useOrderDefaultsActions();
  return (
    <div className="settings-section">
      <div className="settings-field">
        <span className="field-label">Size presets</span>
        <div className="preset-inputs">
          {presets.map((preset, index) => (
            <input
              key={index}
              className="mono count-input"
              inputMode="numeric"
              aria-label={`Size preset ${index + 1}`}
              data-testid={`size-preset-${index + 1}`}
              value={preset}
              onChange={(event) => {
                const next = [...presets] as [number, number, number, number];
                next[index] = clampWhole(Number(event.target.value.replace(/\D/g, '')), 1, maxTicketSize);
                actions.sizePresetsEdited(next);
              }}
            />
          ))}
        </div>
      </div>
      <p className="muted">Chart trading (Ctrl-click buy, Shift-click sell, the chart menu) uses the ticket's size and bracket.</p>
    </div>
  );
}
