import { describe, expect, it } from 'vitest';
import type { LocalTemplate } from '../db';
import { templateForShortcut } from './pick';

const t = (id: string, shortcut: string, lang: string | null, isPrivate = false) =>
  ({ id, shortcut, lang, private: isPrivate, title: id, body: id }) as unknown as LocalTemplate;

describe('templateForShortcut', () => {
  const library = [t('sw', ';asante', 'sw'), t('any', ';asante', null), t('en', ';thanks', 'en'), t('mine', ';thanks', 'en', true)];

  it('finds a template by its shortcut, whatever the case', () => {
    expect(templateForShortcut(library, 'ASANTE', 'sw')?.id).toBe('sw');
  });

  it('prefers the page language, then a template for any language', () => {
    expect(templateForShortcut(library, 'asante', 'sw-KE')?.id).toBe('sw');
    expect(templateForShortcut(library, 'asante', 'en')?.id).toBe('any');
  });

  it('lets a member\'s private template override the shared one', () => {
    expect(templateForShortcut(library, 'thanks', 'en')?.id).toBe('mine');
  });

  it('finds nothing for an unknown shortcut', () => {
    expect(templateForShortcut(library, 'nope', 'en')).toBeUndefined();
  });
});
