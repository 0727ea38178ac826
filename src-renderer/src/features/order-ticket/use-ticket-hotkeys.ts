import { useEffect, useLayoutEffect, useRef } from 'react';
import { firesWhileTyping, hotkeyActions, matchesHotkey, parseHotkey, type HotkeyAction } from '../../lib/hotkeys';
import { useOrderDefaultsActions } from '../../lib/order-defaults-store';
import { useHotkeys, useHotkeysEnabled } from '../../lib/preferences-store';

interface TicketCommands {
  buyMarket(): Promise<void>;
  sellMarket(): Promise<void>;
  flatten(): Promise<void>;
  cancelAll(): Promise<void>;
  reverse(): Promise<void>;
  /** Moves the bracket picker to the next template. */
  cycleBracket(): void;
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Fires the ticket's actions from the configured hotkeys, anywhere in the window. */
export function useTicketHotkeys(commands: TicketCommands): void {
  const bindings = useHotkeys();
  const enabled = useHotkeysEnabled();
  const defaults = useOrderDefaultsActions();
  const latest = useRef(commands);
  useLayoutEffect(() => {
    latest.current = commands;
  });
  useEffect(() => {
    if (!enabled) return;
    const parsed = hotkeyActions.flatMap((action) => {
      const hotkey = parseHotkey(bindings[action]);
      return hotkey === undefined ? [] : [{ action, hotkey }];
    });
    const run = (action: HotkeyAction) => {
      const now = latest.current;
      const sizeIndex = { size1: 0, size2: 1, size3: 2, size4: 3 } as const;
      if (action in sizeIndex) defaults.sizePresetChosen(sizeIndex[action as keyof typeof sizeIndex]);
      else void now[action as keyof TicketCommands]();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.repeat || document.querySelector('[data-capturing-hotkey]') !== null) return;
      const match = parsed.find(({ hotkey }) => matchesHotkey(hotkey, event));
      if (match === undefined) return;
      if (typing(event.target) && !firesWhileTyping(match.hotkey)) return;
      event.preventDefault();
      run(match.action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bindings, enabled, defaults]);
}
