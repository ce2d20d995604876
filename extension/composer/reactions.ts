// Likes and shares: where a site's item shows a like or share (repost) control Chorus knows,
// the member turning it on records one interaction of kind 'like' or 'share' for the item;
// turning it off records nothing. The site decides: the control must show "on" within a few
// seconds of the click (X's repost asks in a menu first). Runs in the content script (a like
// needs no reply box, so it cannot wait for the composer script); small on purpose.
import { v7 as uuidv7 } from 'uuid';
import { LANG_TAG } from '../../shared/constants';
import type { Category, Interaction, Platform, Sentiment } from '../../shared/schemas';
import { sendMessage } from '../messaging';
import type { SiteAdapter, SiteItem } from '../sites/types';
import { innermostItem, itemFields } from './item';

/** How long the site may take to show the control turned on (X's repost menu included). */
const TURN_ON_WITHIN_MS = 10_000;
const POLL_MS = 200;

export interface ReactionControl {
  kind: 'like' | 'share';
  /** The control, on or off. */
  selector: string;
  /** Whether the control shows its "on" state (liked, reposted). */
  on(control: Element): boolean;
}

const pressed = (el: Element) => el.getAttribute('aria-pressed') === 'true';
const label = (el: Element) => el.getAttribute('aria-label') ?? '';

/** The like and share controls per site, as the sites mark them. Sites not listed show none
 * Chorus can read. */
export const REACTION_CONTROLS: Partial<Record<Platform, ReactionControl[]>> = {
  // X swaps the test id: like ↔ unlike, retweet ↔ unretweet.
  x: [
    { kind: 'like', selector: '[data-testid="like"], [data-testid="unlike"]', on: (el) => el.getAttribute('data-testid') === 'unlike' },
    { kind: 'share', selector: '[data-testid="retweet"], [data-testid="unretweet"]', on: (el) => el.getAttribute('data-testid') === 'unretweet' },
  ],
  // Bluesky's labels: "Like (3 likes)" ↔ "Unlike (4 likes)", "Repost or quote post" ↔ "Undo repost".
  bluesky: [
    { kind: 'like', selector: '[data-testid="likeBtn"]', on: (el) => pressed(el) || /^unlike\b/i.test(label(el)) },
    { kind: 'share', selector: '[data-testid="repostBtn"]', on: (el) => pressed(el) || /^undo repost\b/i.test(label(el)) },
  ],
  // YouTube's comment like is a toggle button with aria-pressed.
  youtube: [{ kind: 'like', selector: '#like-button button, like-button-view-model button', on: pressed }],
  // Reddit's upvote (the live site's, inside shreddit-post's shadow root: not in the snapshots).
  reddit: [{ kind: 'like', selector: 'button[upvote]', on: pressed }],
};

/** The reaction control a click landed on, with its kind, if it is one. */
export function reactionControlOf(platform: Platform, target: Element): { control: Element; spec: ReactionControl } | undefined {
  for (const spec of REACTION_CONTROLS[platform] ?? []) {
    const control = target.closest(spec.selector);
    if (control) return { control, spec };
  }
  return undefined;
}

export function watchReactions(options: {
  adapter: SiteAdapter;
  platform: Platform;
  account: string | undefined;
  signal: AbortSignal;
  describe: (itemKey: string) => { category: Category; sentiment: Sentiment; lang: string } | undefined;
}): void {
  const { adapter, platform, signal } = options;
  if (!REACTION_CONTROLS[platform]) return;
  /** Recorded in this page: a like turned off and on again counts once. */
  const recorded = new Set<string>();
  const watching = new Set<string>();

  async function record(item: SiteItem, kind: 'like' | 'share') {
    const described = options.describe(item.itemKey);
    const interaction: Interaction = {
      id: uuidv7(),
      itemKey: item.itemKey,
      platform,
      kind,
      actedAt: new Date().toISOString(),
      ...(described ? { category: described.category, sentiment: described.sentiment } : {}),
      ...(described && LANG_TAG.test(described.lang) && described.lang !== 'und' ? { lang: described.lang } : {}),
      ...itemFields(item),
    };
    await sendMessage('recordInteraction', options.account ? { interaction, account: options.account } : { interaction }).catch(() => recorded.delete(`${kind}|${item.itemKey}`));
  }

  document.addEventListener(
    'click',
    (event) => {
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      const found = reactionControlOf(platform, target);
      // Already on: this click turns it off, which records nothing.
      if (!found || found.spec.on(found.control)) return;
      const element = innermostItem(adapter.findItems(document), found.control);
      if (!element) return;
      let item: SiteItem | undefined;
      try {
        item = adapter.readItem(element, { now: Date.now(), pageLang: document.documentElement.lang || 'en', pageUrl: new URL(location.href) });
      } catch {
        item = undefined;
      }
      if (!item) return;
      const key = `${found.spec.kind}|${item.itemKey}`;
      if (recorded.has(key) || watching.has(key)) return;
      watching.add(key);
      const { spec } = found;
      const started = Date.now();
      // The site may re-render the control: look for the item's control of this kind again.
      const isOn = () => {
        const control = found.control.isConnected ? found.control : (element.querySelector(spec.selector) ?? element.shadowRoot?.querySelector(spec.selector));
        return control ? spec.on(control) : false;
      };
      const timer = setInterval(() => {
        const on = isOn();
        if (!on && Date.now() - started < TURN_ON_WITHIN_MS && !signal.aborted) return;
        clearInterval(timer);
        watching.delete(key);
        if (on && !recorded.has(key)) {
          recorded.add(key);
          void record(item, spec.kind);
        }
      }, POLL_MS);
    },
    { capture: true, signal },
  );
}
