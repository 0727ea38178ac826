import { Modal } from '../../components/modal';
import { AppearanceSettings } from './appearance-settings';
import { BracketSettings } from './bracket-settings';
import { ConnectionSettings } from './connection-settings';
import { HotkeySettings } from './hotkey-settings';
import { RiskSettings } from './risk-settings';
import { useSettingsActions, useSettingsOpen, useSettingsSection, type SettingsSection } from './settings-store';
import { TradingSettings } from './trading-settings';

const sections: readonly [SettingsSection, string][] = [
  ['connection', 'Broker connection'],
  ['risk', 'Risk'],
  ['brackets', 'Brackets'],
  ['hotkeys', 'Hotkeys'],
  ['trading', 'Trading'],
  ['appearance', 'Appearance'],
];

/** The gear in the top bar. */
export function SettingsButton() {
  const actions = useSettingsActions();
  return (
    <button
      type="button"
      className="icon-button settings-button"
      aria-label="Settings"
      title="Settings"
      data-testid="settings-open"
      onClick={() => actions.settingsOpened()}
    >
      ⚙
    </button>
  );
}

/** Settings: broker connection, risk configuration, bracket templates, hotkeys, trading defaults, appearance. */
export function SettingsDialog() {
  const open = useSettingsOpen();
  const section = useSettingsSection();
  const actions = useSettingsActions();
  if (!open) return null;
  return (
    <Modal title="Settings" onClose={actions.settingsClosed} testId="settings-dialog">
      <div className="settings">
        <nav className="settings-nav">
          {sections.map(([id, label]) => (
            <button
              key={id}
              type="button"
              className={id === section ? 'nav-item nav-on' : 'nav-item'}
              data-testid={`settings-${id}`}
              onClick={() => actions.sectionChosen(id)}
            >
              {label}
            </button>
          ))}
        </nav>
        <div className="settings-content">
          {section === 'connection' ? <ConnectionSettings /> : null}
          {section === 'risk' ? <RiskSettings /> : null}
          {section === 'brackets' ? <BracketSettings /> : null}
          {section === 'hotkeys' ? <HotkeySettings /> : null}
          {section === 'trading' ? <TradingSettings /> : null}
          {section === 'appearance' ? <AppearanceSettings /> : null}
        </div>
      </div>
    </Modal>
  );
}
