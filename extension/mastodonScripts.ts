// Mastodon instances are many and chosen by each member: the options page asks for an
// instance's host permission at run time (optional host permissions), and the background
// registers the Mastodon content script for exactly the granted, switched-on instances.
import { browser } from 'wxt/browser';
import { loadSitePrefs, siteEnabled } from './brands';

export const MASTODON_SCRIPT_ID = 'chorus-mastodon';
const SCRIPT_FILE = 'content-scripts/mastodon.js';

export const instanceOrigin = (host: string) => `https://${host}/*`;

/** The instances whose permission is still granted (a member can revoke it in the browser). */
export async function grantedInstances(hosts: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const host of hosts) {
    if (await browser.permissions.contains({ origins: [instanceOrigin(host)] })) granted.push(host);
  }
  return granted;
}

/** Makes the registered Mastodon script match the granted instances (or removes it). */
export async function syncMastodonScripts(): Promise<string[]> {
  const prefs = await loadSitePrefs();
  const hosts = siteEnabled(prefs, 'mastodon') ? await grantedInstances(prefs.mastodonInstances) : [];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [MASTODON_SCRIPT_ID] });
  if (hosts.length === 0) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [MASTODON_SCRIPT_ID] });
    return [];
  }
  const script = { id: MASTODON_SCRIPT_ID, js: [SCRIPT_FILE], matches: hosts.map(instanceOrigin), runAt: 'document_idle' as const };
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return hosts;
}
