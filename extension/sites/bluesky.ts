// bsky.app: feed rows are `feedItem-by-<handle>` and thread rows `postThreadItem-by-<handle>`.
// The post's record key comes from its own time link (/profile/<handle>/post/<rkey>); the
// thread's anchor post has no such link, so its key is the page's. A quoted post is a link
// titled "Post by <handle>" inside the row and is never read as part of it.
import type { ItemKind, PostedAt, ReadContext, SiteAdapter } from './types';
import { keyFromId } from './keys';
import { absoluteUrl, dirOf, itemText, langOf, parseRelativeTime, postedAtFromLabel } from './read';

/** <div data-testid="feedItem-by-<handle>"> / <div data-testid="postThreadItem-by-<handle>">: one post. */
const ITEM = '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]';
const ITEM_PREFIX = /^(?:feedItem|postThreadItem)-by-/;
/** <a href="/profile/<h>/post/<rkey>" title="Post by <h>">: QuoteEmbed, the quoted post. */
const QUOTE = 'a[title^="Post by "]';
/** <div data-testid="contentHider-post">: the post's content, absent while moderation hides it. */
const CONTENT = '[data-testid="contentHider-post"]';
/** <div dir="auto" data-testid="postText">: the post's own text (quotes render theirs without it). */
const TEXT = '[data-testid="postText"]';
/** <a href="/profile/<h>/post/<rkey>" aria-label="<date>" data-tooltip="<date>">2h</a>: PostMeta's time link. */
const POST_LINK = 'a[href*="/post/"]';
/** <a href="/profile/<handle>"> with the display name as its first child. */
const PROFILE_LINK = 'a[href^="/profile/"]';
/** <div dir="auto">Nov 22, 2026 at 1:10 AM</div>: the thread anchor's date, plain Text. */
const ANCHOR_DATE = 'div[dir="auto"]';
/** <button data-testid="likeBtn">: its parent is the reply/repost/like row. */
const LIKE_BUTTON = '[data-testid="likeBtn"]';
/** <nav role="navigation"> <a href="/profile/<handle>" aria-label="Profile">: the signed-in account. */
const NAV_PROFILE = 'nav a[href^="/profile/"]';
/** <div contenteditable="true" role="textbox" class="tiptap ProseMirror">: the composer (TipTap). */
const COMPOSER = '.ProseMirror[contenteditable="true"]';

const POST_PATH = /^\/profile\/([^/?#]{1,253})\/post\/([a-z0-9]{1,20})\/?$/i;
const PROFILE_PATH = /^\/profile\/([^/?#]{1,253})\/?$/;
const ORIGIN = 'https://bsky.app';

/**
 * The matches in `item` outside its quoted post and, when `skipText`, outside its text. The
 * quote's own links (name, time) sit inside the quote link as React builds it, but an HTML
 * parser moves nested anchors out next to it, so the quote link's parent is what is skipped.
 */
function ownAll(item: Element, selector: string, skipText = false): Element[] {
  const quotes = Array.from(item.querySelectorAll(QUOTE)).map((quote) => quote.parentElement ?? quote);
  return Array.from(item.querySelectorAll(selector)).filter(
    (match) => !quotes.some((quote) => quote.contains(match)) && !(skipText && match.closest(TEXT)),
  );
}

function own(item: Element, selector: string, skipText = false): Element | undefined {
  return ownAll(item, selector, skipText)[0];
}

function pathOf(href: string | null | undefined, base: URL): string | undefined {
  const url = href ? absoluteUrl(href, base) : undefined;
  if (!url) return undefined;
  const parsed = new URL(url);
  return parsed.hostname === 'bsky.app' || parsed.hostname.endsWith('.bsky.app') ? parsed.pathname : undefined;
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

function postedAtOf(link: Element, context: ReadContext): PostedAt | undefined {
  const label = link.getAttribute('aria-label') ?? link.getAttribute('data-tooltip') ?? '';
  return (
    (label ? postedAtFromLabel(label, context.pageLang, context.now) : undefined) ??
    parseRelativeTime(link.textContent ?? '', context.pageLang, context.now)
  );
}

/** The rkey, handle, time link and kind of a row; the thread's anchor takes the page's post. */
function identify(element: Element, handle: string, context: ReadContext) {
  const link = own(element, POST_LINK, true);
  const path = pathOf(link?.getAttribute('href'), context.pageUrl);
  const match = path ? POST_PATH.exec(path) : null;
  const page = POST_PATH.exec(context.pageUrl.pathname);
  const onNotifications = context.pageUrl.pathname.startsWith('/notifications');
  if (match) {
    const kind: ItemKind = onNotifications ? 'mention' : page ? 'reply' : 'post';
    return { handle: decodeURIComponent(match[1] ?? ''), rkey: match[2] ?? '', link, kind };
  }
  const anchor =
    page &&
    element.getAttribute('data-testid')?.startsWith('postThreadItem-by-') &&
    (page[1] === handle || (page[1] ?? '').startsWith('did:'));
  return anchor && page[2] ? { handle, rkey: page[2], link: undefined, kind: 'post' as const } : undefined;
}

/** The anchor post shows its full date as plain text ("Nov 22, 2026 at 1:10 AM") under the text. */
function anchorPostedAt(element: Element, context: ReadContext): PostedAt | undefined {
  for (const text of ownAll(element, ANCHOR_DATE, true).slice(0, 40)) {
    const label = text.children.length === 0 ? (text.textContent ?? '') : '';
    if (label.length > 60 || !/\d{4}/.test(label)) continue;
    const postedAt = postedAtFromLabel(label, context.pageLang, context.now);
    if (postedAt) return postedAt;
  }
  return undefined;
}

export const adapter: SiteAdapter = {
  platform: 'bluesky',

  matches: (url) => url.protocol === 'https:' && /(^|\.)bsky\.app$/.test(url.hostname),

  // Rows hidden by moderation render no content hider: never items.
  findItems: (root) => selfOrAll(root, ITEM).filter((row) => row.querySelector(CONTENT) !== null),

  readItem(element, context) {
    try {
      const testHandle = (element.getAttribute('data-testid') ?? '').replace(ITEM_PREFIX, '');
      const textEl = own(element, TEXT);
      const found = identify(element, testHandle, context);
      // Rows hidden by moderation, placeholders and rows without a post have neither.
      if (!found || !textEl) return undefined;
      // The author's profile link that shows text (not the avatar, not "Reposted by …").
      const nameEl = ownAll(element, PROFILE_LINK, true)
        .filter((link) => PROFILE_PATH.exec(pathOf(link.getAttribute('href'), context.pageUrl) ?? '')?.[1] === found.handle)
        .flatMap((link) => Array.from(link.children))
        .find((child) => child.textContent?.trim());
      const text = itemText(textEl, { exclude: QUOTE });
      return {
        itemKey: keyFromId('bluesky', found.rkey),
        kind: found.kind,
        author: { handle: found.handle, name: nameEl ? itemText(nameEl) || undefined : undefined },
        text,
        postedAt: found.link ? postedAtOf(found.link, context) : anchorPostedAt(element, context),
        url: `${ORIGIN}/profile/${found.handle}/post/${found.rkey}`,
        lang: langOf(textEl),
        dir: dirHint(textEl, text),
      };
    } catch {
      return undefined;
    }
  },

  badgeSlot(element) {
    const row = own(element, LIKE_BUTTON)?.parentElement;
    if (row) return { parent: row, before: null };
    const meta = own(element, POST_LINK, true)?.parentElement;
    return meta ? { parent: meta, before: null } : undefined;
  },

  account(document) {
    for (const link of Array.from(document.querySelectorAll(NAV_PROFILE))) {
      const handle = PROFILE_PATH.exec(link.getAttribute('href') ?? '')?.[1];
      if (handle) return decodeURIComponent(handle);
    }
    return undefined;
  },

  composers: (root) => selfOrAll(root, COMPOSER),
};
