// The key combination that opens the template picker in a reply box: stored in the
// extension's storage (options page), Ctrl+Shift+Space unless the member chose another.
// Pure: parsing, checking, naming and matching; no storage, no DOM beyond KeyboardEvent's shape.

export const PICKER_KEY_STORAGE = 'chorus:pickerKey';

export interface KeyCombo {
  /** KeyboardEvent.code of the main key (layout-independent): "Space", "KeyK", "Digit1", "F2". */
  code: string;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
}

export const DEFAULT_PICKER_KEY: KeyCombo = { code: 'Space', ctrl: true, shift: true, alt: false, meta: false };

type KeyLike = Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey'>;

export function comboOf(event: KeyLike): KeyCombo {
  return { code: event.code, ctrl: event.ctrlKey, shift: event.shiftKey, alt: event.altKey, meta: event.metaKey };
}

export function matchesCombo(event: KeyLike, combo: KeyCombo): boolean {
  return event.code === combo.code && event.ctrlKey === combo.ctrl && event.shiftKey === combo.shift && event.altKey === combo.alt && event.metaKey === combo.meta;
}

const MODIFIER_CODES = /^(?:Control|Shift|Alt|Meta|OS)(?:Left|Right)?$|^(?:CapsLock|Fn|FnLock|NumLock|ScrollLock)$/;
/** Keys a reply box needs for itself, with any modifiers: typing, moving, sending. */
const EDITING_CODES = new Set(['Enter', 'NumpadEnter', 'Tab', 'Escape', 'Backspace', 'Delete', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
/** Ctrl/⌘ + these are the editor's own commands: select all, copy, cut, paste, undo, redo, bold, italic, underline, link. */
const EDITOR_COMMAND_CODES = new Set(['KeyA', 'KeyC', 'KeyX', 'KeyV', 'KeyZ', 'KeyY', 'KeyB', 'KeyI', 'KeyU', 'KeyK']);
const FUNCTION_KEY = /^F(?:[1-9]|1[0-9]|2[0-4])$/;
/** Keys that type a character (letters, digits, punctuation): with Option (macOS) or AltGr
 * (= Ctrl+Alt on Windows) they type other characters, such as @ or € on a German keyboard. */
const CHARACTER_KEY = /^(?:Key[A-Z]|Digit\d|Minus|Equal|BracketLeft|BracketRight|Backslash|Semicolon|Quote|Backquote|Comma|Period|Slash|IntlBackslash)$/;

export type ComboProblem =
  /** Only modifiers pressed so far: keep recording. */
  | 'incomplete'
  /** A key that types text: a letter, a digit, a space… without Ctrl, Alt or ⌘, or a
   * character key with Alt (Option) or Ctrl+Alt (AltGr), which type characters too. */
  | 'types-text'
  /** A key the reply box needs (Enter sends, Tab moves, arrows…). */
  | 'editing-key'
  /** Ctrl/⌘ + C, V, X, Z, A…: the editor's own command. */
  | 'editor-command';

/** Why a combination cannot open the picker, or null when it can. */
export function comboProblem(combo: KeyCombo): ComboProblem | null {
  if (!combo.code || MODIFIER_CODES.test(combo.code)) return 'incomplete';
  if (EDITING_CODES.has(combo.code)) return 'editing-key';
  const command = combo.ctrl || combo.meta;
  if (!command && !combo.alt && !FUNCTION_KEY.test(combo.code)) return 'types-text';
  if (combo.alt && !combo.meta && CHARACTER_KEY.test(combo.code)) return 'types-text';
  // Ctrl+Shift+Z is redo and Ctrl+Shift+V paste as plain text; other Shift variants are free.
  if (command && !combo.alt && EDITOR_COMMAND_CODES.has(combo.code) && (!combo.shift || combo.code === 'KeyZ' || combo.code === 'KeyV')) return 'editor-command';
  return null;
}

/** The combination as stored, or the default when it is missing or unusable. */
export function parseCombo(value: unknown): KeyCombo {
  if (!value || typeof value !== 'object') return DEFAULT_PICKER_KEY;
  const v = value as Record<string, unknown>;
  if (typeof v.code !== 'string' || v.code.length > 40) return DEFAULT_PICKER_KEY;
  const combo: KeyCombo = { code: v.code, ctrl: v.ctrl === true, shift: v.shift === true, alt: v.alt === true, meta: v.meta === true };
  return comboProblem(combo) ? DEFAULT_PICKER_KEY : combo;
}

function keyName(code: string): string {
  if (code.startsWith('Key')) return code.slice(3);
  if (code.startsWith('Digit')) return code.slice(5);
  if (code.startsWith('Numpad')) return `Num ${code.slice(6)}`;
  const names: Record<string, string> = {
    Space: 'Space', Period: '.', Comma: ',', Slash: '/', Backslash: '\\', Semicolon: ';', Quote: "'", BracketLeft: '[', BracketRight: ']',
    Minus: '-', Equal: '=', Backquote: '`', IntlBackslash: '\\',
  };
  return names[code] ?? code;
}

/** "Ctrl+Shift+Space", "⌘+Shift+K" (on a Mac), always left to right as keyboards label them. */
export function formatCombo(combo: KeyCombo, mac = false): string {
  const parts: string[] = [];
  if (combo.ctrl) parts.push(mac ? '⌃' : 'Ctrl');
  if (combo.alt) parts.push(mac ? '⌥' : 'Alt');
  if (combo.shift) parts.push('Shift');
  if (combo.meta) parts.push(mac ? '⌘' : 'Meta');
  parts.push(keyName(combo.code));
  return parts.join('+');
}
