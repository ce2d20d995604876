import { describe, expect, it } from 'vitest';
import { adapter } from './instagram';
import { expectAdapterBasics, htmlDocument, loadSnapshot, readAll, readContext } from './testing';

const NOW = Date.parse('2026-11-22T08:00:00Z');
const POST_URL = 'https://www.instagram.com/p/DQx7hKzAbC9/';
const postPage = () => loadSnapshot('extension/sites/snapshots/instagram/post-page.html', POST_URL);
const feed = () => loadSnapshot('extension/sites/snapshots/instagram/home-feed.html', 'https://www.instagram.com/');
const exact = (iso: string) => ({ iso, precision: 'exact', source: 'datetime' });

describe('instagram adapter: post page', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, postPage(), NOW);
  });

  it('reads the post, comments and the reply', () => {
    expect(readAll(adapter, postPage(), NOW)).toEqual([
      {
        itemKey: 'instagram:DQx7hKzAbC9',
        kind: 'post',
        author: { handle: 'chorus.coffee' },
        text: '¡Nuevo menú de otoño! 🍂☕ Café de olla y pan de calabaza en todas las tiendas. #otoño',
        postedAt: exact('2026-11-21T09:30:00.000Z'),
        url: POST_URL,
        lang: undefined,
        dir: undefined,
      },
      {
        itemKey: 'instagram:18045123456789012',
        kind: 'comment',
        author: { handle: 'noa.levi' },
        text: 'ההזמנה שלי עדיין לא הגיעה 😕 מתי המשלוח?',
        postedAt: exact('2026-11-22T03:04:11.000Z'),
        url: `${POST_URL}c/18045123456789012/`,
        lang: undefined,
        dir: undefined,
      },
      {
        itemKey: 'instagram:18301234567890123',
        kind: 'reply',
        author: { handle: 'chorus.coffee' },
        text: '@noa.levi Hi Noa, sorry! 🙏 We sent you a DM with the tracking number.',
        postedAt: exact('2026-11-22T04:10:00.000Z'),
        url: `${POST_URL}c/18045123456789012/r/18301234567890123/`,
        lang: undefined,
        dir: undefined,
      },
      {
        itemKey: 'instagram:18051234567890123',
        kind: 'comment',
        author: { handle: 'mai.nguyen.hcm' },
        text: 'Quán ở Quận 1 có bánh bí ngô không ạ? Mình muốn đặt 20 cái cho thứ Sáu.',
        postedAt: exact('2026-11-20T11:00:00.000Z'),
        url: `${POST_URL}c/18051234567890123/`,
        lang: undefined,
        dir: undefined,
      },
      {
        itemKey: 'instagram:18062345678901234',
        kind: 'comment',
        author: { handle: 'amina.juma.tz' },
        text: 'Asante sana! Chai yenu ni tamu mno 😍',
        postedAt: exact('2026-11-15T08:00:00.000Z'),
        url: `${POST_URL}c/18062345678901234/`,
        lang: undefined,
        dir: undefined,
      },
    ]);
  });

  it('keeps "Reply" and "See translation" out of the text', () => {
    const texts = readAll(adapter, postPage(), NOW).map((item) => item.text);
    for (const text of texts) expect(text).not.toMatch(/Reply|See translation|likes/);
  });

  it('finds a comment block added on its own', () => {
    const doc = postPage();
    const time = doc.querySelector('a[href$="/c/18051234567890123/"] time')!;
    const block = time.closest('.xsag5q8')!;
    expect(adapter.findItems(block)).toEqual([block]);
  });

  it('puts badges beside the timestamp link, outside the text', () => {
    const doc = postPage();
    for (const element of adapter.findItems(doc)) {
      const slot = adapter.badgeSlot(element)!;
      expect(slot.parent.querySelector('time')).not.toBeNull();
      expect(slot.parent.closest('h1, span[dir="auto"]')).toBeNull();
    }
  });

  it('finds the signed-in account and the comment box', () => {
    const doc = postPage();
    expect(adapter.account(doc)).toBe('maya.chorus');
    expect(adapter.composers(doc).map((el) => el.getAttribute('aria-label'))).toEqual(['Add a comment…']);
  });

  it('matches instagram.com and its subdomains only', () => {
    for (const url of ['https://www.instagram.com/', 'https://instagram.com/p/x/', 'https://m.instagram.com/']) {
      expect(adapter.matches(new URL(url))).toBe(true);
    }
    for (const url of ['https://notinstagram.com/', 'https://instagram.com.evil.io/', 'https://www.facebook.com/']) {
      expect(adapter.matches(new URL(url))).toBe(false);
    }
  });
});

describe('instagram adapter: home feed', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, feed(), NOW);
  });

  it('reads the posts (a reel among them) and skips the sponsored one', () => {
    expect(readAll(adapter, feed(), NOW)).toEqual([
      {
        itemKey: 'instagram:DQz1mNpRsT4',
        kind: 'post',
        author: { handle: 'tiendasol.mx' },
        text: '¿Alguien más tuvo problemas con el pago en la app? 😤 Nos dice "error 502" desde ayer',
        postedAt: exact('2026-11-22T05:10:00.000Z'),
        url: 'https://www.instagram.com/p/DQz1mNpRsT4/',
        lang: undefined,
        dir: undefined,
      },
      {
        itemKey: 'instagram:DQy9pLmKjH2',
        kind: 'post',
        author: { handle: 'dariush.k' },
        text: 'بهترین قهوه‌ای که امسال خوردم ☕ ممنون از @chorus.coffee',
        postedAt: exact('2026-11-20T16:45:00.000Z'),
        url: 'https://www.instagram.com/reel/DQy9pLmKjH2/',
        lang: undefined,
        dir: undefined,
      },
    ]);
  });

  it('never finds the sponsored post, and declines it when handed it', () => {
    const doc = feed();
    const ad = doc.querySelectorAll('article')[1]!;
    expect(adapter.findItems(ad)).toEqual([]);
    expect(adapter.readItem(ad, readContext(doc, NOW))).toBeUndefined();
  });

  it('finds the account from the side navigation', () => {
    expect(adapter.account(feed())).toBe('maya.chorus');
  });
});

describe('instagram adapter: hostile markup', () => {
  const row = (href: string, body: string) =>
    `<div><a href="/mallory/" role="link"><img alt="mallory's profile picture"></a><div>` +
    `<a href="/mallory/" role="link"><span dir="auto">mallory</span></a> <a href="${href}"><time datetime="2026-11-22T07:00:00.000Z">1h</time></a>` +
    `<div><span dir="auto">${body}</span></div></div></div>`;
  const page = (rows: string) => htmlDocument(`<html lang="en"><body><main><article>${rows}</article></main></body></html>`, POST_URL);

  it('reads the snapshot with times, author links and texts removed without throwing', () => {
    const doc = postPage();
    // The timestamp link is the comment's hook and id: it stays, emptied; name links and texts go.
    for (const el of Array.from(doc.querySelectorAll('a.notranslate, h1, span[dir="auto"]'))) el.remove();
    for (const time of Array.from(doc.querySelectorAll('time'))) {
      time.removeAttribute('datetime');
      time.removeAttribute('title');
      time.textContent = '';
    }
    const items = readAll(adapter, doc, NOW);
    expect(items.map((item) => item.itemKey)).toContain('instagram:18045123456789012');
    for (const item of items) {
      expect(item.postedAt).toBeUndefined();
      expect(item.author.handle).toBeUndefined();
      expect(item.text).toBe('');
    }
  });

  it('reads script, onerror images and javascript: links as inert text and never returns a javascript: url', () => {
    const doc = page(
      row(`${POST_URL}c/9001/`, 'hi <img src=x onerror=alert(1)><script>alert(2)</script> <a href="javascript:alert(3)">click</a> &lt;script&gt;alert(4)&lt;/script&gt;') +
        row('javascript:alert(5)//p/x/c/9002/', 'evil permalink'),
    );
    const items = readAll(adapter, doc, NOW);
    expect(items.map((item) => [item.itemKey, item.text, item.url])).toEqual([
      ['instagram:9001', 'hi click <script>alert(4)</script>', `${POST_URL}c/9001/`],
    ]);
  });

  it('gives two elements with the same comment id the same key (one comment shown twice)', () => {
    const doc = page(row(`${POST_URL}c/9003/`, 'one') + row(`${POST_URL}c/9003/`, 'one'));
    expect(adapter.findItems(doc)).toHaveLength(2);
    expect(readAll(adapter, doc, NOW).map((item) => item.itemKey)).toEqual(['instagram:9003', 'instagram:9003']);
  });

  it('reads a 1 MB comment', () => {
    const big = 'ñ'.repeat(1_000_000);
    const [item] = readAll(adapter, page(row(`${POST_URL}c/9004/`, big)), NOW);
    expect(item?.text.length).toBe(1_000_000);
  });
});
