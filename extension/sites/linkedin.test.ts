import { describe, expect, it } from 'vitest';
import { adapter } from './linkedin';
import { expectAdapterBasics, htmlDocument, loadSnapshot, readAll, readContext } from './testing';

const NOW = Date.parse('2026-11-22T08:00:00Z');
const ACTIVITY = 'urn:li:activity:7397001122334455667';
const POST_URL = `https://www.linkedin.com/feed/update/${ACTIVITY}/`;
const postPage = () => loadSnapshot('extension/sites/snapshots/linkedin/post-page.html', POST_URL);
const feed = () => loadSnapshot('extension/sites/snapshots/linkedin/home-feed.html', 'https://www.linkedin.com/feed/');
const relative = (iso: string, precision: string) => ({ iso, precision, source: 'relative' });
const commentUrl = (activity: string, comment: string) =>
  `https://www.linkedin.com/feed/update/urn:li:activity:${activity}/?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A${activity}%2C${comment}%29`;

describe('linkedin adapter: single post page (server-driven markup)', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, postPage(), NOW);
  });

  it('reads the post, comments and the reply, skipping the deleted placeholder', () => {
    expect(readAll(adapter, postPage(), NOW)).toEqual([
      {
        itemKey: `linkedin:${ACTIVITY}`,
        kind: 'post',
        author: { handle: 'chorus-coffee', name: 'Chorus Coffee' },
        text: '¡Nuevo menú de otoño! 🍂 Café de olla, chai con especias y pan de calabaza en todas nuestras tiendas.\nCuéntanos cuál quieres probar primero.',
        postedAt: relative('2026-11-21T09:00:00.000Z', 'hour'),
        url: POST_URL,
        lang: undefined,
        dir: undefined,
      },
      {
        itemKey: 'linkedin:urn:li:comment:(activity:7397001122334455667,7397005566778899001)',
        kind: 'comment',
        author: { handle: 'noa-levi-7a1b2c', name: 'Noa Levi' },
        text: 'ההזמנה שלנו למשרד עדיין לא הגיעה 😕 למי אפשר לפנות?',
        postedAt: relative('2026-11-22T03:00:00.000Z', 'hour'),
        url: commentUrl('7397001122334455667', '7397005566778899001'),
        lang: undefined,
        dir: 'rtl',
      },
      {
        itemKey: 'linkedin:urn:li:comment:(activity:7397001122334455667,7397006677889900112)',
        kind: 'reply',
        author: { handle: 'chorus-coffee', name: 'Chorus Coffee' },
        text: 'Noa Levi sorry about that! 🙏 We sent you a message with the tracking number.',
        postedAt: relative('2026-11-22T04:00:00.000Z', 'hour'),
        url: commentUrl('7397001122334455667', '7397006677889900112'),
        lang: undefined,
        dir: undefined,
      },
      {
        itemKey: 'linkedin:urn:li:comment:(activity:7397001122334455667,7397007788990011223)',
        kind: 'comment',
        author: { handle: 'nguyen-thi-mai', name: 'Nguyễn Thị Mai' },
        text: 'Chi nhánh Quận 1 có nhận đặt 20 phần bánh bí ngô cho buổi họp thứ Sáu không ạ?',
        postedAt: relative('2026-11-20T08:00:00.000Z', 'day'),
        url: commentUrl('7397001122334455667', '7397007788990011223'),
        lang: undefined,
        dir: undefined,
      },
    ]);
  });

  it('finds a comment added on its own, with its reply', () => {
    const doc = postPage();
    const comment = doc.querySelector('[componentkey$=",7397005566778899001)"]')!;
    expect(adapter.findItems(comment).map((el) => el.getAttribute('componentkey')?.slice(-20, -1))).toEqual([
      '7397005566778899001',
      '7397006677889900112',
    ]);
  });

  it('puts badges after the author link, outside the text', () => {
    const doc = postPage();
    for (const element of adapter.findItems(doc)) {
      const slot = adapter.badgeSlot(element)!;
      expect(slot.parent.querySelector('a[href*="/in/"], a[href*="/company/"]')).not.toBeNull();
      expect(slot.parent.closest('[data-testid="expandable-text-box"]')).toBeNull();
    }
  });

  it('finds the comment editor', () => {
    expect(adapter.composers(postPage()).map((el) => el.getAttribute('aria-label'))).toEqual(['Text editor for creating comment']);
  });

  it('matches linkedin.com and its subdomains only', () => {
    for (const url of ['https://www.linkedin.com/feed/', 'https://linkedin.com/', 'https://ca.linkedin.com/in/x']) {
      expect(adapter.matches(new URL(url))).toBe(true);
    }
    for (const url of ['https://notlinkedin.com/', 'https://linkedin.com.evil.io/', 'https://lnkd.in/x']) {
      expect(adapter.matches(new URL(url))).toBe(false);
    }
  });
});

describe('linkedin adapter: home feed (Ember markup)', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, feed(), NOW);
  });

  it('reads posts, comment and reply; skips the promoted post; keeps the reshared original and screen-reader duplicates out', () => {
    expect(readAll(adapter, feed(), NOW)).toEqual([
      {
        itemKey: 'linkedin:urn:li:activity:7397112233445566778',
        kind: 'post',
        author: { handle: 'sofia-ramirez-mx', name: 'Sofía Ramírez' },
        text: '¿Alguien sabe cuándo vuelve a estar disponible la entrega corporativa de Chorus Coffee? 🤔\nLlevamos dos semanas esperando respuesta del equipo de ventas.',
        postedAt: relative('2026-11-22T03:00:00.000Z', 'hour'),
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7397112233445566778/',
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'linkedin:urn:li:comment:(activity:7397112233445566778,7397115566778899001)',
        kind: 'comment',
        author: { handle: 'dariush-karimi', name: 'Dariush Karimi' },
        text: 'ما هم همین مشکل را داریم، سفارش‌مان از دو هفته پیش مانده است 😞',
        postedAt: relative('2026-11-22T06:00:00.000Z', 'hour'),
        url: commentUrl('7397112233445566778', '7397115566778899001'),
        lang: undefined,
        dir: 'rtl',
      },
      {
        itemKey: 'linkedin:urn:li:comment:(activity:7397112233445566778,7397116677889900112)',
        kind: 'reply',
        author: { handle: 'chorus-coffee', name: 'Chorus Coffee' },
        text: 'Dariush, Sofía: lo sentimos. Les escribimos por mensaje privado hoy mismo 🙏',
        postedAt: relative('2026-11-22T07:00:00.000Z', 'hour'),
        url: commentUrl('7397112233445566778', '7397116677889900112'),
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'linkedin:urn:li:activity:7396998877665544332',
        kind: 'post',
        author: { handle: 'amina-juma-tz', name: 'Amina Juma' },
        text: 'Huduma kwa wateja ya Chorus Coffee ni ya kiwango cha juu 👏 Walijibu ndani ya dakika kumi.',
        postedAt: relative('2026-11-15T08:00:00.000Z', 'week'),
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7396998877665544332/',
        lang: undefined,
        dir: 'ltr',
      },
    ]);
  });

  it('never finds the promoted post', () => {
    const doc = feed();
    const ad = doc.querySelector('[data-urn^="urn:li:sponsoredContentV2:"]')!;
    expect(adapter.findItems(ad)).toEqual([]);
    expect(adapter.readItem(ad, readContext(doc, NOW))).toBeUndefined();
  });

  it('gives the same comment the same key in both markups', () => {
    const ember = htmlDocument(
      '<article class="comments-comment-entity" data-id="urn:li:comment:(activity:1,2)"><span class="comments-comment-item__main-content">a</span></article>',
      'https://www.linkedin.com/feed/',
    );
    const server = htmlDocument(
      '<div componentkey="replaceableComment_urn:li:comment:(urn:li:activity:1,2)"><span data-testid="expandable-text-box">a</span></div>',
      'https://www.linkedin.com/feed/',
    );
    expect(readAll(adapter, ember, NOW)[0]?.itemKey).toBe('linkedin:urn:li:comment:(activity:1,2)');
    expect(readAll(adapter, server, NOW)[0]?.itemKey).toBe('linkedin:urn:li:comment:(activity:1,2)');
  });

  it('finds the account from the identity card and the Quill comment box', () => {
    const doc = feed();
    expect(adapter.account(doc)).toBe('maya-cohen-chorus');
    expect(adapter.composers(doc)).toHaveLength(1);
  });
});

describe('linkedin adapter: hostile markup', () => {
  const comment = (id: string, body: string) =>
    `<article class="comments-comment-entity" data-id="${id}"><a class="comments-comment-meta__description-container" href="https://www.linkedin.com/in/mallory/">` +
    `<span class="comments-comment-meta__description-title">Mallory</span></a><time class="comments-comment-meta__data">1h</time>` +
    `<span class="comments-comment-item__main-content" dir="ltr"><div class="update-components-text">${body}</div></span></article>`;
  const page = (html: string) => htmlDocument(`<html lang="en"><body><main>${html}</main></body></html>`, 'https://www.linkedin.com/feed/');

  it('reads the snapshots with times, author links and texts removed without throwing', () => {
    for (const doc of [postPage(), feed()]) {
      for (const el of Array.from(doc.querySelectorAll('time, [aria-hidden="true"], a, [data-testid="expandable-text-box"], .update-components-text'))) el.remove();
      const items = readAll(adapter, doc, NOW);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.author.handle).toBeUndefined();
        expect(item.text).toBe('');
      }
    }
  });

  it('reads script, onerror images and javascript: links as inert text; urls are built from the urn only', () => {
    const doc = page(
      comment('urn:li:comment:(activity:9,9001)', 'hi <img src=x onerror=alert(1)><script>alert(2)</script> <a href="javascript:alert(3)">click</a> &lt;script&gt;alert(4)&lt;/script&gt;') +
        comment('javascript:alert(5)', 'no urn'),
    );
    const items = readAll(adapter, doc, NOW);
    expect(items.map((item) => [item.itemKey, item.text, item.url])).toEqual([
      ['linkedin:urn:li:comment:(activity:9,9001)', 'hi click <script>alert(4)</script>', commentUrl('9', '9001')],
    ]);
  });

  it('gives two elements with the same urn the same key (one comment rendered twice)', () => {
    const doc = page(comment('urn:li:comment:(activity:9,9003)', 'one') + comment('urn:li:comment:(activity:9,9003)', 'one'));
    expect(adapter.findItems(doc)).toHaveLength(2);
    expect(readAll(adapter, doc, NOW).map((item) => item.itemKey)).toEqual([
      'linkedin:urn:li:comment:(activity:9,9003)',
      'linkedin:urn:li:comment:(activity:9,9003)',
    ]);
  });

  it('reads a 1 MB comment', () => {
    const big = 'ñ'.repeat(1_000_000);
    const [item] = readAll(adapter, page(comment('urn:li:comment:(activity:9,9004)', big)), NOW);
    expect(item?.text.length).toBe(1_000_000);
  });
});
