import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFromId } from './keys';
import { itemText, parseRelativeTime } from './read';
import { expectAdapterBasics, loadSnapshot, readAll, SNAPSHOT_NOW } from './testing';
import type { SiteAdapter } from './types';

const fakeAdapter: SiteAdapter = {
  platform: 'reddit',
  matches: (url) => url.hostname.endsWith('reddit.com'),
  findItems: (root) => [...root.querySelectorAll('shreddit-comment[thingid]')],
  readItem(element, context) {
    const id = element.getAttribute('thingid');
    if (!id) return undefined;
    const time = element.querySelector(':scope > time');
    const postedAt = parseRelativeTime(time?.textContent ?? '', context.pageLang, context.now);
    return {
      itemKey: keyFromId('reddit', id),
      kind: 'comment',
      author: { handle: element.getAttribute('author') ?? undefined },
      text: itemText(element.querySelector('[slot="comment"]') ?? element),
      ...(postedAt ? { postedAt } : {}),
      url: element.querySelector('a')?.href,
    };
  },
  badgeSlot: (element) => ({ parent: element, before: element.firstChild }),
  account: () => undefined,
  composers: () => [],
};

const SNAPSHOT = `<!-- Hand-written for the harness's own test. -->
<!doctype html><html lang="en"><body>
<shreddit-comment thingid="t1_a" author="ana"><time>5h</time><div slot="comment"><p>First <img alt="🎉"></p></div><a href="/r/x/comments/1/c/a/">link</a></shreddit-comment>
<shreddit-comment thingid="t1_b" author="bo"><time>2d</time><div slot="comment"><p>Second</p></div></shreddit-comment>
</body></html>`;

describe('snapshot harness', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-snapshot-'));
  const file = join(dir, 'page.html');
  writeFileSync(file, SNAPSHOT);

  it('loads a snapshot as a document served at the given URL', () => {
    const doc = loadSnapshot(file, 'https://www.reddit.com/r/x/comments/1/');
    expect(doc.URL).toBe('https://www.reddit.com/r/x/comments/1/');
    expect(doc.querySelector('a')?.href).toBe('https://www.reddit.com/r/x/comments/1/c/a/');
    expect(doc.querySelector('time')?.closest('shreddit-comment')?.getAttribute('thingid')).toBe('t1_a');
  });

  it('reads every item and checks the basics', () => {
    const doc = loadSnapshot(file, 'https://www.reddit.com/r/x/comments/1/');
    const items = expectAdapterBasics(fakeAdapter, doc);
    expect(items.map((item) => [item.itemKey, item.text])).toEqual([['reddit:t1_a', 'First 🎉'], ['reddit:t1_b', 'Second']]);
    expect(readAll(fakeAdapter, doc)[1]?.postedAt?.iso).toBe(new Date(SNAPSHOT_NOW - 2 * 86_400_000).toISOString());
  });

  it('is never imported by extension code', () => {
    const root = resolve(import.meta.dirname, '..');
    const importers = (readdirSync(root, { recursive: true }) as string[])
      .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) && !path.endsWith('testing.ts'))
      .filter((path) => /from\s+['"][./]*(?:sites\/)?testing['"]/.test(readFileSync(join(root, path), 'utf8')))
      .map((path) => relative(root, join(root, path)));
    expect(importers).toEqual([]);
  });
});
