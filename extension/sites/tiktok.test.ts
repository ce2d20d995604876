import { describe, expect, it } from 'vitest';
import { keyFromPermalink } from './keys';
import { adapter } from './tiktok';
import { expectAdapterBasics, htmlDocument, loadSnapshot, readAll, readContext } from './testing';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const VIDEO_URL = 'https://www.tiktok.com/@lubelab/video/7439182736451234567';
const video = () => loadSnapshot('extension/sites/snapshots/tiktok/video.html', VIDEO_URL);
const foryou = () => loadSnapshot('extension/sites/snapshots/tiktok/foryou.html', 'https://www.tiktok.com/foryou');
const relative = (iso: string, precision: string) => ({ iso, precision, source: 'relative' });
/** Dates TikTok prints are in the viewer's time zone, as read.ts reads labels. */
const localDay = (year: number, month: number, day: number) => ({ iso: new Date(year, month - 1, day).toISOString(), precision: 'day', source: 'label' });
const commentKey = (handle: string, text: string) =>
  keyFromPermalink('tiktok', `${VIDEO_URL}/comment/${encodeURIComponent(handle)}/${encodeURIComponent(text)}`);

describe('tiktok adapter: video page', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, video(), NOW);
  });

  it('reads the video, its comments and replies; the loading placeholder is not an item', () => {
    const sarah = 'Finally someone explains the stabilizers 😂🙌 saved my board';
    const creator = 'Thank you! Stabilizer video coming next week';
    const layla = 'متى سيصل الطلب إلى السعودية؟ طلبت منذ أسبوعين';
    const juan = '¿Qué lubricante usas? Mi pedido llegó roto y nadie me responde 😡';
    const wanjiru = 'Asante sana kwa video hii! Mnasafirisha hadi Nairobi?';
    const common = { url: VIDEO_URL, lang: undefined };
    expect(readAll(adapter, video(), NOW)).toEqual([
      {
        itemKey: 'tiktok:7439182736451234567',
        kind: 'post',
        author: { handle: 'lubelab', name: 'Lube Lab' },
        text: 'Lubing switches in 10 minutes, no shortcuts 🔧 #mechanicalkeyboard',
        postedAt: localDay(2026, 11, 3),
        ...common,
        dir: 'ltr',
      },
      { itemKey: commentKey('sarah.builds', sarah), kind: 'comment', author: { handle: 'sarah.builds', name: 'Sarah Builds ⌨️' }, text: sarah, postedAt: relative('2026-11-20T12:00:00.000Z', 'day'), ...common, dir: 'ltr' },
      { itemKey: commentKey('lubelab', creator), kind: 'reply', author: { handle: 'lubelab', name: 'Lube Lab' }, text: creator, postedAt: relative('2026-11-21T16:00:00.000Z', 'hour'), ...common, dir: 'ltr' },
      { itemKey: commentKey('layla.keys', layla), kind: 'reply', author: { handle: 'layla.keys', name: 'ليلى' }, text: layla, postedAt: relative('2026-11-22T07:00:00.000Z', 'hour'), ...common, dir: 'rtl' },
      { itemKey: commentKey('juan.teclas', juan), kind: 'comment', author: { handle: 'juan.teclas', name: 'Juan Teclas' }, text: juan, postedAt: localDay(2025, 12, 24), ...common, dir: 'ltr' },
      { itemKey: commentKey('wanjiru.k', wanjiru), kind: 'comment', author: { handle: 'wanjiru.k', name: 'Wanjiru K.' }, text: wanjiru, postedAt: localDay(2026, 11, 3), ...common, dir: 'ltr' },
    ]);
  });

  it('reads a month-day later than today as last year', () => {
    const doc = video();
    doc.querySelector('[data-e2e="comment-time-1"]')!.textContent = '12-25';
    const item = readAll(adapter, doc, NOW).find((read) => read.author.handle === 'sarah.builds');
    expect(item?.postedAt).toEqual(localDay(2025, 12, 25));
  });

  it('puts badges in the author line, outside the text', () => {
    const doc = video();
    const [videoEl, ...comments] = adapter.findItems(doc);
    // The video: right after the link holding @handle and nickname, beside (not in) the description.
    const videoSlot = adapter.badgeSlot(videoEl!)!;
    expect(videoSlot.before?.previousSibling).toBe(doc.querySelector('[data-e2e="browse-username"]')!.closest('a'));
    expect(videoSlot.parent.closest('[data-e2e="browse-video-desc"]')).toBeNull();
    for (const element of comments) {
      const slot = adapter.badgeSlot(element)!;
      expect(slot.parent.matches('[data-e2e^="comment-username-"]')).toBe(true);
      expect(slot.parent.querySelector('[data-e2e^="comment-level-"]')).toBeNull();
      expect(slot.parent.closest('[data-e2e^="comment-level-"]')).toBeNull();
    }
  });

  it('finds the signed-in account and the comment box', () => {
    const doc = video();
    expect(adapter.account(doc)).toBe('chorus.keys');
    const composers = adapter.composers(doc);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.getAttribute('contenteditable')).toBe('true');
  });

  it('the comment box below the comments answers the video, not the last comment', () => {
    const doc = video();
    const answered = adapter.answers!(adapter.composers(doc)[0]!, adapter.findItems(doc))!;
    expect(adapter.readItem(answered, readContext(doc))?.kind).toBe('post');
    expect(adapter.readItem(answered, readContext(doc))?.itemKey).toBe('tiktok:7439182736451234567');
  });

  it('finds a thread added on its own: the comment, then its replies', () => {
    const doc = video();
    const thread = doc.querySelector('[data-e2e="comment-list"] > div')!;
    expect(adapter.findItems(thread)).toHaveLength(3);
  });

  it('matches tiktok.com and its subdomains only', () => {
    expect(adapter.matches(new URL('https://www.tiktok.com/foryou'))).toBe(true);
    expect(adapter.matches(new URL('https://m.tiktok.com/'))).toBe(true);
    expect(adapter.matches(new URL('https://tiktok.com.evil.io/'))).toBe(false);
  });
});

describe('tiktok adapter: For You feed and profile tiles', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, foryou(), NOW);
  });

  it('reads the videos by id, skips the ad, leaves the sound out of the text', () => {
    expect(readAll(adapter, foryou(), NOW)).toEqual([
      {
        itemKey: 'tiktok:7439182736451234567',
        kind: 'post',
        author: { handle: 'lubelab', name: 'Lube Lab' },
        text: 'Lubing switches in 10 minutes, no shortcuts 🔧 #mechanicalkeyboard',
        postedAt: undefined,
        url: 'https://www.tiktok.com/@lubelab/video/7439182736451234567',
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'tiktok:7440011223344556677',
        kind: 'post',
        author: { handle: 'ngoc.anh.keys', name: 'Ngọc Anh' },
        text: 'Bàn phím mới về, âm thanh nghe đã tai quá 🥰 #banphimco',
        postedAt: undefined,
        url: 'https://www.tiktok.com/@ngoc.anh.keys/video/7440011223344556677',
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'tiktok:7438000111222333444',
        kind: 'post',
        author: { handle: 'lubelab', name: undefined },
        text: 'ما هو أفضل سويتش للكتابة؟ جربنا ١٠ أنواع',
        postedAt: undefined,
        url: 'https://www.tiktok.com/@lubelab/video/7438000111222333444',
        lang: undefined,
        dir: 'rtl',
      },
    ]);
  });

  it('finds the account in the nav', () => {
    expect(adapter.account(foryou())).toBe('chorus.keys');
  });
});

describe('tiktok adapter: hostile markup', () => {
  const comment = (userHref: string, text: string) =>
    htmlDocument(
      `<html lang="en"><body><div data-e2e="comment-list"><div class="DivCommentObjectWrapper"><div class="DivCommentItemWrapper">` +
        `<a data-e2e="comment-avatar-1" href="${userHref}"></a><div><div data-e2e="comment-username-1"><a href="${userHref}"><p>Mallory</p></a></div>` +
        `<span data-e2e="comment-level-1"><p><span>${text}</span></p></span><span data-e2e="comment-time-1">1h ago</span></div></div></div></div></body></html>`,
      VIDEO_URL,
    );

  it('reads the snapshot with times, author links and texts removed without throwing', () => {
    const doc = video();
    for (const el of Array.from(doc.querySelectorAll('[data-e2e^="comment-time-"], [data-e2e="browser-nickname"]'))) el.remove();
    for (const el of Array.from(doc.querySelectorAll('[data-e2e^="comment-level-"], [data-e2e="browse-video-desc"]'))) el.textContent = '';
    const items = readAll(adapter, doc, NOW);
    expect(items).toHaveLength(6);
    for (const item of items) {
      expect(item.text).toBe('');
      expect(item.postedAt).toBeUndefined();
    }
    for (const el of Array.from(doc.querySelectorAll('a[href^="/@"]'))) el.removeAttribute('href');
    expect(() => readAll(adapter, doc, NOW)).not.toThrow();
    expect(readAll(adapter, doc, NOW).map((item) => item.kind)).toEqual(['post']);
  });

  it('reads script, onerror images and javascript: links as inert text', () => {
    const [item] = readAll(
      adapter,
      comment('/@mallory', 'hi <img src=x onerror=alert(1)><script>alert(2)</script> <a href="javascript:alert(3)">link</a> &lt;script&gt;'),
      NOW,
    );
    expect(item?.text).toBe('hi link <script>');
    expect(item?.url).toBe(VIDEO_URL);
    expect(readAll(adapter, comment('javascript:alert(1)', 'x'), NOW)).toEqual([]);
  });

  it('gives the same comment shown twice the same key (TikTok shows no id to tell them apart)', () => {
    const doc = comment('/@mallory', 'same words');
    const list = doc.querySelector('[data-e2e="comment-list"]')!;
    list.append(list.firstElementChild!.cloneNode(true));
    const keys = readAll(adapter, doc, NOW).map((item) => item.itemKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[0]).toBe(commentKey('mallory', 'same words'));
  });

  it('reads a 1 MB comment (its key from the first 300 characters)', () => {
    const big = 'ب'.repeat(1_000_000);
    const [item] = readAll(adapter, comment('/@mallory', big), NOW);
    expect(item?.text.length).toBe(1_000_000);
    expect(item?.itemKey).toBe(commentKey('mallory', big.slice(0, 300)));
  });
});
