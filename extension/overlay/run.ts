// The content script's main, shared by the per-site entrypoints: each site's bundle holds
// only its own adapter (so the script a page loads stays small), and this wires it up.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Platform } from '../../shared/schemas';
import { sendMessage } from '../messaging';
import type { SiteAdapter } from '../sites/types';
import { COMPOSER_HOST, type ComposerHost } from '../composer/host';
import { composerFor, itemForComposer } from '../composer/item';
import { watchReactions } from '../composer/reactions';
import { annotatePage } from './annotate';
import { warmHint } from './hint';

/** How often a visible site tab tells the background it is in front (see scheduler.ts). */
const HEARTBEAT_MS = 2500;
/** A claim lasts 120 s on the server; focusing the same reply box again renews it after this. */
const CLAIM_RENEW_MS = 60_000;

export async function runContentScript(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  // bench:content measures the time to annotate from here.
  performance.mark('chorus:start');
  if (!adapter.matches(new URL(location.href))) return;
  const platform: Platform = adapter.platform;

  let account: string | undefined;
  try {
    account = adapter.account(document);
  } catch {
    account = undefined;
  }
  const asking = sendMessage('pageContext', account ? { platform, account } : { platform }).catch(() => undefined);
  // The page's items are found, and the first calls' costs paid, while the background answers.
  const abort = new AbortController();
  ctx.onInvalidated(() => abort.abort());
  const view = annotatePage({
    adapter,
    platform,
    context: asking,
    account,
    signal: abort.signal,
    // The badge's stylesheet is parsed while the background answers.
    warmUp: [() => warmHint(document)],
  });
  const page = await asking;
  if (!page?.enabled || ctx.isInvalid) {
    abort.abort();
    return;
  }

  // While the member looks at the site, the team's templates and activity are pulled every
  // few seconds. A hidden tab costs nothing: the beat only runs while the page is visible.
  const beat = () => {
    if (document.visibilityState !== 'visible') return;
    sendMessage('siteActive', account ? { platform, account } : { platform }).catch(() => undefined);
  };
  beat();
  ctx.setInterval(beat, HEARTBEAT_MS);
  ctx.addEventListener(document, 'visibilitychange', beat);

  // Likes and shares the member turns on are recorded (composer/reactions.ts).
  watchReactions({ adapter, platform, account, signal: abort.signal, describe: (key) => view.describe(key) });

  // The composer's code loads the first time the member focuses a reply box here.
  const host: ComposerHost = {
    adapter,
    platform,
    account,
    page: () => view.page,
    signal: abort.signal,
    describe: (key) => view.describe(key),
    onTeamChanged: (listener) => view.onTeamChanged(listener),
  };
  (globalThis as Record<string, unknown>)[COMPOSER_HOST] = host;
  let composerLoaded = false;
  // Starting a reply claims the item for a while, so teammates see "Ana is replying".
  const claimedAt = new Map<string, number>();
  const onFocus = (event: FocusEvent) => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    const composer = composerFor(adapter, target);
    if (!composer) return;
    if (!composerLoaded) {
      composerLoaded = true;
      sendMessage('loadComposer', {}).catch(() => (composerLoaded = false));
    }
    const itemKey = itemForComposer(adapter, composer)?.item.itemKey;
    if (!itemKey || Date.now() - (claimedAt.get(itemKey) ?? 0) < CLAIM_RENEW_MS) return;
    claimedAt.set(itemKey, Date.now());
    sendMessage('claimItem', { teamId: view.page.teamId, itemKey }).catch(() => claimedAt.delete(itemKey));
  };
  document.addEventListener('focusin', onFocus, { capture: true, signal: abort.signal });
}
