// Hostile pages for every site adapter, on every saved page: nodes missing at random, a 1 MB
// comment, 10,000 levels of nesting inside an item, script/onerror/javascript: payloads in
// every item, every item duplicated. Nothing the adapter does may throw (an exception would
// escape into the content script), and nothing it reads is markup or a script address.
import { describe, expect, it } from 'vitest';
import { adapterFor } from './registry';
import { loadSnapshot, readContext, SNAPSHOT_PAGES } from './testing';
import type { SiteAdapter } from './types';

const PAGES = [
  ...SNAPSHOT_PAGES,
  { file: 'mastodon/status-thread.html', url: 'https://mastodon.social/@choruscoffee/113541200000000001' },
  { file: 'mastodon/home-feed.html', url: 'https://masto.es/home' },
];
const PAYLOAD = '<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">click</a><svg onload="alert(4)"></svg>';

/** Everything an adapter offers the content script, run over the document: what it read. */
function exercise(adapter: SiteAdapter, doc: Document) {
  const context = readContext(doc);
  const elements = adapter.findItems(doc);
  const items = elements.map((element) => {
    const item = adapter.readItem(element, context);
    adapter.badgeSlot(element);
    return item;
  });
  adapter.account(doc);
  for (const composer of adapter.composers(doc)) adapter.answers?.(composer, elements);
  adapter.enterSends?.(doc.body);
  return items.filter((item) => item !== undefined);
}

/** The text-bearing element of an item with the most text: where a comment's words are. */
function wordiest(element: Element): Element {
  let best = element;
  for (const el of element.querySelectorAll('*')) {
    if ([...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) && (el.textContent?.length ?? 0) >= (best === element ? 0 : (best.textContent?.length ?? 0))) best = el;
  }
  return best;
}

const HOSTILE: Record<string, (doc: Document, adapter: SiteAdapter) => void> = {
  'nodes missing at random'(doc) {
    // A fixed pseudo-random third of the elements removed (never the root or body).
    let seed = 7;
    for (const el of doc.body.querySelectorAll('*')) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      if (seed % 3 === 0) el.remove();
    }
  },
  'a 1 MB comment'(doc, adapter) {
    const first = adapter.findItems(doc)[0];
    if (first) wordiest(first).append(doc.createTextNode('ab🙂 '.repeat(200_000)));
  },
  '10,000 levels of nesting inside an item'(doc, adapter) {
    const first = adapter.findItems(doc)[0];
    if (!first) return;
    // Built inside the page one level at a time (happy-dom connects a detached subtree recursively).
    let inner = wordiest(first);
    for (let i = 0; i < 10_000; i++) {
      const next = doc.createElement(i % 2 ? 'div' : 'span');
      inner.append(next);
      inner = next;
    }
    inner.textContent = 'deep';
  },
  'script, onerror and javascript: payloads in every item'(doc, adapter) {
    for (const item of adapter.findItems(doc)) {
      const target = wordiest(item);
      target.insertAdjacentHTML('beforeend', PAYLOAD);
      for (const a of item.querySelectorAll('a[href]')) a.setAttribute('href', 'javascript:alert(5)');
    }
  },
  'every item duplicated'(doc, adapter) {
    for (const item of adapter.findItems(doc)) item.after(item.cloneNode(true));
  },
};

describe.each(PAGES)('$file', ({ file, url }) => {
  const adapter = adapterFor(new URL(url))!;
  it.each(Object.keys(HOSTILE))('%s: nothing throws, nothing read is markup or a script address', (name) => {
    const doc = loadSnapshot(`extension/sites/snapshots/${file}`, url);
    HOSTILE[name]!(doc, adapter);
    const items = exercise(adapter, doc);
    for (const item of items) {
      expect(item.url ?? 'https://ok', item.itemKey).toMatch(/^https:\/\//);
      expect(item.itemKey.startsWith(`${adapter.platform}:`)).toBe(true);
      expect(item.text).not.toMatch(/<script|<img|onerror=/i);
      expect(item.author.handle ?? '').not.toMatch(/[<>]/);
    }
    if (name === 'every item duplicated') {
      const keys = items.map((i) => i.itemKey);
      // Each item now shows (at least) twice, under the same key.
      for (const key of new Set(keys)) expect(keys.filter((k) => k === key).length, key).toBeGreaterThanOrEqual(2);
    }
  });
});
