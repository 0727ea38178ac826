import { formatHotkey, parseHotkey } from '../lib/hotkeys';

/** The key that triggers a button, shown on the button itself. */
export function HotkeyHint({ binding }: { binding: string | undefined }) {
  const parsed = binding === undefined ? undefined : parseHotkey(binding);
  if (parsed === undefined) return null;
  return <kbd className="hotkey-hint">{formatHotkey(parsed)}</kbd>;
}
