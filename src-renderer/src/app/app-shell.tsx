import { AccountBar } from '../features/account/account-bar';
import { ChartArea } from '../features/chart/chart-area';
import { ConnectionIndicator } from '../features/connection/connection-indicator';
import { StatusBar } from '../features/connection/status-bar';
import { TradingHaltedBanner } from '../features/connection/trading-halted-banner';
import { useNotificationsSync } from '../features/notifications/queries';
import { OrderTicket } from '../features/order-ticket/order-ticket';
import { LockBanner } from '../features/risk/lock-banner';
import { RiskPanel } from '../features/risk/risk-panel';
import { SettingsButton, SettingsDialog } from '../features/settings/settings-dialog';
import { Watchlist } from '../features/watchlist/watchlist';
import { useTradingEventSync } from '../lib/queries/event-sync';
import { useRiskEventSync } from '../lib/queries/risk-queries';
import { BottomPanel } from './bottom-panel';
import { useThemeSync } from './theme-sync';
import { WorkspaceLayout } from './workspace-layout';

/** The window: top bar, banners, the workspace and the status bar. */
export function AppShell() {
  useTradingEventSync();
  useRiskEventSync();
  useNotificationsSync();
  useThemeSync();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Topstep Terminal</span>
        <AccountBar />
        <span className="toolbar-fill" />
        <ConnectionIndicator />
        <SettingsButton />
      </header>
      <div className="banners">
        <TradingHaltedBanner />
        <LockBanner />
      </div>
      <WorkspaceLayout left={<Watchlist />} charts={<ChartArea />} bottom={<BottomPanel />} right={<RightColumn />} />
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
