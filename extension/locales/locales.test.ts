import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SUPPORTED_LOCALES, parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { textDirection } from '../ui/direction';

// Read with @wxt-dev/i18n's own parser: what the build turns into _locales/*/messages.json.
const localesDir = fileURLToPath(new URL('./', import.meta.url));
const locales = readdirSync(localesDir).flatMap((file) => (file.endsWith('.yml') ? [file.slice(0, -4)] : []));
const messagesByLocale = new Map<string, Map<string, ParsedMessage>>();
for (const locale of locales) {
  const parsed = await parseMessagesFile(`${localesDir}${locale}.yml`);
  // The parser adds the browser's predefined @@ messages to every file.
  const own = parsed.filter((message) => !message.key[0]?.startsWith('@@'));
  messagesByLocale.set(locale, new Map(own.map((message) => [message.key.join('.'), message])));
}

function messagesOf(locale: string): Map<string, ParsedMessage> {
  const messages = messagesByLocale.get(locale);
  if (!messages) throw new Error(`No ${locale}.yml`);
  return messages;
}

/** Every text of a message: one, or one per plural form. */
function textsOf(message: ParsedMessage): string[] {
  return message.type === 'plural' ? Object.values(message.plurals) : [message.message];
}

const NAMED = /\{([A-Za-z0-9_]+)\}/g;
const POSITIONAL = /(?<!\$)\$[1-9]/g;
const CHROME = /\$[A-Za-z0-9_@]+\$/g;

/** The placeholders a message uses, sorted: `{name}`, `$1`, and Chrome's `$name$`. */
function placeholdersOf(message: ParsedMessage): string[] {
  const found = new Set<string>();
  for (const text of textsOf(message)) {
    for (const pattern of [NAMED, POSITIONAL, CHROME]) for (const [token] of text.matchAll(pattern)) found.add(token);
  }
  return [...found].sort();
}

/** The plural form count, or 0 for a message without plural forms. */
function pluralFormsOf(message: ParsedMessage): number {
  return message.type === 'plural' ? Object.keys(message.plurals).length : 0;
}

const english = messagesOf('en');
const englishKeys = [...english.keys()].sort();

it('ships the languages of our users', () => {
  expect(locales).toEqual(expect.arrayContaining(['ar', 'en', 'es', 'fa', 'he', 'sw', 'vi']));
});

describe.each(locales)('%s.yml', (locale) => {
  const messages = messagesOf(locale);
  const text = (key: string) => {
    const message = messages.get(key);
    return message ? textsOf(message).join(' | ') : '';
  };

  it('has every key of en.yml and no other', () => {
    const keys = [...messages.keys()];
    expect({
      missing: englishKeys.filter((key) => !messages.has(key)),
      extra: keys.filter((key) => !english.has(key)).sort(),
    }).toEqual({ missing: [], extra: [] });
  });

  it('keeps the placeholders of en.yml', () => {
    const mismatches = englishKeys.flatMap((key) => {
      const source = english.get(key);
      const translation = messages.get(key);
      if (!source || !translation) return [];
      const [expected, actual] = [placeholdersOf(source), placeholdersOf(translation)];
      return expected.join() === actual.join() ? [] : [{ key, expected, actual }];
    });
    expect(mismatches).toEqual([]);
  });

  it('has plural forms where en.yml has them', () => {
    const mismatches = englishKeys.flatMap((key) => {
      const source = english.get(key);
      const translation = messages.get(key);
      if (!source || !translation) return [];
      return (pluralFormsOf(source) > 0) === (pluralFormsOf(translation) > 0) ? [] : [key];
    });
    expect(mismatches).toEqual([]);
  });

  it('is a locale the browsers accept', () => {
    expect(SUPPORTED_LOCALES.has(locale)).toBe(true);
  });

  it('names its own language and writing direction', () => {
    expect(text('lang')).toBe(locale.replace('_', '-'));
    expect(text('dir')).toBe(textDirection(locale));
  });

  it('fits the manifest limits of the stores', () => {
    const name = text('extName');
    const description = text('extDescription');
    expect(name.length, name).toBeGreaterThan(0);
    expect(name.length, name).toBeLessThanOrEqual(75);
    expect(description.length, description).toBeGreaterThan(0);
    expect(description.length, description).toBeLessThanOrEqual(132);
  });

  it('has no empty text, stray brace or decomposed accent', () => {
    const problems = [...messages].flatMap(([key, message]) =>
      textsOf(message).flatMap((value) => {
        if (value.trim() === '') return [`${key}: empty`];
        if (/[{}]/.test(value.replace(NAMED, ''))) return [`${key}: brace outside a {placeholder}`];
        if (value !== value.normalize('NFC')) return [`${key}: not NFC-normalized`];
        return [];
      }),
    );
    expect(problems).toEqual([]);
  });

  // i18n.t() picks a plural form by position and knows at most three: 0, 1, n.
  it('has plural forms i18n.t() can pick', () => {
    const unusable = [...messages].filter(([, message]) => pluralFormsOf(message) > 3).map(([key]) => key);
    expect(unusable).toEqual([]);
  });
});

// Arabic and Persian share a script but not the letters ye and kaf, which look
// alike in isolation and break search and sorting when mixed up.
it.each([
  ['fa', /[\u064A\u0643]/u],
  ['ar', /[\u06CC\u06A9]/u],
])('%s.yml uses its own forms of ye and kaf', (locale, foreign) => {
  const wrong = [...messagesOf(locale)].filter(([, message]) => textsOf(message).some((value) => foreign.test(value)));
  expect(wrong.map(([key]) => key)).toEqual([]);
});

// In a right-to-left sentence the bidi algorithm hands the `://` of a scheme to
// the Persian, Hebrew or Arabic word after it (`//:http`) unless a left-to-right
// mark keeps it with the scheme.
it.each(locales.filter((locale) => textDirection(locale) === 'rtl'))(
  '%s.yml keeps :// with its scheme',
  (locale) => {
    const broken = [...messagesOf(locale)].filter(([, message]) =>
      textsOf(message).some((value) => /:\/\/(?![\u200E\w{])/u.test(value)),
    );
    expect(broken.map(([key]) => key)).toEqual([]);
  },
);
