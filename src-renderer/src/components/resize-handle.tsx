import { useRef, type PointerEvent } from 'react';

/**
 * A bar between two panels that the trader drags to resize them. Reports the total drag distance
 * since the press, so the owner applies it to the size it had when the drag started.
 */
export function ResizeHandle({
  axis,
  label,
  onDragStart,
  onDrag,
  onDragEnd,
}: {
  axis: 'x' | 'y';
  label: string;
  onDragStart(): void;
  onDrag(distance: number): void;
  onDragEnd?(): void;
}) {
  const origin = useRef<number | undefined>(undefined);
  const position = (event: PointerEvent) => (axis === 'x' ? event.clientX : event.clientY);
  return (
    <div
      className={`resize-handle resize-${axis}`}
      role="separator"
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={label}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        origin.current = position(event);
        onDragStart();
      }}
      onPointerMove={(event) => {
        if (origin.current !== undefined) onDrag(position(event) - origin.current);
      }}
      onPointerUp={(event) => {
        event.currentTarget.releasePointerCapture(event.pointerId);
        origin.current = undefined;
        onDragEnd?.();
      }}
    />
  );
}
