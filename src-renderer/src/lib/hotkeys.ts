/** A key with its modifiers, e.g. Alt+Shift+B. */
export interface Hotkey {
  readonly key: string;
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
}

/** Every action a hotkey can trigger. */
export const hotkeyActions = ['buyMarket', 'sellMarket', 'flatten', 'cancelAll', 'reverse', 'cycleBracket', 'size1', 'size2', 'size3', 'size4'] as const;
/** One hotkey action. */
export type HotkeyAction = (typeof hotkeyActions)[number];

/** What each action is called in the UI. */
export const hotkeyActionLabels: Record<HotkeyAction, string> = {
  buyMarket: 'Buy market',
  sellMarket: 'Sell market',
  flatten: 'Flatten',
  cancelAll: 'Cancel all',
  reverse: 'Reverse',
  cycleBracket: 'Next bracket template',
  size1: 'Size preset 1',
  size2: 'Size preset 2',
  size3: 'Size preset 3',
  size4: 'Size preset 4',
};

/** Bindings out of the box: Alt keeps them clear of typing and of the browser's own shortcuts. */
export const defaultHotkeys: Record<HotkeyAction, string> = {
  buyMarket: 'Alt+B',
  sellMarket: 'Alt+S',
  flatten: 'Alt+F',
  cancelAll: 'Alt+C',
  reverse: 'Alt+R',
  cycleBracket: 'Alt+T',
  size1: 'Alt+1',
  size2: 'Alt+2',
  size3: 'Alt+3',
  size4: 'Alt+4',
};

const modifierNames = new Set(['CTRL', 'CONTROL', 'ALT', 'OPTION', 'SHIFT', 'META', 'CMD', 'COMMAND']);
const namedKeys = new Set([
  'SPACE',
  'ENTER',
  'ESCAPE',
  'TAB',
  'BACKSPACE',
  'DELETE',
  'INSERT',
  'HOME',
  'END',
  'PAGEUP',
  'PAGEDOWN',
  'UP',
  'DOWN',
  'LEFT',
  'RIGHT',
]);

function isKeyName(key: string): boolean {
  return /^[A-Z0-9]$/.test(key) || /^F([1-9]|1[0-9]|2[0-4])$/.test(key) || /^NUMPAD[0-9]$/.test(key) || namedKeys.has(key) || /^[-=[\];',./`\\]$/.test(key);
}

/** Reads `Alt+Shift+B`; undefined when the text is not one key with optional modifiers. */
export function parseHotkey(text: string): Hotkey | undefined {
  const parts = text.split('+').map((part) => part.trim().toUpperCase());
  if (parts.some((part) => part === '')) return undefined;
  const key = parts.at(-1);
  if (key === undefined || modifierNames.has(key) || !isKeyName(key)) return undefined;
  const modifiers = new Set(parts.slice(0, -1));
  for (const modifier of modifiers) if (!modifierNames.has(modifier)) return undefined;
  return {
    key,
    ctrl: modifiers.has('CTRL') || modifiers.has('CONTROL'),
    alt: modifiers.has('ALT') || modifiers.has('OPTION'),
    shift: modifiers.has('SHIFT'),
    meta: modifiers.has('META') || modifiers.has('CMD') || modifiers.has('COMMAND'),
  };
}

function displayKey(key: string): string {
  if (key.length === 1 || /^F\d+$/.test(key)) return key;
  if (key.startsWith('NUMPAD')) return `Numpad${key.slice(6)}`;
  return key.charAt(0) + key.slice(1).toLowerCase();
}

/** Writes a hotkey the way the UI shows it, modifiers in a fixed order: `Ctrl+Alt+Shift+B`. */
export function formatHotkey(hotkey: Hotkey): string {
  const parts: string[] = [];
  if (hotkey.ctrl) parts.push('Ctrl');
  if (hotkey.alt) parts.push('Alt');
  if (hotkey.shift) parts.push('Shift');
  if (hotkey.meta) parts.push('Meta');
  parts.push(displayKey(hotkey.key));
  return parts.join('+');
}

/** The fields of a keyboard event a hotkey is matched on. */
export interface KeyStroke {
  /** `KeyboardEvent.code`: the physical key, so Alt+B matches on every layout and platform. */
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly metaKey: boolean;
}

const codeNames: Record<string, string> = {
  Space: 'SPACE',
  Enter: 'ENTER',
  Escape: 'ESCAPE',
  Tab: 'TAB',
  Backspace: 'BACKSPACE',
  Delete: 'DELETE',
  Insert: 'INSERT',
  Home: 'HOME',
  End: 'END',
  PageUp: 'PAGEUP',
  PageDown: 'PAGEDOWN',
  ArrowUp: 'UP',
  ArrowDown: 'DOWN',
  ArrowLeft: 'LEFT',
  ArrowRight: 'RIGHT',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  Backslash: '\\',
};

/** The hotkey a key press stands for; undefined for a lone modifier. */
export function hotkeyFromStroke(stroke: KeyStroke): Hotkey | undefined {
  const { code } = stroke;
  let key: string | undefined;
  if (/^Key[A-Z]$/.test(code)) key = code.slice(3);
  else if (/^Digit[0-9]$/.test(code)) key = code.slice(5);
  else if (/^Numpad[0-9]$/.test(code)) key = code.toUpperCase();
  else if (/^F\d{1,2}$/.test(code)) key = code;
  else key = codeNames[code];
  if (key === undefined) return undefined;
  return { key, ctrl: stroke.ctrlKey, alt: stroke.altKey, shift: stroke.shiftKey, meta: stroke.metaKey };
}

/** True when a key press is exactly this hotkey (extra modifiers do not match). */
export function matchesHotkey(hotkey: Hotkey, stroke: KeyStroke): boolean {
  const pressed = hotkeyFromStroke(stroke);
  return (
    pressed !== undefined &&
    pressed.key === hotkey.key &&
    pressed.ctrl === hotkey.ctrl &&
    pressed.alt === hotkey.alt &&
    pressed.shift === hotkey.shift &&
    pressed.meta === hotkey.meta
  );
}

/** True when a hotkey may fire while the focus is in a text field (it has a modifier besides Shift). */
export function firesWhileTyping(hotkey: Hotkey): boolean {
  return hotkey.ctrl || hotkey.alt || hotkey.meta || /^F\d+$/.test(hotkey.key) || hotkey.key === 'ESCAPE';
}

/** Actions whose bindings collide, for the settings screen to flag. */
export function conflictingActions(bindings: Readonly<Record<HotkeyAction, string>>): HotkeyAction[] {
  const seen = new Map<string, HotkeyAction>();
  const conflicts = new Set<HotkeyAction>();
  for (const action of hotkeyActions) {
    const parsed = parseHotkey(bindings[action]);
    if (parsed === undefined) continue;
    const text = formatHotkey(parsed);
    const other = seen.get(text);
    if (other !== undefined) {
      conflicts.add(other);
      conflicts.add(action);
    } else seen.set(text, action);
  }
  return hotkeyActions.filter((action) => conflicts.has(action));
}
