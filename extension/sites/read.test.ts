import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  dirOf,
  itemText,
  langOf,
  parseRelativeTime,
  postedAtFromDatetime,
  postedAtFromLabel,
} from './read';
import { htmlDocument } from './testing';

const NOW = Date.parse('2025-03-10T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function element(html: string): Element {
  return htmlDocument(`<!doctype html><html lang="en"><body><div id="root">${html}</div></body></html>`, 'https://x.com/')
    .getElementById('root')!;
}
const text = (html: string, exclude?: string) => itemText(element(html), exclude ? { exclude } : undefined);
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('itemText', () => {
  it('reads text and emoji images, blocks and <br> as lines', () => {
    expect(text('<span>Great launch </span><img alt="🎉" aria-hidden="true" src="e.svg"><span> thanks</span>')).toBe(
      'Great launch 🎉 thanks',
    );
    expect(text('<p>First   line</p><p>second<br>third</p><div><div>  fourth </div></div>')).toBe(
      'First line\nsecond\nthird\nfourth',
    );
    expect(text('<span>line one\nline two</span>')).toBe('line one\nline two');
    expect(text('<span>Hello\n      <a href="/bob">@bob</a>\n      thanks</span>')).toBe('Hello @bob thanks');
    expect(text('&amp; a&nbsp;b')).toBe('& a b');
  });

  it('drops hidden and screen-reader-only content', () => {
    expect(
      text(
        '<span>Visible</span><span class="sr-only">Visible (screen reader)</span><span class="a11y-hidden">x</span>' +
          '<span class="visually-hidden">y</span><span hidden>z</span><div aria-hidden="true"><img alt="avatar">w</div>' +
          '<span style="position:absolute;width:1px;height:1px;overflow:hidden">v</span><span style="clip: rect(0 0 0 0)">u</span>' +
          '<span style="display: none">t</span><script>s()</script><style>.a{}</style><svg><title>icon</title></svg>' +
          '<template><b>r</b></template><noscript>q</noscript>',
      ),
    ).toBe('Visible');
  });

  it('drops "…more" buttons in many languages, keeps other buttons and links', () => {
    const labels = ['…more', '... more', 'See more', 'Read more', 'Show more', 'ver más', 'voir plus', 'mehr anzeigen',
      'xem thêm', 'عرض المزيد', 'نمایش بیشتر', 'ראה עוד', 'devamını gör', 'lihat selengkapnya', 'zaidi', 'See translation'];
    for (const label of labels) {
      expect(text(`<span>Body</span><div role="button">${label}</div>`), label).toBe('Body');
      expect(text(`<span>Body</span> <button>${label}</button>`), label).toBe('Body');
      expect(text(`<span>Body</span> <span role="link">${label}</span>`), label).toBe('Body');
    }
    expect(text('Tell me more <a href="/more">more</a> <span role="button">#launch</span>')).toBe('Tell me more more #launch');
  });

  it('leaves out what options.exclude matches', () => {
    expect(text('<span>Mine</span><blockquote class="quoted">Quoted post</blockquote>', '.quoted, [data-testid="quote"]')).toBe('Mine');
  });

  it('keeps RTL text and drops bidi controls', () => {
    expect(text('<p dir="rtl">سلام \u200fدنیا\u200f 👋</p>')).toBe('سلام دنیا 👋');
    expect(text('<span>\u2068@user\u2069 שלום</span>')).toBe('@user שלום');
  });

  it('walks 10,000 levels of nesting without overflowing, in linear time', () => {
    const depth = 10_000;
    const root = element('<span>top</span>');
    let parent: Element = root;
    for (let i = 0; i < depth; i++) {
      const child = root.ownerDocument.createElement(i % 3 === 0 ? 'div' : 'span');
      parent.appendChild(child);
      parent = child;
    }
    parent.appendChild(root.ownerDocument.createTextNode('bottom'));
    expect(itemText(root)).toBe('top\nbottom');
  });
});

describe('langOf and dirOf', () => {
  it('takes the nearest attribute, canonical, not the page’s <html lang>', () => {
    const root = element('<article lang="fa-ir" dir="rtl"><div><p id="t">متن</p></div><p id="u" lang="en" dir="auto">x</p></article><p id="none">y</p>');
    const doc = root.ownerDocument;
    expect(langOf(doc.getElementById('t')!)).toBe('fa-IR');
    expect(dirOf(doc.getElementById('t')!)).toBe('rtl');
    expect(langOf(doc.getElementById('u')!)).toBe('en');
    expect(dirOf(doc.getElementById('u')!)).toBeUndefined();
    expect(langOf(doc.getElementById('none')!)).toBeUndefined();
  });

  it('gives undefined for empty, invalid and "no language" tags', () => {
    for (const lang of ['', 'und', 'qme', 'zxx', 'not a tag!']) {
      expect(langOf(element(`<p lang="${lang}">x</p>`).firstElementChild!), lang).toBeUndefined();
    }
  });
});

describe('absoluteUrl', () => {
  const base = new URL('https://www.reddit.com/r/test/');
  it('resolves relative links, https only', () => {
    expect(absoluteUrl('/r/test/comments/abc/', base)).toBe('https://www.reddit.com/r/test/comments/abc/');
    expect(absoluteUrl('https://x.com/a/status/1', base)).toBe('https://x.com/a/status/1');
    expect(absoluteUrl('http://x.com/a', base)).toBeUndefined();
    expect(absoluteUrl('javascript:void(0)', base)).toBeUndefined();
    expect(absoluteUrl('', base)).toBeUndefined();
    expect(absoluteUrl(null, base)).toBeUndefined();
  });
});

describe('postedAtFromDatetime', () => {
  it('reads ISO instants and epoch seconds or milliseconds', () => {
    expect(postedAtFromDatetime('2025-03-03T10:15:00.000Z')).toEqual({ iso: '2025-03-03T10:15:00.000Z', precision: 'exact', source: 'datetime' });
    expect(postedAtFromDatetime('2025-03-03T10:15:00+01:00')?.iso).toBe('2025-03-03T09:15:00.000Z');
    expect(postedAtFromDatetime('1741000000')?.iso).toBe('2025-03-03T11:06:40.000Z');
    expect(postedAtFromDatetime('1741000000000')?.iso).toBe('2025-03-03T11:06:40.000Z');
    expect(postedAtFromDatetime('2025-03-03')).toEqual({ iso: '2025-03-03T00:00:00.000Z', precision: 'day', source: 'datetime' });
  });

  it('rejects what is not a date', () => {
    for (const value of [undefined, null, '', '5h', 'March 3', '0', '2025-13-45T99:99']) {
      expect(postedAtFromDatetime(value), String(value)).toBeUndefined();
    }
  });
});

describe('postedAtFromLabel', () => {
  const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();
  it.each([
    ['March 3, 2025 at 10:15 AM', 'en', local(2025, 3, 3, 10, 15), 'minute'],
    ['10:15 PM · Mar 3, 2025', 'en', local(2025, 3, 3, 22, 15), 'minute'],
    ['Monday, March 3, 2025', 'en-US', local(2025, 3, 3), 'day'],
    ['3 mars 2025', 'fr', local(2025, 3, 3), 'day'],
    ['3 mars 2025 à 10:15', 'fr-FR', local(2025, 3, 3, 10, 15), 'minute'],
    ['3. März 2025', 'de', local(2025, 3, 3), 'day'],
    ['3 de marzo de 2025, 22:15', 'es', local(2025, 3, 3, 22, 15), 'minute'],
    ['3 de março de 2025', 'pt-BR', local(2025, 3, 3), 'day'],
    ['Thứ Hai, 3 tháng 3, 2025', 'vi', local(2025, 3, 3), 'day'],
    ['3 במרץ 2025', 'he', local(2025, 3, 3), 'day'],
    ['۳ مارس ۲۰۲۵', 'fa', local(2025, 3, 3), 'day'],
    ['۳ مارس ۲۰۲۵، ساعت ۱۰:۱۵', 'fa', local(2025, 3, 3, 10, 15), 'minute'],
    ['٣ مارس ٢٠٢٥ ١٠:١٥ م', 'ar', local(2025, 3, 3, 22, 15), 'minute'],
    ['3 آذار 2025', 'ar', local(2025, 3, 3), 'day'],
    ['3 Mart 2025', 'tr', local(2025, 3, 3), 'day'],
    ['3 Maret 2025', 'id', local(2025, 3, 3), 'day'],
    ['3 Machi 2025', 'sw', local(2025, 3, 3), 'day'],
    ['2025年3月3日', 'ja', local(2025, 3, 3), 'day'],
    ['3/4/2025', 'en-US', local(2025, 3, 4), 'day'],
    ['3/4/2025', 'en-GB', local(2025, 4, 3), 'day'],
    ['2025-03-03 10:15', 'sv', local(2025, 3, 3, 10, 15), 'minute'],
  ])('%s (%s)', (label, lang, iso, precision) => {
    expect(postedAtFromLabel(label, lang, NOW)).toEqual({ iso, precision, source: 'label' });
  });

  it('takes the latest matching date when the year is missing', () => {
    expect(postedAtFromLabel('Mar 3', 'en', NOW)?.iso).toBe(local(2025, 3, 3));
    expect(postedAtFromLabel('Dec 24', 'en', NOW)?.iso).toBe(local(2024, 12, 24));
  });

  it('gives undefined when there is no date', () => {
    for (const label of ['', '5 hours ago', 'Reply', 'February 30, 2025', 'Like 3']) {
      expect(postedAtFromLabel(label, 'en', NOW), label).toBeUndefined();
      expect(postedAtFromLabel(label, '', NOW), label).toBeUndefined();
    }
  });
});

describe('parseRelativeTime', () => {
  it.each([
    ['5h', 'en', 5 * HOUR, 'hour'],
    ['2d', 'en', 2 * DAY, 'day'],
    ['3w', 'en', 21 * DAY, 'week'],
    ['10m', 'en', 10 * 60_000, 'minute'],
    ['45s', 'en', 45_000, 'minute'],
    ['5h ago', 'en', 5 * HOUR, 'hour'],
    ['5 hours ago', 'en', 5 * HOUR, 'hour'],
    ['an hour ago', 'en', HOUR, 'hour'],
    ['2 days ago (edited)', 'en', 2 * DAY, 'day'],
    ['5h • Edited', 'en', 5 * HOUR, 'hour'],
    ['hace 5 horas', 'es', 5 * HOUR, 'hour'],
    ['hace un día', 'es', DAY, 'day'],
    ['5 h', 'es', 5 * HOUR, 'hour'],
    ['il y a 5 h', 'fr', 5 * HOUR, 'hour'],
    ['il y a une heure', 'fr', HOUR, 'hour'],
    ['5 j', 'fr', 5 * DAY, 'day'],
    ['vor 5 Std.', 'de', 5 * HOUR, 'hour'],
    ['vor 5 Stunden', 'de', 5 * HOUR, 'hour'],
    ['vor einem Tag', 'de', DAY, 'day'],
    ['5 Std.', 'de', 5 * HOUR, 'hour'],
    ['há 5 horas', 'pt', 5 * HOUR, 'hour'],
    ['5 giờ trước', 'vi', 5 * HOUR, 'hour'],
    ['5 giờ', 'vi', 5 * HOUR, 'hour'],
    ['לפני 5 שעות', 'he', 5 * HOUR, 'hour'],
    ['לפני שעה', 'he', HOUR, 'hour'],
    ['לפני שעתיים', 'he', 2 * HOUR, 'hour'],
    ['۵ ساعت پیش', 'fa', 5 * HOUR, 'hour'],
    ['5 ساعت پیش', 'fa', 5 * HOUR, 'hour'],
    ['۵ ساعت', 'fa', 5 * HOUR, 'hour'],
    ['منذ 5 ساعات', 'ar', 5 * HOUR, 'hour'],
    ['منذ ٥ ساعات', 'ar', 5 * HOUR, 'hour'],
    ['منذ ساعة', 'ar', HOUR, 'hour'],
    ['منذ ساعتين', 'ar', 2 * HOUR, 'hour'],
    ['قبل 5 ساعات', 'ar', 5 * HOUR, 'hour'],
    ['5 س', 'ar', 5 * HOUR, 'hour'],
    ['saa 5 zilizopita', 'sw', 5 * HOUR, 'hour'],
    ['masaa 5 yaliyopita', 'sw', 5 * HOUR, 'hour'],
    ['siku 2 zilizopita', 'sw', 2 * DAY, 'day'],
    ['5 saat önce', 'tr', 5 * HOUR, 'hour'],
    ['5 sa', 'tr', 5 * HOUR, 'hour'],
    ['5 jam yang lalu', 'id', 5 * HOUR, 'hour'],
    ['5 jam lalu', 'id', 5 * HOUR, 'hour'],
    ['5 j', 'id', 5 * HOUR, 'hour'],
  ])('%s (%s)', (input, lang, amount, precision) => {
    expect(parseRelativeTime(input, lang, NOW)).toEqual({ iso: ago(amount), precision, source: 'relative' });
  });

  it('subtracts months and years on the calendar', () => {
    expect(parseRelativeTime('1mo', 'en', NOW)).toEqual({ iso: '2025-02-10T12:00:00.000Z', precision: 'month', source: 'relative' });
    expect(parseRelativeTime('1y', 'en', NOW)).toEqual({ iso: '2024-03-10T12:00:00.000Z', precision: 'year', source: 'relative' });
    expect(parseRelativeTime('2 years ago', 'en', NOW)?.iso).toBe('2023-03-10T12:00:00.000Z');
    expect(parseRelativeTime('miaka 2 iliyopita', 'sw', NOW)?.iso).toBe('2023-03-10T12:00:00.000Z');
  });

  it.each(['just now', 'now', 'ahora', 'à l’instant', "à l'instant", 'gerade eben', 'agora', 'vừa xong', 'עכשיו', 'همین الان',
    'الآن', 'sasa hivi', 'şimdi', 'baru saja', 'Just now (edited)'])('"%s" is now', (input) => {
    expect(parseRelativeTime(input, '', NOW)).toEqual({ iso: ago(0), precision: 'minute', source: 'relative' });
  });

  it.each(['Yesterday', 'ayer', 'hier', 'gestern', 'ontem', 'hôm qua', 'אתמול', 'دیروز', 'أمس', 'jana', 'dün', 'kemarin'])(
    '"%s" is a day ago',
    (input) => {
      expect(parseRelativeTime(input, '', NOW)).toEqual({ iso: ago(DAY), precision: 'day', source: 'relative' });
    },
  );

  it.each([
    ['', 'en'], ['Reply', 'en'], ['5', 'en'], ['h', 'en'], ['5 likes', 'en'], ['5 hours of video', 'en'], ['2h 5m', 'en'],
    ['March 3', 'en'], ['5 j', 'en'], ['5 j', ''], ['Share', 'fr'], ['il y a', 'fr'], ['5 hours from now', 'en'],
  ])('"%s" (%s) is not a relative time', (input, lang) => {
    expect(parseRelativeTime(input, lang, NOW)).toBeUndefined();
  });
});
