import { useEffect, useState } from 'react';
import { useWorkspaceActions } from '../../lib/workspace-store';
import { useContractSearch } from './queries';
import { useWatchlistActions } from './watchlist-store';

/** Finds contracts by symbol or name; Enter or a click adds one to the watchlist and opens it. */
export function ContractSearch() {
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [highlight, setHighlight] = useState(0);
  const search = useContractSearch(debounced);
  const watchlist = useWatchlistActions();
  const workspace = useWorkspaceActions();
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), 150);
    return () => clearTimeout(timer);
  }, [text]);
  const results = debounced === '' ? [] : (search.data ?? []).slice(0, 12);
  const choose = (symbol: string) => {
    watchlist.symbolAdded(symbol);
    workspace.symbolActivated(symbol);
    setText('');
    setDebounced('');
  };
  return (
    <div className="search">
      <input
        className="search-input"
        placeholder="Search contracts (ES, crude, gold…)"
        aria-label="Search contracts"
        data-testid="contract-search"
        value={text}
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          setHighlight(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setHighlight((index) => Math.min(results.length - 1, index + 1));
          if (event.key === 'ArrowUp') setHighlight((index) => Math.max(0, index - 1));
          if (event.key === 'Escape') setText('');
          const chosen = results[highlight];
          if (event.key === 'Enter' && chosen !== undefined) choose(chosen.symbol);
        }}
      />
      {text.trim() === '' ? null : (
        <div className="search-results" role="listbox" data-testid="search-results">
          {search.isError ? <div className="search-empty">{search.error.message}</div> : null}
          {!search.isFetching && results.length === 0 && debounced !== '' && !search.isError ? (
            <div className="search-empty">No contract matches “{debounced}”</div>
          ) : null}
          {results.map((contract, index) => (
            <button
              type="button"
              role="option"
              aria-selected={index === highlight}
              key={contract.id}
              className={`search-result${index === highlight ? ' search-highlight' : ''}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(contract.symbol)}
            >
              <span className="search-symbol">{contract.symbol}</span>
              <span className="mono">{contract.name}</span>
              <span className="muted search-description">{contract.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
