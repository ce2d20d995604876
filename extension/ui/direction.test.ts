import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyUiLanguage, textDirection } from './direction';

// What the browser does with our locale files: the UI language's own file
// (`es_419`), else its language's (`es`), else the default locale's (`en`).
const localesDir = fileURLToPath(new URL('../locales/', import.meta.url));
const shipped = new Set(readdirSync(localesDir).flatMap((file) => (file.endsWith('.yml') ? [file.slice(0, -4)] : [])));
const messages = new Map<string, Map<string, string>>();
for (const locale of shipped) {
  const parsed = await parseMessagesFile(`${localesDir}${locale}.yml`);
  messages.set(locale, new Map(parsed.flatMap((m) => (m.type === 'simple' ? [[m.key.join('.'), m.message]] : []))));
}
function pickedLocale(uiLanguage: string): string {
  const tag = uiLanguage.replace('-', '_');
  return [tag, tag.split('_')[0] ?? ''].find((locale) => shipped.has(locale)) ?? 'en';
}

function shownWith(language: string): { lang: string; dir: string } {
  const shown = messages.get(pickedLocale(language));
  vi.stubGlobal('i18n', { t: (key: string) => shown?.get(key) ?? '' });
  // Not what decides: a direction taken from the UI language fails the Urdu case.
  vi.stubGlobal('browser', { i18n: { getUILanguage: () => language } });
  const root = { lang: '', dir: '' };
  applyUiLanguage(root as HTMLElement);
  return root;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('textDirection', () => {
  it('is rtl for Hebrew, Persian, Arabic and Urdu, with or without a region', () => {
    for (const tag of ['he', 'fa', 'fa-IR', 'ar', 'ar_EG', 'ur', 'iw']) expect(textDirection(tag)).toBe('rtl');
  });

  it('is ltr for the others', () => {
    for (const tag of ['en', 'en-US', 'es', 'vi', 'sw', '']) expect(textDirection(tag)).toBe('ltr');
  });
});

describe('applyUiLanguage', () => {
  it('lays out Hebrew, Persian and Arabic right to left', () => {
    expect(shownWith('he')).toEqual({ lang: 'he', dir: 'rtl' });
    expect(shownWith('fa-IR')).toEqual({ lang: 'fa', dir: 'rtl' });
    expect(shownWith('ar-EG')).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  it('lays out Spanish, Vietnamese, Swahili and English left to right', () => {
    expect(shownWith('es-419')).toEqual({ lang: 'es', dir: 'ltr' });
    expect(shownWith('vi')).toEqual({ lang: 'vi', dir: 'ltr' });
    expect(shownWith('sw')).toEqual({ lang: 'sw', dir: 'ltr' });
    expect(shownWith('en-GB')).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('keeps the English fallback left to right under a right-to-left UI language we do not ship', () => {
    expect(shownWith('ur')).toEqual({ lang: 'en', dir: 'ltr' });
    expect(shownWith('ps-AF')).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('keeps the English fallback marked as English under any other language', () => {
    expect(shownWith('de-DE')).toEqual({ lang: 'en', dir: 'ltr' });
  });
});
