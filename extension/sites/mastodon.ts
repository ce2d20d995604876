// Mastodon's web UI (any instance the member granted): list statuses are `.status[data-id]`,
// the focused status of a thread is `.detailed-status__wrapper` (its id is in the page URL
// and its datetime link). Mastodon uses its own stable class vocabulary, not generated names.
// Status ids are only unique per instance (a remote status gets a local id), so the key is
// `mastodon:<instance host>/<id>`. A quoted status (.status--is-quote inside .status__quote)
// belongs to neither the list nor its carrier's text.
import type { ItemKind, PostedAt, ReadContext, SiteAdapter } from './types';
import { keyFromId } from './keys';
import { dirOf, itemText, langOf, parseRelativeTime, postedAtFromDatetime, postedAtFromLabel } from './read';

/** <div class="status" data-id="…"> and <div class="detailed-status__wrapper">: one status. */
const ITEM = '.status[data-id], .detailed-status__wrapper';
/** <div class="status__quote"><div class="status status--is-quote" data-id>: a quoted status. */
const QUOTE = '.status__quote';
/** <a class="status__relative-time" href="/@acct/<id>"><time datetime title>1h</time></a>;
 * <a class="detailed-status__datetime" href="/@acct/<id>">Nov 22, 2026, 01:10</a>. */
const TIME_LINK = 'a.status__relative-time, a.detailed-status__datetime';
/** <a class="status__display-name" href="/@acct"> / <a class="detailed-status__display-name">. */
const AUTHOR_LINK = 'a.status__display-name, a.detailed-status__display-name';
/** <strong class="display-name__html">: the display name (custom emoji as <img alt=":name:">). */
const DISPLAY_NAME = '.display-name__html';
/** <div class="status__content__text" lang="..">: the status text. */
const TEXT = '.status__content__text';
/** <div class="status__action-bar"> / <div class="detailed-status__action-bar">. */
const ACTIONS = '.status__action-bar, .detailed-status__action-bar';
/** <div class="navigation-bar"><a href="/@acct">: the signed-in account, atop the compose form. */
const ACCOUNT_LINK = '.navigation-bar a[href^="/@"]';
/** <textarea class="autosuggest-textarea__textarea"> in <form class="compose-form">. */
const COMPOSER = '.compose-form textarea';
/** <div class="reply-indicator"> above the textarea while replying: the replied-to status's
 * account (.display-name__account, "@acct") and the start of its text (.reply-indicator__content). */
const REPLY_INDICATOR = '.reply-indicator';

/** Scripts written right to left: Mastodon states the author's language, not a direction. */
const RTL_LANG = /^(?:ar|fa|he|iw|ur|ps|sd|ug|yi|dv|ckb)(?:-|$)/i;

const STATUS_PATH = /^\/@([^/?#]{1,300})\/(\d{1,25})\/?$/;
const ACCT_PATH = /^\/@([^/?#]{1,300})\/?$/;

/** The first match in `item` that is its own, not a quoted status's or a nested item's. */
function own(item: Element, selector: string): Element | undefined {
  return Array.from(item.querySelectorAll(selector)).find((match) => match.closest(ITEM) === item);
}

function selfOrAll(root: ParentNode, selector: string): Element[] {
  const self = 'matches' in root && (root as Element).matches(selector) ? [root as Element] : [];
  return [...self, ...Array.from(root.querySelectorAll(selector))];
}

function idOf(element: Element, link: Element | undefined, page: URL): string | undefined {
  const dataId = element.getAttribute('data-id');
  if (dataId && /^\d{1,25}$/.test(dataId)) return dataId;
  const focused = STATUS_PATH.exec(page.pathname);
  if (focused && element.matches('.detailed-status__wrapper')) return focused[2];
  const href = link?.getAttribute('href') ?? '';
  return href.startsWith('/@') ? STATUS_PATH.exec(href)?.[2] : undefined;
}

function postedAtOf(link: Element | undefined, context: ReadContext): PostedAt | undefined {
  if (!link) return undefined;
  const time = link.querySelector('time');
  if (time) {
    return (
      postedAtFromDatetime(time.getAttribute('datetime')) ??
      postedAtFromLabel(time.getAttribute('title'), context.pageLang, context.now) ??
      parseRelativeTime(time.textContent ?? '', context.pageLang, context.now)
    );
  }
  return postedAtFromLabel(link.textContent, context.pageLang, context.now);
}

function kindOf(element: Element, page: URL): ItemKind {
  if (page.pathname.startsWith('/notifications')) return 'mention';
  return STATUS_PATH.test(page.pathname) && !element.matches('.detailed-status__wrapper') ? 'reply' : 'post';
}

export const adapter: SiteAdapter = {
  platform: 'mastodon',

  // The content script only runs on instances the member granted, so any https page.
  matches: (url) => url.protocol === 'https:',

  // Outermost statuses only: a quoted status is part of its carrier.
  findItems: (root) => selfOrAll(root, ITEM).filter((item) => !item.parentElement?.closest(ITEM)),

  readItem(element, context) {
    try {
      const link = own(element, TIME_LINK);
      const id = idOf(element, link, context.pageUrl);
      const authorLink = own(element, AUTHOR_LINK);
      const acct = ACCT_PATH.exec(authorLink?.getAttribute('href') ?? '')?.[1];
      const textEl = own(element, TEXT);
      if (!id || !acct || !textEl) return undefined;
      const nameEl = authorLink?.querySelector(DISPLAY_NAME);
      const lang = langOf(textEl);
      return {
        itemKey: keyFromId('mastodon', `${context.pageUrl.host}/${id}`),
        kind: kindOf(element, context.pageUrl),
        author: { handle: decodeURIComponent(acct), name: nameEl ? itemText(nameEl) || undefined : undefined },
        text: itemText(textEl, { exclude: QUOTE }),
        postedAt: postedAtOf(link, context),
        url: `${context.pageUrl.origin}/@${acct}/${id}`,
        lang,
        dir: dirOf(textEl) ?? (lang ? (RTL_LANG.test(lang) ? 'rtl' : 'ltr') : undefined),
      };
    } catch {
      return undefined;
    }
  },

  badgeSlot(element) {
    const actions = own(element, ACTIONS);
    return actions ? { parent: actions, before: null } : undefined;
  },

  account(document) {
    const href = document.querySelector(ACCOUNT_LINK)?.getAttribute('href') ?? '';
    const acct = ACCT_PATH.exec(href)?.[1];
    return acct ? decodeURIComponent(acct) : undefined;
  },

  composers: (root) => selfOrAll(root, COMPOSER),

  // The compose form sits in its own column: what it answers is the status its reply
  // indicator shows (that account's status whose text holds the start the indicator shows).
  answers(composer, items) {
    const indicator = composer.closest('.compose-form')?.querySelector(REPLY_INDICATOR);
    if (!indicator) return undefined;
    const acct = (indicator.querySelector('.display-name__account')?.textContent ?? '').trim().replace(/^@/, '');
    const start = (indicator.querySelector('.reply-indicator__content')?.textContent ?? '').trim().replace(/…$/, '').trim().slice(0, 40);
    const byAuthor = items.filter((item) => {
      const href = own(item, AUTHOR_LINK)?.getAttribute('href') ?? '';
      return acct !== '' && decodeURIComponent(ACCT_PATH.exec(href)?.[1] ?? '') === acct;
    });
    return byAuthor.find((item) => start !== '' && (own(item, TEXT)?.textContent ?? '').includes(start)) ?? byAuthor[0];
  },
};
