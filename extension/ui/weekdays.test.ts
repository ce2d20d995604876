import { describe, expect, it } from 'vitest';
import { timeZones, weekdays } from './weekdays';

describe('weekdays', () => {
  it('starts on Monday and numbers days the ISO way', () => {
    expect(weekdays('en').map((d) => `${d.day}:${d.name}`)).toEqual([
      '1:Monday',
      '2:Tuesday',
      '3:Wednesday',
      '4:Thursday',
      '5:Friday',
      '6:Saturday',
      '7:Sunday',
    ]);
  });

  it('names days in the UI language', () => {
    expect(weekdays('fa')[0]?.name).toBe('دوشنبه');
  });
});

describe('timeZones', () => {
  it('keeps a zone the list lacks', () => {
    expect(timeZones('UTC')).toContain('UTC');
    expect(timeZones('Asia/Tehran')).toContain('Asia/Tehran');
  });
});
