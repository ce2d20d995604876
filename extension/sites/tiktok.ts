// tiktok.com: a video's comments and replies (video page, and the comment panel beside the
// feed), the video itself, and the For You / profile video lists. Videos have a numeric id in
// their permalink (/@handle/video/<id>). Comments carry no id anywhere in the page, so their
// key is the hash of a permalink-like path made of the video, the commenter and the text
// (keyFromPermalink); TikTok comments cannot be edited, so it stays the same. The markup's
// only stable hooks are data-e2e attributes; the wrappers around them have generated class
// names only, so an item element is found by climbing from its data-e2e text.
import type { PostedAt, SiteAdapter, SiteItem } from './types';
import { keyFromId, keyFromPermalink } from './keys';
import { dirOf, itemText, langOf, parseRelativeTime, postedAtFromLabel } from './read';

/** <span|p data-e2e="comment-level-1|2">: a comment's (1) or reply's (2) text. */
const COMMENT_TEXT = '[data-e2e="comment-level-1"], [data-e2e="comment-level-2"]';
/** <a data-e2e="comment-avatar-1|2" href="/@handle">: marks the comment's own row when climbing. */
const COMMENT_AVATAR = '[data-e2e^="comment-avatar-"]';
/** <div data-e2e="comment-username-1|2"><a href="/@handle"><p>Nickname</p></a> (+ "Creator" label). */
const COMMENT_USER = '[data-e2e^="comment-username-"]';
/** <span data-e2e="comment-time-1|2">: "2d ago", "11-3" (this year), "2025-12-24". */
const COMMENT_TIME = '[data-e2e^="comment-time-"]';
/** <div data-e2e="browse-video-desc">: the video's description on its own page. */
const VIDEO_DESC = '[data-e2e="browse-video-desc"]';
const COMMENT_LIST = '[data-e2e="comment-list"]';
/** <span data-e2e="browse-username">handle</span> and <span data-e2e="browser-nickname">Name · 2d ago</span>. */
const VIDEO_HANDLE = '[data-e2e="browse-username"]';
const VIDEO_NICKNAME = '[data-e2e="browser-nickname"]';
/** <article data-e2e="recommend-list-item-container">: a For You video; <div data-e2e="user-post-item">: a profile tile. */
const FEED_VIDEO = 'article[data-e2e="recommend-list-item-container"], [data-e2e="user-post-item"]';
/** In a feed video: handle, nickname, description; the player <div id="xgwrapper-0-<video id>">. */
const FEED_HANDLE = '[data-e2e="video-author-uniqueid"]';
const FEED_NICKNAME = '[data-e2e="video-author-nickname"]';
const FEED_DESC = '[data-e2e="video-desc"], [data-e2e="user-post-item-desc"]';
const FEED_PLAYER = '[id^="xgwrapper-"]';
const VIDEO_LINK = 'a[href*="/video/"]';
/** Everything findItems starts from, in document order. */
const ANCHORS = `${FEED_VIDEO}, ${VIDEO_DESC}, ${COMMENT_TEXT}`;
/** <a data-e2e="nav-profile" href="/@handle">: the signed-in account's profile in the nav. */
const ACCOUNT = 'a[data-e2e="nav-profile"]';
/** <div data-e2e="comment-input"> around a Draft.js editor (contenteditable, role=textbox). */
const COMPOSER = '[data-e2e="comment-input"] [contenteditable="true"]';

const ORIGIN = 'https://www.tiktok.com';
const VIDEO_PATH = /^(?:https:\/\/(?:[\w-]+\.)*tiktok\.com)?\/@([\w.-]{1,60})\/(?:video|photo)\/(\d{5,25})(?:[/?#]|$)/;
const HANDLE_PATH = /^(?:https:\/\/(?:[\w-]+\.)*tiktok\.com)?\/@([\w.-]{1,60})\/?(?:[?#]|$)/;
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
/** How much of a comment's text goes into its key (enough to tell comments apart). */
const KEY_TEXT_LENGTH = 300;

function selfOrAll(root: ParentNode, selector: string): Element[] {
  const self = 'matches' in root && (root as Element).matches(selector) ? [root as Element] : [];
  return [...self, ...Array.from(root.querySelectorAll(selector))];
}

/** The nearest ancestor (up to `levels` up) that contains `selector`. */
function climbTo(start: Element, selector: string, levels: number): Element | undefined {
  let current: Element | null = start.parentElement;
  for (let i = 0; current && i < levels; i++, current = current.parentElement) {
    if (current.querySelector(selector)) return current;
  }
  return undefined;
}

function handleOf(href: string | null | undefined): string | undefined {
  return HANDLE_PATH.exec(href ?? '')?.[1] ?? VIDEO_PATH.exec(href ?? '')?.[1];
}

function directionOfText(text: string): 'ltr' | 'rtl' | undefined {
  const letter = /\p{L}/u.exec(text)?.[0];
  return letter ? (RTL_LETTER.test(letter) ? 'rtl' : 'ltr') : undefined;
}

/** TikTok's times: relative ("2d ago"), month-day of this year ("11-3") or a full date ("2025-12-24"). */
function postedAtOf(text: string, lang: string, now: number): PostedAt | undefined {
  const value = text.trim();
  const monthDay = /^(\d{1,2})-(\d{1,2})$/.exec(value);
  if (monthDay) {
    const year = new Date(now).getFullYear();
    const thisYear = postedAtFromLabel(`${year}-${monthDay[1]}-${monthDay[2]}`, lang, now);
    if (!thisYear || Date.parse(thisYear.iso) <= now) return thisYear;
    return postedAtFromLabel(`${year - 1}-${monthDay[1]}-${monthDay[2]}`, lang, now);
  }
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(value)) return postedAtFromLabel(value, lang, now);
  return parseRelativeTime(value, lang, now);
}

function videoItem(element: Element, id: string, handle: string, name: string | undefined, textEl: Element | null | undefined, text: string, postedAt?: PostedAt): SiteItem {
  return {
    itemKey: keyFromId('tiktok', id),
    kind: 'post',
    author: { handle, name: name || undefined },
    text,
    postedAt,
    url: `${ORIGIN}/@${handle}/video/${id}`,
    lang: textEl ? langOf(textEl) : langOf(element),
    dir: (textEl ? dirOf(textEl) : undefined) ?? directionOfText(text),
  };
}

function readFeedVideo(element: Element): SiteItem | undefined {
  const link = VIDEO_PATH.exec(element.querySelector(VIDEO_LINK)?.getAttribute('href') ?? '');
  const playerId = /-(\d{5,25})$/.exec(element.querySelector(FEED_PLAYER)?.id ?? '')?.[1];
  const id = link?.[2] ?? playerId;
  const handle = element.querySelector(FEED_HANDLE)?.textContent?.trim() || link?.[1];
  if (!id || !handle || !/^[\w.-]{1,60}$/.test(handle)) return undefined; // ads link elsewhere
  const textEl = element.querySelector(FEED_DESC);
  // A profile tile shows no text; its cover's alt is "<description> created by <name> with <sound>".
  const alt = element.querySelector('img[alt]')?.getAttribute('alt')?.replace(/\s+created by .*$/s, '') ?? '';
  const text = textEl ? itemText(textEl) : element.matches('[data-e2e="user-post-item"]') ? alt.trim() : '';
  const name = element.querySelector(FEED_NICKNAME)?.textContent?.trim();
  return videoItem(element, id, handle, name, textEl, text);
}

function readPageVideo(element: Element, context: { now: number; pageLang: string; pageUrl: URL }): SiteItem | undefined {
  const page = VIDEO_PATH.exec(context.pageUrl.pathname);
  const handle = element.querySelector(VIDEO_HANDLE)?.textContent?.trim() || page?.[1];
  if (!page || !handle || !/^[\w.-]{1,60}$/.test(handle)) return undefined;
  const parts = Array.from(element.querySelector(VIDEO_NICKNAME)?.children ?? []).map((part) => part.textContent?.trim() ?? '');
  const textEl = element.querySelector(VIDEO_DESC);
  const text = textEl ? itemText(textEl) : '';
  const postedAt = parts.length > 1 ? postedAtOf(parts[parts.length - 1]!, context.pageLang, context.now) : undefined;
  return videoItem(element, page[2]!, handle, parts[0], textEl, text, postedAt);
}

export const adapter: SiteAdapter = {
  platform: 'tiktok',

  matches: (url) => url.protocol === 'https:' && /(^|\.)tiktok\.com$/.test(url.hostname),

  findItems(root) {
    const items = new Set<Element>();
    for (const anchor of selfOrAll(root, ANCHORS)) {
      if (anchor.matches(FEED_VIDEO)) {
        // Ads have neither a /video/ link nor a player id.
        if (anchor.querySelector(`${VIDEO_LINK}, ${FEED_PLAYER}`)) items.add(anchor);
        continue;
      }
      const item = anchor.matches(VIDEO_DESC) ? climbTo(anchor, VIDEO_HANDLE, 4) : climbTo(anchor, COMMENT_AVATAR, 4);
      if (item) items.add(item);
    }
    return [...items];
  },

  readItem(element, context) {
    try {
      if (element.matches(FEED_VIDEO)) return readFeedVideo(element);
      const textEl = element.querySelector(COMMENT_TEXT);
      if (!textEl) return element.querySelector(VIDEO_DESC) ? readPageVideo(element, context) : undefined;

      const userLink = element.querySelector(`${COMMENT_USER} a[href]`) ?? element.querySelector(`${COMMENT_AVATAR}[href]`);
      const handle = handleOf(userLink?.getAttribute('href'));
      const page = VIDEO_PATH.exec(context.pageUrl.pathname);
      const text = itemText(textEl);
      if (!handle || !page) return undefined; // no commenter, or not on a video's page
      const videoUrl = `${ORIGIN}/@${page[1]}/video/${page[2]}`;
      const keyPath = `${videoUrl}/comment/${encodeURIComponent(handle)}/${encodeURIComponent(text.slice(0, KEY_TEXT_LENGTH))}`;
      const name = element.querySelector(`${COMMENT_USER} a`);
      return {
        itemKey: keyFromPermalink('tiktok', keyPath),
        kind: textEl.matches('[data-e2e="comment-level-2"]') ? 'reply' : 'comment',
        author: { handle, name: (name ? itemText(name) : '') || undefined },
        text,
        postedAt: postedAtOf(element.querySelector(COMMENT_TIME)?.textContent ?? '', context.pageLang, context.now),
        url: videoUrl,
        lang: langOf(textEl),
        dir: dirOf(textEl) ?? directionOfText(text),
      };
    } catch {
      return undefined;
    }
  },

  badgeSlot(element) {
    const commentUser = element.querySelector(COMMENT_USER);
    if (commentUser) return { parent: commentUser, before: null };
    const author = element.querySelector(FEED_HANDLE) ?? element.querySelector(VIDEO_HANDLE);
    const anchor = author?.closest('a') ?? author;
    if (anchor?.parentElement && element.contains(anchor.parentElement)) {
      return { parent: anchor.parentElement, before: anchor.nextSibling };
    }
    return { parent: element, before: null };
  },

  account(document) {
    return handleOf(document.querySelector(ACCOUNT)?.getAttribute('href'));
  },

  composers: (root) => selfOrAll(root, COMPOSER),

  // The box under the comment list comments on the video (the page's description item),
  // not on the last comment loaded above it.
  answers(composer, items) {
    if (composer.closest(COMMENT_LIST)) return undefined;
    return items.find((item) => !item.querySelector(COMMENT_TEXT) && (item.matches(VIDEO_DESC) || item.querySelector(VIDEO_DESC) !== null));
  },

  // The comment box sends on Enter.
  enterSends: () => true,
};
