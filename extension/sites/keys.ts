// Item keys: `platform:nativeId` when the site shows an id, else `platform:sha256(permalink)`.
// The permalink is normalised first so the same item found through different links (www./m.,
// tracking parameters, a #fragment) gets the same key on every member's machine.
import type { Platform } from '../../shared/schemas';

export function keyFromId(platform: Platform, id: string): string {
  const trimmed = id.trim();
  if (!trimmed) throw new Error(`keyFromId: empty id for ${platform}`);
  return `${platform}:${trimmed}`;
}

export function keyFromPermalink(platform: Platform, url: string): string {
  return `${platform}:${sha256Hex(new TextEncoder().encode(normalizePermalink(url)))}`;
}

/** The 64 round constants: the first 32 bits of the fractional parts of the cube roots of
 * the first 64 primes (FIPS 180-4, 4.2.2), computed rather than listed. */
let roundK: Uint32Array | undefined;
function roundConstants(): Uint32Array {
  if (roundK) return roundK;
  const k = new Uint32Array(64);
  for (let n = 2, i = 0; i < 64; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
    if (prime) k[i++] = (Math.cbrt(n) % 1) * 2 ** 32;
  }
  return (roundK = k);
}

/** SHA-256 (FIPS 180-4) in hex: synchronous and small, for the content scripts (a library's
 * version cost TikTok's script about 3 KB gzip). Checked against known digests in keys.test.ts. */
export function sha256Hex(data: Uint8Array): string {
  const k = roundConstants();
  // Message, a 1 bit, zeros, and the length in bits as a 64-bit big-endian number.
  const blocks = Math.ceil((data.length + 9) / 64);
  const bytes = new Uint8Array(blocks * 64);
  bytes.set(data);
  bytes[data.length] = 0x80;
  const view = new DataView(bytes.buffer);
  view.setUint32(bytes.length - 8, Math.floor(data.length / 2 ** 29));
  view.setUint32(bytes.length - 4, data.length * 8);
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < bytes.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      w[i] = w[i - 16]! + (rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)) + w[i - 7]! + (rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10));
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i]! + w[i]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
    h[5] = (h[5]! + f) | 0;
    h[6] = (h[6]! + g) | 0;
    h[7] = (h[7]! + hh) | 0;
  }
  return h.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
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
