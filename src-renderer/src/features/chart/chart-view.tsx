import { useEffect, useRef, useState } from 'react';
import { ContextMenu } from '../../components/context-menu';
import { useBarFeed, useQuoteFeed, useWatchSymbol } from '../../lib/quote-feed-context';
import { usePlannedBrackets } from '../../lib/planned-brackets-store';
import { useTheme, usePalette } from '../../lib/preferences-store';
import { useContract, useFills, usePositions, useSelectedAccount, useWorkingOrders } from '../../lib/queries/trading-queries';
import { timeframeById } from '../../lib/timeframes';
import { useWorkspaceActions } from '../../lib/workspace-store';
import { readChartColors } from './chart-colors';
import { ChartController } from './chart-controller';
import { useChartActions, type ChartSlot } from './chart-store';
import { ChartToolbar } from './chart-toolbar';
import { useBarsLoader, useIndicatorsLoader, useStrategyMarks } from './queries';
import { useChartTrading } from './use-chart-trading';

const noOrders: never[] = [];
const noIndicators: readonly string[] = [];

/** One chart with its toolbar: candles, volume, order and position lines, fills, chart trading. */
export function ChartView({
  slot,
  symbol,
  focused,
  highlighted,
  chartCount,
  onFocus,
}: {
  slot: ChartSlot;
  symbol: string;
  focused: boolean;
  highlighted: boolean;
  chartCount: number;
  onFocus(): void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<ChartController | undefined>(undefined);
  const feed = useQuoteFeed();
  const barFeed = useBarFeed();
  const chartActions = useChartActions();
  const workspace = useWorkspaceActions();
  const theme = useTheme();
  const palette = usePalette();
  const contract = useContract(symbol);
  const account = useSelectedAccount();
  const accountId = account?.account.id;
  const orders = useWorkingOrders(accountId).data ?? noOrders;
  const positions = usePositions(accountId).data;
  const fills = useFills(accountId).data ?? noOrders;
  const planned = usePlannedBrackets();
  const timeframe = timeframeById(slot.timeframeId);
  const load = useBarsLoader(contract.data?.id, timeframe);
  const indicators = useIndicatorsLoader(contract.data?.id, timeframe);
  const contractOrderIds = [...orders, ...fills]
    .filter((item) => item.contractId === contract.data?.id)
    .map((item) => ('orderId' in item ? item.orderId : item.id));
  const marks = useStrategyMarks(accountId, contract.data?.id, contractOrderIds);
  const trading = useChartTrading(contract.data, accountId, orders);
  const { handlers } = trading;
  useWatchSymbol(contract.data?.id);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const created = new ChartController(element, feed, barFeed, readChartColors(), handlers);
    setController(created);
    return () => created.dispose();
  }, [feed, barFeed, handlers]);

  useEffect(() => {
    if (controller !== undefined && contract.data !== undefined && load !== undefined && indicators !== undefined)
      void controller.show({ contract: contract.data, timeframe, depth: slot.depth, load, indicators });
  }, [controller, contract.data, timeframe, slot.depth, load, indicators]);

  const shownIndicators = slot.indicators ?? noIndicators;
  useEffect(() => {
    controller?.setIndicators(shownIndicators);
  }, [controller, shownIndicators]);

  useEffect(() => {
    controller?.setColors(readChartColors());
  }, [controller, theme, palette]);

  const position = positions?.find((summary) => summary.position.contractId === contract.data?.id);
  useEffect(() => {
    if (controller === undefined || contract.data === undefined) return;
    controller.setOverlays({ contract: contract.data, orders, position, fills, planned, overrides: trading.overrides, marks });
  }, [controller, contract.data, orders, position, fills, planned, trading.overrides, marks]);

  const { message, dismissMessage } = trading;
  useEffect(() => {
    if (message === undefined) return;
    const timer = setTimeout(dismissMessage, 6000);
    return () => clearTimeout(timer);
  }, [message, dismissMessage]);

  return (
    <div className={`chart-view${highlighted ? ' chart-focused' : ''}`} data-testid="chart-view" data-symbol={symbol} onPointerDownCapture={onFocus}>
      <ChartToolbar
        slot={slot}
        symbol={symbol}
        contract={contract.data}
        chartCount={chartCount}
        onSymbol={(chosen) => {
          chartActions.symbolChosen(slot.id, chosen);
          if (focused) workspace.symbolActivated(chosen);
        }}
        onTimeframe={(id) => chartActions.timeframeChosen(slot.id, id)}
        onDepth={(depth) => chartActions.depthChosen(slot.id, depth)}
        onIndicator={(indicatorId) => chartActions.indicatorToggled(slot.id, indicatorId)}
        onAdd={chartActions.chartAdded}
        onRemove={() => chartActions.chartRemoved(slot.id)}
      />
      <div className="chart-canvas" ref={container} data-testid="chart-canvas" />
      {contract.isError ? (
        <div className="chart-overlay-message">
          No contract for “{symbol}”: {contract.error.message}
        </div>
      ) : null}
      {message === undefined ? null : (
        <div className={`chart-toast chart-toast-${message.tone}`} role="alert" data-testid="chart-message">
          <span>{message.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismissMessage}>
            ×
          </button>
        </div>
      )}
      {trading.menu === undefined ? null : (
        <ContextMenu x={trading.menu.x} y={trading.menu.y} items={trading.menuItems(trading.menu.ticks)} onClose={trading.closeMenu} testId="chart-menu" />
      )}
    </div>
  );
}
