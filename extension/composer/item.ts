// Which reply box an element belongs to, and which item a reply box answers.
import type { Platform } from '../../shared/schemas';
import type { TemplateContext } from '../../shared/templates';
import type { SiteAdapter, SiteItem } from '../sites/types';

/** The site's reply box (adapter.composers) that is, holds or sits inside `element`. */
export function composerFor(adapter: SiteAdapter, element: Element): Element | undefined {
  return adapter.composers(document).find((c) => c === element || c.contains(element) || element.contains(c));
}

/** The item a reply box answers: where the adapter knows (`answers`), else the innermost item that contains it (a reply box under a
 * comment), else the last item before it in the page (a post page's box below the post). */
export function itemForComposer(adapter: SiteAdapter, composer: Element): { element: Element; item: SiteItem } | undefined {
  const items = adapter.findItems(document);
  let chosen = adapter.answers?.(composer, items);
  if (!chosen) {
    for (const item of items) {
      if (item.contains(composer)) chosen = item;
    }
  }
  if (!chosen) {
    for (const item of items) {
      if (item.compareDocumentPosition(composer) & Node.DOCUMENT_POSITION_FOLLOWING) chosen = item;
    }
  }
  if (!chosen) return undefined;
  try {
    const item = adapter.readItem(chosen, { now: Date.now(), pageLang: document.documentElement.lang || 'en', pageUrl: new URL(location.href) });
    return item ? { element: chosen, item } : undefined;
  } catch {
    return undefined;
  }
}

/** What a template rendered into this reply box knows: the member, the brand, the platform,
 * and the author and address of the item the box answers (when the page shows them). */
export function templateContext(
  page: { memberName: string; teamName: string },
  platform: Platform,
  item: SiteItem | undefined,
): TemplateContext {
  const author = item?.author;
  return {
    agent: { name: page.memberName },
    brand: page.teamName,
    platform,
    ...(author && (author.name || author.handle) ? { author: { ...(author.name ? { name: author.name } : {}), ...(author.handle ? { handle: author.handle } : {}) } } : {}),
    ...(item?.url ? { item: { url: item.url } } : {}),
  };
}
