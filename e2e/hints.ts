// What the adapter and classifier make of a snapshot in Node: the hints the page must get
// when the built extension runs on it (one per element; a duplicated id gets two).
import { readFileSync } from 'node:fs';
import { classify, setClassifierModel } from '../shared/classify-full.ts';
import { normalizeHandle } from '../extension/brands.ts';
import { adapterFor } from '../extension/sites/registry.ts';
import { loadSnapshot, readAll } from '../extension/sites/testing.ts';
import type { Page } from '@playwright/test';

// The content script classifies with the trained model once the background hands it over.
setClassifierModel(JSON.parse(readFileSync('shared/classify-model.json', 'utf8')));

export interface Snapshot {
  file: string;
  url: string;
}

export function expectedHints(snapshot: Snapshot): { itemKey: string; category: string }[] {
  const doc = loadSnapshot(`extension/sites/snapshots/${snapshot.file}`, snapshot.url);
  const adapter = adapterFor(new URL(snapshot.url));
  if (!adapter) throw new Error(`no adapter for ${snapshot.url}`);
  const account = adapter.account(doc);
  const own = account ? normalizeHandle(account) : undefined;
  const items = readAll(adapter, doc, Date.now()).filter((item) => !(own && item.author.handle && normalizeHandle(item.author.handle) === own));
  return items.map((item) => ({
    itemKey: item.itemKey,
    category: classify(item.text, { ...(item.lang ? { lang: item.lang } : {}), platform: adapter.platform }).category,
  }));
}

/** Off-screen items get their hint as they come near: scroll through the page, and through
 * inner scrolling panels (Instagram's comments) as a reader would. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const pause = () => new Promise((r) => setTimeout(r, 50));
    for (let y = 0; y <= document.documentElement.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await pause();
    }
    for (const panel of document.querySelectorAll<HTMLElement>('*')) {
      if (panel.scrollHeight <= panel.clientHeight || !/auto|scroll/.test(getComputedStyle(panel).overflowY)) continue;
      panel.scrollIntoView();
      for (let y = 0; y <= panel.scrollHeight; y += panel.clientHeight / 2) {
        panel.scrollTop = y;
        await pause();
      }
    }
  });
}
