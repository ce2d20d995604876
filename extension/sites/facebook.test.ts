import { describe, expect, it } from 'vitest';
import { adapter } from './facebook';
import { expectAdapterBasics, htmlDocument, loadSnapshot, readAll, readContext } from './testing';

const NOW = Date.parse('2026-11-22T08:00:00Z');
const POST = 'pfbid02Hq7xWkDuU4bLm3ZcKqVtR9sYpA1nEoF6gJiT8hX2wBzN5dQ3vCl';
const POST_URL = `https://www.facebook.com/chorus.coffee/posts/${POST}`;
const permalink = () => loadSnapshot('extension/sites/snapshots/facebook/post-permalink.html', POST_URL);
const feed = () => loadSnapshot('extension/sites/snapshots/facebook/news-feed.html', 'https://www.facebook.com/');
const relative = (iso: string, precision: string) => ({ iso, precision, source: 'relative' });

describe('facebook adapter: post permalink page', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, permalink(), NOW);
  });

  it('reads the post, comments and the reply, skipping the hidden comment', () => {
    expect(readAll(adapter, permalink(), NOW)).toEqual([
      {
        itemKey: `facebook:${POST}`,
        kind: 'post',
        author: { handle: 'chorus.coffee', name: 'Chorus Coffee' },
        text: '¡Nuevo menú de otoño! 🍂 Café de olla, chai con especias y pan de calabaza.\nDisponible en todas nuestras tiendas desde el lunes',
        // The timestamp link's aria-label, in the viewer's local time.
        postedAt: { iso: new Date(2026, 10, 21, 9, 30).toISOString(), precision: 'minute', source: 'label' },
        url: POST_URL,
        lang: undefined,
        dir: undefined,
      },
      {
        itemKey: 'facebook:1122334455667788',
        kind: 'comment',
        author: { handle: 'noa.levi.52', name: 'Noa Levi' },
        text: 'ההזמנה שלי מאתמול עדיין לא הגיעה, מתי אפשר לצפות למשלוח? 😕',
        postedAt: relative('2026-11-22T03:00:00.000Z', 'hour'),
        url: `${POST_URL}?comment_id=1122334455667788`,
        lang: 'he-IL',
        dir: undefined,
      },
      {
        itemKey: 'facebook:2233445566778899',
        kind: 'reply',
        author: { handle: 'chorus.coffee', name: 'Chorus Coffee' },
        text: 'Hi Noa, sorry about that! 🙏 We sent you a message with the tracking number.',
        postedAt: relative('2026-11-22T04:00:00.000Z', 'hour'),
        url: `${POST_URL}?comment_id=1122334455667788&reply_comment_id=2233445566778899`,
        lang: 'en-US',
        dir: undefined,
      },
      {
        itemKey: 'facebook:3344556677889900',
        kind: 'comment',
        author: { handle: '100064221234567', name: 'Nguyễn Thị Mai' },
        text: 'Cửa hàng ở Quận 1 có bán bánh bí ngô không ạ? Mình muốn đặt 20 cái cho buổi họp công ty vào thứ Sáu, có giao hàng tận nơi và xuất hóa đơn…',
        postedAt: relative('2026-11-20T08:00:00.000Z', 'day'),
        url: `${POST_URL}?comment_id=3344556677889900`,
        lang: 'vi-VN',
        dir: undefined,
      },
      {
        itemKey: 'facebook:4455667788990011',
        kind: 'comment',
        author: { handle: 'amina.juma.tz', name: 'Amina Juma' },
        text: 'Asante sana! Chai yenu ni tamu mno 😍',
        postedAt: relative('2026-11-15T08:00:00.000Z', 'week'),
        url: `${POST_URL}?comment_id=4455667788990011`,
        lang: 'sw-KE',
        dir: undefined,
      },
    ]);
  });

  it('does not find the hidden-comment placeholder, and declines it when handed it', () => {
    const doc = permalink();
    const hidden = doc.querySelector('[aria-label="Comment hidden"]')!;
    expect(adapter.findItems(hidden)).toEqual([]);
    expect(adapter.readItem(hidden, readContext(doc, NOW))).toBeUndefined();
  });

  it('finds a comment added on its own', () => {
    const doc = permalink();
    const comment = doc.querySelector('[aria-label^="Comment by Amina"]')!;
    expect(adapter.findItems(comment)).toEqual([comment]);
  });

  it('puts badges beside the timestamp link, outside the text', () => {
    const doc = permalink();
    for (const element of adapter.findItems(doc)) {
      const slot = adapter.badgeSlot(element)!;
      expect(slot.parent.closest('[data-ad-preview="message"], span[lang]')).toBeNull();
      expect(slot.parent.querySelector('a[href*="comment_id="], a[href*="/posts/"]')).not.toBeNull();
    }
  });

  it('finds both comment editors; no account on a page without the left rail', () => {
    const doc = permalink();
    expect(adapter.composers(doc).map((el) => el.getAttribute('aria-label'))).toEqual(['Reply to Noa Levi', 'Comment as Chorus Coffee']);
    expect(adapter.account(doc)).toBeUndefined();
  });

  it("a reply box after a comment's replies answers that comment; the post's box answers the post", () => {
    const doc = permalink();
    const items = adapter.findItems(doc);
    const [replyBox, postBox] = adapter.composers(doc);
    const answered = adapter.answers!(replyBox!, items)!;
    expect(adapter.readItem(answered, readContext(doc, NOW))?.itemKey).toBe('facebook:1122334455667788');
    // No thread around the post's own box: the generic rule (the post holding it) decides.
    expect(adapter.answers!(postBox!, items)).toBeUndefined();
  });

  it('matches facebook.com and its subdomains only', () => {
    for (const url of ['https://www.facebook.com/', 'https://facebook.com/x', 'https://m.facebook.com/', 'https://web.facebook.com/']) {
      expect(adapter.matches(new URL(url))).toBe(true);
    }
    for (const url of ['https://notfacebook.com/', 'https://facebook.com.evil.io/', 'https://www.instagram.com/']) {
      expect(adapter.matches(new URL(url))).toBe(false);
    }
  });
});

describe('facebook adapter: news feed', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, feed(), NOW);
  });

  it('reads the posts and the comment preview, skips the sponsored post, keeps the shared original out', () => {
    expect(readAll(adapter, feed(), NOW)).toEqual([
      {
        itemKey: 'facebook:pfbid0Ws4kLq8Tz9NnV2bH7fJcX3pR5yD1mGa6eUoK4iB8vQ2hZ7sE9tAxl',
        kind: 'post',
        author: { handle: 'tiendasol.mx', name: 'Tienda Sol' },
        text: '¿Alguien más tuvo problemas con el pago en la app? 😤 Nos dice "error 502" desde ayer y nadie responde el chat…',
        postedAt: relative('2026-11-22T05:00:00.000Z', 'hour'),
        url: 'https://www.facebook.com/tiendasol.mx/posts/pfbid0Ws4kLq8Tz9NnV2bH7fJcX3pR5yD1mGa6eUoK4iB8vQ2hZ7sE9tAxl',
        lang: undefined,
        dir: undefined,
      },
      {
        itemKey: 'facebook:5566778899001122',
        kind: 'comment',
        author: { handle: 'dariush.karimi', name: 'Dariush Karimi' },
        text: 'من هم همین مشکل را دارم، لطفاً زودتر درستش کنید 🙏',
        postedAt: relative('2026-11-22T06:00:00.000Z', 'hour'),
        url: 'https://www.facebook.com/tiendasol.mx/posts/pfbid0Ws4kLq8Tz9NnV2bH7fJcX3pR5yD1mGa6eUoK4iB8vQ2hZ7sE9tAxl?comment_id=5566778899001122',
        lang: 'fa-IR',
        dir: undefined,
      },
      {
        itemKey: 'facebook:pfbid0rT5uQ8wE2yX9cV4bN7mK1jH6gF3dS8aP2oI5uY9tR4eW7qL1zX6vNm',
        kind: 'post',
        author: { handle: '100089991112223', name: 'Baraka Otieno' },
        text: 'Huduma yao kwa wateja ni nzuri sana, nimepata jibu ndani ya dakika tano!',
        postedAt: relative('2026-11-21T08:00:00.000Z', 'day'),
        url: 'https://www.facebook.com/permalink.php?story_fbid=pfbid0rT5uQ8wE2yX9cV4bN7mK1jH6gF3dS8aP2oI5uY9tR4eW7qL1zX6vNm&id=100089991112223',
        lang: undefined,
        dir: undefined,
      },
    ]);
  });

  it('never finds the sponsored story', () => {
    const doc = feed();
    const ad = doc.querySelector('[aria-posinset="2"]')!;
    expect(adapter.findItems(ad)).toEqual([]);
    expect(adapter.findItems(doc)).not.toContain(ad);
  });

  it('finds the account from the left rail and the comment box', () => {
    const doc = feed();
    expect(adapter.account(doc)).toBe('maya.cohen.chorus');
    expect(adapter.composers(doc)).toHaveLength(1);
  });
});

describe('facebook adapter: hostile markup', () => {
  const comment = (href: string, body: string, label = 'Comment by Mallory 1 hour ago') =>
    `<div role="article" aria-label="${label}"><a role="link" href="https://www.facebook.com/mallory">Mallory</a>` +
    `<span dir="auto" lang="en">${body}</span><ul><li><a href="${href}">1h</a></li></ul></div>`;
  const page = (html: string) => htmlDocument(`<html lang="en"><body><div role="main">${html}</div></body></html>`, POST_URL);

  it('reads the snapshot with author links, texts and timestamps emptied without throwing', () => {
    const doc = permalink();
    for (const el of Array.from(doc.querySelectorAll('a:not([href*="comment_id="]), [data-ad-preview], span[lang]'))) el.remove();
    for (const el of Array.from(doc.querySelectorAll('a[href*="comment_id="]'))) el.textContent = '';
    const items = readAll(adapter, doc, NOW);
    expect(items.map((item) => item.itemKey)).toContain('facebook:1122334455667788');
    for (const item of items) {
      expect(item.postedAt).toBeUndefined();
      expect(item.author.name).toBeUndefined();
    }
  });

  it('reads script, onerror images and javascript: links as inert text and never returns a javascript: url', () => {
    const doc = page(
      comment(`${POST_URL}?comment_id=9001`, 'hi <img src=x onerror=alert(1)><script>alert(2)</script> <a href="javascript:alert(3)">click</a> &lt;script&gt;alert(4)&lt;/script&gt;') +
        comment('javascript:alert(5)//?comment_id=9002', 'evil permalink'),
    );
    const items = readAll(adapter, doc, NOW);
    expect(items.map((item) => [item.itemKey, item.text, item.url])).toEqual([
      ['facebook:9001', 'hi click <script>alert(4)</script>', `${POST_URL}?comment_id=9001`],
      ['facebook:9002', 'evil permalink', undefined],
    ]);
  });

  it('gives two elements with the same comment id the same key (one comment shown twice)', () => {
    const doc = page(comment(`${POST_URL}?comment_id=9003`, 'one') + comment(`${POST_URL}?comment_id=9003`, 'one'));
    expect(adapter.findItems(doc)).toHaveLength(2);
    expect(readAll(adapter, doc, NOW).map((item) => item.itemKey)).toEqual(['facebook:9003', 'facebook:9003']);
  });

  it('reads a 1 MB comment', () => {
    const big = 'ñ'.repeat(1_000_000);
    const [item] = readAll(adapter, page(comment(`${POST_URL}?comment_id=9004`, big)), NOW);
    expect(item?.text.length).toBe(1_000_000);
  });
});
