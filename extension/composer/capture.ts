// Capture of every reply sent: when the member submits a recognized composer (a click on a
// button beside it, Ctrl/⌘+Enter in it, or Enter where the site sends on Enter) and the site takes the reply (the box empties or
// goes away), exactly one interaction is recorded for the item it answers. A submit the site
// refuses leaves the text in the box and records nothing; a double submit records once. A
// submit the traffic cop holds (assist.ts, listening on window first) never reaches this.
import { v7 as uuidv7 } from 'uuid';
import { LANG_TAG } from '../../shared/constants';
import type { Category, Interaction, Platform, Sentiment } from '../../shared/schemas';
import type { ItemStatus, PageContext } from '../messaging';
import { sendMessage } from '../messaging';
import type { SiteAdapter, SiteItem } from '../sites/types';
import { editorRoot, editorText } from './insert';
import { composerFor, cut, itemFields } from './item';

type Enabled = Extract<PageContext, { enabled: true }>;

/** How long the site may take to accept a reply after the submit. */
const ACCEPT_WITHIN_MS = 8000;
const POLL_MS = 150;
/** Buttons this many levels around the composer count as its submit. */
const NEAR_LEVELS = 6;

export interface CaptureOptions {
  adapter: SiteAdapter;
  platform: Platform;
  page: () => Enabled;
  account: string | undefined;
  signal: AbortSignal;
  /** The template last inserted into a composer, for the interaction's templateId. */
  templateOf: (composer: Element) => string | undefined;
  /** The item a composer answers. */
  itemFor: (composer: Element) => { element: Element; item: SiteItem } | undefined;
  describe: (itemKey: string) => { category: Category; sentiment: Sentiment; lang: string } | undefined;
  /** The reply's brand-voice score (0–100) as the meter shows it, for the interaction. */
  voiceScore?: (composer: Element, text: string) => number | undefined;
}

/** The composer (with text in it) whose submit button this is: one that shares a nearby ancestor with it. */
export function composerForButton(adapter: SiteAdapter, button: Element): Element | undefined {
  const composers = adapter.composers(document).filter((c) => editorText(editorRoot(c)).trim() !== '');
  let scope: Element | null = button;
  for (let level = 0; scope && level < NEAR_LEVELS; level++, scope = scope.parentElement) {
    const found = composers.find((c) => scope!.contains(c));
    if (found) return found;
  }
  return undefined;
}

/** Enter that may send a reply: Ctrl/⌘+Enter, or a plain Enter (not Shift+Enter, not while an
 * input method is composing) where the adapter says the box sends on Enter. */
export function isSendKey(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.isComposing;
}

/** The submit control a click landed on, if it is one that can act. */
export function submitButtonOf(target: EventTarget | undefined): Element | undefined {
  const button = (target as Element | undefined)?.closest?.('button, [role="button"], input[type="submit"]');
  return button && !button.matches(':disabled, [aria-disabled="true"]') ? button : undefined;
}

export function watchSubmits(options: CaptureOptions): void {
  const { adapter, platform, signal } = options;
  /** Composers with a submit being watched: a second submit meanwhile is the same reply. */
  const watching = new WeakSet<Element>();

  const composerOf = (target: EventTarget | undefined): Element | undefined => {
    if (!(target instanceof Element)) return undefined;
    return composerFor(adapter, editorRoot(target));
  };

  function submitted(composer: Element) {
    if (watching.has(composer)) return;
    const root = editorRoot(composer);
    const text = editorText(root).trim();
    if (!text) return;
    watching.add(composer);
    const target = options.itemFor(composer);
    const templateId = options.templateOf(composer);
    const voiceScore = options.voiceScore?.(composer, text);
    const started = Date.now();
    const timer = setInterval(() => {
      const taken = !root.isConnected || editorText(root).trim() === '';
      if (!taken && Date.now() - started < ACCEPT_WITHIN_MS && !signal.aborted) return;
      clearInterval(timer);
      watching.delete(composer);
      if (taken && target) void record(target.item, text, templateId, voiceScore);
    }, POLL_MS);
  }

  async function record(item: SiteItem, text: string, templateId: string | undefined, voiceScore: number | undefined) {
    const page = options.page();
    const now = Date.now();
    const statuses: Record<string, ItemStatus> = await sendMessage('itemStatus', { teamId: page.teamId, itemKeys: [item.itemKey] }).catch(() => ({}));
    const status = statuses[item.itemKey];
    const posted = item.postedAt ? Date.parse(item.postedAt.iso) : Number.NaN;
    const seen = status?.firstSeenAt ? Date.parse(status.firstSeenAt) : Number.NaN;
    const since = Number.isFinite(posted) ? posted : seen;
    // As the item's hint shows it (the content script classified it); 'other' if it had none.
    const result = options.describe(item.itemKey) ?? { category: 'other' as const, sentiment: 'neutral' as const, lang: item.lang ?? 'und' };
    const interaction: Interaction = {
      id: uuidv7(),
      itemKey: item.itemKey,
      platform,
      kind: 'reply',
      actedAt: new Date(now).toISOString(),
      category: result.category,
      sentiment: result.sentiment,
      textLength: [...text].length,
      ...itemFields(item),
      ...(Number.isFinite(seen) ? { seenAt: new Date(seen).toISOString() } : {}),
      ...(Number.isFinite(since) && since <= now ? { responseMs: now - since } : {}),
      ...(LANG_TAG.test(result.lang) && result.lang !== 'und' ? { lang: result.lang } : {}),
      ...(templateId ? { templateId } : {}),
      ...(voiceScore !== undefined ? { voiceScore } : {}),
      // The reply's words leave the browser only when the team turned that on.
      ...(page.settings?.syncReplyText ? { text: cut(text, 10_000) } : {}),
    };
    await sendMessage('recordInteraction', options.account ? { interaction, account: options.account } : { interaction }).catch(() => undefined);
  }

  document.addEventListener(
    'click',
    (event) => {
      const button = submitButtonOf(event.composedPath()[0]);
      if (!button) return;
      const composer = composerForButton(adapter, button);
      if (composer) submitted(composer);
    },
    { capture: true, signal },
  );
  document.addEventListener(
    'keydown',
    (event) => {
      const composer = isSendKey(event) ? composerOf(event.composedPath()[0]) : undefined;
      if (composer && (event.ctrlKey || event.metaKey || adapter.enterSends?.(composer))) submitted(composer);
    },
    { capture: true, signal },
  );
}
