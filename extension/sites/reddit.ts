// reddit.com (the "shreddit" web components; old.reddit.com's markup is not read): posts are
// `<shreddit-post>` and comments `<shreddit-comment>`, both carrying their fullname (t3_…/t1_…),
// author, permalink and time as attributes Reddit's own components consume. Replies are
// nested inside their parent comment, so everything read from a comment's subtree is limited
// to the parts that belong to it and not to its replies. Promoted posts are other elements
// (`shreddit-ad-post`, …) and never found.
import type { PostedAt, SiteAdapter } from './types';
import { keyFromId } from './keys';
import { absoluteUrl, dirOf, itemText, langOf, postedAtFromDatetime, postedAtFromLabel, parseRelativeTime } from './read';

/** <shreddit-post id="t3_…"> and <shreddit-comment thingid="t1_…">: the items. */
const ITEM = 'shreddit-post, shreddit-comment';
/** The items worth a badge: deleted comments stay out (their replies are still found). */
const LIVE_ITEM =
  'shreddit-post, shreddit-comment:not([is-comment-deleted]):not([author="[deleted]"]):not([author="[removed]"])';
/** <h1 slot="title"> (post page) or <a slot="title"> (feed): the post's title. */
const TITLE = '[slot="title"]';
/** <div slot="text-body"> (post) / <div slot="comment"> (comment): the body, an .md rich-text div. */
const BODY = '[slot="text-body"], [slot="comment"]';
/** <div slot="commentMeta"> (comment) / <span slot="credit-bar"> (post): author, time; the badge goes here. */
const META = '[slot="commentMeta"], [slot="credit-bar"]';
/** <faceplate-timeago ts="…"><time datetime="…" title="…">2h ago</time></faceplate-timeago>. */
const TIME = 'faceplate-timeago';
/** Left out of the text: markdown quotes of another comment, and the screen-reader duplicates. */
const EXCLUDE = 'blockquote, faceplate-screen-reader-content';
/** <button id="expand-user-drawer-button">: the signed-in user menu; its drawer links /user/<name>/. */
const ACCOUNT_LINK = '#user-drawer-content a[href^="/user/"]';
/** Elements Reddit renders with the signed-in username (seen 2025–2026; fallback for the drawer). */
const ACCOUNT_ATTR = 'achievements-entrypoint[username], community-author-flair[username]';
/** comment-composer-host > … > shreddit-composer > div[contenteditable][role=textbox] (Lexical). */
const COMPOSER =
  'comment-composer-host [contenteditable="true"], shreddit-composer [contenteditable="true"], comment-composer-host textarea';

/** A letter from the Hebrew, Arabic, Syriac, Thaana or N'Ko blocks (and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

const FULLNAME = /^t[13]_[a-z0-9]{1,16}$/;
const DELETED_AUTHORS = new Set(['[deleted]', '[removed]']);

/** The first match of `selector` in `item` that belongs to it, not to a nested comment. */
function own(item: Element, selector: string): Element | undefined {
  for (const match of Array.from(item.querySelectorAll(selector))) {
    if (match.closest(ITEM) === item) return match;
  }
  return undefined;
}

/** Direction hint from the first letter, where the markup only says dir="auto". */
function directionOfText(text: string): 'ltr' | 'rtl' | undefined {
  const letter = /\p{L}/u.exec(text)?.[0];
  return letter ? (RTL_LETTER.test(letter) ? 'rtl' : 'ltr') : undefined;
}

/** Reddit writes "2026-11-21T09:14:03.512000+0000": microseconds and a colonless offset. */
function isoOf(value: string | null): string | null {
  return value ? value.trim().replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : null;
}

function postedAtOf(item: Element, lang: string, now: number): PostedAt | undefined {
  const timeago = own(item, TIME);
  const time = timeago?.querySelector('time');
  return (
    postedAtFromDatetime(time?.getAttribute('datetime')) ??
    postedAtFromDatetime(isoOf(timeago?.getAttribute('ts') ?? item.getAttribute('created-timestamp') ?? item.getAttribute('created'))) ??
    postedAtFromLabel(time?.getAttribute('title'), lang, now) ??
    parseRelativeTime(time?.textContent ?? '', lang, now)
  );
}

export const adapter: SiteAdapter = {
  platform: 'reddit',

  matches: (url) => url.protocol === 'https:' && /(^|\.)reddit\.com$/.test(url.hostname),

  findItems(root) {
    const self = 'matches' in root && (root as Element).matches(LIVE_ITEM) ? [root as Element] : [];
    return [...self, ...Array.from(root.querySelectorAll(LIVE_ITEM))];
  },

  readItem(element, context) {
    try {
      const isPost = element.localName === 'shreddit-post';
      const id = (isPost ? element.getAttribute('id') : element.getAttribute('thingid'))?.trim() ?? '';
      if (!FULLNAME.test(id)) return undefined;
      const author = element.getAttribute('author')?.trim() ?? '';
      if (
        element.hasAttribute('is-comment-deleted') ||
        element.hasAttribute('is-deleted') ||
        element.hasAttribute('promoted') ||
        DELETED_AUTHORS.has(author)
      ) {
        return undefined;
      }
      const body = own(element, BODY);
      const bodyText = body ? itemText(body, { exclude: EXCLUDE }) : '';
      const title = isPost ? own(element, TITLE) : undefined;
      const titleText = title ? itemText(title, { exclude: EXCLUDE }) : (element.getAttribute('post-title') ?? '').trim();
      const text = [titleText, bodyText].filter(Boolean).join('\n');
      const textEl = body ?? title;
      const depth = Number(element.getAttribute('depth') ?? '0');
      return {
        itemKey: keyFromId('reddit', id),
        kind: isPost ? 'post' : depth > 0 ? 'reply' : 'comment',
        author: { handle: author || undefined },
        text,
        postedAt: postedAtOf(element, context.pageLang, context.now),
        url: absoluteUrl(element.getAttribute('permalink'), new URL('https://www.reddit.com/')),
        lang: textEl ? langOf(textEl) : undefined,
        dir: (textEl ? dirOf(textEl) : undefined) ?? directionOfText(text),
      };
    } catch {
      return undefined;
    }
  },

  badgeSlot(element) {
    const meta = own(element, META);
    return meta ? { parent: meta, before: null } : undefined;
  },

  account(document) {
    const href = document.querySelector(ACCOUNT_LINK)?.getAttribute('href') ?? '';
    const fromLink = /^\/user\/([\w-]{1,40})\/?$/.exec(href)?.[1];
    return fromLink ?? document.querySelector(ACCOUNT_ATTR)?.getAttribute('username')?.trim() ?? undefined;
  },

  composers(root) {
    const self = 'matches' in root && (root as Element).matches(COMPOSER) ? [root as Element] : [];
    return [...self, ...Array.from(root.querySelectorAll(COMPOSER))];
  },
};
