import type { Platform } from '../../shared/schemas';

/**
 * The social sites Chorus works on, by registrable domain. A match pattern
 * `https://*.example.com/*` also matches the bare `example.com`, so each
 * domain needs one pattern that covers it and its subdomains (www., m., old.).
 * Mastodon instances are not listed: they are granted one by one at run time.
 */
export const SUPPORTED_DOMAINS = [
  'x.com',
  'linkedin.com',
  'facebook.com',
  'instagram.com',
  'reddit.com',
  'youtube.com',
  'bsky.app',
  'threads.net',
  'threads.com',
  'tiktok.com',
] as const;

export type SupportedDomain = (typeof SUPPORTED_DOMAINS)[number];

/** The platform each domain belongs to (threads.net and threads.com are one site). */
export const PLATFORM_OF_DOMAIN: Record<SupportedDomain, Platform> = {
  'x.com': 'x',
  'linkedin.com': 'linkedin',
  'facebook.com': 'facebook',
  'instagram.com': 'instagram',
  'reddit.com': 'reddit',
  'youtube.com': 'youtube',
  'bsky.app': 'bluesky',
  'threads.net': 'threads',
  'threads.com': 'threads',
  'tiktok.com': 'tiktok',
};

/** Match patterns for the manifest's host permissions and the content script. */
export const SUPPORTED_MATCHES: string[] = SUPPORTED_DOMAINS.map((domain) => `https://*.${domain}/*`);

/** The supported domain a page's hostname belongs to, if any. */
export function supportedDomainOf(hostname: string): SupportedDomain | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return SUPPORTED_DOMAINS.find((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** The match patterns of one platform's domains, for its content script. */
export function matchesOf(platform: Platform): string[] {
  return SUPPORTED_DOMAINS.filter((domain) => PLATFORM_OF_DOMAIN[domain] === platform).map((domain) => `https://*.${domain}/*`);
}
