/** ISO weekdays (1 = Monday … 7 = Sunday) with their names in `locale`, Monday first. */
export function weekdays(locale: string, width: 'long' | 'short' = 'long'): { day: number; name: string }[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, name: format.format(Date.UTC(2024, 0, day)) }));
}

/** The IANA time zones this browser knows, with `current` included even if it is not listed ("UTC"). */
export function timeZones(current?: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}
