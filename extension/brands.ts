// Which sites Chorus works on, and which team (brand) a page belongs to. A member who
// answers for two brands connects to both teams; a reply made on a site is recorded for
// the brand of the signed-in account if there is a rule for it, else for the site's brand,
// else for the first team connected.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { Platform } from '../shared/schemas';
import { normalizeHandle } from './handles';

export const SITE_PREFS_KEY = 'chorus:sites';

export { normalizeHandle };

/** A Mastodon instance host as the member types it ("https://Mastodon.Social/" → "mastodon.social"). */
export function normalizeInstance(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return undefined;
  const host = url.hostname.replace(/\.$/, '');
  // A registrable name with a dot; no IP addresses, no bare words.
  if (!/^(?=.{4,253}$)([a-z0-9-]{1,63}\.)+[a-z][a-z0-9-]{1,62}$/.test(host)) return undefined;
  return host;
}

export const AccountRule = z.object({
  platform: Platform,
  /** Normalised with normalizeHandle. */
  handle: z.string().min(1).max(100),
  teamId: z.string(),
});
export type AccountRule = z.infer<typeof AccountRule>;

export const SitePrefs = z.object({
  /** Sites switched off; every supported site is on unless listed here. */
  disabled: z.array(Platform).default([]),
  /** The brand per site, by team id; sites not listed use the default (first) team. */
  siteTeams: z.partialRecord(Platform, z.string()).default({}),
  accounts: z.array(AccountRule).max(200).default([]),
  /** Mastodon instances the member added (and granted the host permission for). */
  mastodonInstances: z.array(z.string()).max(100).default([]),
});
export type SitePrefs = z.infer<typeof SitePrefs>;

export const DEFAULT_SITE_PREFS: SitePrefs = SitePrefs.parse({});

export async function loadSitePrefs(): Promise<SitePrefs> {
  const stored = await browser.storage.local.get(SITE_PREFS_KEY);
  return SitePrefs.safeParse(stored[SITE_PREFS_KEY]).data ?? DEFAULT_SITE_PREFS;
}

export async function saveSitePrefs(prefs: SitePrefs): Promise<void> {
  await browser.storage.local.set({ [SITE_PREFS_KEY]: SitePrefs.parse(prefs) });
}

export const siteEnabled = (prefs: SitePrefs, platform: Platform): boolean => !prefs.disabled.includes(platform);

export type BrandSource = 'account' | 'site' | 'default';

/**
 * The team a page's work counts for. Rules naming a team that is no longer connected are
 * skipped, so disconnecting a brand never strands a site.
 */
export function resolveTeam<T extends { team: { id: string } }>(
  connections: readonly T[],
  prefs: SitePrefs,
  page: { platform: Platform; account?: string | undefined },
): { connection: T; source: BrandSource } | undefined {
  const byId = (id: string | undefined) => (id === undefined ? undefined : connections.find((c) => c.team.id === id));
  if (page.account) {
    const handle = normalizeHandle(page.account);
    const rule = prefs.accounts.find((r) => r.platform === page.platform && r.handle === handle);
    const connection = byId(rule?.teamId);
    if (connection) return { connection, source: 'account' };
  }
  const connection = byId(prefs.siteTeams[page.platform]);
  if (connection) return { connection, source: 'site' };
  return connections[0] ? { connection: connections[0], source: 'default' } : undefined;
}

/** Drops rules for a team that was disconnected, so a later team does not inherit them. */
export function forgetTeam(prefs: SitePrefs, teamId: string): SitePrefs {
  const siteTeams = Object.fromEntries(Object.entries(prefs.siteTeams).filter(([, id]) => id !== teamId));
  return { ...prefs, siteTeams, accounts: prefs.accounts.filter((r) => r.teamId !== teamId) };
}
