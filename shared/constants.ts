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

/** A BCP 47 language tag as sites put it in `lang` (en, pt-BR, zh-Hant, fa-IR). */
export const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The primary subtag of a language tag, lowercased ("pt-BR" → "pt"); undefined for none. */
export const primarySubtag = (tag: string | null | undefined): string | undefined => (tag ? tag.split('-')[0]!.toLowerCase() : undefined);
