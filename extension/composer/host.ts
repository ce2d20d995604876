// What the site's content script hands to the composer script (entrypoints/composer.ts),
// which the background injects into the same isolated world on first use.
import type { Category, Platform, Sentiment } from '../../shared/schemas';
import type { PageContext } from '../messaging';
import type { SiteAdapter } from '../sites/types';

export const COMPOSER_HOST = '__chorusComposerHost';
/** X's weighted length counter, set by the voice-x script once the background injected it (X tabs only). */
export const VOICE_X_GLOBAL = '__chorusVoiceX';

export interface ComposerHost {
  adapter: SiteAdapter;
  platform: Platform;
  /** The signed-in account, for the brand its replies count for. */
  account: string | undefined;
  page: () => Extract<PageContext, { enabled: true }>;
  signal: AbortSignal;
  /** How the content script classified an item on the page, if it did. */
  describe: (itemKey: string) => { category: Category; sentiment: Sentiment; lang: string } | undefined;
  /** Called when the background says the team's activity changed (a teammate's answer or
   * claim arrived); returns a function that stops it. */
  onTeamChanged?: (listener: () => void) => () => void;
  /** Set by the composer script, so a second injection does nothing. */
  started?: boolean;
}
