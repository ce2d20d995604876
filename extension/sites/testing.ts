// Test helpers for site adapters: saved snapshots parsed with happy-dom (a DOM whose
// document knows its URL, so `a.href` resolves as on the site). Only tests import this
// file; it must never be imported by extension code (it pulls in happy-dom and vitest).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { expect } from 'vitest';
import type { ReadContext, SiteAdapter, SiteItem } from './types';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every saved page but Mastodon's (served at its own instance), with the real address it is served at in the e2e tests. */
export const SNAPSHOT_PAGES: readonly { file: string; url: string }[] = [
  { file: 'x/status-thread.html', url: 'https://x.com/ChorusCoffee/status/1992143000000000001' },
  { file: 'x/home-feed.html', url: 'https://x.com/home' },
  { file: 'linkedin/post-page.html', url: 'https://www.linkedin.com/feed/update/urn:li:activity:7397001122334455667/' },
  { file: 'linkedin/home-feed.html', url: 'https://www.linkedin.com/feed/' },
  { file: 'facebook/post-permalink.html', url: 'https://www.facebook.com/chorus.coffee/posts/pfbid02Hq7xWkDuU4bLm3ZcKqVtR9sYpA1nEoF6gJiT8hX2wBzN5dQ3vCl' },
  { file: 'facebook/news-feed.html', url: 'https://www.facebook.com/' },
  { file: 'instagram/post-page.html', url: 'https://www.instagram.com/p/DQx7hKzAbC9/' },
  { file: 'instagram/home-feed.html', url: 'https://www.instagram.com/' },
  { file: 'reddit/thread.html', url: 'https://www.reddit.com/r/MechanicalKeyboards/comments/1gx7k2p/my_first_build_feedback_welcome/' },
  { file: 'reddit/feed.html', url: 'https://www.reddit.com/' },
  { file: 'youtube/watch.html', url: 'https://www.youtube.com/watch?v=Kx3pWq9LmZs' },
  { file: 'youtube/posts.html', url: 'https://www.youtube.com/@LubeLab/posts' },
  { file: 'bluesky/post-thread.html', url: 'https://bsky.app/profile/choruscoffee.bsky.social/post/3mcfq2x7kzs2a' },
  { file: 'bluesky/home-feed.html', url: 'https://bsky.app/' },
  { file: 'threads/post-thread.html', url: 'https://www.threads.com/@choruscoffee/post/DC4kQm9yZ1a' },
  { file: 'threads/home-feed.html', url: 'https://www.threads.net/' },
  { file: 'tiktok/video.html', url: 'https://www.tiktok.com/@lubelab/video/7439182736451234567' },
  { file: 'tiktok/foryou.html', url: 'https://www.tiktok.com/foryou' },
];

/** Fixed "now" for snapshot tests, so relative times read the same every day. */
export const SNAPSHOT_NOW = Date.parse('2025-03-10T12:00:00Z');

/** Parses `html` as a document served at `url` (scripts never run). */
export function htmlDocument(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Reads a snapshot (path relative to the repository root) as a document served at `url`. */
export function loadSnapshot(path: string, url: string): Document {
  return htmlDocument(readFileSync(resolve(repoRoot, path), 'utf8'), url);
}

export function readContext(doc: Document, now = SNAPSHOT_NOW): ReadContext {
  return { now, pageLang: doc.documentElement.getAttribute('lang') ?? '', pageUrl: new URL(doc.URL) };
}

/** Every item the adapter finds in `doc`, read; the ones it declines are left out. */
export function readAll(adapter: SiteAdapter, doc: Document, now = SNAPSHOT_NOW): SiteItem[] {
  const context = readContext(doc, now);
  return adapter
    .findItems(doc)
    .map((element) => adapter.readItem(element, context))
    .filter((item): item is SiteItem => item !== undefined);
}

/** The checks every adapter passes on each of its snapshots; returns the items read. */
export function expectAdapterBasics(adapter: SiteAdapter, doc: Document, now = SNAPSHOT_NOW): SiteItem[] {
  const context = readContext(doc, now);
  const elements = adapter.findItems(doc);
  expect(elements.length, 'items found').toBeGreaterThan(0);
  expect(adapter.matches(context.pageUrl), `matches ${doc.URL}`).toBe(true);
  const items: SiteItem[] = [];
  for (const element of elements) {
    const item = adapter.readItem(element, context);
    expect(item, `reads ${element.outerHTML.slice(0, 200)}`).toBeDefined();
    if (!item) continue;
    items.push(item);
    expect(item.itemKey.startsWith(`${adapter.platform}:`), item.itemKey).toBe(true);
    expect(item.itemKey.length, item.itemKey).toBeGreaterThan(adapter.platform.length + 1);
    expect(item.text.trim(), `text of ${item.itemKey}`).not.toBe('');
    if (item.url !== undefined) expect(item.url.startsWith('https://'), item.url).toBe(true);
    if (item.postedAt) expect(Number.isNaN(Date.parse(item.postedAt.iso)), item.postedAt.iso).toBe(false);
    const slot = adapter.badgeSlot(element);
    expect(slot, `badge slot of ${item.itemKey}`).toBeDefined();
    if (slot) {
      expect(slot.parent.isConnected, `badge slot parent of ${item.itemKey} is in the page`).toBe(true);
      if (slot.before) expect(slot.before.parentNode, `badge slot of ${item.itemKey}: before is a child of parent`).toBe(slot.parent);
    }
  }
  const keys = items.map((item) => item.itemKey);
  expect(new Set(keys).size, `unique keys: ${keys.join(', ')}`).toBe(keys.length);
  return items;
}
