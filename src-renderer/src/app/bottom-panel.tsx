import { Tabs } from '../components/tabs';
import { DiagnosticsView } from '../features/diagnostics/diagnostics-view';
import { NotificationsFeed } from '../features/notifications/notifications-feed';
import { useUnreadCount } from '../features/notifications/notifications-store';
import { OrdersTable } from '../features/orders/orders-table';
import { PositionsTable } from '../features/positions/positions-table';
import { StrategiesView } from '../features/strategies/strategies-view';
import { FillsTable } from '../features/trades/fills-table';
import { useStrategies } from '../lib/queries/strategy-queries';
import { useFills, usePositions, useSelectedAccount, useWorkingOrders } from '../lib/queries/trading-queries';
import { useBottomTab, useLayoutActions, type BottomTab } from './layout-store';

/** Positions, working orders, fills, strategies (running count), notifications and diagnostics as tabs with counts. */
export function BottomPanel() {
  const tab = useBottomTab();
  const actions = useLayoutActions();
  const accountId = useSelectedAccount()?.account.id;
  const positions = usePositions(accountId).data?.length;
  const orders = useWorkingOrders(accountId).data?.length;
  const fills = useFills(accountId).data?.length;
  const running = useStrategies(accountId).data?.filter((strategy) => strategy.status === 'running').length;
  const unread = useUnreadCount();
  const items: { id: BottomTab; label: string; count?: number }[] = [
    { id: 'positions', label: 'Positions', count: positions },
    { id: 'orders', label: 'Orders', count: orders },
    { id: 'fills', label: 'Fills', count: fills },
    { id: 'strategies', label: 'Strategies', count: running },
    { id: 'notifications', label: 'Notifications', count: tab === 'notifications' ? undefined : unread },
    { id: 'diagnostics', label: 'Diagnostics' },
  ];
  return (
    <section className="bottom-panel" aria-label="Trading activity">
      <Tabs items={items} selected={tab} onSelect={actions.bottomTabChosen} />
      {tab === 'positions' ? <PositionsTable /> : null}
      {tab === 'orders' ? <OrdersTable /> : null}
      {tab === 'fills' ? <FillsTable /> : null}
      {tab === 'strategies' ? <StrategiesView compact /> : null}
      {tab === 'notifications' ? <NotificationsFeed /> : null}
      {tab === 'diagnostics' ? <DiagnosticsView /> : null}
    </section>
  );
}
