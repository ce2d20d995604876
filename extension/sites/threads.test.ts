import { describe, expect, it } from 'vitest';
import { adapter } from './threads';
import { expectAdapterBasics, loadSnapshot, readAll, readContext } from './testing';

const NOW = Date.parse('2026-11-22T05:30:00Z');
const THREAD_URL = 'https://www.threads.com/@choruscoffee/post/DC4kQm9yZ1a';
const thread = () => loadSnapshot('extension/sites/snapshots/threads/post-thread.html', THREAD_URL);
const feed = () => loadSnapshot('extension/sites/snapshots/threads/home-feed.html', 'https://www.threads.net/');
const exact = (iso: string) => ({ iso, precision: 'exact', source: 'datetime' });
const ITEM = 'div[data-pressable-container="true"]';

describe('threads adapter: matches', () => {
  it('serves threads.net and threads.com over https only', () => {
    expect(adapter.matches(new URL('https://www.threads.net/'))).toBe(true);
    expect(adapter.matches(new URL('https://threads.com/@a'))).toBe(true);
    expect(adapter.matches(new URL('https://www.threads.com/'))).toBe(true);
    expect(adapter.matches(new URL('http://www.threads.net/'))).toBe(false);
    expect(adapter.matches(new URL('https://threads.org/'))).toBe(false);
  });
});

describe('threads adapter: post page', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, thread(), NOW);
  });

  it('reads the post and its replies; Translate, the removed reply and "View more replies" stay out', () => {
    expect(readAll(adapter, thread(), NOW)).toEqual([
      {
        itemKey: 'threads:DC4kQm9yZ1a',
        kind: 'post',
        author: { handle: 'choruscoffee' },
        text: 'Winter menu drops today ❄️ Cardamom latte or hazelnut mocha, which one first?',
        postedAt: exact('2026-11-22T01:10:00.000Z'),
        url: THREAD_URL,
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'threads:DC4nR2abCdE',
        kind: 'reply',
        author: { handle: 'lucia.fdz' },
        text: '¡El de cardamomo! ¿Lo tendrán también en Madrid? 😍',
        postedAt: exact('2026-11-22T03:02:41.000Z'),
        url: 'https://www.threads.com/@lucia.fdz/post/DC4nR2abCdE',
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'threads:DC4pX8fGhIj',
        kind: 'reply',
        author: { handle: 'sara.rezaei' },
        text: 'سفارش من هنوز نرسیده.\nلطفاً پیگیری کنید 🙏',
        postedAt: exact('2026-11-22T04:20:05.000Z'),
        url: 'https://www.threads.com/@sara.rezaei/post/DC4pX8fGhIj',
        lang: undefined,
        dir: 'rtl',
      },
    ]);
  });

  it('skips the removed reply (no permalink)', () => {
    const doc = thread();
    expect(doc.querySelectorAll(ITEM)).toHaveLength(4);
    expect(adapter.findItems(doc)).toHaveLength(3);
    expect(adapter.readItem(doc.querySelectorAll(ITEM)[3]!, readContext(doc, NOW))).toBeUndefined();
  });

  it('puts badges in the author line right after the time, outside the text', () => {
    const doc = thread();
    for (const element of adapter.findItems(doc)) {
      const slot = adapter.badgeSlot(element)!;
      expect(slot.parent.querySelector('time')).not.toBeNull();
      expect(slot.parent.querySelector('span[dir="auto"] > span')?.textContent).not.toMatch(/Winter|cardamomo|سفارش/);
      expect(slot.parent.contains(element.querySelector('.x1a6qonq'))).toBe(false);
    }
  });

  it('finds the signed-in account and the reply box', () => {
    const doc = thread();
    expect(adapter.account(doc)).toBe('choruscoffee');
    expect(adapter.composers(doc).map((el) => el.getAttribute('data-lexical-editor'))).toEqual(['true']);
  });
});

describe('threads adapter: home feed', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, feed(), NOW);
  });

  it('reads Vietnamese (quoting the brand), Hebrew and Swahili posts; the quote and the ad are not items', () => {
    const items = readAll(adapter, feed(), NOW);
    expect(items.map((item) => [item.itemKey, item.kind, item.author.handle, item.dir, item.url])).toEqual([
      ['threads:DC4rT5uVwXy', 'post', 'linh.nguyen', 'ltr', 'https://www.threads.net/@linh.nguyen/post/DC4rT5uVwXy'],
      ['threads:DC3zA1bCdEf', 'post', 'noa.cohen', 'rtl', 'https://www.threads.net/@noa.cohen/post/DC3zA1bCdEf'],
      ['threads:DC2yB2cDeFg', 'post', 'amani.otieno', 'ltr', 'https://www.threads.net/@amani.otieno/post/DC2yB2cDeFg'],
    ]);
    expect(items[0]!.text).toBe('Cà phê muối ở Chorus ngon tuyệt vời! Khi nào có chi nhánh ở Hà Nội vậy? 😂');
    expect(items[1]!.text).toBe('האם הסניף בתל אביב פתוח בשבת? 🤔');
    expect(items.map((item) => item.text).join()).not.toMatch(/Winter menu|Bean Brand|Translate|Sponsored/);
  });

  it('marks items on the activity page as mentions', () => {
    const doc = feed();
    const context = { ...readContext(doc, NOW), pageUrl: new URL('https://www.threads.net/activity') };
    expect(adapter.readItem(adapter.findItems(doc)[0]!, context)?.kind).toBe('mention');
  });
});

describe('threads adapter: hostile and odd markup', () => {
  const context = (doc: Document) => readContext(doc, NOW);
  const textOf = (el: Element) => el.querySelector('.x1a6qonq > span[dir="auto"]')!;

  it('does not throw without time, author links or text', () => {
    const doc = thread();
    const posts = adapter.findItems(doc);
    doc.querySelectorAll('a[href^="/@"]:not([href*="/post/"])').forEach((a) => a.remove());
    posts.forEach((post) => textOf(post).replaceChildren());
    expect(adapter.readItem(posts[1]!, context(doc))).toMatchObject({ itemKey: 'threads:DC4nR2abCdE', author: { handle: 'lucia.fdz' } });
    doc.querySelectorAll('time').forEach((time) => time.remove());
    expect(adapter.findItems(doc)).toEqual([]);
    for (const post of posts) expect(adapter.readItem(post, context(doc))).toBeUndefined();
    expect(() => posts.map((post) => adapter.badgeSlot(post))).not.toThrow();
  });

  it('reads script, onerror images and javascript: links as inert text, never as a url', () => {
    const doc = thread();
    const [, reply] = adapter.findItems(doc);
    textOf(reply!).innerHTML = 'Hi <img src=x onerror="alert(1)"><script>alert(2)</script> <b>click</b>';
    const item = adapter.readItem(reply!, context(doc))!;
    expect(item.text).toBe('Hi click');
    expect(item.url).toBe('https://www.threads.com/@lucia.fdz/post/DC4nR2abCdE');
    reply!.querySelector('time')!.closest('a')!.setAttribute('href', 'javascript:alert(4)//@a/post/x');
    expect(adapter.readItem(reply!, context(doc))).toBeUndefined();
  });

  it('reports duplicated posts twice with the same key (the overlay keys on itemKey)', () => {
    const doc = feed();
    const [first] = adapter.findItems(doc);
    first!.parentElement!.append(first!.cloneNode(true));
    const keys = readAll(adapter, doc, NOW).map((item) => item.itemKey);
    expect(keys.filter((key) => key === 'threads:DC4rT5uVwXy')).toHaveLength(2);
  });

  it('reads a 1 MB post', () => {
    const doc = thread();
    const [, reply] = adapter.findItems(doc);
    textOf(reply!).textContent = 'x'.repeat(1_000_000);
    expect(adapter.readItem(reply!, context(doc))!.text).toHaveLength(1_000_000);
  });
});
