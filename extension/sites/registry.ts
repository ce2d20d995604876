// Every site adapter, one per file. The content script picks the one that serves the page.
import { adapter as bluesky } from './bluesky';
import { adapter as facebook } from './facebook';
import { adapter as instagram } from './instagram';
import { adapter as linkedin } from './linkedin';
import { adapter as mastodon } from './mastodon';
import { adapter as reddit } from './reddit';
import { adapter as threads } from './threads';
import { adapter as tiktok } from './tiktok';
import type { SiteAdapter } from './types';
import { adapter as x } from './x';
import { adapter as youtube } from './youtube';

/** Mastodon last: it serves any instance the member granted, so the named sites go first. */
export const ADAPTERS: readonly SiteAdapter[] = [x, linkedin, facebook, instagram, reddit, youtube, bluesky, threads, tiktok, mastodon];

export function adapterFor(url: URL): SiteAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.matches(url));
}
