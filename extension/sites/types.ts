// The one shape every site adapter has (one file per site in this folder, listed in
// registry.ts). An adapter only reads the page: it finds items (posts, comments, replies,
// mentions), reads them, says where a badge goes and where the composer is. It never
// writes to the page; the overlay and composer code do, through what it returns.
import type { Platform } from '../../shared/schemas';

/** How exactly the site states when an item was posted. */
export type TimePrecision = 'exact' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export interface PostedAt {
  /** ISO 8601 instant (UTC). For relative times ("5h") this is now minus the amount. */
  iso: string;
  precision: TimePrecision;
  /** Where it came from: a machine-readable attribute, an accessible label, or visible relative text. */
  source: 'datetime' | 'label' | 'relative';
}

export type ItemKind = 'post' | 'comment' | 'reply' | 'mention';

export interface SiteItem {
  /** `platform:nativeId` (tweet id, Reddit t1_/t3_ id, YouTube comment id…), or
   * `platform:sha256(permalink)` where the site shows no id (see keys.ts). */
  itemKey: string;
  kind: ItemKind;
  author: { handle?: string; name?: string };
  /** The item's own text: emoji drawn as <img alt> included; screen-reader duplicates,
   * "…more" buttons, translations the site offers and quoted items excluded. */
  text: string;
  postedAt?: PostedAt;
  /** Absolute https permalink. */
  url?: string;
  /** BCP 47 tag from the item's (or its nearest) `lang` attribute, if any. */
  lang?: string;
  /** From the item's `dir` attribute or computed direction hint, if any. */
  dir?: 'ltr' | 'rtl';
}

export interface ReadContext {
  /** Epoch ms, for relative times. */
  now: number;
  /** The page's language (document.documentElement.lang), for relative times in words. */
  pageLang: string;
  /** The page's URL, to resolve relative links. */
  pageUrl: URL;
}

/** Where the badge host element goes: inserted into `parent` before `before` (null: at the end). */
export interface BadgeSlot {
  parent: Element;
  before: Node | null;
}

export interface SiteAdapter {
  platform: Platform;
  /** Whether this adapter serves the page (its host, and the path where that matters). */
  matches(url: URL): boolean;
  /**
   * The item elements in `root` (and `root` itself when it is one), outermost first. Runs on
   * every batch of added nodes: selectors only, no layout reads.
   */
  findItems(root: ParentNode): Element[];
  /** Reads one item; undefined when the element is not a real item (an ad, a placeholder,
   * a deleted comment) or lacks an id. Never throws on odd markup. */
  readItem(element: Element, context: ReadContext): SiteItem | undefined;
  /** Where this item's badge goes: near the author line or action bar, never inside text
   * the site re-renders. */
  badgeSlot(element: Element): BadgeSlot | undefined;
  /** The signed-in account's handle, where the page shows it (for the brand per account). */
  account(document: Document): string | undefined;
  /** Reply editors in `root`: contenteditable roots or textareas (used by the composer). */
  composers(root: ParentNode): Element[];
  /**
   * The item (one of `items`, the page's item elements) a reply box answers, where the site
   * places its box apart from that item (a video's comment box below the comments, a reply
   * box after a comment's replies). Undefined: the generic rule decides (the innermost item
   * holding the box, else the last item before it).
   */
  answers?(composer: Element, items: readonly Element[]): Element | undefined;
  /** Whether a plain Enter in this reply box sends the reply (Shift+Enter starts a new line),
   * as in Facebook's, Instagram's and TikTok's comment boxes. Ctrl/⌘+Enter sends everywhere. */
  enterSends?(composer: Element): boolean;
}
