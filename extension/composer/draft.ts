// The voice check of a draft in a reply box: the team's brand voice (or, when the team has
// none, only the platform's length rule) with the platform's counting. Pure, apart from
// reading the Mastodon instance's stated limit from its page.
import type { Platform, VoiceRules } from '../../shared/schemas';
import { checkVoice, type VoiceResult } from '../../shared/voice';

/** What is checked when the team has no brand voice yet: the length on the platform only. */
const LENGTH_ONLY: VoiceRules = { bannedTerms: [], signOff: null, emojiPolicy: 'free', maxExclamations: 20, formality: 'neutral', lengthByPlatform: {} };

export interface DraftCheck {
  platform: Platform;
  lang?: string | undefined;
  /** The limit the site states (a Mastodon instance's). */
  maxLength?: number | undefined;
  /** X's weighted counting, once voice-x.js is loaded; without it X is not length-checked. */
  countWeighted?: ((text: string) => number) | undefined;
}

export function checkDraft(text: string, voice: VoiceRules | undefined, check: DraftCheck): VoiceResult {
  return checkVoice(text, voice ?? LENGTH_ONLY, {
    platform: check.platform,
    ...(check.lang && check.lang !== 'und' ? { lang: check.lang } : {}),
    ...(check.maxLength ? { maxLength: check.maxLength } : {}),
    ...(check.countWeighted ? { countWeighted: check.countWeighted } : {}),
  });
}

/**
 * A Mastodon instance's post length limit, from the state its web app starts with
 * (`<script id="initial-state" type="application/json">`): `configuration.statuses.max_characters`
 * (4.x), or `max_toot_chars` (older versions and forks). Undefined when the page does not say.
 */
export function mastodonLimit(initialStateJson: string | null | undefined): number | undefined {
  if (!initialStateJson) return undefined;
  try {
    const state = JSON.parse(initialStateJson) as Record<string, any>;
    const found = state?.server?.configuration?.statuses?.max_characters ?? state?.configuration?.statuses?.max_characters ?? state?.max_toot_chars ?? state?.compose?.max_toot_chars;
    return Number.isInteger(found) && found > 0 && found <= 100_000 ? found : undefined;
  } catch {
    return undefined;
  }
}
