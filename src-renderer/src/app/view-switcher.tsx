import { useAppView, useLayoutActions, type AppView } from './layout-store';

const views: readonly [AppView, string][] = [
  ['trade', 'Trade'],
  ['strategies', 'Strategies'],
  ['backtest', 'Backtest'],
  ['analytics', 'Analytics'],
];

/** The screens of the window, in the top bar. */
export function ViewSwitcher() {
  const view = useAppView();
  const actions = useLayoutActions();
  return (
    <nav className="view-switcher" aria-label="Screens">
      {views.map(([id, label]) => (
        <button
          key={id}
          type="button"
          className={id === view ? 'view-tab view-on' : 'view-tab'}
          aria-current={id === view ? 'page' : undefined}
          data-testid={`view-${id}`}
          onClick={() => actions.viewChosen(id)}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
