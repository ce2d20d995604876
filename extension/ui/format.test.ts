import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, languageName, lastDays, localDate } from './format';

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
