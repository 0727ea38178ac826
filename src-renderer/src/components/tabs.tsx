import type { ReactNode } from 'react';

/** One tab: an id, its label and an optional count badge. */
export interface TabItem<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly count?: number;
}

/** A strip of tabs; the owner keeps which one is selected. */
export function Tabs<Id extends string>({
  items,
  selected,
  onSelect,
  trailing,
}: {
  items: readonly TabItem<Id>[];
  selected: Id;
  onSelect(id: Id): void;
  trailing?: ReactNode;
}) {
  return (
    <div className="tabs" role="tablist">
      {items.map((item) => (
        <button
          type="button"
          role="tab"
          key={item.id}
          aria-selected={item.id === selected}
          className={`tab${item.id === selected ? ' tab-selected' : ''}`}
          data-testid={`tab-${item.id}`}
          onClick={() => onSelect(item.id)}
        >
          {item.label}
          {item.count !== undefined && item.count > 0 ? <span className="tab-count">{item.count}</span> : null}
        </button>
      ))}
      <span className="tabs-fill" />
      {trailing}
    </div>
  );
}
