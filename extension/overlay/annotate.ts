// What the content script does on a site page: find the items (scanner.ts), classify each
// visible one, put a hint next to it, note it as seen (the response-rate denominator, in
// batches), and keep the hints' teammate status and wait time current.
import { i18n } from '#i18n';
import { classify, cueFromCorrection, hasClassifierLexicon, hasClassifierModel, setClassifierLexicon, setClassifierModel } from '../../shared/classify';
import { LANG_TAG } from '../../shared/constants';
import type { Platform, SeenItem } from '../../shared/schemas';
import { normalizeHandle } from '../handles';
import { useFormatTables } from '../ui/format';
import { useZoneOffsets } from '../../shared/metrics';
import { type ItemStatus, onMessage, type PageContext, sendMessage } from '../messaging';
import type { SiteAdapter, SiteItem } from '../sites/types';
import type { ClassifierModel } from '../../shared/classify-model';
import type { BadgeModel } from './Badge';
import { createHint, type Hint, pageTheme } from './hint';
import { startScanner } from './scanner';
import { waitOf } from './sla';
import { suggestTemplates } from './suggest';

/** Team activity is pulled every 3 s while the tab is in front; hints follow it this often. */
const STATUS_POLL_MS = 3000;
/** Sightings go to the background in batches. */
const SEEN_FLUSH_MS = 2000;
const SEEN_BATCH = 200;
/** How long the first hints wait for the trained model after the word lists are in. */
const MODEL_GRACE_MS = 150;
/** Wait times are re-rendered this often. */
const CLOCK_TICK_MS = 60_000;

type Enabled = Extract<PageContext, { enabled: true }>;

interface Tracked {
  hint: Hint;
  model: BadgeModel;
  /** Epoch ms the clock started: posted time, else first sighting. */
  since: number;
  /** Whether the site showed when the item was posted. */
  posted: boolean;
  /** What the classifier reads, kept to classify again when the team's cues change. */
  text: string;
  lang: string | undefined;
}


/**
 * Starts at once: the page's items are found and watched, and the costly first calls made,
 * while the background answers whether this page is on (`context`); items are read and get
 * their hints only once it is. `page` is the context as last refreshed, once known.
 */
export function annotatePage(options: {
  adapter: SiteAdapter;
  platform: Platform;
  context: Promise<PageContext | undefined>;
  account: string | undefined;
  signal: AbortSignal;
  /** More first calls to make before the first hint (the badge's stylesheet). */
  warmUp?: (() => void)[];
}): {
  readonly hints: number;
  readonly page: Enabled;
  describe(itemKey: string): Pick<BadgeModel, 'category' | 'sentiment' | 'lang'> | undefined;
  onTeamChanged(listener: () => void): () => void;
} {
  const { adapter, platform, account, signal } = options;
  // Templates and team cues change while the page is open (a pull); the rest does not. Set
  // as soon as the background says the page is on (before run.ts, awaiting the same answer,
  // goes on to the reply boxes).
  let page!: Enabled;
  /** A page context taken, with the formats and zone offsets it brings for the badges. */
  const take = (next: Enabled) => {
    page = next;
    useFormatTables(next.formats);
    useZoneOffsets(next.zone);
  };
  const enabled = options.context.then(
    (answer) => {
      if (!answer?.enabled || signal.aborted) return false;
      take(answer);
      return true;
    },
    () => false,
  );
  // The classifier's word lists and trained model come from the background (so the script a
  // page loads stays small), asked for at once beside the page context, and taken only on a
  // page that is on. Items are read once the word lists are in (their first use builds every
  // language's lists: made here, in this task), with the model if it came within a moment;
  // a model that comes later has the page classified again.
  const lexiconAsked = hasClassifierLexicon() ? undefined : retried(() => sendMessage('classifierLexicon'), signal);
  const modelAsked = hasClassifierModel() ? undefined : retried(() => sendMessage('classifierModel'), signal);
  const takeModel = (m: ClassifierModel | undefined): boolean => {
    if (!m || signal.aborted || hasClassifierModel()) return false;
    try {
      setClassifierModel(m);
      return true;
    } catch {
      // A model this build cannot read: the rules alone classify.
      return false;
    }
  };
  const ready = enabled
    .then(async (on) => {
      if (!on) return false;
      const lexicon = await lexiconAsked;
      if (lexicon && !hasClassifierLexicon()) setClassifierLexicon(lexicon);
      if (!hasClassifierLexicon() || signal.aborted) return false;
      if (modelAsked) takeModel(await Promise.race([modelAsked, delay(MODEL_GRACE_MS)]));
      // The costly first calls: every language's word lists, the team's business clock.
      try {
        classify('warm up', { platform });
        waitOf('question', Date.now() - 60_000, Date.now(), page.settings);
      } catch {
        // Warming is an optimisation only.
      }
      // Reading starts in a task of its own, not on top of the warm-up's.
      await delay(0);
      return !signal.aborted;
    })
    .catch(() => false);
  const doc = document;
  const theme = pageTheme(doc);
  // The badge speaks the extension's UI language, so it takes that language's direction.
  const dir = i18n.t('dir') === 'rtl' ? 'rtl' : 'ltr';
  const own = account ? normalizeHandle(account) : undefined;
  const tracked = new Map<string, Tracked[]>();
  let seen: SeenItem[] = [];
  let seenTimer: ReturnType<typeof setTimeout> | undefined;

  const flushSeen = () => {
    clearTimeout(seenTimer);
    seenTimer = undefined;
    if (seen.length === 0) return;
    const items = seen;
    seen = [];
    sendMessage('recordItemsSeen', account ? { items, account } : { items }).catch(() => undefined);
  };

  const noteSeen = (item: SiteItem, category: BadgeModel['category'], lang: string, seenAt: string) => {
    const record: SeenItem = { itemKey: item.itemKey, platform, category, seenAt };
    if (LANG_TAG.test(lang) && lang !== 'und') record.lang = lang;
    if (item.postedAt) record.itemPostedAt = item.postedAt.iso;
    seen.push(record);
    if (seen.length >= SEEN_BATCH) flushSeen();
    else seenTimer ??= setTimeout(flushSeen, SEEN_FLUSH_MS);
  };

  /** Category, language, wait and suggestions of one item, with the team's cues applied. */
  function modelFor(itemKey: string, text: string, itemLang: string | undefined, since: number, now: number, status: BadgeModel['status'] = {}): BadgeModel {
    const result = classify(text, { ...(itemLang ? { lang: itemLang } : {}), platform, teamCues: page.teamCues });
    const lang = itemLang && LANG_TAG.test(itemLang) ? itemLang : result.lang;
    const templates = suggestTemplates(page.templates, { category: result.category, lang, platform });
    const model: BadgeModel = {
      itemKey,
      platform,
      category: result.category,
      sentiment: result.sentiment,
      lang,
      cues: result.cues,
      wait: waitOf(result.category, since, now, page.settings),
      status,
      templates: templates.map(({ id, title, shortcut }) => ({ id, title, shortcut })),
      now,
    };
    if (page.role !== 'member') {
      model.onCorrect = async (category) => {
        const cue = cueFromCorrection(text, category, lang === 'und' ? undefined : lang);
        const answer = await sendMessage('correctCategory', { teamId: page.teamId, itemKey, ...cue });
        if (answer.ok) {
          page = { ...page, teamCues: [...page.teamCues.filter((c) => c.phrase !== cue.phrase || c.lang !== cue.lang), cue] };
          reclassify();
        }
        return answer;
      };
    }
    return model;
  }

  /** After the team's cues or templates changed: every hint on the page classified again. */
  function reclassify() {
    const now = Date.now();
    for (const [key, list] of tracked) {
      for (const entry of list) {
        if (!entry.hint.host.isConnected) continue;
        const next = modelFor(key, entry.text, entry.lang, entry.since, now, entry.model.status);
        if (next.category === entry.model.category && next.templates.length === entry.model.templates.length && next.templates.every((t, i) => t.id === entry.model.templates[i]?.id)) continue;
        entry.model = next;
        entry.hint.update(next);
      }
    }
  }

  startScanner(doc, {
    adapter,
    signal,
    ready,
    // The badge's stylesheet, while the background answers.
    warmUp: options.warmUp ?? [],
    onItem(element, item) {
      // The member's own posts and replies are not items to answer.
      if (own && item.author.handle && normalizeHandle(item.author.handle) === own) return;
      const slot = adapter.badgeSlot(element);
      if (!slot) return;
      const now = Date.now();
      const posted = item.postedAt ? Date.parse(item.postedAt.iso) : Number.NaN;
      const since = Number.isFinite(posted) && posted <= now ? posted : now;
      const model = modelFor(item.itemKey, item.text, item.lang, since, now);
      const lang = model.lang;
      const hint = createHint(slot, model, { theme, dir });
      const list = tracked.get(item.itemKey) ?? [];
      list.push({ hint, model, since, posted: since !== now, text: item.text, lang: item.lang });
      tracked.set(item.itemKey, list);
      noteSeen(item, model.category, lang, new Date(now).toISOString());
      scheduleStatus();
    },
  });

  // Teammates' answers and claims, for the hints on the page.
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleStatus(delay = 300) {
    if (statusTimer !== undefined || signal.aborted) return;
    statusTimer = setTimeout(() => void refreshStatus(), delay);
  }
  async function refreshStatus() {
    statusTimer = undefined;
    if (document.visibilityState === 'visible' && tracked.size > 0) {
      let statuses: Record<string, ItemStatus> = {};
      try {
        statuses = await sendMessage('itemStatus', { teamId: page.teamId, itemKeys: [...tracked.keys()] });
      } catch {
        // The extension was reloaded or the worker is starting; try again at the next tick.
      }
      const now = Date.now();
      for (const [key, list] of tracked) {
        // Items gone from the page (in-page navigation, a virtualised list) are forgotten.
        const live = list.filter((entry) => entry.hint.host.isConnected);
        if (live.length === 0) {
          tracked.delete(key);
          continue;
        }
        if (live.length !== list.length) tracked.set(key, live);
        const { firstSeenAt, ...status } = statuses[key] ?? {};
        for (const entry of live) {
          // Without a posted time the clock runs from the first sighting, kept across visits.
          const first = firstSeenAt ? Date.parse(firstSeenAt) : Number.NaN;
          const since = !entry.posted && first < entry.since ? first : entry.since;
          if (since === entry.since && JSON.stringify(status) === JSON.stringify(entry.model.status)) continue;
          entry.since = since;
          entry.model = { ...entry.model, status, now, wait: waitOf(entry.model.category, since, now, page.settings) };
          entry.hint.update(entry.model);
        }
      }
    }
    scheduleStatus(STATUS_POLL_MS);
  }

  const clock = setInterval(() => {
    if (document.visibilityState !== 'visible') return;
    const now = Date.now();
    for (const list of tracked.values()) {
      for (const entry of list) {
        if (!entry.hint.host.isConnected) continue;
        entry.model = { ...entry.model, now, wait: waitOf(entry.model.category, entry.since, now, page.settings) };
        entry.hint.update(entry.model);
      }
    }
  }, CLOCK_TICK_MS);

  let stopListening = () => {};
  void ready.then((on) => {
    if (!on) return;
    void modelAsked?.then((m) => {
      if (takeModel(m)) reclassify();
    });
    // The background says the team's activity changed: refresh now, not at the next poll.
    stopListening = onMessage('teamChanged', onTeamChanged);
  });
  const teamListeners = new Set<() => void>();
  async function onTeamChanged({ data }: { data: { teamId: string } }) {
    if (data.teamId !== page.teamId) return;
    for (const listener of teamListeners) {
      try {
        listener();
      } catch {
        // One listener's error does not keep the others or the hints from the news.
      }
    }
    clearTimeout(statusTimer);
    statusTimer = undefined;
    scheduleStatus(0);
    // New templates or team cues: take them, and classify the page's items again.
    const fresh = await sendMessage('pageContext', account ? { platform, account } : { platform }).catch(() => undefined);
    if (!fresh?.enabled || fresh.teamId !== page.teamId) return;
    take(fresh);
    reclassify();
  }

  signal.addEventListener('abort', () => {
    stopListening();
    flushSeen();
    clearTimeout(statusTimer);
    clearInterval(clock);
    for (const list of tracked.values()) for (const entry of list) entry.hint.remove();
    tracked.clear();
  });
  addEventListener('pagehide', flushSeen, { signal });

  return {
    /** The page context as last refreshed (templates and cues follow the team's changes). */
    get page() {
      return page;
    },
    /** How an item on the page was classified (the composer records it with the reply). */
    describe(itemKey: string) {
      const model = tracked.get(itemKey)?.[0]?.model;
      return model && { category: model.category, sentiment: model.sentiment, lang: model.lang };
    },
    /** The background said the team's activity changed (the composer's traffic cop listens). */
    onTeamChanged(listener: () => void) {
      teamListeners.add(listener);
      return () => teamListeners.delete(listener);
    },
    get hints() {
      let n = 0;
      for (const list of tracked.values()) n += list.length;
      return n;
    },
  };
}

/** A request to the background, asked again a few times if lost (the worker starting up). */
function retried<T>(ask: () => Promise<T>, signal: AbortSignal, attempt = 0): Promise<T | undefined> {
  return ask().catch(() =>
    attempt < 4 && !signal.aborted
      ? new Promise<T | undefined>((resolve) => setTimeout(() => resolve(signal.aborted ? undefined : retried(ask, signal, attempt + 1)), 500 * 2 ** attempt))
      : undefined,
  );
}

const delay = (ms: number) => new Promise<undefined>((resolve) => setTimeout(resolve, ms, undefined));
