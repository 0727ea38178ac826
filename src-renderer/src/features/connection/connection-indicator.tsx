import type { BrokerLinkStatus } from '../../../../src-shared/domain/connection';
import type { LinkState } from '../../bridge/link-state';
import { useLinkState } from '../../bridge/bridge-context';
import { useMarketStatus } from '../../lib/market-status';
import { useActiveSymbol } from '../../lib/workspace-store';
import { useConnectionState } from './queries';

const linkLabels: Record<LinkState, string> = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
  refused: 'Refused',
};

const brokerLabels: Record<BrokerLinkStatus, string> = {
  'not-configured': 'Not configured',
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
  down: 'Down',
};

function tone(state: LinkState | BrokerLinkStatus): 'good' | 'warn' | 'bad' | 'idle' {
  if (state === 'live') return 'good';
  if (state === 'connecting' || state === 'reconnecting') return 'warn';
  if (state === 'not-configured') return 'idle';
  return 'bad';
}

/** Shows the link to the terminal and the terminal's link to the broker, always visible in the top bar. */
export function ConnectionIndicator() {
  const link = useLinkState();
  const connection = useConnectionState();
  const broker = link === 'live' ? connection.data?.broker : undefined;
  const symbol = useActiveSymbol();
  const market = useMarketStatus(symbol);
  // "Live" on a Saturday misleads: the link is up but the active contract's market is closed.
  const closed = broker === 'live' && !market.open;
  return (
    <div className="connection" aria-label="connection">
      <span className="connection-item" data-testid="link-state" data-state={link} title="Link between this window and the terminal process">
        <span className={`dot dot-${tone(link)}`} />
        Terminal · {linkLabels[link]}
      </span>
      <span className="connection-item" data-testid="broker-state" data-state={broker ?? 'unknown'} title={connection.data?.reason ?? 'Broker connection'}>
        <span className={`dot dot-${broker === undefined ? 'idle' : tone(broker)}`} />
        Broker · {broker === undefined ? '—' : brokerLabels[broker]}
      </span>
      {closed && !market.open ? (
        <span className="connection-item market-closed" data-testid="market-state" data-state="closed" title={`${symbol}: ${market.text}`}>
          <span className="dot dot-warn" />
          {symbol} closed · opens {market.opensShort}
        </span>
      ) : null}
    </div>
  );
}
