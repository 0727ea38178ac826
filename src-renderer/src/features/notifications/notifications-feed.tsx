import { useEffect } from 'react';
import { formatChicagoStamp } from '../../../../src-shared/exchange';
import { useFeedEntries, useNotificationsActions } from './notifications-store';

/** The terminal's notifications, newest first, coloured by level. */
export function NotificationsFeed() {
  const entries = useFeedEntries();
  const actions = useNotificationsActions();
  useEffect(() => actions.feedRead(), [entries, actions]);
  return (
    <div className="tab-content">
      <div className="tab-toolbar">
        <span className="muted">{entries.length} notifications</span>
        <span className="toolbar-fill" />
        <button type="button" className="mini-button" disabled={entries.length === 0} onClick={actions.feedCleared}>
          Clear
        </button>
      </div>
      {entries.length === 0 ? <div className="table-empty">No notifications yet</div> : null}
      <ul className="feed" data-testid="notifications-feed">
        {entries.map((entry) => (
          <li key={entry.id} className={`feed-item feed-${entry.level}`} data-testid="notification">
            <span className="num muted">{formatChicagoStamp(entry.at)}</span>
            <span className={`level level-${entry.level}`}>{entry.level}</span>
            <span className="feed-title">{entry.title}</span>
            <span className="feed-message">{entry.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
