import { useMemo } from 'react';
import { formatPrice } from '../../../../src-shared/domain/money';
import { Panel } from '../../components/panel';
import { SparkLine } from '../../components/spark-line';
import { useLastQuote, useWatchSymbol } from '../../lib/quote-feed-context';
import { useContract } from '../../lib/queries/trading-queries';
import { useActiveSymbol, useWorkspaceActions } from '../../lib/workspace-store';
import { ContractSearch } from './contract-search';
import { useReference } from './queries';
import { useWatchlistActions, useWatchlistSymbols } from './watchlist-store';

/** Contract search and the watched contracts with last, change and a spark line. */
export function Watchlist() {
  const symbols = useWatchlistSymbols();
  return (
    <Panel title="Watchlist" testId="watchlist">
      <ContractSearch />
      <table className="watch-table">
        <thead>
          <tr>
            <th>Symbol</th>
            <th className="align-right">Last</th>
            <th className="align-right">Chg</th>
            <th className="align-right">%</th>
            <th />
            <th />
          </tr>
        </thead>
        <tbody>
          {symbols.map((symbol) => (
            <WatchRow key={symbol} symbol={symbol} />
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function WatchRow({ symbol }: { symbol: string }) {
  const contract = useContract(symbol).data;
  useWatchSymbol(contract?.id);
  const quote = useLastQuote(contract?.id);
  const reference = useReference(contract?.id).data;
  const active = useActiveSymbol() === symbol;
  const workspace = useWorkspaceActions();
  const watchlist = useWatchlistActions();
  const last = quote?.lastTicks ?? reference?.path.at(-1);
  const previous = reference?.previousCloseTicks;
  const change = last === undefined || previous === undefined ? undefined : last - previous;
  const tone = change === undefined || change === 0 ? 'flat' : change > 0 ? 'up' : 'down';
  const path = useMemo(() => (reference === undefined ? [] : last === undefined ? reference.path : [...reference.path, last]), [reference, last]);
  const tickSize = contract?.tickSize;
  return (
    <tr
      className={`watch-row${active ? ' watch-active' : ''}`}
      data-testid="watch-row"
      data-symbol={symbol}
      onClick={() => workspace.symbolActivated(symbol)}
      title={contract?.description}
    >
      <td>
        <span className="watch-symbol">{symbol}</span>
        <span className="watch-name muted">{contract?.name ?? ''}</span>
      </td>
      <td className="align-right num" data-testid="watch-last">
        {last === undefined || tickSize === undefined ? '—' : formatPrice(last, tickSize)}
      </td>
      <td className={`align-right num tone-${tone}`}>
        {change === undefined || tickSize === undefined ? '—' : `${change > 0 ? '+' : ''}${formatPrice(change, tickSize)}`}
      </td>
      <td className={`align-right num tone-${tone}`}>
        {change === undefined || previous === undefined || previous === 0 ? '—' : `${((change / previous) * 100).toFixed(2)}%`}
      </td>
      <td className="spark-cell">
        <SparkLine values={path} direction={change} />
      </td>
      <td>
        <button
          type="button"
          className="icon-button row-remove"
          aria-label={`Remove ${symbol}`}
          onClick={(event) => {
            event.stopPropagation();
            watchlist.symbolRemoved(symbol);
          }}
        >
          ×
        </button>
      </td>
    </tr>
  );
}
