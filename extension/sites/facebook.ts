// facebook.com (Comet): posts in the news feed and on a post's permalink page, their
// comments and replies. Facebook's class names are generated; the hooks below are the
// aria roles, data-ad-* attributes and permalink shapes it keeps across deploys.
import { keyFromId } from './keys';
import { absoluteUrl, dirOf, FOLLOWING, itemText, langOf, parseRelativeTime, postedAtFromLabel } from './read';
import type { PostedAt, ReadContext, SiteAdapter, SiteItem } from './types';

/** A feed story: `<div aria-posinset="3" aria-describedby aria-labelledby>`; on a permalink
 * page the one story inside `<div role="main">` carries aria-describedby/-labelledby only. */
const POST = 'div[aria-posinset], div[role="main"] div[aria-describedby][aria-labelledby]:not([role])';
/** A comment or reply: `<div role="article" aria-label="Comment by Ana 5h">` ("Reply by …"). */
const COMMENT = 'div[role="article"][aria-label]';
const ITEM = `${POST}, ${COMMENT}`;
/** The story's own text: `<div data-ad-preview="message">` (older `data-ad-comet-preview`),
 * holding `<div data-ad-rendering-role="story_message">`. */
const POST_TEXT = '[data-ad-preview="message"], [data-ad-comet-preview="message"], [data-ad-rendering-role="story_message"]';
/** A comment's text: `<span lang="he-IL" dir="auto"><div dir="auto" style="text-align: start">`. */
const COMMENT_TEXT = 'span[lang][dir="auto"], div[dir="auto"][style*="text-align"]';
/** The author's name link in a story header: `<div data-ad-rendering-role="profile_name"><h2><a>`. */
const POST_AUTHOR = '[data-ad-rendering-role="profile_name"] a[href], h2 a[href], h3 a[href]';
/** A comment's timestamp link, the only place its id shows:
 * `<a href="…/posts/pfbid…?comment_id=123&reply_comment_id=456">5h</a>`. */
const COMMENT_LINK = 'a[href*="comment_id="]';
/** A story's timestamp link (its permalink). */
const POST_LINK = 'a[href*="/posts/"], a[href*="story_fbid="], a[href*="/permalink/"], a[href*="/videos/"], a[href*="fbid="]';
/** Sponsored stories: the "Sponsored" link points at Facebook's ad explanation. */
const SPONSORED = 'a[href*="/ads/about"], [aria-label="Sponsored"]';
/** "See more" inside the text, and visually hidden duplicates. */
const NOT_TEXT = '[role="button"], [aria-hidden="true"]';
/** The reply / comment editor (Lexical): `<div contenteditable="true" role="textbox" data-lexical-editor="true">`. */
const COMPOSER = 'div[contenteditable="true"][role="textbox"]';
/** The left rail (`<div role="navigation">`) starts with the member's own profile link and avatar. */
const NAV_LINKS = '[role="navigation"] a[href]';

const STORY_ID = /\/posts\/(pfbid\w+|\d+)|[?&]story_fbid=(pfbid\w+|\d+)|\/permalink\/(\d+)|\/videos\/(\d+)|[?&]fbid=(\d+)/;

function handleFrom(href: string | null, base: URL): string | undefined {
  const url = absoluteUrl(href ?? '', base);
  if (!url) return undefined;
  const { pathname, searchParams } = new URL(url);
  if (pathname === '/profile.php') return searchParams.get('id') ?? undefined;
  const user = /\/user\/(\d+)/.exec(pathname);
  if (user) return user[1];
  const segment = /^\/([\w.-]+)\/?$/.exec(pathname);
  return segment?.[1];
}

/** The permalink without Facebook's click-tracking parameters. */
function cleanUrl(href: string | null, base: URL): string | undefined {
  const url = absoluteUrl(href ?? '', base);
  if (!url?.startsWith('https:')) return undefined;
  const parsed = new URL(url);
  // A copy of the names: deleting while iterating the live list would skip some.
  for (const name of Array.from(parsed.searchParams.keys())) if (name.startsWith('__')) parsed.searchParams.delete(name);
  return parsed.href;
}

function postedAt(link: Element | null, context: ReadContext): PostedAt | undefined {
  if (!link) return undefined;
  const label = link.getAttribute('aria-label')?.trim();
  const text = link.textContent?.trim() ?? '';
  return (
    (label && postedAtFromLabel(label, context.pageLang, context.now)) ||
    parseRelativeTime(text, context.pageLang, context.now) ||
    (text ? postedAtFromLabel(text, context.pageLang, context.now) : undefined)
  );
}

/** The comment's own timestamp link. Author links also carry `comment_id=`, but an opaque
 * one (`Y29tbWVudDo…`); the permalink's is numeric. */
function commentLink(element: Element): Element | undefined {
  return [...element.querySelectorAll(COMMENT_LINK)].find(
    (a) => /[?&]comment_id=\d+(&|$)/.test(a.getAttribute('href') ?? '') && a.closest(COMMENT) === element,
  );
}

/** The first link of a comment that names a person (the avatar link has no text). */
function commentAuthor(element: Element): Element | undefined {
  const permalink = commentLink(element);
  return [...element.querySelectorAll('a[href]')].find(
    (a) => a !== permalink && a.closest(COMMENT) === element && a.textContent?.trim(),
  );
}

function readComment(element: Element, context: ReadContext): SiteItem | undefined {
  const link = commentLink(element) ?? null;
  const params = new URLSearchParams(link?.getAttribute('href')?.split('?')[1] ?? '');
  const id = params.get('reply_comment_id') ?? params.get('comment_id');
  if (!id || !/^\d+$/.test(id)) return undefined;
  const textEl = [...element.querySelectorAll(COMMENT_TEXT)].find((t) => t.closest(COMMENT) === element);
  const author = commentAuthor(element);
  return {
    itemKey: keyFromId('facebook', id),
    kind: params.has('reply_comment_id') ? 'reply' : 'comment',
    author: { handle: handleFrom(author?.getAttribute('href') ?? null, context.pageUrl), name: author?.textContent?.trim() || undefined },
    text: textEl ? itemText(textEl, { exclude: NOT_TEXT }) : '',
    postedAt: postedAt(link, context),
    url: cleanUrl(link?.getAttribute('href') ?? null, context.pageUrl),
    lang: textEl ? langOf(textEl) : undefined,
    dir: textEl ? dirOf(textEl) : undefined,
  };
}

/** A story's own links: not a comment's, not inside a comment. */
function postLink(element: Element): Element | undefined {
  return [...element.querySelectorAll(POST_LINK)].find((a) => !a.closest(COMMENT) && !/[?&]comment_id=/.test(a.getAttribute('href') ?? ''));
}

function readPost(element: Element, context: ReadContext): SiteItem | undefined {
  if (element.querySelector(SPONSORED)) return undefined;
  const link = postLink(element);
  const href = link?.getAttribute('href') ?? null;
  const match = STORY_ID.exec(href ?? '') ?? (element.closest('[role="main"]') ? STORY_ID.exec(context.pageUrl.href) : null);
  const id = match?.slice(1).find(Boolean);
  if (!id) return undefined;
  const textEl = [...element.querySelectorAll(POST_TEXT)].find((t) => !t.closest(COMMENT)) ?? null;
  const author = element.querySelector(POST_AUTHOR);
  return {
    itemKey: keyFromId('facebook', id),
    kind: 'post',
    author: { handle: handleFrom(author?.getAttribute('href') ?? null, context.pageUrl), name: author?.textContent?.trim() || undefined },
    text: textEl ? itemText(textEl, { exclude: NOT_TEXT }) : '',
    postedAt: postedAt(link ?? null, context),
    url: link ? cleanUrl(href, context.pageUrl) : cleanUrl(context.pageUrl.href, context.pageUrl),
    lang: textEl ? langOf(textEl) : undefined,
    dir: textEl ? dirOf(textEl) : undefined,
  };
}

export const adapter: SiteAdapter = {
  platform: 'facebook',
  matches: (url) => /(^|\.)facebook\.com$/i.test(url.hostname),
  findItems(root) {
    const found = [...root.querySelectorAll(ITEM)];
    if ('matches' in root && (root as Element).matches(ITEM)) found.unshift(root as Element);
    // Keep real items only: the outermost story wrapper, not sponsored; comments with a permalink
    // (not the "comment hidden" placeholders).
    return found.filter((el) =>
      el.matches(COMMENT) ? commentLink(el) !== undefined : !el.parentElement?.closest(POST) && !el.querySelector(SPONSORED),
    );
  },
  readItem(element, context) {
    try {
      return element.matches(COMMENT) ? readComment(element, context) : readPost(element, context);
    } catch {
      return undefined;
    }
  },
  badgeSlot(element) {
    const isComment = element.matches(COMMENT);
    const link = isComment ? commentLink(element) : postLink(element);
    const anchor = link ?? (isComment ? commentAuthor(element) : element.querySelector(POST_AUTHOR));
    return anchor?.parentElement ? { parent: anchor.parentElement, before: anchor.nextSibling } : undefined;
  },
  account(document) {
    const base = new URL('https://www.facebook.com/');
    const own = [...document.querySelectorAll(NAV_LINKS)].find((a) => a.querySelector('image, img'));
    return own ? handleFrom(own.getAttribute('href'), base) : undefined;
  },
  composers: (root) => [...root.querySelectorAll(COMPOSER)],

  // A reply box follows the comment's replies, inside the thread that holds the comment's own
  // article and its replies' block: the thread's first article (a direct child of the
  // outermost such ancestor) is the comment it answers. The post's own box has none.
  answers(composer, items) {
    let answered: Element | undefined;
    for (let node = composer.parentElement; node && !node.matches(POST); node = node.parentElement) {
      const first = [...node.children].find((child) => child.matches(COMMENT));
      if (first && first.compareDocumentPosition(composer) & FOLLOWING) answered = first;
    }
    return answered && items.includes(answered) ? answered : undefined;
  },

  // Comment and reply boxes send on Enter; Shift+Enter is a new line.
  enterSends: () => true,
};
