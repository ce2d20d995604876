import { describe, expect, it } from 'vitest';
import { adapter } from './reddit';
import { expectAdapterBasics, htmlDocument, loadSnapshot, readAll, readContext } from './testing';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const THREAD_URL = 'https://www.reddit.com/r/MechanicalKeyboards/comments/1gx7k2p/my_first_build_feedback_welcome/';
const thread = () => loadSnapshot('extension/sites/snapshots/reddit/thread.html', THREAD_URL);
const feed = () => loadSnapshot('extension/sites/snapshots/reddit/feed.html', 'https://www.reddit.com/');
const exact = (iso: string) => ({ iso, precision: 'exact', source: 'datetime' });

describe('reddit adapter: post page', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, thread(), NOW);
  });

  it('reads the post, comments and replies, skipping ads and the deleted comment', () => {
    expect(readAll(adapter, thread(), NOW)).toEqual([
      {
        itemKey: 'reddit:t3_1gx7k2p',
        kind: 'post',
        author: { handle: 'keeb_nadia' },
        text: 'My first build, feedback welcome 🎉\nLubed the switches myself, took about six hours. The spacebar still rattles a bit — any tips?\nParts list in the comments.',
        postedAt: exact('2026-11-21T09:14:03.512Z'),
        url: THREAD_URL,
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'reddit:t1_lyq3a0b',
        kind: 'comment',
        author: { handle: 'switch_sommelier' },
        text: 'Try a thin strip of dielectric grease on the stabilizer wire 👍 fixed mine instantly.',
        postedAt: exact('2026-11-21T10:02:44.000Z'),
        url: 'https://www.reddit.com/r/MechanicalKeyboards/comments/1gx7k2p/comment/lyq3a0b/',
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'reddit:t1_lyq4c7d',
        kind: 'reply',
        author: { handle: 'keeb_nadia' },
        text: '¡Funcionó! Gracias, ya no suena nada.',
        postedAt: exact('2026-11-21T11:30:00.000Z'),
        url: 'https://www.reddit.com/r/MechanicalKeyboards/comments/1gx7k2p/comment/lyq4c7d/',
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'reddit:t1_lyq5e9f',
        kind: 'reply',
        author: { handle: 'ali_rezaei_kb' },
        text: 'من هم همین مشکل را داشتم؛ روغن دی‌الکتریک واقعاً جواب می‌دهد.',
        postedAt: exact('2026-11-22T07:45:10.000Z'),
        url: 'https://www.reddit.com/r/MechanicalKeyboards/comments/1gx7k2p/comment/lyq5e9f/',
        lang: 'fa',
        dir: 'rtl',
      },
      {
        itemKey: 'reddit:t1_lyq7h2i',
        kind: 'comment',
        author: { handle: 'wanjiru_types' },
        text: 'Kibodi nzuri sana! Umeinunua wapi hii keycap set?',
        postedAt: exact('2026-11-22T11:40:00.000Z'),
        url: 'https://www.reddit.com/r/MechanicalKeyboards/comments/1gx7k2p/comment/lyq7h2i/',
        lang: undefined,
        dir: 'ltr',
      },
    ]);
  });

  it('declines the deleted comment and ads even when handed them', () => {
    const doc = thread();
    const context = readContext(doc, NOW);
    const deleted = doc.querySelector('shreddit-comment[thingid="t1_lyq6g1h"]')!;
    expect(adapter.readItem(deleted, context)).toBeUndefined();
    for (const ad of Array.from(doc.querySelectorAll('shreddit-ad-post'))) {
      expect(adapter.findItems(ad)).toEqual([]);
    }
  });

  it('puts badges in the author line, outside the text', () => {
    const doc = thread();
    for (const element of adapter.findItems(doc)) {
      const slot = adapter.badgeSlot(element)!;
      expect(slot.parent.matches('[slot="commentMeta"], [slot="credit-bar"]')).toBe(true);
      expect(slot.parent.closest('shreddit-post, shreddit-comment')).toBe(element);
      expect(slot.parent.closest('[slot="comment"], [slot="text-body"], [slot="title"]')).toBeNull();
    }
  });

  it('finds the signed-in account and the reply box', () => {
    const doc = thread();
    expect(adapter.account(doc)).toBe('chorus_support');
    const composers = adapter.composers(doc);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.getAttribute('role')).toBe('textbox');
  });

  it('finds a comment added on its own, with its replies', () => {
    const doc = thread();
    const comment = doc.querySelector('shreddit-comment[thingid="t1_lyq3a0b"]')!;
    expect(adapter.findItems(comment).map((el) => el.getAttribute('thingid'))).toEqual(['t1_lyq3a0b', 't1_lyq4c7d', 't1_lyq5e9f']);
  });

  it('matches reddit.com and its subdomains only', () => {
    for (const url of ['https://www.reddit.com/', 'https://reddit.com/r/x', 'https://old.reddit.com/', 'https://sh.reddit.com/']) {
      expect(adapter.matches(new URL(url))).toBe(true);
    }
    for (const url of ['https://notreddit.com/', 'http://www.reddit.com/', 'https://reddit.com.evil.io/']) {
      expect(adapter.matches(new URL(url))).toBe(false);
    }
  });
});

describe('reddit adapter: home feed', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, feed(), NOW);
  });

  it('reads the posts, skips the promoted one, keeps the crossposted original out of the text', () => {
    expect(readAll(adapter, feed(), NOW)).toEqual([
      {
        itemKey: 'reddit:t3_1gy0aa1',
        kind: 'post',
        author: { handle: 'lina_haddad' },
        text: 'أفضل كيبورد عربي للمبتدئين؟\nأبحث عن لوحة مفاتيح بحروف عربية مطبوعة وسعر معقول.',
        postedAt: exact('2026-11-22T09:00:00.000Z'),
        url: 'https://www.reddit.com/r/arabs/comments/1gy0aa1/_/',
        lang: undefined,
        dir: 'rtl',
      },
      {
        itemKey: 'reddit:t3_1gy1bb2',
        kind: 'post',
        author: { handle: 'minh_tran_dev' },
        text: 'Bàn phím cơ ở Sài Gòn mua ở đâu? ⌨️',
        postedAt: exact('2026-11-20T12:00:00.000Z'),
        url: 'https://www.reddit.com/r/VietNam/comments/1gy1bb2/ban_phim_co_o_sai_gon/',
        lang: undefined,
        dir: 'ltr',
      },
    ]);
  });

  it('finds the account from the user drawer', () => {
    expect(adapter.account(feed())).toBe('chorus_support');
  });
});

describe('reddit adapter: hostile markup', () => {
  const comment = (attrs: string, body: string) =>
    htmlDocument(
      `<html><body><shreddit-comment-tree><shreddit-comment ${attrs}><div slot="commentMeta"></div><div slot="comment">${body}</div></shreddit-comment></shreddit-comment-tree></body></html>`,
      THREAD_URL,
    );

  it('reads the snapshot with times, author links and texts removed without throwing', () => {
    const doc = thread();
    for (const el of Array.from(doc.querySelectorAll('faceplate-timeago, time, a[href^="/user/"], [slot="comment"], [slot="text-body"]'))) el.remove();
    for (const el of Array.from(doc.querySelectorAll('shreddit-post, shreddit-comment'))) {
      el.removeAttribute('created-timestamp');
      el.removeAttribute('author');
    }
    const items = readAll(adapter, doc, NOW);
    expect(items.map((item) => item.itemKey)).toContain('reddit:t1_lyq3a0b');
    for (const item of items) expect(item.postedAt).toBeUndefined();
    expect(items.find((item) => item.itemKey === 'reddit:t1_lyq3a0b')?.text).toBe('');
  });

  it('reads script, onerror images and javascript: links as inert text and never returns a javascript: url', () => {
    const doc = comment(
      'thingid="t1_evil1" author="mallory" depth="0" permalink="javascript:alert(1)"',
      '<p>hi <img src=x onerror=alert(1)><script>alert(2)</script> <a href="javascript:alert(3)">click</a> &lt;script&gt;alert(4)&lt;/script&gt;</p>',
    );
    const [item] = readAll(adapter, doc, NOW);
    expect(item?.text).toBe('hi click <script>alert(4)</script>');
    expect(item?.url).toBeUndefined();
  });

  it('gives two elements with the same thingid the same key (one comment shown twice)', () => {
    const doc = htmlDocument(
      '<body><shreddit-comment thingid="t1_dup" author="a" depth="0"><div slot="comment"><p>one</p></div></shreddit-comment>' +
        '<shreddit-comment thingid="t1_dup" author="a" depth="0"><div slot="comment"><p>one</p></div></shreddit-comment></body>',
      THREAD_URL,
    );
    expect(adapter.findItems(doc)).toHaveLength(2);
    expect(readAll(adapter, doc, NOW).map((item) => item.itemKey)).toEqual(['reddit:t1_dup', 'reddit:t1_dup']);
  });

  it('declines ids that are not Reddit fullnames', () => {
    const doc = comment('thingid="t1_&quot;&gt;&lt;x" author="a"', '<p>x</p>');
    expect(readAll(adapter, doc, NOW)).toEqual([]);
  });

  it('reads a 1 MB comment', () => {
    const big = 'ñ'.repeat(1_000_000);
    const [item] = readAll(adapter, comment('thingid="t1_big" author="b" depth="0"', `<p>${big}</p>`), NOW);
    expect(item?.text.length).toBe(1_000_000);
  });
});
