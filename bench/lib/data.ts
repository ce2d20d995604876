// Realistic synthetic interactions for the API benchmark: the wire shape a browser pushes
// (UUIDv7 ids, per-site item keys and permalinks, a mix of platforms, kinds, categories and
// languages including right-to-left and non-Latin ones) and the row shape the API stores.
import { randomBytes } from 'node:crypto';
import type { interactions } from '../../api/db/schema.ts';
import { interactionRow } from '../../api/db/rows.ts';
import type { Category, Interaction, Kind, Platform, Sentiment } from '../../shared/schemas.ts';

const DAY_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;
const MINUTE_MS = 60_000;

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = readonly (readonly [T, number])[];
function picker<T>(table: Weighted<T>): (r: number) => T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  return (r) => {
    let x = r * total;
    for (const [v, w] of table) {
      if ((x -= w) < 0) return v;
    }
    return table[table.length - 1]![0];
  };
}

export const PLATFORM_MIX: Weighted<Platform> = [
  ['x', 18], ['instagram', 16], ['facebook', 14], ['linkedin', 10], ['youtube', 10],
  ['tiktok', 10], ['reddit', 8], ['threads', 6], ['bluesky', 5], ['mastodon', 3],
];
export const CATEGORY_MIX: Weighted<Category> = [
  ['question', 28], ['complaint', 22], ['praise', 20], ['purchase_intent', 10], ['spam', 4], ['other', 16],
];
/** Twelve languages, with the project's Persian, Hebrew, Swahili and Vietnamese audiences. */
export const LANGUAGE_MIX: Weighted<string> = [
  ['en', 26], ['fa', 10], ['es', 9], ['pt-BR', 8], ['vi', 8], ['ar', 7],
  ['he', 6], ['sw', 6], ['fr', 6], ['de', 5], ['hi', 5], ['ja', 4],
];
const FIRST_KIND: Weighted<Kind> = [['reply', 50], ['comment', 26], ['dm', 10], ['like', 9], ['share', 5]];
const LATER_KIND: Weighted<Kind> = [['reply', 28], ['comment', 20], ['dm', 8], ['like', 28], ['share', 16]];
const RESPONSE: ReadonlySet<Kind> = new Set(['reply', 'comment', 'dm']);

const pickPlatform = picker(PLATFORM_MIX);
const pickCategory = picker(CATEGORY_MIX);
const pickLanguage = picker(LANGUAGE_MIX);
const pickFirstKind = picker(FIRST_KIND);
const pickLaterKind = picker(LATER_KIND);

const HANDLES = ['amina_k', 'reza.tehrani', 'noa_levi', 'nguyen.thu', 'juma_dar', 'maria.silva', 'kofi_a', 'sara_m',
  'lea.dubois', 'yuki_t', 'omar.f', 'priya_r', 'jonas.weber', 'zeynab', 'linh_pham', 'avi.cohen'];
const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// crypto.randomBytes per id costs microseconds; draw the random bits from a pool instead.
let pool = Buffer.alloc(0);
let poolAt = 0;
function randomHex(bytes: number): string {
  if (poolAt + bytes > pool.length) {
    pool = randomBytes(64 * 1024);
    poolAt = 0;
  }
  poolAt += bytes;
  return pool.toString('hex', poolAt - bytes, poolAt);
}

/** UUIDv7 (RFC 9562): 48-bit Unix ms, version 7, 74 random bits, variant 10. */
export function uuidv7(ms: number): string {
  const hex = Math.floor(ms).toString(16).padStart(12, '0');
  const r = randomHex(10);
  const variant = '89ab'[parseInt(r[3]!, 16) & 3];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${r.slice(0, 3)}-${variant}${r.slice(4, 7)}-${r.slice(7, 19)}`;
}

interface Item {
  key: string;
  platform: Platform;
  url: string;
  author: string;
  category: Category;
  lang: string;
  postedAt: number | null;
  seenAt: number;
}

/**
 * Interactions as the extension records them: about one item per two interactions, the
 * first usually the reply that answers it, the second a later reply, like or share.
 */
export class InteractionFactory {
  private readonly rand: () => number;
  private readonly templates: string[];
  private current: Item | undefined;
  private lastActed = 0;
  private seq = 0;

  constructor(
    seed: number,
    private readonly now = Date.now(),
    private readonly spanDays = 89,
  ) {
    this.rand = prng(seed);
    this.templates = Array.from({ length: 12 }, (_, i) => `0193a4c2-${(0x1000 + i).toString(16)}-4abc-8def-${(seed >>> 0).toString(16).padStart(12, '0').slice(-12)}`);
  }

  private digits(n: number): string {
    let s = String(1 + Math.floor(this.rand() * 9));
    for (let i = 1; i < n; i++) s += Math.floor(this.rand() * 10);
    return s;
  }
  private chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.rand() * alphabet.length)];
    return s;
  }

  private newItem(): Item {
    const r = this.rand;
    const platform = pickPlatform(r());
    const author = HANDLES[Math.floor(r() * HANDLES.length)]! + Math.floor(r() * 900);
    let native: string;
    let url: string;
    switch (platform) {
      case 'x':
        native = this.digits(19);
        url = `https://x.com/${author}/status/${native}`;
        break;
      case 'reddit': {
        native = `t1_${this.chars(B36, 7)}`;
        url = `https://www.reddit.com/r/support/comments/${this.chars(B36, 6)}/comment/${native.slice(3)}/`;
        break;
      }
      case 'youtube':
        native = `Ugx${this.chars(B64URL, 21)}4AaABAg`;
        url = `https://www.youtube.com/watch?v=${this.chars(B64URL, 11)}&lc=${native}`;
        break;
      case 'linkedin':
        native = `urn:li:comment:(activity:${this.digits(19)},${this.digits(19)})`;
        url = `https://www.linkedin.com/feed/update/urn:li:activity:${this.digits(19)}/`;
        break;
      case 'facebook':
        // No stable id on the page: sha256 of the permalink.
        native = this.chars('0123456789abcdef', 64);
        url = `https://www.facebook.com/${author}/posts/pfbid0${this.chars(B36, 40)}`;
        break;
      case 'instagram':
        native = this.digits(18);
        url = `https://www.instagram.com/p/${this.chars(B64URL, 11)}/c/${native}/`;
        break;
      case 'tiktok':
        native = this.digits(19);
        url = `https://www.tiktok.com/@${author}/video/${this.digits(19)}`;
        break;
      case 'threads':
        native = this.chars(B64URL, 11);
        url = `https://www.threads.net/@${author}/post/${native}`;
        break;
      case 'bluesky':
        native = `3l${this.chars('234567abcdefghijklmnopqrstuvwxyz', 11)}`;
        url = `https://bsky.app/profile/${author}.bsky.social/post/${native}`;
        break;
      case 'mastodon':
        native = this.digits(18);
        url = `https://mastodon.social/@${author}/${native}`;
        break;
    }
    const base = this.now - HOUR_MS - r() * this.spanDays * DAY_MS;
    const stale = r() < 0.01;
    const seenAt = Math.min(base + (stale ? 8 * DAY_MS + r() * 10 * DAY_MS : r() * r() * 3 * HOUR_MS), this.now - MINUTE_MS);
    return {
      key: `${platform}:${native}`,
      platform,
      url,
      author,
      category: pickCategory(r()),
      lang: pickLanguage(r()),
      // Some sites show no time on a comment: the clock then starts when it was seen.
      postedAt: r() < 0.05 ? null : Math.floor(base),
      seenAt: Math.floor(seenAt),
    };
  }

  next(): Interaction {
    const r = this.rand;
    const first = this.seq++ % 2 === 0;
    if (first || !this.current) this.current = this.newItem();
    const item = this.current;
    const kind = first ? pickFirstKind(r()) : pickLaterKind(r());
    // Reply delays: mostly minutes, a long tail of hours.
    const delay = -Math.log(1 - r()) * (first ? 40 * MINUTE_MS : 6 * HOUR_MS);
    const acted = Math.floor(Math.min((first ? item.seenAt : this.lastActed) + delay, this.now - 1000));
    this.lastActed = acted;
    const sentiment: Sentiment =
      item.category === 'complaint' ? (r() < 0.85 ? 'negative' : 'neutral')
      : item.category === 'praise' ? 'positive'
      : r() < 0.7 ? 'neutral' : r() < 0.5 ? 'positive' : 'negative';
    const i: Interaction = {
      id: uuidv7(acted),
      itemKey: item.key,
      platform: item.platform,
      kind,
      actedAt: new Date(acted).toISOString(),
      itemUrl: item.url,
      itemAuthor: item.author,
      seenAt: new Date(item.seenAt).toISOString(),
      category: item.category,
      sentiment,
      lang: item.lang,
    };
    if (item.postedAt !== null) i.itemPostedAt = new Date(item.postedAt).toISOString();
    if (RESPONSE.has(kind)) {
      i.responseMs = Math.max(0, acted - (item.postedAt ?? item.seenAt));
      i.voiceScore = 55 + Math.floor(r() * 46);
      i.textLength = 12 + Math.floor(r() * 268);
      if (r() < 0.35) i.templateId = this.templates[Math.floor(r() * this.templates.length)]!;
    }
    return i;
  }

  batch(n: number): Interaction[] {
    return Array.from({ length: n }, () => this.next());
  }
}

export type InteractionRow = typeof interactions.$inferInsert;

/** The row the API stores for an interaction (text is never kept by the benchmark's team). */
export const toRow = (i: Interaction, teamId: string, memberId: string): InteractionRow => interactionRow(i, teamId, memberId, false);
