// x.com: posts, replies and mentions are `article[data-testid="tweet"]`; the status id comes
// from the post's own permalink (the link around its time), so promoted posts, which have
// no time and no permalink, are skipped. A quoted post is a card inside the article and is
// never read as part of it.
import type { ItemKind, SiteAdapter } from './types';
import { keyFromId } from './keys';
import { absoluteUrl, dirOf, itemText, langOf, parseRelativeTime, postedAtFromDatetime } from './read';

/** <article data-testid="tweet" role="article">: one post, reply or mention. */
const ITEM = 'article[data-testid="tweet"]';
/** <div role="link" tabindex="0"> inside an article: a quoted post's card. */
const QUOTE = 'div[role="link"]';
/** <div data-testid="User-Name">: display-name link, @handle link, time link. */
const USER_NAME = '[data-testid="User-Name"]';
/** <div data-testid="tweetText" lang=".." dir="auto">: the text, emoji as <img alt>. */
const TEXT = '[data-testid="tweetText"]';
/** <a href="/<handle>/status/<id>"><time datetime="..">2h</time></a>: the permalink. */
const TIME = 'time';
/** <div role="group" aria-label="3 replies, …">: the reply/repost/like/bookmark bar. */
const ACTIONS = 'div[role="group"]';
/** <button data-testid="SideNav_AccountSwitcher_Button">: name and @handle of the signed-in account. */
const ACCOUNT_BUTTON = '[data-testid="SideNav_AccountSwitcher_Button"]';
/** <a data-testid="AppTabBar_Profile_Link" href="/<handle>">: the nav's profile link. */
const PROFILE_LINK = 'a[data-testid="AppTabBar_Profile_Link"]';
/** <div data-testid="tweetTextarea_0" contenteditable="true" role="textbox">: Draft.js editor. */
const COMPOSER = '[data-testid^="tweetTextarea_"][contenteditable="true"]';

const STATUS_PATH = /^\/(\w{1,50})\/status\/(\d{1,25})(?:[/?#]|$)/;
const HANDLE_PATH = /^\/(\w{1,50})\/?$/;
const ORIGIN = 'https://x.com';

/** The first match in `item` that is not inside a quoted post's card. */
function own(item: Element, selector: string): Element | undefined {
  for (const match of Array.from(item.querySelectorAll(selector))) {
    const quote = match.closest(QUOTE);
    if (!quote || !item.contains(quote)) return match;
  }
  return undefined;
}

/** Top-level children of the text that are never visible text. */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'textarea']);

/**
 * The post's text. X wraps each @mention link in an inline-flex <div>, which itemText would
 * read as a block on its own line, so the text's top-level pieces are read one by one and
 * joined inline (line breaks inside them are kept).
 */
function tweetText(textEl: Element): string {
  let out = '';
  for (const node of Array.from(textEl.childNodes)) {
    if (node.nodeType === 3) out += node.textContent ?? '';
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    const raw = child.textContent ?? '';
    const tag = child.localName.toLowerCase();
    if (SKIPPED.has(tag) || child.hasAttribute('hidden') || child.getAttribute('aria-hidden') === 'true') continue;
    const text = tag === 'img' ? (child.getAttribute('alt') ?? '') : tag === 'br' ? '\n' : itemText(child, { exclude: QUOTE });
    out += (/^\s/.test(raw) ? ' ' : '') + text + (/\S\s+$/.test(raw) ? ' ' : '');
  }
  return out
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function pathOf(href: string | null, base: URL): string | undefined {
  const url = href ? absoluteUrl(href, base) : undefined;
  if (!url) return undefined;
  const parsed = new URL(url);
  return /(^|\.)x\.com$/.test(parsed.hostname) ? parsed.pathname : undefined;
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

function kindOf(id: string, page: URL): ItemKind {
  if (page.pathname.startsWith('/notifications')) return 'mention';
  const focal = STATUS_PATH.exec(page.pathname);
  return focal && focal[2] !== id ? 'reply' : 'post';
}

export const adapter: SiteAdapter = {
  platform: 'x',

  matches: (url) => url.protocol === 'https:' && /(^|\.)x\.com$/.test(url.hostname),

  // Promoted posts have no time (and no permalink): never items.
  findItems: (root) => selfOrAll(root, ITEM).filter((item) => own(item, TIME) !== undefined),

  readItem(element, context) {
    try {
      const time = own(element, TIME);
      const path = pathOf(time?.closest('a[href]')?.getAttribute('href') ?? null, context.pageUrl);
      const status = path ? STATUS_PATH.exec(path) : null;
      if (!time || !status) return undefined; // promoted posts and tombstones have no permalink
      const [, handle = '', id = ''] = status;
      const userName = own(element, USER_NAME);
      const nameLink = userName?.querySelector('a[href]');
      const textEl = own(element, TEXT);
      const lang = textEl ? langOf(textEl) : undefined;
      const postedAt =
        postedAtFromDatetime(time.getAttribute('datetime') ?? '') ??
        parseRelativeTime(time.textContent ?? '', context.pageLang, context.now);
      const text = textEl ? tweetText(textEl) : '';
      return {
        itemKey: keyFromId('x', id),
        kind: kindOf(id, context.pageUrl),
        author: { handle, name: nameLink ? itemText(nameLink) || undefined : undefined },
        text,
        postedAt,
        url: `${ORIGIN}/${handle}/status/${id}`,
        lang,
        dir: textEl ? dirHint(textEl, text) : undefined,
      };
    } catch {
      return undefined;
    }
  },

  badgeSlot(element) {
    const actions = own(element, ACTIONS);
    if (actions) return { parent: actions, before: null };
    const userName = own(element, USER_NAME);
    return userName?.parentElement ? { parent: userName.parentElement, before: userName.nextSibling } : undefined;
  },

  account(document) {
    const button = document.querySelector(ACCOUNT_BUTTON);
    for (const span of Array.from(button?.querySelectorAll('span') ?? [])) {
      const text = span.textContent?.trim() ?? '';
      if (/^@\w{1,50}$/.test(text)) return text.slice(1);
    }
    const href = document.querySelector(PROFILE_LINK)?.getAttribute('href') ?? '';
    return HANDLE_PATH.exec(href)?.[1];
  },

  composers: (root) => selfOrAll(root, COMPOSER),
};
