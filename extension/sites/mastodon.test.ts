import { describe, expect, it } from 'vitest';
import { adapter } from './mastodon';
import { expectAdapterBasics, loadSnapshot, readAll, readContext } from './testing';

const NOW = Date.parse('2026-11-22T05:30:00Z');
const THREAD_URL = 'https://mastodon.social/@choruscoffee/113541200000000001';
const thread = () => loadSnapshot('extension/sites/snapshots/mastodon/status-thread.html', THREAD_URL);
const feed = () => loadSnapshot('extension/sites/snapshots/mastodon/home-feed.html', 'https://masto.es/home');
const exact = (iso: string) => ({ iso, precision: 'exact', source: 'datetime' });
const TEXT = '.status__content__text';

describe('mastodon adapter: matches', () => {
  it('serves any https page (the content script only runs on granted instances)', () => {
    expect(adapter.matches(new URL('https://mastodon.social/home'))).toBe(true);
    expect(adapter.matches(new URL('https://masto.es/@a/1'))).toBe(true);
    expect(adapter.matches(new URL('http://mastodon.social/home'))).toBe(false);
  });
});

describe('mastodon adapter: status page', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, thread(), NOW);
  });

  it('reads the ancestor, the focused status and the replies; the quote, "Read more" and the filtered reply stay out', () => {
    expect(readAll(adapter, thread(), NOW)).toEqual([
      {
        itemKey: 'mastodon:mastodon.social/113540900000000010',
        kind: 'reply',
        author: { handle: 'danlevi@tooot.im', name: 'דן לוי' },
        text: 'האם הסניף בתל אביב פתוח בשבת? 🤔',
        postedAt: exact('2026-11-21T23:40:00.000Z'),
        url: 'https://mastodon.social/@danlevi@tooot.im/113540900000000010',
        lang: 'he',
        dir: 'rtl',
      },
      {
        itemKey: 'mastodon:mastodon.social/113541200000000001',
        kind: 'post',
        author: { handle: 'choruscoffee', name: 'Chorus Coffee :coffee_bean:' },
        text: 'Winter menu is here ❄️ and yes, Tel Aviv opens Saturdays from 10:00.\nhttps://choruscoffee.example/winter',
        // The focused status shows a react-intl date, no <time>: read as a label in local time.
        postedAt: { iso: new Date(2026, 10, 22, 1, 10).toISOString(), precision: 'minute', source: 'label' },
        url: THREAD_URL,
        lang: 'en',
        dir: 'ltr',
      },
      {
        itemKey: 'mastodon:mastodon.social/113541500000000020',
        kind: 'reply',
        author: { handle: 'sara@persian.social', name: 'سارا رضایی' },
        text: '@choruscoffee سفارش من هنوز نرسیده. لطفاً پیگیری کنید 🙏',
        postedAt: exact('2026-11-22T04:20:05.000Z'),
        url: 'https://mastodon.social/@sara@persian.social/113541500000000020',
        lang: 'fa',
        dir: 'rtl',
      },
      {
        itemKey: 'mastodon:mastodon.social/113541300000000030',
        kind: 'reply',
        author: { handle: 'lucia', name: 'Lucía Fernández' },
        text: '@choruscoffee ¿Y tienen leche sin lactosa? La última vez en Madrid solo había bebida de avena los fines de semana.\nSería ideal poder pedirla cualquier día.',
        postedAt: exact('2026-11-22T03:02:41.000Z'),
        url: 'https://mastodon.social/@lucia/113541300000000030',
        lang: 'es',
        dir: 'ltr',
      },
    ]);
  });

  it('does not find the quoted status or the filtered placeholder', () => {
    const doc = thread();
    expect(doc.querySelectorAll('.status[data-id]')).toHaveLength(4);
    expect(adapter.findItems(doc)).toHaveLength(4);
    expect(adapter.findItems(doc).some((el) => el.matches('.status--is-quote'))).toBe(false);
  });

  it('puts badges in the action bar, outside the text', () => {
    const doc = thread();
    for (const element of adapter.findItems(doc)) {
      const slot = adapter.badgeSlot(element)!;
      expect(slot.parent.matches('.status__action-bar, .detailed-status__action-bar')).toBe(true);
      expect(element.querySelector(TEXT)!.contains(slot.parent)).toBe(false);
    }
  });

  it('finds the signed-in account and the compose form', () => {
    const doc = thread();
    expect(adapter.account(doc)).toBe('choruscoffee');
    expect(adapter.composers(doc).map((el) => el.localName)).toEqual(['textarea']);
  });

  it("the compose form answers the status its reply indicator shows; a new post's form none", () => {
    const doc = thread();
    const [box] = adapter.composers(doc);
    const answered = adapter.answers!(box!, adapter.findItems(doc));
    const item = adapter.readItem(answered!, readContext(doc, NOW));
    expect(item?.author.handle).toBe('sara@persian.social');
    expect(item?.text).toContain('سفارش من هنوز نرسیده');
    doc.querySelector('.reply-indicator')!.remove();
    expect(adapter.answers!(box!, adapter.findItems(doc))).toBeUndefined();
  });
});

describe('mastodon adapter: home timeline on a Spanish instance', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, feed(), NOW);
  });

  it('reads a Spanish post, a boosted Vietnamese post (original author) and an Arabic post', () => {
    const items = readAll(adapter, feed(), NOW);
    expect(items.map((item) => [item.itemKey, item.kind, item.author.handle, item.lang, item.url])).toEqual([
      ['mastodon:masto.es/113541600000000100', 'post', 'pabloruiz', 'es', 'https://masto.es/@pabloruiz/113541600000000100'],
      ['mastodon:masto.es/113539000000000300', 'post', 'minh@mastodon.social', 'vi', 'https://masto.es/@minh@mastodon.social/113539000000000300'],
      ['mastodon:masto.es/113541000000000500', 'post', 'layla@mastodon.online', 'ar', 'https://masto.es/@layla@mastodon.online/113541000000000500'],
    ]);
    expect(items.map((item) => item.text)).toEqual([
      '@chorus_es ¿Hacéis envíos a Canarias? ☕',
      'Cà phê muối của Chorus ngon lắm 😋',
      'متى يفتح فرعكم الجديد في دبي؟',
    ]);
    expect(items[1]!.author.name).toBe('Trần Minh');
    expect(items.map((item) => item.dir)).toEqual(['ltr', 'ltr', 'rtl']);
  });

  it('finds the account and the composer', () => {
    const doc = feed();
    expect(adapter.account(doc)).toBe('chorus_es');
    expect(adapter.composers(doc)).toHaveLength(1);
  });

  it('marks items on the notifications page as mentions', () => {
    const doc = feed();
    const context = { ...readContext(doc, NOW), pageUrl: new URL('https://masto.es/notifications') };
    expect(adapter.readItem(adapter.findItems(doc)[0]!, context)?.kind).toBe('mention');
  });
});

describe('mastodon adapter: hostile and odd markup', () => {
  const context = (doc: Document) => readContext(doc, NOW);

  it('does not throw without time, author links or text', () => {
    const doc = thread();
    const statuses = adapter.findItems(doc);
    doc.querySelectorAll('time').forEach((time) => time.remove());
    doc.querySelectorAll(TEXT).forEach((el) => el.replaceChildren());
    expect(adapter.readItem(statuses[2]!, context(doc))).toMatchObject({
      itemKey: 'mastodon:mastodon.social/113541500000000020',
      text: '',
      postedAt: undefined,
    });
    doc.querySelectorAll('a.status__display-name, a.detailed-status__display-name').forEach((a) => a.remove());
    for (const status of statuses) expect(adapter.readItem(status, context(doc))).toBeUndefined();
    expect(() => statuses.map((status) => adapter.badgeSlot(status))).not.toThrow();
  });

  it('reads script, onerror images and javascript: links as inert text, never as a url', () => {
    const doc = feed();
    const [first] = adapter.findItems(doc);
    first!.querySelector(TEXT)!.innerHTML =
      '<p>Hi <img src=x onerror="alert(1)"><script>alert(2)</script> <a href="javascript:alert(3)">click</a></p>';
    const item = adapter.readItem(first!, context(doc))!;
    expect(item.text).toBe('Hi click');
    first!.querySelector('a.status__display-name')!.setAttribute('href', 'javascript:alert(4)');
    expect(adapter.readItem(first!, context(doc))).toBeUndefined();
  });

  it('reports duplicated statuses twice with the same key (the overlay keys on itemKey)', () => {
    const doc = feed();
    const [first] = adapter.findItems(doc);
    first!.closest('article')!.after(first!.closest('article')!.cloneNode(true));
    const keys = readAll(adapter, doc, NOW).map((item) => item.itemKey);
    expect(keys.filter((key) => key === 'mastodon:masto.es/113541600000000100')).toHaveLength(2);
  });

  it('reads a 1 MB status', () => {
    const doc = feed();
    const [first] = adapter.findItems(doc);
    first!.querySelector(TEXT)!.textContent = 'a'.repeat(1_000_000);
    expect(adapter.readItem(first!, context(doc))!.text).toHaveLength(1_000_000);
  });
});
