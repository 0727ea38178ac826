import { useEffect, useRef, type ReactNode } from 'react';
import { ResizeHandle } from '../components/resize-handle';
import { useLayoutActions, useLayoutSizes } from './layout-store';

/** Left sidebar, centre (charts over the bottom panel) and right sidebar, every edge draggable. */
export function WorkspaceLayout({ left, charts, bottom, right }: { left: ReactNode; charts: ReactNode; bottom: ReactNode; right: ReactNode }) {
  const sizes = useLayoutSizes();
  const actions = useLayoutActions();
  const grid = useRef<HTMLDivElement>(null);
  const start = useRef(sizes);
  useEffect(() => {
    const element = grid.current;
    if (element === null) return;
    element.style.setProperty('--left-width', `${sizes.leftWidth}px`);
    element.style.setProperty('--right-width', `${sizes.rightWidth}px`);
    element.style.setProperty('--bottom-height', `${sizes.bottomHeight}px`);
  }, [sizes]);
  const begin = () => (start.current = sizes);
  return (
    <div className="workspace" ref={grid} data-testid="workspace">
      <aside className="sidebar sidebar-left">{left}</aside>
      <ResizeHandle axis="x" label="Resize the watchlist" onDragStart={begin} onDrag={(distance) => actions.leftResized(start.current.leftWidth + distance)} />
      <div className="centre">
        <div className="charts-slot">{charts}</div>
        <ResizeHandle
          axis="y"
          label="Resize the bottom panel"
          onDragStart={begin}
          onDrag={(distance) => actions.bottomResized(start.current.bottomHeight - distance)}
        />
        <div className="bottom-slot">{bottom}</div>
      </div>
      <ResizeHandle
        axis="x"
        label="Resize the order ticket"
        onDragStart={begin}
        onDrag={(distance) => actions.rightResized(start.current.rightWidth - distance)}
      />
      <aside className="sidebar sidebar-right">{right}</aside>
    </div>
  );
}
