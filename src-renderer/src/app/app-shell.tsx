import { AccountBar, AccountLimits } from '../features/account/account-bar';
import { AnalyticsView } from '../features/analytics/analytics-view';
import { BacktestView } from '../features/backtest/backtest-view';
import { ChartArea } from '../features/chart/chart-area';
import { ConnectionIndicator } from '../features/connection/connection-indicator';
import { StatusBar } from '../features/connection/status-bar';
import { TradingHaltedBanner } from '../features/connection/trading-halted-banner';
import { useNotificationsSync } from '../features/notifications/queries';
import { OrderTicket } from '../features/order-ticket/order-ticket';
import { LockBanner } from '../features/risk/lock-banner';
import { RiskPanel } from '../features/risk/risk-panel';
import { SettingsButton, SettingsDialog } from '../features/settings/settings-dialog';
import { StrategiesView } from '../features/strategies/strategies-view';
import { Watchlist } from '../features/watchlist/watchlist';
import { useTradingEventSync } from '../lib/queries/event-sync';
import { useRiskEventSync } from '../lib/queries/risk-queries';
import { useStrategyEventSync } from '../lib/queries/strategy-queries';
import { BottomPanel } from './bottom-panel';
import { useAppView } from './layout-store';
import { useThemeSync } from './theme-sync';
import { ViewSwitcher } from './view-switcher';
import { WorkspaceLayout } from './workspace-layout';

/**
 * The window: top bar, banners, the screen and the status bar. The trading workspace stays mounted
 * (hidden) while another screen is shown, so its charts keep their history and live bars.
 */
export function AppShell() {
  useTradingEventSync();
  useRiskEventSync();
  useStrategyEventSync();
  useNotificationsSync();
  useThemeSync();
  const view = useAppView();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Topstep Terminal</span>
        <ViewSwitcher />
        <AccountBar />
        <span className="toolbar-fill" />
        <ConnectionIndicator />
        <SettingsButton />
      </header>
      <div className="banners">
        <AccountLimits />
        <TradingHaltedBanner />
        <LockBanner />
      </div>
      <div className="screen">
        <div className="screen-layer" hidden={view !== 'trade'}>
          <WorkspaceLayout left={<Watchlist />} charts={<ChartArea />} bottom={<BottomPanel />} right={<RightColumn />} />
        </div>
        {view === 'strategies' ? <StrategiesView /> : null}
        {view === 'backtest' ? <BacktestView /> : null}
        {view === 'analytics' ? <AnalyticsView /> : null}
      </div>
      <StatusBar />
      <SettingsDialog />
    </div>
  );
}

function RightColumn() {
  return (
    <>
      <OrderTicket />
      <RiskPanel />
    </>
  );
}
