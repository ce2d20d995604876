import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { VOICE_X_GLOBAL } from '../composer/host';
import { xWeightedLength } from '../../shared/voice-x';

// X's weighted length counting (twitter-text, ~35 KB gzip), injected by the background only
// into X tabs, after the composer script asked for it; the brand-voice meter uses it from then on.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[VOICE_X_GLOBAL] = xWeightedLength;
});
