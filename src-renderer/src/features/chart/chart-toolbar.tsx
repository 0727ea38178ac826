import { useState } from 'react';
import type { ContractView } from '../../../../src-shared/domain/trading';
import { timeframes } from '../../lib/timeframes';
import { historyDepths, maxCharts, type ChartSlot } from './chart-store';
import { IndicatorMenu } from './indicator-menu';

function depthLabel(depth: number): string {
  return depth >= 1000 ? `${depth / 1000}k` : String(depth);
}

/** Symbol, timeframe, history depth and indicators of one chart, with add and close. */
export function ChartToolbar({
  slot,
  symbol,
  contract,
  chartCount,
  onSymbol,
  onTimeframe,
  onDepth,
  onIndicator,
  onAdd,
  onRemove,
}: {
  slot: ChartSlot;
  /** The symbol shown (the active symbol when this chart has the focus). */
  symbol: string;
  contract: ContractView | undefined;
  chartCount: number;
  onSymbol(symbol: string): void;
  onTimeframe(id: string): void;
  onDepth(depth: number): void;
  onIndicator(indicatorId: string): void;
  onAdd(): void;
  onRemove(): void;
}) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const text = draft ?? symbol;
  return (
    <div className="chart-toolbar">
      <input
        className="chart-symbol mono"
        aria-label="Chart symbol"
        data-testid="chart-symbol"
        value={text}
        spellCheck={false}
        onChange={(event) => setDraft(event.target.value.toUpperCase())}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && text.trim() !== '') {
            onSymbol(text);
            setDraft(undefined);
          }
          if (event.key === 'Escape') setDraft(undefined);
        }}
        onBlur={() => setDraft(undefined)}
      />
      <span className="chart-contract" title={contract?.description}>
        {contract === undefined ? '' : `${contract.name} · ${contract.description}`}
      </span>
      <select
        className="timeframe-select"
        aria-label="Timeframe"
        data-testid="chart-timeframe"
        value={slot.timeframeId}
        onChange={(event) => onTimeframe(event.target.value)}
      >
        {timeframes.map((frame) => (
          <option key={frame.id} value={frame.id}>
            {frame.label}
          </option>
        ))}
      </select>
      <div className="segmented timeframe-buttons" role="group" aria-label="Timeframe">
        {timeframes.map((frame) => (
          <button
            key={frame.id}
            type="button"
            className={frame.id === slot.timeframeId ? 'segment segment-on' : 'segment'}
            data-testid={`timeframe-${frame.id}`}
            onClick={() => onTimeframe(frame.id)}
          >
            {frame.label}
          </button>
        ))}
      </div>
      <label className="chart-depth" title="Bars of history loaded when the chart opens; more load as you scroll back">
        <select aria-label="History depth" data-testid="chart-depth" value={slot.depth} onChange={(event) => onDepth(Number(event.target.value))}>
          {historyDepths.map((depth) => (
            <option key={depth} value={depth}>
              {depthLabel(depth)} bars
            </option>
          ))}
        </select>
      </label>
      <IndicatorMenu shown={slot.indicators ?? []} onToggle={onIndicator} />
      <span className="toolbar-fill" />
      <span
        className="chart-hint"
        title="Ctrl-click buys and Shift-click sells at the price under the cursor; right-click for the menu; drag a line to move an order"
      >
        Ctrl-click buy · Shift-click sell
      </span>
      <button type="button" className="icon-button" aria-label="Add chart" title="Add a chart" disabled={chartCount >= maxCharts} onClick={onAdd}>
        +
      </button>
      <button type="button" className="icon-button" aria-label="Close chart" title="Close this chart" disabled={chartCount <= 1} onClick={onRemove}>
        ×
      </button>
    </div>
  );
}
