// youtube.com: comments and replies on the watch page (and on a post's own page), and the
// channel's posts ("community") list. A comment's id is the `lc=` parameter of the link
// around its time ("2 days ago"), a post's the `/post/<id>` of that same link; the page shows
// no other id. Replies live in the thread's #replies, beside (not inside) their parent.
import type { SiteAdapter } from './types';
import { keyFromId } from './keys';
import { absoluteUrl, dirOf, itemText, langOf, parseRelativeTime } from './read';

/** <ytd-comment-view-model> (2024–), <ytd-comment-renderer> (before): one comment or reply. */
const COMMENT = 'ytd-comment-view-model, ytd-comment-renderer';
/** <ytd-backstage-post-renderer> (posts tab), <ytd-post-renderer> (a post's page): one post. */
const POST = 'ytd-backstage-post-renderer, ytd-post-renderer';
const ITEM = `${COMMENT}, ${POST}`;
/** <ytd-comment-replies-renderer>: the replies under a thread's top comment. */
const REPLIES = 'ytd-comment-replies-renderer';
/** <span|yt-formatted-string id="published-time-text"><a href="…&lc=<id>">2 days ago</a>. */
const TIME_LINK = '#published-time-text a[href]';
/** <a id="author-text" href="/@handle"><span>@handle</span> (comments) or <span>Name</span> (posts). */
const AUTHOR = '#author-text';
/** <yt-attributed-string id="content-text"> (comments), <yt-formatted-string id="content-text"> (posts). */
const TEXT = '#content-text';
/** <div id="header-author">: author, badges, time; the badge goes at its end. */
const HEADER = '#header-author';
/** Shared video, poll or quoted post attached to a post, and the "Read more" buttons. */
const EXCLUDE = '#content-attachment, #more, #less';
/** <ytd-active-account-header-renderer> in the account menu: <yt-formatted-string id="channel-handle">@h. */
const ACCOUNT_HANDLE = 'ytd-active-account-header-renderer #channel-handle';
/** <ytd-commentbox> > … > <div id="contenteditable-root" contenteditable="true">: comment and reply boxes. */
const COMPOSER = 'ytd-commentbox [contenteditable="true"]';

const ORIGIN = new URL('https://www.youtube.com/');
const ID = /^[\w.-]{6,120}$/;
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

function selfOrAll(root: ParentNode, selector: string): Element[] {
  const self = 'matches' in root && (root as Element).matches(selector) ? [root as Element] : [];
  return [...self, ...Array.from(root.querySelectorAll(selector))];
}

/** The comment id (`lc=`) or post id (`/post/<id>`, older `?lb=<id>`) of the time link. */
function idOf(url: URL, isPost: boolean): string | undefined {
  const id = isPost
    ? (/^\/post\/([^/]+)\/?$/.exec(url.pathname)?.[1] ?? url.searchParams.get('lb'))
    : url.searchParams.get('lc');
  return id && ID.test(id) ? id : undefined;
}

/** "/@handle" (percent-encoded for non-Latin handles) → "handle". */
function handleOf(href: string | null): string | undefined {
  const encoded = /^\/@([^/?#]+)/.exec(href ?? '')?.[1];
  if (!encoded) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

function directionOfText(text: string): 'ltr' | 'rtl' | undefined {
  const letter = /\p{L}/u.exec(text)?.[0];
  return letter ? (RTL_LETTER.test(letter) ? 'rtl' : 'ltr') : undefined;
}

export const adapter: SiteAdapter = {
  platform: 'youtube',

  matches: (url) => url.protocol === 'https:' && /(^|\.)youtube\.com$/.test(url.hostname),

  findItems: (root) => selfOrAll(root, ITEM),

  readItem(element, context) {
    try {
      const isPost = element.matches(POST);
      const link = element.querySelector(TIME_LINK);
      const href = absoluteUrl(link?.getAttribute('href'), ORIGIN);
      const url = href ? new URL(href) : undefined;
      const id = url && /(^|\.)youtube\.com$/.test(url.hostname) ? idOf(url, isPost) : undefined;
      if (!url || !id) return undefined; // still loading, or not a real comment/post
      const authorLink = element.querySelector(AUTHOR);
      const authorText = authorLink ? itemText(authorLink) : '';
      const textEl = element.querySelector(TEXT);
      const text = textEl ? itemText(textEl, { exclude: EXCLUDE }) : '';
      return {
        itemKey: keyFromId('youtube', id),
        kind: isPost ? 'post' : element.closest(REPLIES) ? 'reply' : 'comment',
        author: {
          handle: handleOf(authorLink?.getAttribute('href') ?? null) ?? (authorText.startsWith('@') ? authorText.slice(1) : undefined),
          name: authorText && !authorText.startsWith('@') ? authorText : undefined,
        },
        text,
        postedAt: parseRelativeTime(link?.textContent ?? '', context.pageLang, context.now),
        url: isPost ? `${ORIGIN.origin}/post/${id}` : url.href,
        lang: textEl ? langOf(textEl) : undefined,
        dir: (textEl ? dirOf(textEl) : undefined) ?? directionOfText(text),
      };
    } catch {
      return undefined;
    }
  },

  badgeSlot(element) {
    const header = element.querySelector(HEADER);
    return header ? { parent: header, before: null } : undefined;
  },

  account(document) {
    const handle = document.querySelector(ACCOUNT_HANDLE)?.textContent?.trim() ?? '';
    return /^@[^\s@]{1,100}$/.test(handle) ? handle.slice(1) : undefined;
  },

  composers: (root) => selfOrAll(root, COMPOSER),
};
