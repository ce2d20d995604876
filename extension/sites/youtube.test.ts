import { describe, expect, it } from 'vitest';
import { adapter } from './youtube';
import { expectAdapterBasics, htmlDocument, loadSnapshot, readAll } from './testing';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const WATCH_URL = 'https://www.youtube.com/watch?v=Kx3pWq9LmZs';
const watch = () => loadSnapshot('extension/sites/snapshots/youtube/watch.html', WATCH_URL);
const posts = () => loadSnapshot('extension/sites/snapshots/youtube/posts.html', 'https://www.youtube.com/@LubeLab/posts');
const relative = (iso: string, precision: string) => ({ iso, precision, source: 'relative' });

describe('youtube adapter: watch page comments', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, watch(), NOW);
  });

  it('reads comments and replies by their lc= id; the ad and the loading placeholder are not items', () => {
    expect(readAll(adapter, watch(), NOW)).toEqual([
      {
        itemKey: 'youtube:UgzQ7b3K9vX1pLmN4AaABAg',
        kind: 'comment',
        author: { handle: 'sarah.builds', name: undefined },
        text: "Finally a tutorial that doesn't skip the stabilizers 😂 the part at 4:12 saved my board.\nSubscribed!",
        postedAt: relative('2026-11-20T12:00:00.000Z', 'day'),
        url: 'https://www.youtube.com/watch?v=Kx3pWq9LmZs&lc=UgzQ7b3K9vX1pLmN4AaABAg',
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'youtube:UgzQ7b3K9vX1pLmN4AaABAg.9xQ2LmN4pK39xR7tYw2bQs',
        kind: 'reply',
        author: { handle: 'LubeLab', name: undefined },
        text: '@sarah.builds thank you! More on stabilizers next week.',
        postedAt: relative('2026-11-21T12:00:00.000Z', 'day'),
        url: 'https://www.youtube.com/watch?v=Kx3pWq9LmZs&lc=UgzQ7b3K9vX1pLmN4AaABAg.9xQ2LmN4pK39xR7tYw2bQs',
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'youtube:UgzQ7b3K9vX1pLmN4AaABAg.9xQ2LmN4pK39xS1aBc3dEf',
        kind: 'reply',
        author: { handle: 'مریم-کیبورد', name: undefined },
        text: 'این آموزش عالی بود، ممنون! لطفاً زیرنویس فارسی هم اضافه کنید.',
        postedAt: relative('2026-11-22T07:00:00.000Z', 'hour'),
        url: 'https://www.youtube.com/watch?v=Kx3pWq9LmZs&lc=UgzQ7b3K9vX1pLmN4AaABAg.9xQ2LmN4pK39xS1aBc3dEf',
        lang: undefined,
        dir: 'rtl',
      },
      {
        itemKey: 'youtube:UgwP2aL8mQ4rT6vN1xZ4AaABAg',
        kind: 'comment',
        author: { handle: 'nguyenvan.keys', name: undefined },
        text: 'Video rất hay, cho mình hỏi dùng loại lube nào vậy? 🙏',
        postedAt: relative('2026-11-01T12:00:00.000Z', 'week'),
        url: 'https://www.youtube.com/watch?v=Kx3pWq9LmZs&lc=UgwP2aL8mQ4rT6vN1xZ4AaABAg',
        lang: undefined,
        dir: 'ltr',
      },
    ]);
  });

  it('puts badges in the author line, outside the text', () => {
    const doc = watch();
    for (const element of adapter.findItems(doc)) {
      const slot = adapter.badgeSlot(element)!;
      expect(slot.parent.id).toBe('header-author');
      expect(slot.parent.querySelector('#content-text')).toBeNull();
      expect(slot.parent.closest('#content-text, ytd-expander')).toBeNull();
    }
  });

  it('finds the signed-in account and the comment box', () => {
    const doc = watch();
    expect(adapter.account(doc)).toBe('chorus.keys');
    expect(adapter.composers(doc).map((el) => el.id)).toEqual(['contenteditable-root']);
  });

  it('finds a thread added on its own: the comment, then its replies', () => {
    const doc = watch();
    const thread = doc.querySelector('ytd-comment-thread-renderer')!;
    expect(adapter.findItems(thread)).toHaveLength(3);
  });

  it('matches youtube.com and its subdomains only', () => {
    expect(adapter.matches(new URL('https://www.youtube.com/watch?v=x'))).toBe(true);
    expect(adapter.matches(new URL('https://m.youtube.com/'))).toBe(true);
    expect(adapter.matches(new URL('https://youtube.com.evil.io/'))).toBe(false);
    expect(adapter.matches(new URL('https://youtu.be/x'))).toBe(false);
  });
});

describe('youtube adapter: channel posts', () => {
  it('passes the basic checks', () => {
    expectAdapterBasics(adapter, posts(), NOW);
  });

  it('reads posts by their /post/ id, times in the page language, the attached video left out', () => {
    expect(readAll(adapter, posts(), NOW)).toEqual([
      {
        itemKey: 'youtube:UgkxR4nT8qLm2PzW9vYb3cKd7eFgH1jA0sXu',
        kind: 'post',
        author: { handle: 'LubeLab', name: 'Lube Lab' },
        text: '¿Qué switches quieren que probemos la próxima semana? Dejen su voto 👇 y cuéntennos en los comentarios.',
        postedAt: relative('2026-11-20T12:00:00.000Z', 'day'),
        url: 'https://www.youtube.com/post/UgkxR4nT8qLm2PzW9vYb3cKd7eFgH1jA0sXu',
        lang: undefined,
        dir: 'ltr',
      },
      {
        itemKey: 'youtube:UgkxT7bQ2mNp5RsV8wXy1zA4cD6eF9gH3jKl',
        kind: 'post',
        author: { handle: 'LubeLab', name: 'Lube Lab' },
        text: 'شكرًا لكل من شارك في المسابقة! سنعلن الفائز يوم الجمعة 🎁',
        postedAt: relative('2026-11-01T12:00:00.000Z', 'week'),
        url: 'https://www.youtube.com/post/UgkxT7bQ2mNp5RsV8wXy1zA4cD6eF9gH3jKl',
        lang: undefined,
        dir: 'rtl',
      },
    ]);
  });
});

describe('youtube adapter: hostile markup', () => {
  const comment = (timeHref: string, text: string) =>
    htmlDocument(
      `<html lang="en"><body><ytd-comment-view-model><div id="header-author"><a id="author-text" href="/@x"><span>@x</span></a>` +
        `<span id="published-time-text"><a href="${timeHref}">1 hour ago</a></span></div>` +
        `<yt-attributed-string id="content-text">${text}</yt-attributed-string></ytd-comment-view-model></body></html>`,
      WATCH_URL,
    );

  it('reads the snapshot with times, author links and texts removed without throwing', () => {
    const doc = watch();
    for (const el of Array.from(doc.querySelectorAll('#author-text, #content-text'))) el.remove();
    for (const el of Array.from(doc.querySelectorAll('#published-time-text a'))) el.textContent = '';
    const items = readAll(adapter, doc, NOW);
    expect(items).toHaveLength(4);
    for (const item of items) {
      expect(item.text).toBe('');
      expect(item.postedAt).toBeUndefined();
      expect(item.author).toEqual({ handle: undefined, name: undefined });
    }
    for (const el of Array.from(doc.querySelectorAll('#published-time-text'))) el.remove();
    expect(readAll(adapter, doc, NOW)).toEqual([]);
  });

  it('reads script, onerror images and javascript: links as inert text, never a javascript: url', () => {
    const doc = comment(
      '/watch?v=Kx3pWq9LmZs&amp;lc=UgyEvil000000',
      '<span>hey <img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">link</a> &lt;b&gt;</span>',
    );
    const [item] = readAll(adapter, doc, NOW);
    expect(item?.text).toBe('hey link <b>');
    expect(item?.url).toBe('https://www.youtube.com/watch?v=Kx3pWq9LmZs&lc=UgyEvil000000');
    expect(readAll(adapter, comment('javascript:alert(1)//?lc=UgyEvil000000', 'x'), NOW)).toEqual([]);
    expect(readAll(adapter, comment('https://evil.example/watch?lc=UgyEvil000000', 'x'), NOW)).toEqual([]);
  });

  it('gives two elements with the same comment id the same key (a highlighted comment shown twice)', () => {
    const doc = comment('/watch?v=Kx3pWq9LmZs&amp;lc=UgyDup0000000', 'same');
    doc.body.append(doc.querySelector('ytd-comment-view-model')!.cloneNode(true));
    expect(readAll(adapter, doc, NOW).map((item) => item.itemKey)).toEqual(['youtube:UgyDup0000000', 'youtube:UgyDup0000000']);
  });

  it('reads a 1 MB comment', () => {
    const [item] = readAll(adapter, comment('/watch?v=Kx3pWq9LmZs&amp;lc=UgyBig0000000', `<span>${'w'.repeat(1_000_000)}</span>`), NOW);
    expect(item?.text.length).toBe(1_000_000);
  });
});
