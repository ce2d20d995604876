// Item keys: `platform:nativeId` when the site shows an id, else `platform:sha256(permalink)`.
// The permalink is normalised first so the same item found through different links (www./m.,
// tracking parameters, a #fragment) gets the same key on every member's machine.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Platform } from '../../shared/schemas';

export function keyFromId(platform: Platform, id: string): string {
  const trimmed = id.trim();
  if (!trimmed) throw new Error(`keyFromId: empty id for ${platform}`);
  return `${platform}:${trimmed}`;
}

export function keyFromPermalink(platform: Platform, url: string): string {
  return `${platform}:${bytesToHex(sha256(new TextEncoder().encode(normalizePermalink(url))))}`;
}

/** Query parameters that carry the item's id, per registrable domain; every other one is dropped. */
const ID_PARAMS: Record<string, readonly string[]> = {
  'youtube.com': ['lc', 'v'],
  'facebook.com': ['comment_id', 'reply_comment_id', 'story_fbid', 'id'],
};

/** https, lowercase host without www./m., no trailing slash, no fragment, only id parameters (sorted). */
export function normalizePermalink(url: string): string {
  const parsed = new URL(url.trim());
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`keyFromPermalink: not a web URL: ${url}`);
  }
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '').replace(/^(?:www|m)\./, '');
  const domain = Object.keys(ID_PARAMS).find((d) => host === d || host.endsWith(`.${d}`));
  const kept = domain ? ID_PARAMS[domain]! : [];
  const params = [...parsed.searchParams]
    .filter(([name]) => kept.includes(name))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : '';
  const port = parsed.port && parsed.port !== '80' ? `:${parsed.port}` : '';
  return `https://${host}${port}${path}${query}`;
}
