import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CallRequest } from '../../../../src-shared/contract';
import { notificationKinds, type NotificationKind } from '../../../../src-shared/domain/host-settings';
import type { AppError } from '../../../../src-shared/result';
import { ContractCallError, useTerminalApi } from '../../bridge/bridge-context';
import { InlineAlert } from '../../components/inline-alert';
import { settingsKeys, useDesktopSettings } from './queries';

const kindLabels: Record<NotificationKind, string> = {
  fills: 'Fills',
  rejections: 'Order rejections',
  risk: 'Risk breaches',
  enforcement: 'Risk enforcement results',
  connection: 'Broker connection lost and back',
  other: 'Other alerts',
};

/** The desktop app's own settings: native notifications by kind, the local API for the CLI, start at login. */
export function DesktopSettings() {
  const api = useTerminalApi();
  const client = useQueryClient();
  const settings = useDesktopSettings();
  const [error, setError] = useState<AppError | undefined>(undefined);
  const change = async (request: CallRequest<'settings.desktop.set'>) => {
    const result = await api.invoke('settings.desktop.set', request);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    client.setQueryData(settingsKeys.desktop(), result.value);
  };
  const view = settings.data;
  return (
    <div className="settings-section" data-testid="desktop-settings">
      <div className="section-label">Desktop app</div>
      {view === undefined ? (
        <div className="inline-alert inline-alert-risk" data-testid="desktop-settings-unavailable">
          {settings.isError
            ? settings.error instanceof ContractCallError
              ? settings.error.error.message
              : settings.error.message
            : 'Reading the desktop settings…'}
        </div>
      ) : (
        <>
          <div className="settings-field desktop-toggles">
            <span className="field-label">Notifications</span>
            <div className="toggle-list">
              {notificationKinds.map((kind) => (
                <label key={kind} className="check">
                  <input
                    type="checkbox"
                    checked={view.notifications[kind]}
                    data-testid={`notify-${kind}`}
                    onChange={(event) => void change({ notifications: { [kind]: event.target.checked } })}
                  />
                  {kindLabels[kind]}
                </label>
              ))}
            </div>
          </div>
          <label className="settings-field">
            <span className="field-label">Local API for the CLI</span>
            <span className="check">
              <input
                type="checkbox"
                checked={view.localApi.enabled}
                data-testid="desktop-local-api"
                onChange={(event) => void change({ localApi: { enabled: event.target.checked } })}
              />
              {view.localApi.enabled ? `listening on ${view.localApi.url ?? '…'}` : 'off'}
            </span>
          </label>
          <label className="settings-field">
            <span className="field-label">Start at login</span>
            <span className="check">
              <input
                type="checkbox"
                checked={view.startAtLogin}
                data-testid="desktop-start-at-login"
                onChange={(event) => void change({ startAtLogin: event.target.checked })}
              />
              open hidden in the tray when you log in
            </span>
          </label>
        </>
      )}
      <InlineAlert error={error} onDismiss={() => setError(undefined)} testId="desktop-settings-error" />
    </div>
  );
}
