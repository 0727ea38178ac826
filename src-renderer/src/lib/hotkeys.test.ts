import { describe, expect, it } from 'vitest';
import { conflictingActions, defaultHotkeys, firesWhileTyping, formatHotkey, hotkeyFromStroke, matchesHotkey, parseHotkey } from './hotkeys';

const stroke = { code: 'KeyB', ctrlKey: false, altKey: true, shiftKey: false, metaKey: false };

describe('hotkeys', () => {
  it('parses bindings in any case and order of words and writes them back canonically', () => {
    const parsed = parseHotkey('shift + alt + b');

    expect(parsed).toEqual({ key: 'B', ctrl: false, alt: true, shift: true, meta: false });
    expect(parsed === undefined ? '' : formatHotkey(parsed)).toBe('Alt+Shift+B');
    expect(formatHotkey({ key: 'PAGEUP', ctrl: true, alt: false, shift: false, meta: false })).toBe('Ctrl+Pageup');
  });

  it('refuses text that is not one key with modifiers', () => {
    expect(parseHotkey('Alt+')).toBeUndefined();
    expect(parseHotkey('Alt')).toBeUndefined();
    expect(parseHotkey('Hyper+B')).toBeUndefined();
    expect(parseHotkey('B+C')).toBeUndefined();
  });

  it('matches key presses by physical key and exact modifiers', () => {
    const buy = parseHotkey('Alt+B');

    expect(buy !== undefined && matchesHotkey(buy, stroke)).toBe(true);
    expect(buy !== undefined && matchesHotkey(buy, { ...stroke, shiftKey: true })).toBe(false);
    expect(hotkeyFromStroke({ ...stroke, code: 'Digit3' })?.key).toBe('3');
    expect(hotkeyFromStroke({ ...stroke, code: 'AltLeft' })).toBeUndefined();
  });

  it('lets only modified keys and function keys fire while the trader types', () => {
    expect(firesWhileTyping({ key: 'B', ctrl: false, alt: true, shift: false, meta: false })).toBe(true);
    expect(firesWhileTyping({ key: 'B', ctrl: false, alt: false, shift: true, meta: false })).toBe(false);
    expect(firesWhileTyping({ key: 'F9', ctrl: false, alt: false, shift: false, meta: false })).toBe(true);
  });

  it('flags two actions bound to the same keys', () => {
    expect(conflictingActions(defaultHotkeys)).toEqual([]);
    expect(conflictingActions({ ...defaultHotkeys, flatten: 'alt+b' })).toEqual(['buyMarket', 'flatten']);
  });
});
