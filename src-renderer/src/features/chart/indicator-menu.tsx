import { useEffect, useRef, useState } from 'react';
import { chartIndicators } from './indicator-catalogue';

/** The chart toolbar's indicator menu: a switch per indicator; the button counts those shown. */
export function IndicatorMenu({ shown, onToggle }: { shown: readonly string[]; onToggle(indicatorId: string): void }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof MouseEvent && box.current?.contains(event.target as Node)) return;
      setOpen(false);
    };
    window.addEventListener('keydown', close);
    window.addEventListener('mousedown', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('mousedown', close);
    };
  }, [open]);
  const count = chartIndicators.filter((indicator) => shown.includes(indicator.id)).length;
  return (
    <div className="indicator-menu" ref={box}>
      <button
        type="button"
        className={`mini-button${count > 0 ? ' chip-on' : ''}`}
        aria-expanded={open}
        aria-haspopup="menu"
        data-testid="chart-indicators"
        onClick={() => setOpen(!open)}
      >
        Indicators{count > 0 ? ` · ${count}` : ''}
      </button>
      {open ? (
        <div className="indicator-list" role="menu" data-testid="indicator-list">
          {chartIndicators.map((indicator) => (
            <label key={indicator.id} className="indicator-option" role="menuitemcheckbox" aria-checked={shown.includes(indicator.id)}>
              <input type="checkbox" checked={shown.includes(indicator.id)} data-testid={`indicator-${indicator.id}`} onChange={() => onToggle(indicator.id)} />
              <span
                className="indicator-swatch"
                style={{ background: indicator.colors[0] ?? 'linear-gradient(90deg, rgba(38,166,154,0.6), rgba(46,139,255,0.6))' }}
              />
              <span>{indicator.label}</span>
              <span className="muted indicator-where">{indicator.pane === 'price' ? '' : 'own pane'}</span>
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}
