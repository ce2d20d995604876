import { describe, expect, it } from 'vitest';
import { adapter } from './x';
import { expectAdapterBasics, loadSnapshot, readAll, readContext } from './testing';

const NOW = Date.parse('2026-11-22T05:30:00Z');
const THREAD_URL = 'https://x.com/ChorusCoffee/status/1992143000000000001';
const thread = () => loadSnapshot('extension/sites/snapshots/x/status-thread.html', THREAD_URL);
const feed = () => loadSnapshot('extension/sites/snapshots/x/home-feed.html', 'https://x.com/home');
const exact = (iso: string) => ({ iso, precision: 'exact', source: 'datetime' });
const TEXT = '[data-testid="tweetText"]';

describe('x adapter: matches', () => {
  it('serves x.com and its subdomains over https only', () => {
    expect(adapter.matches(new URL('https://x.com/home'))).toBe(true);
    expect(adapter.matches(new URL('https://mobile.x.com/home'))).toBe(true);
    expect(adapter.matches(new URL('http://x.com/home'))).toBe(false);
    expect(adapter.matches(new URL('https://notx.com/home'))).toBe(false);
    expect(adapter.matches(new URL('https://bsky.app/'))).toBe(false);
  });
});

describe('x adapter: post page', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, thread(), NOW);
  });

  it('reads the post and its replies; the quoted post, "Show more", the ad and the tombstone stay out', () => {
    expect(readAll(adapter, thread(), NOW)).toEqual([
      {
        itemKey: 'x:1992143000000000001',
        kind: 'post',
        author: { handle: 'ChorusCoffee', name: 'Chorus Coffee' },
        text: 'Our winter menu is here ❄️ Cardamom latte, hazelnut mocha and a new oat cortado. Tell us which one you want first!',
        postedAt: exact('2026-11-22T01:10:00.000Z'),
        url: THREAD_URL,
        lang: 'en',
        dir: 'ltr',
      },
      {
        itemKey: 'x:1992150000000000002',
        kind: 'reply',
        author: { handle: 'mariagarcia_ba', name: 'María García 🌻' },
        text: '¡El latte de cardamomo, sin duda! 😍 ¿Lo van a tener también en el local de Palermo o solo en Recoleta? Pregunto porque el domingo pasado fui y no estaba en la carta…',
        postedAt: exact('2026-11-22T03:02:41.000Z'),
        url: 'https://x.com/mariagarcia_ba/status/1992150000000000002',
        lang: 'es',
        dir: 'ltr',
      },
      {
        itemKey: 'x:1992155000000000003',
        kind: 'reply',
        author: { handle: 'sara_tehran', name: 'سارا رضایی' },
        text: 'سفارش من از دیروز هنوز نرسیده. لطفاً پیگیری کنید 🙏',
        postedAt: exact('2026-11-22T04:20:05.000Z'),
        url: 'https://x.com/sara_tehran/status/1992155000000000003',
        lang: 'fa',
        dir: 'rtl',
      },
    ]);
  });

  it('finds no promoted post (no time, no permalink) and no tombstone', () => {
    const doc = thread();
    expect(doc.querySelectorAll('article[data-testid="tweet"]')).toHaveLength(4);
    expect(adapter.findItems(doc)).toHaveLength(3);
    const ad = Array.from(doc.querySelectorAll('article')).find((a) => a.textContent?.includes('Bean Brand'))!;
    expect(adapter.readItem(ad, readContext(doc, NOW))).toBeUndefined();
  });

  it('finds the root itself when it is an item', () => {
    const article = thread().querySelector('article[data-testid="tweet"]')!;
    expect(adapter.findItems(article)).toEqual([article]);
  });

  it('puts badges in the action bar, outside the text', () => {
    const doc = thread();
    for (const element of adapter.findItems(doc)) {
      const slot = adapter.badgeSlot(element)!;
      expect(slot.parent.getAttribute('role')).toBe('group');
      expect(slot.parent.closest('div[role="link"]')).toBeNull();
      expect(element.querySelector(TEXT)!.contains(slot.parent)).toBe(false);
    }
  });

  it('finds the signed-in account and the reply box', () => {
    const doc = thread();
    expect(adapter.account(doc)).toBe('ChorusCoffee');
    expect(adapter.composers(doc).map((el) => el.getAttribute('data-testid'))).toEqual(['tweetTextarea_0']);
  });

  it('falls back to the profile link for the account', () => {
    const doc = thread();
    doc.querySelector('[data-testid="SideNav_AccountSwitcher_Button"]')!.remove();
    expect(adapter.account(doc)).toBe('ChorusCoffee');
    doc.querySelector('[data-testid="AppTabBar_Profile_Link"]')!.remove();
    expect(adapter.account(doc)).toBeUndefined();
  });
});

describe('x adapter: home timeline', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, feed(), NOW);
  });

  it('reads posts in Vietnamese (mention inline, emoji), Swahili (repost, "Show more") and Arabic', () => {
    const items = readAll(adapter, feed(), NOW);
    expect(items.map((item) => [item.itemKey, item.kind, item.author.handle, item.lang, item.dir])).toEqual([
      ['x:1992160000000000011', 'post', 'linh_nguyen', 'vi', 'ltr'],
      ['x:1991800000000000013', 'post', 'wanjiku_m', 'sw', 'ltr'],
      ['x:1992120000000000015', 'post', 'omar_k', 'ar', 'rtl'],
    ]);
    expect(items[0]!.text).toBe('Cà phê muối ở @ChorusCoffee ngon tuyệt vời, nhưng khi nào có chi nhánh ở Hà Nội vậy? 😂☕');
    expect(items[1]!.text).not.toMatch(/Show more|reposted/);
    expect(items[1]!.author.name).toBe('Wanjiku Mwangi');
    expect(items[2]!.text).toBe('هل يوجد خيار حليب الشوفان في جميع الفروع؟');
    expect(items.some((item) => item.text.includes('Bean Brand'))).toBe(false);
  });

  it('finds the home composer and the account', () => {
    const doc = feed();
    expect(adapter.composers(doc)).toHaveLength(1);
    expect(adapter.account(doc)).toBe('ChorusCoffee');
  });

  it('marks items on the notifications page as mentions', () => {
    const doc = feed();
    const context = { ...readContext(doc, NOW), pageUrl: new URL('https://x.com/notifications/mentions') };
    expect(adapter.readItem(adapter.findItems(doc)[0]!, context)?.kind).toBe('mention');
  });
});

describe('x adapter: hostile and odd markup', () => {
  const context = (doc: Document) => readContext(doc, NOW);

  it('does not throw without time, author links or text', () => {
    const doc = thread();
    const articles = Array.from(doc.querySelectorAll('article[data-testid="tweet"]'));
    doc.querySelectorAll('[data-testid="User-Name"] a[href]:not([href*="/status/"])').forEach((a) => a.remove());
    doc.querySelectorAll(TEXT).forEach((el) => el.replaceChildren());
    const items = articles.map((el) => adapter.readItem(el, context(doc)));
    expect(items[1]).toMatchObject({ itemKey: 'x:1992150000000000002', text: '', author: { handle: 'mariagarcia_ba' } });
    doc.querySelectorAll('time').forEach((time) => time.remove());
    expect(adapter.findItems(doc)).toEqual([]);
    for (const el of articles) expect(adapter.readItem(el, context(doc))).toBeUndefined();
    expect(() => articles.map((el) => adapter.badgeSlot(el))).not.toThrow();
  });

  it('reads script, onerror images and javascript: links as inert text, never as a url', () => {
    const doc = thread();
    const [, reply] = adapter.findItems(doc);
    const text = reply!.querySelector(TEXT)!;
    text.innerHTML = 'Hi <img src=x onerror="alert(1)"><script>alert(2)</script> <a href="javascript:alert(3)">click</a>';
    const item = adapter.readItem(reply!, context(doc))!;
    expect(item.text).toBe('Hi click');
    expect(item.url).toBe('https://x.com/mariagarcia_ba/status/1992150000000000002');
    reply!.querySelector('time')!.closest('a')!.setAttribute('href', 'javascript:alert(4)//x.com/a/status/1');
    expect(adapter.readItem(reply!, context(doc))).toBeUndefined();
  });

  it('reports duplicated posts twice with the same key (the overlay keys on itemKey)', () => {
    const doc = thread();
    const [first] = adapter.findItems(doc);
    first!.parentElement!.append(first!.cloneNode(true));
    const keys = readAll(adapter, doc, NOW).map((item) => item.itemKey);
    expect(keys.filter((key) => key === 'x:1992143000000000001')).toHaveLength(2);
  });

  it('reads a 1 MB post', () => {
    const doc = thread();
    const [, reply] = adapter.findItems(doc);
    reply!.querySelector(TEXT)!.textContent = 'ñ'.repeat(1_000_000);
    const item = adapter.readItem(reply!, context(doc))!;
    expect(item.text).toHaveLength(1_000_000);
  });
});
