// linkedin.com: posts in the home feed and on a post page (/feed/update/urn:li:activity:<id>/),
// their comments and replies. LinkedIn serves two markups side by side: the Ember one (BEM
// classes, data-urn/data-id) and the newer server-driven one (generated classes, but
// componentkey and data-testid hooks). The adapter reads both.
import { keyFromId } from './keys';
import { dirOf, itemText, langOf, parseRelativeTime } from './read';
import type { PostedAt, ReadContext, SiteAdapter, SiteItem } from './types';

/** Ember post: `<div class="feed-shared-update-v2" data-urn="urn:li:activity:…" role="article">`. */
const POST_EMBER = '[data-urn^="urn:li:activity:"], [data-urn^="urn:li:ugcPost:"], [data-urn^="urn:li:share:"]';
/** Server-driven post card: `<div role="listitem" componentkey="update-card-focus…">`. */
const POST_CARD = '[role="listitem"][componentkey^="update-card-focus"]';
/** Ember comment/reply: `<article class="comments-comment-entity[--reply]" data-id="urn:li:comment:(activity:1,2)">`. */
const COMMENT_EMBER = 'article[data-id^="urn:li:comment:"]';
/** Server-driven comment/reply: `<div componentkey="replaceableComment_urn:li:comment:(urn:li:activity:1,2)">`. */
const COMMENT_CARD = '[componentkey^="replaceableComment_urn:li:comment:"]';
const POST = `${POST_EMBER}, ${POST_CARD}`;
const COMMENT = `${COMMENT_EMBER}, ${COMMENT_CARD}`;
const ITEM = `${POST}, ${COMMENT}`;
/** The text: Ember `.update-components-text` (commentary / comment body), server-driven
 * `[data-testid="expandable-text-box"]`. */
const TEXT = '.update-components-update-v2__commentary, .comments-comment-item__main-content, [data-testid="expandable-text-box"], .update-components-text';
/** A reshared post inside a post (Ember): its text must not be read as the outer post's. */
const RESHARE = '.update-components-mini-update-v2, .feed-shared-update-v2__update-content-wrapper';
/** The author link: Ember `a.update-components-actor__meta-link` / `a.comments-comment-meta__description-container`;
 * server-driven, the first profile link with text (the avatar link before it has none). */
const AUTHOR_EMBER = '.update-components-actor__meta-link, .comments-comment-meta__description-container';
const PROFILE_LINK = 'a[href*="/in/"], a[href*="/company/"]';
/** The visible name inside it (Ember duplicates it in a `.visually-hidden` span for screen readers). */
const AUTHOR_NAME = '.update-components-actor__title [aria-hidden="true"], .comments-comment-meta__description-title';
/** The age: Ember `<span class="update-components-actor__sub-description"><span aria-hidden="true">5h • `,
 * `<time class="comments-comment-meta__data">2d</time>`; server-driven, a short text "2d •" (see postedAt). */
const AGE = '.update-components-actor__sub-description [aria-hidden="true"], time.comments-comment-meta__data, time';
/** Comment and reply editors: Ember Quill `.ql-editor[contenteditable]`, server-driven `div[contenteditable][role=textbox]`. */
const COMPOSER = '[contenteditable="true"][role="textbox"], .ql-editor[contenteditable="true"]';
/** The member's own profile link: the feed's identity card, or the global nav's "Me" menu. */
const ACCOUNT = '.feed-identity-module a[href*="/in/"], .global-nav__me a[href*="/in/"]';

const ACTIVITY = /urn:li:(?:activity|ugcPost|share):\d+/;
const COMMENT_URN = /urn:li:comment:\((?:urn:li:)?(activity|ugcPost|share):(\d+),(\d+)\)/;
const PROFILE = /\/(?:in|company)\/([^/?#]+)/;
/** A relative age at the start of a line: "5h", "2 d", "3mo", "1 yr". */
const AGE_TEXT = /^\s*\d+\s*\p{L}+/u;

function commentUrn(element: Element): string | undefined {
  const raw = element.getAttribute('data-id') ?? element.getAttribute('componentkey') ?? '';
  const match = COMMENT_URN.exec(raw);
  // One spelling for both markups: urn:li:comment:(activity:1,2).
  return match ? `urn:li:comment:(${match[1]}:${match[2]},${match[3]})` : undefined;
}

/** Whether `node` belongs to `item` itself, not to a comment nested inside it. */
function owns(item: Element, node: Element): boolean {
  const comment = node.closest(COMMENT);
  return item.matches(COMMENT) ? comment === item : comment === null;
}

function first(item: Element, selector: string): Element | undefined {
  return [...item.querySelectorAll(selector)].find((el) => owns(item, el) && !el.closest(RESHARE));
}

function postUrn(element: Element, context: ReadContext): string | undefined {
  // Anchored: a sponsored urn (urn:li:sponsoredContentV2:(urn:li:ugcPost:…)) only contains one.
  const own = /^urn:li:(?:activity|ugcPost|share):\d+$/.exec(element.getAttribute('data-urn') ?? '')?.[0];
  if (own) return own;
  // Server-driven cards carry no urn: a link to the post, the page itself, or a comment's urn.
  const link = first(element, 'a[href*="/feed/update/urn:li:"]');
  const fromLink = ACTIVITY.exec(decodeURIComponent(link?.getAttribute('href') ?? ''))?.[0];
  if (fromLink) return fromLink;
  // On a post page the first card is the post itself (cards after it are suggestions).
  if (context.pageUrl.pathname.startsWith('/feed/update/') && element.ownerDocument.querySelector(POST_CARD) === element) {
    return ACTIVITY.exec(decodeURIComponent(context.pageUrl.pathname))?.[0];
  }
  const comment = element.querySelector(COMMENT);
  const urn = comment ? COMMENT_URN.exec(comment.getAttribute('componentkey') ?? comment.getAttribute('data-id') ?? '') : null;
  return urn ? `urn:li:${urn[1]}:${urn[2]}` : undefined;
}

function authorOf(item: Element): Element | undefined {
  return first(item, AUTHOR_EMBER) ?? [...item.querySelectorAll(PROFILE_LINK)].find((a) => owns(item, a) && !a.closest(RESHARE) && a.textContent?.trim());
}

/** The age as the site prints it ("5h •", "2d", "3mo"): the Ember age elements first, else
 * (server-driven markup) the first short leaf text of the item that reads as a relative time. */
function postedAt(item: Element, context: ReadContext): PostedAt | undefined {
  const parse = (text: string | null | undefined) =>
    text ? parseRelativeTime(text.replace(/[•·].*$/s, ''), context.pageLang, context.now) : undefined;
  const ember = first(item, AGE);
  if (ember) return parse(ember.textContent);
  for (const el of item.querySelectorAll('p, span')) {
    if (el.children.length > 0 || !owns(item, el)) continue;
    const text = el.textContent ?? '';
    if (text.length < 24 && AGE_TEXT.test(text)) {
      const found = parse(text);
      if (found) return found;
    }
  }
  return undefined;
}

function read(element: Element, context: ReadContext): SiteItem | undefined {
  const isComment = element.matches(COMMENT);
  const urn = isComment ? commentUrn(element) : postUrn(element, context);
  if (!urn) return undefined;
  const activity = isComment ? urn.replace(COMMENT_URN, 'urn:li:$1:$2') : urn;
  const textEl = first(element, TEXT);
  const authorLink = authorOf(element);
  const authorHref = authorLink?.matches('a') ? authorLink : authorLink?.querySelector('a');
  const name = first(element, AUTHOR_NAME)?.textContent ?? authorLink?.textContent;
  const postUrl = `https://www.linkedin.com/feed/update/${activity}/`;
  return {
    itemKey: keyFromId('linkedin', urn),
    kind: !isComment ? 'post' : element.parentElement?.closest(COMMENT) || element.matches('.comments-comment-entity--reply') ? 'reply' : 'comment',
    author: {
      handle: PROFILE.exec(authorHref?.getAttribute('href') ?? '')?.[1],
      name: name?.replace(/\s+/g, ' ').trim() || undefined,
    },
    text: textEl ? itemText(textEl, { exclude: `${RESHARE}, button` }) : '',
    postedAt: postedAt(element, context),
    url: isComment ? `${postUrl}?commentUrn=${encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29')}` : postUrl,
    lang: textEl ? langOf(textEl) : undefined,
    dir: textEl ? dirOf(textEl.querySelector('[dir]') ?? textEl) : undefined,
  };
}

export const adapter: SiteAdapter = {
  platform: 'linkedin',
  matches: (url) => /(^|\.)linkedin\.com$/i.test(url.hostname),
  findItems(root) {
    const found = [...root.querySelectorAll(ITEM)];
    if ('matches' in root && (root as Element).matches(ITEM)) found.unshift(root as Element);
    // A server-driven card can wrap an Ember post, and a comment can nest a second element
    // with its own componentkey: keep the outermost of each.
    return found.filter((el) => {
      if (el.matches(POST)) return !el.parentElement?.closest(POST);
      const outer = el.parentElement?.closest(COMMENT);
      return !outer || commentUrn(outer) !== commentUrn(el);
    });
  },
  readItem(element, context) {
    try {
      return read(element, context);
    } catch {
      return undefined;
    }
  },
  badgeSlot(element) {
    const anchor = authorOf(element);
    return anchor?.parentElement ? { parent: anchor.parentElement, before: anchor.nextSibling } : undefined;
  },
  account(document) {
    const href = document.querySelector(ACCOUNT)?.getAttribute('href');
    return PROFILE.exec(href ?? '')?.[1];
  },
  composers: (root) => [...new Set(root.querySelectorAll(COMPOSER))],
};
