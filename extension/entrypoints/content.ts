import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '../messaging';
import { PLATFORM_OF_DOMAIN, SUPPORTED_MATCHES, supportedDomainOf } from '../sites/hosts';

/** How often a visible site tab tells the background it is in front (see scheduler.ts). */
const HEARTBEAT_MS = 2500;

export default defineContentScript({
  matches: SUPPORTED_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // The manifest already limits where this runs; this guards against a
    // pattern that is wider than the site list, before any adapter starts.
    const domain = supportedDomainOf(location.hostname);
    if (!domain) return;
    const platform = PLATFORM_OF_DOMAIN[domain];

    // While the member looks at the site, the team's templates and activity are pulled every
    // few seconds. A hidden tab costs nothing: the beat only runs while the page is visible.
    const beat = () => {
      if (document.visibilityState !== 'visible') return;
      sendMessage('siteActive', { platform }).catch(() => undefined);
    };
    beat();
    ctx.setInterval(beat, HEARTBEAT_MS);
    ctx.addEventListener(document, 'visibilitychange', beat);
  },
});
