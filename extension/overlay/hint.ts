// The `chorus-hint` host next to each item (DESIGN.md test hooks): data-item-key,
// data-category, data-lang and data-status on the host, the visible badge in its shadow
// root. The host is reset with inline !important styles so the site's CSS cannot resize or
// hide it, and it stops clicks and keys from reaching the site's handlers (an X post
// navigates on any click inside it).
import type { BadgeSlot } from '../sites/types';
import { type BadgeModel, mountBadge } from './Badge';
import css from './badge.css?inline';

export type HintStatus = 'new' | 'claimed' | 'answered';

/** The host's box is the badge's height, but negative block margins leave its margin box only
 * 14px tall, centred on the line by vertical-align: a line of text of 14px or more keeps its
 * height, so nothing after the item moves when a hint arrives. (A taller line would move every
 * item below it, and re-placing thousands of them made 100 ms frames on a long thread.) On a
 * page whose text is smaller, lines still grow to 14px, so two hints never cover each other. */
const HOST_HEIGHT_PX = 20;
const HOST_LINE_PX = 14;
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'inline-block',
  position: 'relative',
  'vertical-align': 'middle',
  // In a flex row (an action bar) the same centring.
  'align-self': 'center',
  'block-size': `${HOST_HEIGHT_PX}px`,
  'margin-block': `-${(HOST_HEIGHT_PX - HOST_LINE_PX) / 2}px`,
  'margin-inline': '6px',
  'z-index': '1',
  // No line box of the host's own font (the badge sets its own, inside).
  'line-height': '0',
  // The badge's insides never change the page's layout: only its own box does.
  contain: 'layout style',
};

const STOPPED = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'keydown', 'keyup', 'keypress', 'focusin', 'focusout'];
const stop = (event: Event) => event.stopPropagation();

/** One parsed stylesheet shared by every hint's shadow root (a <style> per hint would be
 * parsed hundreds of times); a <style> where constructable sheets are unavailable. */
let sharedSheet: CSSStyleSheet | null | undefined;
function styleInto(root: ShadowRoot, doc: Document): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(css);
    } catch {
      sharedSheet = null;
    }
  }
  if (sharedSheet) {
    try {
      root.adoptedStyleSheets = [sharedSheet];
      return;
    } catch {
      // Firefox content scripts may refuse a sheet made in their own compartment.
      sharedSheet = null;
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}

/** The first hint's one-time cost, parsing the stylesheet, paid on a detached host while the
 * background answers (the badge itself needs the page context's formats: ui/format.ts). */
export function warmHint(doc: Document): void {
  styleInto(doc.createElement('chorus-hint').attachShadow({ mode: 'open' }), doc);
}

export interface Hint {
  host: HTMLElement;
  update(model: BadgeModel): void;
  remove(): void;
}

export function statusOf(model: Pick<BadgeModel, 'status'>): HintStatus {
  return model.status.answered ? 'answered' : model.status.claimed ? 'claimed' : 'new';
}

export function createHint(slot: BadgeSlot, model: BadgeModel, options: { theme: 'light' | 'dark'; dir: 'ltr' | 'rtl' }): Hint {
  const doc = slot.parent.ownerDocument;
  const host = doc.createElement('chorus-hint');
  for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
  host.setAttribute('data-theme', options.theme);
  for (const type of STOPPED) host.addEventListener(type, stop);
  const root = host.attachShadow({ mode: 'open' });
  styleInto(root, doc);
  const mount = doc.createElement('span');
  mount.setAttribute('dir', options.dir);
  root.append(mount);

  const mark = (next: BadgeModel) => {
    host.setAttribute('data-item-key', next.itemKey);
    host.setAttribute('data-category', next.category);
    host.setAttribute('data-lang', next.lang);
    host.setAttribute('data-status', statusOf(next));
  };
  mark(model);
  const badge = mountBadge(mount, host, model);
  const update = (next: BadgeModel) => {
    mark(next);
    badge.update(next);
  };
  slot.parent.insertBefore(host, slot.before && slot.before.parentNode === slot.parent ? slot.before : null);
  return {
    host,
    update,
    remove() {
      badge.destroy();
      host.remove();
    },
  };
}

/** Light or dark from the page's own background, so the badge reads on either theme. */
export function pageTheme(doc: Document): 'light' | 'dark' {
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(getComputedStyle(element).backgroundColor);
    if (!rgb || rgb[4] === '0') continue;
    const [r, g, b] = [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
