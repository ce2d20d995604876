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

/**
 * A reply time the way people say it: "45 sec", "12 min", "2 hr 5 min", "3 days 4 hr".
 * Two units at most; the smaller is dropped when it is zero.
 */
export function formatDuration(ms: number, locale: string): string {
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day') =>
    numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const both = (parts: string[]) =>
    cached(`l|${locale}`, () => new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' })).format(parts as never);
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
