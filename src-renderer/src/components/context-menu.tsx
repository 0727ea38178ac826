import { useEffect, useRef } from 'react';

/** One entry of a context menu; a separator has no action. */
export interface MenuItem {
  readonly id: string;
  readonly label: string;
  readonly detail?: string;
  readonly tone?: 'buy' | 'sell' | 'danger';
  readonly disabled?: boolean;
  readonly action?: () => void;
}

/** A menu at a page position; closes on Escape, on a click elsewhere, or after an action. */
export function ContextMenu({ x, y, items, onClose, testId }: { x: number; y: number; items: readonly MenuItem[]; onClose(): void; testId?: string }) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = menu.current;
    if (element === null) return;
    // Keep the menu inside the window.
    const box = element.getBoundingClientRect();
    element.style.left = `${Math.max(4, Math.min(x, window.innerWidth - box.width - 4))}px`;
    element.style.top = `${Math.max(4, Math.min(y, window.innerHeight - box.height - 4))}px`;
    element.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [x, y]);
  useEffect(() => {
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof MouseEvent && menu.current?.contains(event.target as Node)) return;
      onClose();
    };
    window.addEventListener('keydown', close);
    window.addEventListener('mousedown', close);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('mousedown', close);
      window.removeEventListener('blur', close);
    };
  }, [onClose]);
  return (
    <div className="context-menu" role="menu" ref={menu} data-testid={testId}>
      {items.map((item) =>
        item.action === undefined ? (
          <div key={item.id} className="menu-separator" role="separator" />
        ) : (
          <button
            key={item.id}
            type="button"
            role="menuitem"
            className={`menu-item${item.tone === undefined ? '' : ` menu-${item.tone}`}`}
            disabled={item.disabled}
            data-testid={`menu-${item.id}`}
            onClick={() => {
              onClose();
              item.action?.();
            }}
          >
            <span>{item.label}</span>
            {item.detail === undefined ? null : <span className="menu-detail">{item.detail}</span>}
          </button>
        ),
      )}
    </div>
  );
}
