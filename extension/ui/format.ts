// Numbers, durations, dates and language names in the UI language, through Intl only, so
// Persian gets Persian digits and every language its own units and separators.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Intl formatters are slow to make and cheap to use: one per locale and options, kept
 * (hundreds of hints each format a wait time). */
const formatters = new Map<string, { format(value: never): string }>();
function cached<T extends { format(value: never): string }>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}
const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

export function formatCount(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/** A share (0–1) as a whole percentage: "83 %", "٪۸۳". */
export function formatPercent(share: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

type DurationUnit = 'second' | 'minute' | 'hour' | 'day';
/** Values each table holds (0 up to this): rounding can give 60 seconds or minutes and 24 hours. */
const TABLE_MAX: Record<DurationUnit, number> = { second: 60, minute: 60, hour: 24, day: 99 };
/** Languages whose names a table holds: the classifier's, and others pages often declare. */
const TABLE_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'vi', 'he', 'fa', 'ar', 'sw', 'id', 'tr', 'it', 'nl', 'pl', 'ru', 'uk', 'ja', 'ko', 'zh', 'hi', 'ur', 'bn', 'th', 'ms', 'tl', 'ro', 'el', 'cs', 'sv', 'da', 'nb', 'fi', 'hu', 'am', 'ha', 'yo', 'zu', 'ps', 'ku',
  // With regions, as sites' lang attributes often are.
  'en-US', 'en-GB', 'en-IN', 'en-AU', 'en-CA', 'es-ES', 'es-MX', 'es-419', 'es-US', 'fr-FR', 'fr-CA', 'de-DE', 'de-AT', 'de-CH', 'pt-BR', 'pt-PT', 'vi-VN', 'he-IL', 'fa-IR', 'fa-AF', 'ar-SA', 'ar-EG', 'ar-AE', 'sw-KE', 'sw-TZ', 'id-ID', 'tr-TR', 'it-IT', 'nl-NL', 'ja-JP', 'ko-KR', 'zh-CN', 'zh-TW', 'zh-HK', 'zh-Hans', 'zh-Hant', 'ru-RU', 'pl-PL', 'hi-IN'];

/**
 * Durations and language names written out ahead for one locale, by Intl. The background
 * makes them once and hands them to each page's content script with the page context: making
 * the formatters a badge needs costs a content script milliseconds on every page load (about
 * 20 ms under the CPU profiler), and looking a value up costs nothing. Values beyond the
 * tables fall back to Intl.
 */
export interface FormatTables {
  locale: string;
  /** units[unit][n]: n of the unit, short ("5 min", "۵ دقیقه"). */
  units: Record<DurationUnit, string[]>;
  /** Two units as one ("2 hr 5 min"): the text before, between and after them. */
  pair: [string, string, string];
  /** Language names in the locale, by tag. */
  languages: Record<string, string>;
}

let tables: FormatTables | undefined;

/** The tables formatDuration and languageName use from now on, for their locale. */
export function useFormatTables(next: FormatTables | undefined): void {
  tables = next;
}

export function makeFormatTables(locale: string): FormatTables {
  const units = {} as Record<DurationUnit, string[]>;
  for (const unit of Object.keys(TABLE_MAX) as DurationUnit[]) {
    units[unit] = Array.from({ length: TABLE_MAX[unit] + 1 }, (_, n) => unitFormat(locale, unit).format(n));
  }
  // Two markers listed, to find what the locale puts around and between two units.
  const joined = listFormat(locale).format(['\u0001', '\u0002'] as never);
  const [a, b] = [joined.indexOf('\u0001'), joined.indexOf('\u0002')];
  const pair: [string, string, string] = a >= 0 && b > a ? [joined.slice(0, a), joined.slice(a + 1, b), joined.slice(b + 1)] : ['', ' ', ''];
  const languages: Record<string, string> = {};
  for (const tag of TABLE_LANGUAGES) {
    const name = intlLanguageName(tag, locale);
    if (name) languages[tag] = name;
  }
  return { locale, units, pair, languages };
}

const unitFormat = (locale: string, unit: DurationUnit) => numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' });
const listFormat = (locale: string) => cached(`l|${locale}`, () => new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }));

/**
 * A reply time the way people say it: "45 sec", "12 min", "2 hr 5 min", "3 days 4 hr".
 * Two units at most; the smaller is dropped when it is zero.
 */
export function formatDuration(ms: number, locale: string): string {
  const table = tables?.locale === locale ? tables : undefined;
  const unit = (value: number, name: DurationUnit) => table?.units[name][value] ?? unitFormat(locale, name).format(value);
  const both = (parts: [string, string]) => (table ? table.pair[0] + parts[0] + table.pair[1] + parts[1] + table.pair[2] : listFormat(locale).format(parts as never));
  const rounded = Math.max(0, Math.round(ms));
  if (rounded < MINUTE) return unit(Math.round(rounded / 1000), 'second');
  if (rounded < HOUR) return unit(Math.round(rounded / MINUTE), 'minute');
  if (rounded < DAY) {
    const minutes = Math.round(rounded / MINUTE);
    const [hours, rest] = [Math.floor(minutes / 60), minutes % 60];
    return rest === 0 ? unit(hours, 'hour') : both([unit(hours, 'hour'), unit(rest, 'minute')]);
  }
  const hoursTotal = Math.round(rounded / HOUR);
  const [days, rest] = [Math.floor(hoursTotal / 24), hoursTotal % 24];
  return rest === 0 ? unit(days, 'day') : both([unit(days, 'day'), unit(rest, 'hour')]);
}

/** The name of a language tag in the UI language ("fa" → "Persian", "فارسی"); undefined for `und`. */
export function languageName(tag: string, locale: string): string | undefined {
  if (!tag || tag === 'und') return undefined;
  return (tables?.locale === locale ? tables.languages[tag] : undefined) ?? intlLanguageName(tag, locale);
}

function intlLanguageName(tag: string, locale: string): string | undefined {
  try {
    const names = cached(`d|${locale}`, () => {
      const display = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
      return { format: (code: never) => display.of(code) ?? code, display };
    });
    return names.format(tag as never);
  } catch {
    return tag;
  }
}

/** A calendar day (`YYYY-MM-DD`) as a short label: "22 Nov", "۱ آذر". */
export function formatDay(day: string, locale: string, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' }): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A moment, with the date only when it is not today. */
export function formatMoment(iso: string | number, locale: string, now: number = Date.now()): string {
  const at = new Date(iso);
  const sameDay = new Date(now).toDateString() === at.toDateString();
  return new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** The calendar date (`YYYY-MM-DD`) of an instant in an IANA time zone. */
export function localDate(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The `days` calendar days ending today in `timeZone`, as the summary's `from` and `to`. */
export function lastDays(days: number, timeZone: string, now: number = Date.now()): { from: string; to: string } {
  const to = localDate(now, timeZone);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY).toISOString().slice(0, 10);
  return { from, to };
}
