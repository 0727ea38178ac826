import { create } from 'zustand';
import type { EventPayload } from '../../../../src-shared/contract';

/** A notification as the feed keeps it. */
export interface FeedEntry extends EventPayload<'notifications.added'> {
  readonly id: number;
}

const limit = 300;

interface NotificationsState {
  readonly entries: readonly FeedEntry[];
  readonly unread: number;
  readonly actions: {
    notificationReceived(notification: EventPayload<'notifications.added'>): void;
    feedRead(): void;
    feedCleared(): void;
  };
}

let nextId = 1;

const useNotificationsStore = create<NotificationsState>()((set) => ({
  entries: [],
  unread: 0,
  actions: {
    notificationReceived: (notification) =>
      set((state) => ({ entries: [{ ...notification, id: nextId++ }, ...state.entries].slice(0, limit), unread: state.unread + 1 })),
    feedRead: () => set({ unread: 0 }),
    feedCleared: () => set({ entries: [], unread: 0 }),
  },
}));

/** Notifications, newest first. */
export function useFeedEntries(): readonly FeedEntry[] {
  return useNotificationsStore((state) => state.entries);
}

/** How many arrived since the feed was last read. */
export function useUnreadCount(): number {
  return useNotificationsStore((state) => state.unread);
}

/** Events of the feed. */
export function useNotificationsActions(): NotificationsState['actions'] {
  return useNotificationsStore((state) => state.actions);
}
