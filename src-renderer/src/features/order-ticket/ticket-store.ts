import { create } from 'zustand';
import type { OrderType } from '../../../../src-shared/domain/trading';

/** Types the ticket offers. */
export const ticketTypes = ['market', 'limit', 'stop', 'stop-limit', 'trailing-stop'] as const;
/** One ticket type. */
export type TicketType = (typeof ticketTypes)[number] & OrderType;

interface TicketState {
  readonly type: TicketType;
  readonly limitText: string;
  readonly stopText: string;
  readonly trailTicks: number;
  readonly actions: {
    typeChosen(type: TicketType): void;
    limitEdited(text: string): void;
    stopEdited(text: string): void;
    trailEdited(ticks: number): void;
    symbolChanged(): void;
  };
}

const useTicketStore = create<TicketState>()((set) => ({
  type: 'market',
  limitText: '',
  stopText: '',
  trailTicks: 10,
  actions: {
    typeChosen: (type) => set({ type }),
    limitEdited: (limitText) => set({ limitText }),
    stopEdited: (stopText) => set({ stopText }),
    trailEdited: (trailTicks) => set({ trailTicks }),
    symbolChanged: () => set({ limitText: '', stopText: '' }),
  },
}));

/** The ticket's order type. */
export function useTicketType(): TicketType {
  return useTicketStore((state) => state.type);
}

/** The typed limit price. */
export function useLimitText(): string {
  return useTicketStore((state) => state.limitText);
}

/** The typed stop price. */
export function useStopText(): string {
  return useTicketStore((state) => state.stopText);
}

/** The trailing distance in ticks. */
export function useTrailTicks(): number {
  return useTicketStore((state) => state.trailTicks);
}

/** Events that change the ticket. */
export function useTicketActions(): TicketState['actions'] {
  return useTicketStore((state) => state.actions);
}
