// threads.net / threads.com: every post and reply is a `div[data-pressable-container="true"]`
// (Threads has no <article>, no data-testid). The post code comes from its own permalink,
// the link around its <time>; sponsored posts and removed replies have none and are skipped.
// A quoted post is a pressable container nested in the quoting one and belongs to neither.
import type { ItemKind, SiteAdapter } from './types';
import { keyFromId } from './keys';
import { absoluteUrl, dirOf, itemText, langOf, parseRelativeTime, postedAtFromDatetime } from './read';

/** <div data-pressable-container="true">: one post or reply (or, nested, a quoted post). */
const ITEM = 'div[data-pressable-container="true"]';
/** <a href="/@<user>/post/<code>"><time datetime=".." title="..">2h</time></a>: the permalink. */
const TIME = 'time';
/** <a href="/@<user>">: author links (avatar, username) and the nav's profile link. */
const PROFILE_LINK = 'a[href^="/@"]';
/** <span dir="auto">: the text, the first such span outside links and buttons. */
const TEXT = 'span[dir="auto"]';
/** <div role="button"> / <a>: what the text span must not be inside (Translate, counts, names). */
const NOT_TEXT = 'a, [role="button"]';
/** <div contenteditable="true" role="textbox" data-lexical-editor="true">: the reply box. */
const COMPOSER = '[contenteditable="true"][role="textbox"]';

const POST_PATH = /^\/@([\w.]{1,64})\/post\/([\w-]{1,40})\/?$/;
const PROFILE_PATH = /^\/@([\w.]{1,64})\/?$/;
const HOST = /(^|\.)threads\.(net|com)$/;

/** The matches in `item` that belong to it, not to a quoted post nested in it. */
function ownAll(item: Element, selector: string): Element[] {
  return Array.from(item.querySelectorAll(selector)).filter((match) => match.closest(ITEM) === item);
}

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/** dirOf, and for dir="auto" (which dirOf leaves open) the browser's rule: the first letter's direction. */
function dirHint(textEl: Element, text: string): 'ltr' | 'rtl' | undefined {
  const explicit = dirOf(textEl);
  if (explicit || textEl.closest('[dir]')?.getAttribute('dir') !== 'auto') return explicit;
  const letter = /\p{L}/u.exec(text)?.[0];
  return letter ? (RTL_LETTER.test(letter) ? 'rtl' : 'ltr') : undefined;
}

function selfOrAll(root: ParentNode, selector: string): Element[] {
  const self = 'matches' in root && (root as Element).matches(selector) ? [root as Element] : [];
  return [...self, ...Array.from(root.querySelectorAll(selector))];
}

function pathOf(href: string | null | undefined, base: URL): string | undefined {
  const url = href ? absoluteUrl(href, base) : undefined;
  return url && HOST.test(new URL(url).hostname) ? new URL(url).pathname : undefined;
}

function kindOf(code: string, page: URL): ItemKind {
  if (page.pathname.startsWith('/activity')) return 'mention';
  const focal = POST_PATH.exec(page.pathname);
  return focal && focal[2] !== code ? 'reply' : 'post';
}

export const adapter: SiteAdapter = {
  platform: 'threads',

  matches: (url) => url.protocol === 'https:' && HOST.test(url.hostname),

  // Outermost containers with a time of their own: quoted posts, ads and removed replies are not items.
  findItems: (root) =>
    selfOrAll(root, ITEM).filter((item) => !item.parentElement?.closest(ITEM) && ownAll(item, TIME).length > 0),

  readItem(element, context) {
    try {
      const time = ownAll(element, TIME)[0];
      const path = pathOf(time?.closest('a[href]')?.getAttribute('href'), context.pageUrl);
      const post = path ? POST_PATH.exec(path) : null;
      if (!time || !post) return undefined;
      const [, handle = '', code = ''] = post;
      const textEl = ownAll(element, TEXT).find((span) => !span.parentElement?.closest(NOT_TEXT));
      const origin = HOST.test(context.pageUrl.hostname) ? context.pageUrl.origin : 'https://www.threads.com';
      const text = textEl ? itemText(textEl) : '';
      return {
        itemKey: keyFromId('threads', code),
        kind: kindOf(code, context.pageUrl),
        author: { handle },
        text,
        postedAt:
          postedAtFromDatetime(time.getAttribute('datetime')) ??
          parseRelativeTime(time.textContent ?? '', context.pageLang, context.now),
        url: `${origin}/@${handle}/post/${code}`,
        lang: textEl ? langOf(textEl) : undefined,
        dir: textEl ? dirHint(textEl, text) : undefined,
      };
    } catch {
      return undefined;
    }
  },

  // In the author line, right after the time.
  badgeSlot(element) {
    const timeBox = ownAll(element, TIME)[0]?.closest('a[href]')?.parentElement;
    return timeBox?.parentElement ? { parent: timeBox.parentElement, before: timeBox.nextSibling } : undefined;
  },

  // The nav's profile link: an icon link (svg[aria-label="Profile"]) outside every post.
  account(document) {
    for (const link of Array.from(document.querySelectorAll(PROFILE_LINK))) {
      if (link.closest(ITEM) || !link.querySelector('svg')) continue;
      const handle = PROFILE_PATH.exec(link.getAttribute('href') ?? '')?.[1];
      if (handle) return handle;
    }
    return undefined;
  },

  composers: (root) => selfOrAll(root, COMPOSER),
};
