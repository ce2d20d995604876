import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, languageName, lastDays, localDate, makeFormatTables, useFormatTables } from './format';

describe('formatDuration', () => {
  it('says reply times the way people do', () => {
    expect(formatDuration(45_000, 'en')).toBe('45 sec');
    expect(formatDuration(12 * 60_000, 'en')).toBe('12 min');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000, 'en')).toBe('2 hr 5 min');
    expect(formatDuration(3 * 3_600_000, 'en')).toBe('3 hr');
    expect(formatDuration(27 * 3_600_000, 'en')).toBe('1 day 3 hr');
  });

  it('uses the UI language’s digits', () => {
    expect(formatDuration(12 * 60_000, 'fa')).toMatch(/۱۲/);
  });
});

describe('tables made ahead (what the background hands a page)', () => {
  afterEach(() => useFormatTables(undefined));
  const samples = [0, 999, 45_000, 59_600, 60_000, 12 * 60_000, 3_599_000, 3_600_000, 2 * 3_600_000 + 5 * 60_000, 86_399_000, 86_400_000, 27 * 3_600_000, 30 * 86_400_000, 99 * 86_400_000 + 3_600_000, 400 * 86_400_000];

  it.each(['en', 'fa', 'ar', 'he', 'sw', 'vi', 'es', 'de', 'tr'])('give what Intl gives, in %s', (locale) => {
    const byIntl = samples.map((ms) => formatDuration(ms, locale));
    const names = ['en', 'fa', 'he', 'sw', 'pt-BR', 'ja', 'xx'].map((tag) => languageName(tag, locale));
    useFormatTables(makeFormatTables(locale));
    expect(samples.map((ms) => formatDuration(ms, locale))).toEqual(byIntl);
    expect(['en', 'fa', 'he', 'sw', 'pt-BR', 'ja', 'xx'].map((tag) => languageName(tag, locale))).toEqual(names);
  });

  it('are used only for their own locale', () => {
    useFormatTables({ ...makeFormatTables('en'), languages: { sw: 'Kiswahili (table)' } });
    expect(languageName('sw', 'en')).toBe('Kiswahili (table)');
    expect(languageName('sw', 'de')).toBe('Suaheli');
    expect(formatDuration(12 * 60_000, 'fa')).toMatch(/۱۲/);
  });
});

describe('formatPercent and languageName', () => {
  it('formats shares and names languages in the UI language', () => {
    expect(formatPercent(0.834, 'en')).toBe('83%');
    expect(languageName('sw', 'en')).toBe('Swahili');
    expect(languageName('fa', 'fa')).toBe('فارسی');
    expect(languageName('und', 'en')).toBeUndefined();
  });
});

describe('lastDays', () => {
  it('counts calendar days in the given zone, today included', () => {
    const now = Date.parse('2026-11-22T22:30:00Z');
    expect(localDate(now, 'UTC')).toBe('2026-11-22');
    expect(localDate(now, 'Africa/Nairobi')).toBe('2026-11-23');
    expect(lastDays(1, 'UTC', now)).toEqual({ from: '2026-11-22', to: '2026-11-22' });
    expect(lastDays(7, 'Africa/Nairobi', now)).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(lastDays(30, 'UTC', Date.parse('2026-03-01T10:00:00Z'))).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });
});
