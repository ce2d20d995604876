// Which reply box an element belongs to, and which item a reply box answers.
import type { Interaction, Platform } from '../../shared/schemas';
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
  let chosen = adapter.answers?.(composer, items) ?? innermostItem(items, composer);
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

/** Whether `item` holds `element`, also inside the shadow roots of its descendants (Reddit's
 * vote buttons live in shreddit-post's). */
function holds(item: Element, element: Element): boolean {
  for (let node: Node | null = element; node; ) {
    if (item.contains(node)) return true;
    const root = node.getRootNode();
    node = root !== node && 'host' in root ? (root as ShadowRoot).host : null;
  }
  return false;
}

/** The innermost of the page's items that holds `element`. */
export function innermostItem(items: readonly Element[], element: Element): Element | undefined {
  let chosen: Element | undefined;
  for (const item of items) if (holds(item, element)) chosen = item;
  return chosen;
}

/** `text` cut to at most `max` code units without splitting a character (a lone surrogate
 * would make the record unstorable). */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** What an interaction says about the item it acts on. */
export function itemFields(item: SiteItem): Pick<Interaction, 'itemUrl' | 'itemAuthor' | 'itemPostedAt'> {
  const author = item.author.handle ?? item.author.name;
  const posted = item.postedAt ? Date.parse(item.postedAt.iso) : Number.NaN;
  return {
    ...(item.url ? { itemUrl: item.url } : {}),
    ...(author ? { itemAuthor: cut(author, 200) } : {}),
    ...(Number.isFinite(posted) ? { itemPostedAt: new Date(posted).toISOString() } : {}),
  };
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
