import { useContractEvent } from '../../bridge/bridge-context';
import { useNotificationsActions } from './notifications-store';

/**
 * Keeps the feed filled from `notifications.added`. There is no list channel, so the app shell
 * mounts this for the page's life and nothing is missed while the tab is hidden.
 */
export function useNotificationsSync(): void {
  const actions = useNotificationsActions();
  useContractEvent('notifications.added', actions.notificationReceived);
}
