import { useState } from 'react';
import { conflictingActions, formatHotkey, hotkeyActionLabels, hotkeyActions, hotkeyFromStroke, parseHotkey, type HotkeyAction } from '../../lib/hotkeys';
import { useHotkeys, useHotkeysEnabled, usePreferencesActions } from '../../lib/preferences-store';

/** Hotkey bindings: record a new key for an action; conflicts are flagged. */
export function HotkeySettings() {
  const bindings = useHotkeys();
  const enabled = useHotkeysEnabled();
  const actions = usePreferencesActions();
  const [recording, setRecording] = useState<HotkeyAction | undefined>(undefined);
  const conflicts = new Set(conflictingActions(bindings));
  return (
    <div className="settings-section" data-testid="hotkey-settings">
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(event) => actions.hotkeysToggled(event.target.checked)} data-testid="hotkeys-enabled" />
        Hotkeys place and cancel orders from anywhere in the window
      </label>
      <table className="settings-table">
        <tbody>
          {hotkeyActions.map((action) => {
            const parsed = parseHotkey(bindings[action]);
            return (
              <tr key={action} className={conflicts.has(action) ? 'conflict' : undefined}>
                <td>{hotkeyActionLabels[action]}</td>
                <td>
                  {recording === action ? (
                    <input
                      className="hotkey-capture mono"
                      autoFocus
                      readOnly
                      data-capturing-hotkey="true"
                      data-testid={`hotkey-capture-${action}`}
                      value="Press keys…"
                      onBlur={() => setRecording(undefined)}
                      onKeyDown={(event) => {
                        event.preventDefault();
                        event.stopPropagation();
                        if (event.key === 'Escape') return setRecording(undefined);
                        const hotkey = hotkeyFromStroke(event);
                        if (hotkey === undefined) return;
                        actions.hotkeyBound(action, formatHotkey(hotkey));
                        setRecording(undefined);
                      }}
                    />
                  ) : (
                    <button type="button" className="hotkey-button mono" data-testid={`hotkey-${action}`} onClick={() => setRecording(action)}>
                      {parsed === undefined ? 'unbound' : formatHotkey(parsed)}
                    </button>
                  )}
                </td>
                <td className="muted">{conflicts.has(action) ? 'Same keys as another action' : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="mini-button" onClick={actions.hotkeysReset}>
        Restore defaults
      </button>
    </div>
  );
}
