import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CredentialsStatus } from '../../../../src-shared/domain/host-settings';
import type { AppError, Result } from '../../../../src-shared/result';
import { useTerminalApi } from '../../bridge/bridge-context';
import { InlineAlert } from '../../components/inline-alert';
import { settingsKeys, useCredentialsStatus } from './queries';

function statusText(status: CredentialsStatus): string {
  if (!status.stored) return status.source === 'environment' ? 'Not set in the environment' : 'None stored';
  const where = status.source === 'environment' ? 'from the environment' : "in the operating system's secure storage";
  return `Stored for ${status.userName ?? 'an unnamed user'} ${where}`;
}

/** The ProjectX credentials: whether they are kept (never the key), store new ones, clear them. */
export function CredentialsSettings() {
  const api = useTerminalApi();
  const client = useQueryClient();
  const status = useCredentialsStatus();
  const [userName, setUserName] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<AppError | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const answer = (result: Result<CredentialsStatus>, message: string) => {
    if (!result.ok) {
      setDone(undefined);
      return setError(result.error);
    }
    client.setQueryData(settingsKeys.credentials(), result.value);
    setError(undefined);
    setApiKey('');
    setDone(message);
  };
  const current = status.data;
  return (
    <div className="settings-section credentials" data-testid="credentials-settings">
      <div className="section-label">ProjectX credentials</div>
      <dl className="facts">
        <dt>Credentials</dt>
        <dd data-testid="credentials-status">{current === undefined ? (status.isError ? status.error.message : '—') : statusText(current)}</dd>
        {current === undefined ? null : (
          <>
            <dt>Secure storage</dt>
            <dd>{current.secureStorageAvailable ? 'Available' : 'Not available here'}</dd>
          </>
        )}
      </dl>
      {current?.restartNeeded === true ? (
        <div className="inline-alert inline-alert-risk" data-testid="credentials-restart">
          The stored credentials differ from those in use: restart the terminal to connect with them.
        </div>
      ) : null}
      <div className="credentials-form">
        <input
          className="text-input"
          placeholder="User name"
          autoComplete="username"
          value={userName}
          data-testid="credentials-user"
          onChange={(event) => setUserName(event.target.value)}
        />
        <input
          className="text-input"
          type="password"
          placeholder="API key"
          autoComplete="off"
          value={apiKey}
          data-testid="credentials-key"
          onChange={(event) => setApiKey(event.target.value)}
        />
        <button
          type="button"
          className="button"
          disabled={userName.trim() === '' || apiKey.trim() === ''}
          data-testid="credentials-save"
          onClick={async () =>
            answer(
              await api.invoke('settings.credentials.set', { userName: userName.trim(), apiKey: apiKey.trim() }),
              'Stored; the terminal uses them from its next start',
            )
          }
        >
          Store
        </button>
        <button
          type="button"
          className="mini-button danger"
          data-testid="credentials-clear"
          onClick={async () => answer(await api.invoke('settings.credentials.clear', {}), 'Cleared')}
        >
          Clear
        </button>
      </div>
      <InlineAlert error={error} onDismiss={() => setError(undefined)} testId="credentials-error" />
      {done === undefined ? null : <div className="muted">{done}</div>}
    </div>
  );
}
