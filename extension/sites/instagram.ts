// instagram.com: posts in the home feed and on a post page (/p/<code>/), their comments and
// replies. Instagram's class names are generated; what stays is the element structure, the
// permalink shapes (/p/<code>/, /p/<code>/c/<id>/, /p/<code>/c/<id>/r/<id>/) and time[datetime].
import { keyFromId } from './keys';
import { absoluteUrl, dirOf, FOLLOWING, itemText, langOf, postedAtFromDatetime, postedAtFromLabel } from './read';
import type { ReadContext, SiteAdapter, SiteItem } from './types';

/** A post, in the feed and on its own page: `<article>`. */
const POST = 'article';
/** A comment's or reply's timestamp, the one stable thing in a comment row:
 * `<a href="/p/<code>/c/<id>/"><time datetime="…" title="Nov 21, 2026">17h</time></a>`. */
const COMMENT_TIME = 'a[href*="/c/"] time';
/** A post's timestamp link: `<a href="/p/<code>/"><time datetime>`; reels use /reel/<code>/. */
const POST_TIME = 'a[href*="/p/"] time, a[href*="/reel/"] time';
/** The caption on a post page: `<h1 dir="auto">`; elsewhere texts are `<span dir="auto">`. */
const TEXT = 'h1[dir="auto"], span[dir="auto"]';
/** Not text: links (author names, the timestamp), buttons ("more", "Reply", "See translation"). */
const NOT_TEXT = 'a, [role="button"], time, button';
/** A profile link: `<a href="/noa.levi/" role="link">` (one path segment). */
const PROFILE_HREF = /^(?:https:\/\/www\.instagram\.com)?\/([\w.]+)\/?$/;
/** The comment box: `<form><textarea aria-label="Add a comment…">`; newer builds a contenteditable. */
const COMPOSER = 'form textarea, [contenteditable="true"][role="textbox"]';
/** The signed-in member's "Profile" link in the side navigation, with their avatar `<img alt>`. */
const NAV_PROFILE = 'a[href][role="link"] img[alt]';

const SHORTCODE = /\/(?:p|reel)\/([\w-]+)/;
const COMMENT_ID = /\/c\/(\d+)(?:\/r\/(\d+))?/;

function isComment(element: Element): boolean {
  return element.localName !== 'article';
}

/** A comment row: the `<li>` of the modal layout, or on a post page the nearest block around
 * the timestamp that also holds the author's avatar. */
function rowOf(time: Element): Element | undefined {
  const item = time.closest('li');
  if (item) return item;
  let current = time.parentElement;
  for (let depth = 0; current && depth < 10 && current.localName !== 'article'; depth++) {
    if (current.querySelector('img[alt]')) return current;
    current = current.parentElement;
  }
  return undefined;
}

/** The row's own timestamp link (a row can hold its replies, in the `<li>` layout). */
function ownTime(row: Element): Element | undefined {
  return [...row.querySelectorAll(isComment(row) ? COMMENT_TIME : POST_TIME)].find((time) =>
    isComment(row) ? rowOf(time) === row : !time.closest('a[href*="/c/"]'),
  );
}

function ownText(row: Element): Element | undefined {
  const candidates = [...row.querySelectorAll(TEXT)].filter(
    (el) => !el.closest(NOT_TEXT) && !el.querySelector('time') && el.textContent?.trim(),
  );
  if (isComment(row)) return candidates.find((el) => row.localName !== 'li' || el.closest('li') === row);
  // The post's caption: h1 on a post page, otherwise the first text before the comments.
  const firstComment = row.querySelector(COMMENT_TIME);
  const beforeComments = (el: Element) =>
    !firstComment || Boolean(el.compareDocumentPosition(firstComment) & FOLLOWING);
  return candidates.find((el) => el.localName === 'h1') ?? candidates.find((el) => !el.closest('li') && beforeComments(el));
}

function author(row: Element, base: URL): SiteItem['author'] {
  const link = [...row.querySelectorAll('a[href]')].find((a) => {
    const match = PROFILE_HREF.exec(a.getAttribute('href') ?? '');
    return match && a.textContent?.trim() && (!isComment(row) || row.localName !== 'li' || a.closest('li') === row);
  });
  const handle = link ? PROFILE_HREF.exec(absoluteUrl(link.getAttribute('href'), base) ?? '')?.[1] : undefined;
  // Instagram's comment rows show the handle only.
  return { handle };
}

function read(row: Element, context: ReadContext): SiteItem | undefined {
  const time = ownTime(row);
  const link = time?.closest('a');
  const url = absoluteUrl(link?.getAttribute('href'), context.pageUrl);
  let key: string | undefined;
  let kind: SiteItem['kind'] = 'post';
  if (isComment(row)) {
    const ids = COMMENT_ID.exec(url ?? '');
    if (!ids) return undefined;
    kind = ids[2] ? 'reply' : 'comment';
    key = ids[2] ?? ids[1];
  } else {
    // Sponsored posts show "Sponsored" where the timestamp link would be: no shortcode, skipped.
    key = SHORTCODE.exec(url ?? '')?.[1];
  }
  if (!key) return undefined;
  const textEl = ownText(row);
  const datetime = time?.getAttribute('datetime');
  return {
    itemKey: keyFromId('instagram', key),
    kind,
    author: author(row, context.pageUrl),
    text: textEl ? itemText(textEl, { exclude: '[role="button"]' }) : '',
    postedAt:
      postedAtFromDatetime(datetime) ?? postedAtFromLabel(time?.getAttribute('title'), context.pageLang, context.now),
    url: kind === 'post' && url ? url.replace(/(\/(?:p|reel)\/[\w-]+\/).*$/, '$1') : url?.split('?')[0],
    lang: textEl ? langOf(textEl) : undefined,
    dir: textEl ? dirOf(textEl) : undefined,
  };
}

export const adapter: SiteAdapter = {
  platform: 'instagram',
  matches: (url) => /(^|\.)instagram\.com$/i.test(url.hostname),
  findItems(root) {
    const found = new Set<Element>();
    if ('matches' in root && (root as Element).matches(POST)) found.add(root as Element);
    for (const el of root.querySelectorAll(`${POST}, ${COMMENT_TIME}`)) {
      const item = el.localName === 'article' ? el : rowOf(el);
      if (item && (item === root || root.contains(item))) found.add(item);
    }
    // A sponsored post shows "Sponsored" where the timestamp link would be: not an item.
    return [...found].filter((item) => ownTime(item) !== undefined);
  },
  readItem(element, context) {
    try {
      return read(element, context);
    } catch {
      return undefined;
    }
  },
  badgeSlot(element) {
    const link = ownTime(element)?.closest('a');
    return link?.parentElement ? { parent: link.parentElement, before: link.nextSibling } : undefined;
  },
  account(document) {
    const base = new URL('https://www.instagram.com/');
    for (const img of document.querySelectorAll(NAV_PROFILE)) {
      if (img.closest('main, article')) continue;
      const href = img.closest('a')?.getAttribute('href') ?? '';
      const handle = PROFILE_HREF.exec(absoluteUrl(href, base) ?? '')?.[1];
      if (handle) return handle;
    }
    return undefined;
  },
  composers: (root) => [...root.querySelectorAll(COMPOSER)],

  // The comment box sends on Enter.
  enterSends: () => true,
};
