import { useLinkState } from '../../bridge/bridge-context';
import { useConnectionState } from './queries';

/** Says clearly when order entry is off because of the link or the broker, and why. */
export function TradingHaltedBanner() {
  const link = useLinkState();
  const connection = useConnectionState().data;
  if (link === 'refused') {
    return (
      <div className="banner banner-bad" role="alert" data-testid="refused-banner">
        The terminal refused this page's access token. Open the address printed by <code>npm start</code> or <code>npm run serve</code>.
      </div>
    );
  }
  if (link !== 'live') {
    return (
      <div className="banner banner-bad" role="alert" data-testid="link-down-banner">
        <span className="banner-tag">DISCONNECTED</span>
        <span className="banner-text">The link to the terminal is down; reconnecting. Order entry is disabled.</span>
      </div>
    );
  }
  if (connection === undefined || connection.trading !== 'halted') return null;
  return (
    <div
      className={`banner ${connection.broker === 'down' || connection.broker === 'reconnecting' ? 'banner-bad' : 'banner-warn'}`}
      role="status"
      data-testid="trading-halted"
    >
      <span className="banner-tag">{connection.broker === 'live' || connection.broker === 'connecting' ? 'HALTED' : connection.broker.toUpperCase()}</span>
      <span className="banner-text">Order entry halted: {connection.reason}</span>
    </div>
  );
}
