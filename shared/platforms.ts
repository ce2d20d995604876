// Names shown for each platform, by both the extension's UI and rendered templates.
import type { Platform } from './schemas.ts';

/** Platforms' brand names: the same in every language. */
export const PLATFORM_NAMES: Record<Platform, string> = {
  x: 'X',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  instagram: 'Instagram',
  reddit: 'Reddit',
  youtube: 'YouTube',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  threads: 'Threads',
  tiktok: 'TikTok',
};
