import { describe, expect, it } from 'vitest';
import type { LocalTemplate } from '../db';
import { fuzzyScore, rankTemplates } from './pick';

const template = (over: Partial<LocalTemplate>): LocalTemplate =>
  ({ id: over.title ?? 't', title: 't', body: '', shortcut: null, lang: null, categories: [], platforms: [], private: false, ...over }) as LocalTemplate;

describe('picker search', () => {
  it('ignores case and accents', () => {
    expect(fuzzyScore('reembolso', 'Política de REEMBOLSO')).toBeGreaterThan(0);
    expect(fuzzyScore('cafe', 'Café com leite')).toBeGreaterThan(0);
  });

  it('finds Persian text typed with Arabic yeh and kaf, and Arabic typed on a Persian keyboard', () => {
    // "ممنون از پیام شما" / "کیفیت" written with Persian ی and ک; searched with Arabic ي and ك.
    expect(fuzzyScore('پيام', 'ممنون از پیام شما')).toBeGreaterThan(0);
    expect(fuzzyScore('كيفيت', 'درباره کیفیت محصول')).toBeGreaterThan(0);
    // Arabic template, Persian keyboard; teh marbuta and heh, tatweel and the zero-width non-joiner ignored.
    expect(fuzzyScore('شکرا', 'شكرا لتواصلك')).toBeGreaterThan(0);
    expect(fuzzyScore('الشركه', 'خدمة عملاء الشركة')).toBeGreaterThan(0);
    expect(fuzzyScore('میخواهم', 'می‌خواهم کمک کنم')).toBeGreaterThan(0);
    expect(fuzzyScore('سـلام', 'سلام دوست من')).toBeGreaterThan(0);
  });

  it('ranks a matching template first and leaves out what does not match', () => {
    const list = [template({ title: 'Shipping times', body: 'Orders ship in 2 days' }), template({ title: 'تشکر', body: 'ممنون از پیام شما 🙏', lang: 'fa' })];
    expect(rankTemplates(list, 'پيام', { platform: 'x', lang: 'fa' }).map((t) => t.title)).toEqual(['تشکر']);
  });
});
