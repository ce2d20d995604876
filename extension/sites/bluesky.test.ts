import { describe, expect, it } from 'vitest';
import { adapter } from './bluesky';
import { expectAdapterBasics, loadSnapshot, readAll, readContext } from './testing';

const NOW = Date.parse('2026-11-22T05:30:00Z');
const THREAD_URL = 'https://bsky.app/profile/choruscoffee.bsky.social/post/3mcfq2x7kzs2a';
const thread = () => loadSnapshot('extension/sites/snapshots/bluesky/post-thread.html', THREAD_URL);
const feed = () => loadSnapshot('extension/sites/snapshots/bluesky/home-feed.html', 'https://bsky.app/');
/** Bluesky writes the absolute date in the reader's local time: "Nov 22, 2026 at 3:02 AM". */
const label = (month: number, day: number, hour: number, minute: number) => ({
  iso: new Date(2026, month - 1, day, hour, minute).toISOString(),
  precision: 'minute',
  source: 'label',
});
const TEXT = '[data-testid="postText"]';

describe('bluesky adapter: matches', () => {
  it('serves bsky.app over https only', () => {
    expect(adapter.matches(new URL('https://bsky.app/'))).toBe(true);
    expect(adapter.matches(new URL('https://main.bsky.app/'))).toBe(true);
    expect(adapter.matches(new URL('http://bsky.app/'))).toBe(false);
    expect(adapter.matches(new URL('https://notbsky.app/'))).toBe(false);
  });
});

describe('bluesky adapter: thread', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, thread(), NOW);
  });

  it('reads the parent, the anchor post (key from the page) and the replies; the quote stays out', () => {
    expect(readAll(adapter, thread(), NOW)).toEqual([
      {
        itemKey: 'bluesky:3mcfp7lq2ab2k',
        kind: 'reply',
        author: { handle: 'noa.bsky.social', name: 'נועה כהן' },
        text: 'מישהו יודע אם בית הקפה בתל אביב פתוח בשבת? 🤔',
        postedAt: label(11, 21, 23, 40),
        url: 'https://bsky.app/profile/noa.bsky.social/post/3mcfp7lq2ab2k',
        lang: undefined,
        dir: 'rtl',
      },
      {
        itemKey: 'bluesky:3mcfq2x7kzs2a',
        kind: 'post',
        author: { handle: 'choruscoffee.bsky.social', name: 'Chorus Coffee' },
        text: 'Replying to everyone asking: yes, Tel Aviv opens Saturdays from 10:00 ☕ See you there!',
        postedAt: label(11, 22, 1, 10),
        url: THREAD_URL,
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'bluesky:3mcfr4tzw6c2x',
        kind: 'reply',
        author: { handle: 'lucia.bsky.social', name: 'Lucía Fernández' },
        text: '¡Genial! ¿Y tienen opciones sin lactosa? Mi pareja no puede tomar leche y la última vez en Madrid nos dijeron que solo había bebida de avena los fines de semana. Sería ideal poder pedirla cualquier día, la verdad.',
        postedAt: label(11, 22, 3, 2),
        url: 'https://bsky.app/profile/lucia.bsky.social/post/3mcfr4tzw6c2x',
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'bluesky:3mcfs2kq5hd2y',
        kind: 'reply',
        author: { handle: 'reza.bsky.social', name: 'رضا احمدی' },
        text: 'قهوه امروز صبح خیلی سرد بود. لطفاً بررسی کنید.',
        postedAt: label(11, 22, 4, 50),
        url: 'https://bsky.app/profile/reza.bsky.social/post/3mcfs2kq5hd2y',
        lang: undefined,
        dir: 'rtl',
      },
    ]);
  });

  it('skips the reply hidden by moderation and the deleted parent', () => {
    const doc = thread();
    expect(doc.querySelectorAll('[data-testid^="postThreadItem-by-"]')).toHaveLength(5);
    expect(adapter.findItems(doc)).toHaveLength(4);
    const hidden = doc.querySelector('[data-testid="postThreadItem-by-spammy.bsky.social"]')!;
    expect(adapter.readItem(hidden, readContext(doc, NOW))).toBeUndefined();
  });

  it('keeps the anchor post whole when the quote nests its links (as React builds it)', () => {
    const doc = thread();
    const quote = doc.querySelector('a[title^="Post by "]')!;
    for (const href of ['/profile/noa.bsky.social', '/profile/noa.bsky.social/post/3mcfp7lq2ab2k']) {
      const link = doc.createElement('a');
      link.setAttribute('href', href);
      link.setAttribute('aria-label', 'Nov 21, 2026 at 11:40 PM');
      link.textContent = 'נועה כהן';
      quote.firstElementChild!.append(link);
    }
    const anchor = doc.querySelector('[data-testid="postThreadItem-by-choruscoffee.bsky.social"]')!;
    expect(anchor.querySelector('a[title^="Post by "] a[href*="/post/"]')).not.toBeNull();
    expect(adapter.readItem(anchor, readContext(doc, NOW))).toMatchObject({
      itemKey: 'bluesky:3mcfq2x7kzs2a',
      author: { handle: 'choruscoffee.bsky.social', name: 'Chorus Coffee' },
      postedAt: label(11, 22, 1, 10),
    });
  });

  it('puts badges in the action row, outside the text', () => {
    const doc = thread();
    for (const element of adapter.findItems(doc)) {
      const slot = adapter.badgeSlot(element)!;
      expect(slot.parent.querySelector('[data-testid="likeBtn"]')).not.toBeNull();
      expect(element.querySelector(TEXT)!.contains(slot.parent)).toBe(false);
    }
  });

  it('finds the signed-in account and the reply composer', () => {
    const doc = thread();
    expect(adapter.account(doc)).toBe('choruscoffee.bsky.social');
    expect(adapter.composers(doc)).toHaveLength(1);
    expect(adapter.composers(doc)[0]!.getAttribute('role')).toBe('textbox');
  });
});

describe('bluesky adapter: home feed', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, feed(), NOW);
  });

  it('reads posts (English with a quote, a reposted Swahili reply, Arabic), skipping the interstitial', () => {
    const items = readAll(adapter, feed(), NOW);
    expect(items.map((item) => [item.itemKey, item.kind, item.author.handle, item.author.name, item.dir])).toEqual([
      ['bluesky:3mcfs8vbn4k2q', 'post', 'brewnews.bsky.social', 'Brew News', 'ltr'],
      ['bluesky:3mcfj6qw3ez2t', 'post', 'amani.bsky.social', 'Amani Otieno', 'ltr'],
      ['bluesky:3mcfq8mn2ws2e', 'post', 'layla.bsky.social', 'ليلى حسن', 'rtl'],
    ]);
    expect(items[0]!.text).toBe("Has anyone tried @choruscoffee.bsky.social's new cardamom latte? 👀");
    expect(items[0]!.postedAt).toEqual(label(11, 22, 5, 5));
    expect(items[1]!.text).toBe('Asante kwa huduma nzuri leo asubuhi! Kahawa ilikuwa tamu sana 😋');
    expect(items.map((item) => item.text).join()).not.toMatch(/bạch đậu khấu|Reposted by|Reply to/);
  });

  it('falls back to the relative text when the label is gone', () => {
    const doc = feed();
    const [first] = adapter.findItems(doc);
    const link = first!.querySelector('a[data-tooltip]')!;
    link.removeAttribute('aria-label');
    link.removeAttribute('data-tooltip');
    expect(adapter.readItem(first!, readContext(doc, NOW))!.postedAt).toMatchObject({
      iso: '2026-11-22T05:05:00.000Z',
      source: 'relative',
    });
  });
});

describe('bluesky adapter: hostile and odd markup', () => {
  const context = (doc: Document) => readContext(doc, NOW);

  it('does not throw without time links, author links or text', () => {
    const doc = thread();
    const rows = adapter.findItems(doc);
    doc.querySelectorAll(`${TEXT}`).forEach((el) => el.replaceChildren());
    doc.querySelectorAll('a[href^="/profile/"]:not([href*="/post/"])').forEach((a) => a.remove());
    expect(adapter.readItem(rows[2]!, context(doc))).toMatchObject({ itemKey: 'bluesky:3mcfr4tzw6c2x', text: '' });
    doc.querySelectorAll('a[href*="/post/"]').forEach((a) => a.remove());
    const items = rows.map((row) => adapter.readItem(row, context(doc)));
    // Only the anchor post keeps a key (the page's); the others have no permalink left.
    expect(items.map((item) => item?.itemKey)).toEqual([undefined, 'bluesky:3mcfq2x7kzs2a', undefined, undefined]);
    expect(() => rows.map((row) => adapter.badgeSlot(row))).not.toThrow();
  });

  it('reads script, onerror images and javascript: links as inert text, never as a url', () => {
    const doc = feed();
    const [first] = adapter.findItems(doc);
    first!.querySelector(TEXT)!.innerHTML =
      'Hi <img src=x onerror="alert(1)"><script>alert(2)</script> <a href="javascript:alert(3)">click</a>';
    const item = adapter.readItem(first!, context(doc))!;
    expect(item.text).toBe('Hi click');
    expect(item.url).toBe('https://bsky.app/profile/brewnews.bsky.social/post/3mcfs8vbn4k2q');
    first!.querySelector('a[data-tooltip]')!.setAttribute('href', 'javascript:alert(4)');
    expect(adapter.readItem(first!, context(doc))).toBeUndefined();
  });

  it('reports duplicated posts twice with the same key (the overlay keys on itemKey)', () => {
    const doc = feed();
    const [first] = adapter.findItems(doc);
    first!.parentElement!.append(first!.cloneNode(true));
    const keys = readAll(adapter, doc, NOW).map((item) => item.itemKey);
    expect(keys.filter((key) => key === 'bluesky:3mcfs8vbn4k2q')).toHaveLength(2);
  });

  it('reads a 1 MB post', () => {
    const doc = feed();
    const [first] = adapter.findItems(doc);
    first!.querySelector(TEXT)!.textContent = 'ש'.repeat(1_000_000);
    const item = adapter.readItem(first!, context(doc))!;
    expect(item.text).toHaveLength(1_000_000);
    expect(item.dir).toBe('rtl');
  });
});
