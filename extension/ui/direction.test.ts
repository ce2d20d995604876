import { describe, expect, it } from 'vitest';
import { textDirection } from './direction';

describe('textDirection', () => {
  it('is rtl for Hebrew, Persian, Arabic and Urdu, with or without a region', () => {
    for (const tag of ['he', 'fa', 'fa-IR', 'ar', 'ar_EG', 'ur', 'iw']) expect(textDirection(tag)).toBe('rtl');
  });

  it('is ltr for the others', () => {
    for (const tag of ['en', 'en-US', 'es', 'vi', 'sw', '']) expect(textDirection(tag)).toBe('ltr');
  });
});
