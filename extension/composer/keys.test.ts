import { describe, expect, it } from 'vitest';
import { comboProblem, DEFAULT_PICKER_KEY, formatCombo, matchesCombo, parseCombo, type KeyCombo } from './keys';

const combo = (code: string, mods: Partial<Omit<KeyCombo, 'code'>> = {}): KeyCombo => ({ code, ctrl: false, shift: false, alt: false, meta: false, ...mods });

describe('picker key combinations', () => {
  it('accepts the default and combinations with Ctrl, Alt or ⌘', () => {
    expect(comboProblem(DEFAULT_PICKER_KEY)).toBeNull();
    expect(comboProblem(combo('KeyT', { meta: true, alt: true }))).toBeNull();
    expect(comboProblem(combo('F2', { alt: true }))).toBeNull();
    // Option+letter (macOS) and AltGr = Ctrl+Alt (Windows) type characters: @ is AltGr+Q in German.
    expect(comboProblem(combo('KeyT', { alt: true }))).toBe('types-text');
    expect(comboProblem(combo('KeyQ', { ctrl: true, alt: true }))).toBe('types-text');
    expect(comboProblem(combo('Period', { ctrl: true }))).toBeNull();
    expect(comboProblem(combo('KeyK', { meta: true, shift: true }))).toBeNull();
    expect(comboProblem(combo('F2'))).toBeNull();
  });

  it('refuses keys that type text, the keys a reply box needs and the editor’s own commands', () => {
    expect(comboProblem(combo('KeyT'))).toBe('types-text');
    expect(comboProblem(combo('KeyT', { shift: true }))).toBe('types-text');
    expect(comboProblem(combo('Space'))).toBe('types-text');
    expect(comboProblem(combo('Enter', { ctrl: true }))).toBe('editing-key');
    expect(comboProblem(combo('Tab', { alt: true }))).toBe('editing-key');
    expect(comboProblem(combo('KeyV', { ctrl: true }))).toBe('editor-command');
    expect(comboProblem(combo('KeyZ', { meta: true, shift: true }))).toBe('editor-command');
    expect(comboProblem(combo('ShiftLeft', { shift: true }))).toBe('incomplete');
  });

  it('falls back to the default for stored values that are missing or unusable', () => {
    expect(parseCombo(undefined)).toEqual(DEFAULT_PICKER_KEY);
    expect(parseCombo({ code: 'KeyA' })).toEqual(DEFAULT_PICKER_KEY);
    expect(parseCombo({ code: 'KeyJ', alt: true, meta: true, ctrl: 'yes' })).toEqual(combo('KeyJ', { alt: true, meta: true }));
  });

  it('names and matches a combination', () => {
    expect(formatCombo(DEFAULT_PICKER_KEY)).toBe('Ctrl+Shift+Space');
    expect(formatCombo(combo('KeyK', { meta: true, shift: true }), true)).toBe('Shift+⌘+K');
    const event = { code: 'Space', ctrlKey: true, shiftKey: true, altKey: false, metaKey: false };
    expect(matchesCombo(event, DEFAULT_PICKER_KEY)).toBe(true);
    expect(matchesCombo({ ...event, altKey: true }, DEFAULT_PICKER_KEY)).toBe(false);
  });
});
