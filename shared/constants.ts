// The enumerations of the wire format as plain constants, without zod, for code that must
// stay small (the content script): schemas.ts builds its schemas from these.

export const PLATFORMS = [
  'x',
  'linkedin',
  'facebook',
  'instagram',
  'reddit',
  'youtube',
  'mastodon',
  'bluesky',
  'threads',
  'tiktok',
] as const;
export const CATEGORIES = ['question', 'complaint', 'praise', 'purchase_intent', 'spam', 'other'] as const;
/** Categories a team is expected to answer: the response-rate denominator. */
export const ACTIONABLE_CATEGORIES = ['question', 'complaint'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const KINDS = ['reply', 'comment', 'dm', 'like', 'share'] as const;
/** Kinds that answer the item (start nothing, stop the reply clock). Likes and shares do not. */
export const RESPONSE_KINDS = ['reply', 'comment', 'dm'] as const;
export const ROLES = ['owner', 'manager', 'member'] as const;
