import { useEffect, useRef, type ReactNode } from 'react';
import { ResizeHandle } from '../../components/resize-handle';
import { useActiveSymbol, useWorkspaceActions } from '../../lib/workspace-store';
import { useChartActions, useCharts, useChartWidths, useFocusedChartId } from './chart-store';
import { ChartView } from './chart-view';

/** The charts side by side, resizable; the focused chart follows the active symbol. */
export function ChartArea() {
  const charts = useCharts();
  const widths = useChartWidths();
  const focusedId = useFocusedChartId();
  const actions = useChartActions();
  const activeSymbol = useActiveSymbol();
  const workspace = useWorkspaceActions();
  const area = useRef<HTMLDivElement>(null);
  const startWidths = useRef<readonly number[]>(widths);

  useEffect(() => {
    const element = area.current;
    if (element === null) return;
    const total = widths.reduce((sum, width) => sum + width, 0) || 1;
    element.style.gridTemplateColumns = charts.map((_, index) => `minmax(120px, ${(widths[index] ?? 1) / total}fr)`).join(' 4px ');
  }, [charts, widths]);

  const resize = (index: number, distance: number) => {
    const element = area.current;
    if (element === null) return;
    const total = startWidths.current.reduce((sum, width) => sum + width, 0);
    const pixelsPerUnit = element.clientWidth / total;
    const next = [...startWidths.current];
    const left = next[index] ?? 1;
    const right = next[index + 1] ?? 1;
    const moved = Math.max(-left + 0.15, Math.min(right - 0.15, distance / pixelsPerUnit));
    next[index] = left + moved;
    next[index + 1] = right - moved;
    actions.widthsResized(next);
  };

  return (
    <div className="chart-area" ref={area}>
      {charts.map((slot, index) => (
        <ChartCell
          key={slot.id}
          last={index === charts.length - 1}
          onResizeStart={() => (startWidths.current = widths)}
          onResize={(distance) => resize(index, distance)}
        >
          <ChartView
            slot={slot}
            symbol={slot.id === focusedId ? activeSymbol : slot.symbol}
            focused={slot.id === focusedId}
            highlighted={slot.id === focusedId && charts.length > 1}
            chartCount={charts.length}
            onFocus={() => {
              if (slot.id === focusedId) return;
              // The chart losing the focus keeps the symbol it showed; the new one hands its symbol to the ticket.
              actions.symbolChosen(focusedId, activeSymbol);
              actions.chartFocused(slot.id);
              workspace.symbolActivated(slot.symbol);
            }}
          />
        </ChartCell>
      ))}
    </div>
  );
}

function ChartCell({
  children,
  last,
  onResizeStart,
  onResize,
}: {
  children: ReactNode;
  last: boolean;
  onResizeStart(): void;
  onResize(distance: number): void;
}) {
  return (
    <>
      {children}
      {last ? null : <ResizeHandle axis="x" label="Resize charts" onDragStart={onResizeStart} onDrag={onResize} />}
    </>
  );
}
