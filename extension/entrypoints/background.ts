import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { ClassifierModel } from '../../shared/classify-model';
import CLASSIFIER_MODEL from '../../shared/classify-model.json';
import { CLASSIFIER_LEXICON } from '../../shared/classify-data';
import { Interaction, ItemKey, Platform, SeenItem, TeamCueInput } from '../../shared/schemas';
import { loadSitePrefs, resolveTeam, SITE_PREFS_KEY, siteEnabled } from '../brands';
import { CONNECTIONS_KEY, loadConnections } from '../connection';
import { ChorusDb, itemStatuses, liveCues, liveTemplates, loadTeamSettings, recordInteraction, recordItemSeen, recordItemsSeen, waitingItems } from '../db';
import { onMessage, type PageContext, type PageRef, sendMessage } from '../messaging';
import { syncMastodonScripts } from '../mastodonScripts';
import { makeFormatTables } from '../ui/format';
import { zoneOffsets } from '../../shared/metrics';
import { Scheduler } from '../scheduler';
import { browserSyncDeps, postClaim, postCue } from '../sync';

const SYNC_ALARM = 'chorus-sync';
const RETRY_ALARM = 'chorus-sync-retry';
const SYNC_PERIOD_MINUTES = 1;

export default defineBackground(() => {
  // Created here, not at module level: WXT imports this file in Node at build time.
  const db = new ChorusDb();
  /** Site tabs that reported being in front lately: told at once when team activity changes. */
  const activeTabs = new Map<number, number>();
  const sync = new Scheduler(db, {
    ...browserSyncDeps(db),
    connections: loadConnections,
    // Alarms fire no sooner than about 30 s in Chrome; earlier retries wait for it.
    wakeAt: async (when) => void (await browser.alarms.create(RETRY_ALARM, { when })),
    notifyChanged: (teamId) => {
      const now = Date.now();
      for (const [tabId, seenAt] of activeTabs) {
        if (now - seenAt > 10_000) activeTabs.delete(tabId);
        else sendMessage('teamChanged', { teamId }, tabId).catch(() => activeTabs.delete(tabId));
      }
    },
  });

  // Listeners are registered synchronously so a woken service worker sees the event that woke it.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void sync.run({ force: false });
  });
  browser.storage.onChanged.addListener((changes, area) => {
    // An instance added or removed, or Mastodon switched on or off.
    if (area === 'local' && changes[SITE_PREFS_KEY]) void syncMastodonScripts().catch(() => undefined);
    const change = changes[CONNECTIONS_KEY];
    if (area !== 'local' || !change) return;
    // A newly connected team (or a new token for one) should see its templates at once,
    // not within a minute.
    const before = new Set(tokensOf(change.oldValue).map(([, token]) => token));
    for (const [teamId, token] of tokensOf(change.newValue)) {
      if (!before.has(token)) void sync.onConnected(teamId);
    }
  });

  /** The team a page's records belong to; content scripts run next to untrusted pages, so
   * what they send is checked before it is stored. */
  async function teamFor(page: PageRef) {
    const resolved = resolveTeam(await loadConnections(), await loadSitePrefs(), page);
    if (!resolved) throw new Error('Chorus is not connected to a team');
    return resolved.connection;
  }

  onMessage('recordInteraction', async ({ data }) => {
    const interaction = Interaction.parse(data.interaction);
    const conn = await teamFor({ platform: interaction.platform, ...account(data.account) });
    await sync.keep(conn.team.id, () => recordInteraction(db, conn.team.id, interaction));
    sync.flushSoon();
  });
  onMessage('recordItemSeen', async ({ data }) => {
    const item = SeenItem.parse(data.item);
    const conn = await teamFor({ platform: item.platform, ...account(data.account) });
    await sync.keep(conn.team.id, () => recordItemSeen(db, conn.team.id, item));
    sync.flushSoon();
  });
  onMessage('recordItemsSeen', async ({ data }) => {
    const items = (Array.isArray(data.items) ? data.items.slice(0, 500) : []).flatMap((item) => SeenItem.safeParse(item).data ?? []);
    if (items.length === 0) return;
    const conn = await teamFor({ platform: items[0]!.platform, ...account(data.account) });
    await sync.keep(conn.team.id, () => recordItemsSeen(db, conn.team.id, items));
    sync.flushSoon();
  });
  onMessage('itemStatus', async ({ data }) => {
    const conn = (await loadConnections()).find((c) => c.team.id === data.teamId);
    if (!conn || !Array.isArray(data.itemKeys)) return {};
    return itemStatuses(db, conn.team.id, conn.member.id, data.itemKeys.filter((k): k is string => typeof k === 'string'), Date.now());
  });
  onMessage('syncNow', ({ data }) => sync.run({ force: true, ...teamOf(data) }));
  onMessage('syncState', ({ data }) => sync.state(teamOf(data).teamId));
  onMessage('listTemplates', async ({ data }) => {
    const connections = await loadConnections();
    const teamId = teamOf(data).teamId ?? connections[0]?.team.id;
    return teamId && connections.some((c) => c.team.id === teamId) ? liveTemplates(db, teamId) : [];
  });
  onMessage('classifierModel', () => CLASSIFIER_MODEL as ClassifierModel);
  onMessage('classifierLexicon', () => CLASSIFIER_LEXICON);
  onMessage('waitingItems', ({ data }) => waitingItems(db, String(data.teamId), Date.now()));
  // Badge formats (by UI language) and zone offsets (by team zone) for the pages
  // (ui/format.ts, shared/metrics.ts), made once per worker.
  const formatsFor = madeAfterAnswer((locale) => makeFormatTables(locale));
  /** Each zone's offsets from 400 days back to a week ahead, made again each day. */
  const zoneFor = madeAfterAnswer(
    (timeZone) => zoneOffsets(timeZone, Date.now() - 400 * 86_400_000, Date.now() + 7 * 86_400_000),
    (zone) => zone.to - Date.now() > 6 * 86_400_000,
    (zone) => zone.to > Date.now(),
  );
  onMessage('pageContext', async ({ data }): Promise<PageContext> => {
    const page = pageRef(data);
    const prefs = await loadSitePrefs();
    if (!siteEnabled(prefs, page.platform)) return { enabled: false, reason: 'site-off' };
    const resolved = resolveTeam(await loadConnections(), prefs, page);
    if (!resolved) return { enabled: false, reason: 'not-connected' };
    const { connection, source } = resolved;
    const [templates, voice, settings, cues] = await Promise.all([
      liveTemplates(db, connection.team.id),
      db.voice.get(connection.team.id),
      loadTeamSettings(db, connection.team.id),
      liveCues(db, connection.team.id),
    ]);
    const formats = formatsFor(i18n.t('lang'));
    const zone = settings && zoneFor(settings.timeZone);
    return {
      enabled: true,
      teamId: connection.team.id,
      teamName: connection.team.name,
      memberName: connection.member.name,
      memberId: connection.member.id,
      role: connection.member.role,
      source,
      templates,
      teamCues: cues.map((c) => ({ phrase: c.phrase, category: c.category, ...(c.lang ? { lang: c.lang } : {}) })),
      ...(voice ? { voice } : {}),
      ...(settings ? { settings } : {}),
      ...(formats ? { formats } : {}),
      ...(zone ? { zone } : {}),
    };
  });
  onMessage('correctCategory', async ({ data }) => {
    const conn = (await loadConnections()).find((c) => c.team.id === data?.teamId);
    if (!conn) return { ok: false, message: 'Chorus is not connected to this team' };
    const { phrase, category, lang, itemKey } = data;
    const input = TeamCueInput.safeParse({ phrase, category, lang, itemKey });
    if (!input.success) return { ok: false, message: input.error.issues[0]?.message ?? 'Invalid correction' };
    // Managers only: the server decides, and a member gets its message.
    const answer = await postCue(conn, browserSyncDeps(db), input.data);
    if (!answer.ok) return answer;
    // Pull now, so this browser classifies with the new cue at once.
    await sync.run({ force: true, teamId: conn.team.id }).catch(() => undefined);
    return { ok: true };
  });
  onMessage('claimItem', async ({ data }) => {
    const conn = (await loadConnections()).find((c) => c.team.id === data?.teamId);
    if (!conn) return { ok: false, message: 'Chorus is not connected to this team' };
    if (!ItemKey.safeParse(data.itemKey).success) return { ok: false, message: 'Not an item key' };
    const answer = await postClaim(conn, browserSyncDeps(db), data.itemKey);
    // Pull, so this browser's own hint says "You are replying" at once.
    if (answer.ok) void sync.run({ force: false, teamId: conn.team.id }).catch(() => undefined);
    return answer;
  });
  onMessage('loadComposer', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    await browser.scripting.executeScript({
      target: { tabId, ...(sender.frameId !== undefined ? { frameIds: [sender.frameId] } : {}) },
      files: [data?.part === 'voice-x' ? '/voice-x.js' : '/composer.js'],
    });
  });
  onMessage('siteActive', async ({ data, sender }) => {
    if (!siteEnabled(await loadSitePrefs(), pageRef(data).platform)) return false;
    if (sender.tab?.id !== undefined) activeTabs.set(sender.tab.id, Date.now());
    sync.siteActive();
    return true;
  });

  browser.permissions.onRemoved.addListener(() => void syncMastodonScripts().catch(() => undefined));
  void syncMastodonScripts().catch(() => undefined);
  void ensureSyncAlarm();
  // A browser opened again (or a worker woken) sends what it still has queued now, not at
  // the next alarm.
  void sync.flushIfPending().catch(() => undefined);
  // Without it the browser may evict the outbox under storage pressure, losing unsent records.
  void navigator.storage?.persisted?.().then((persisted) => persisted || navigator.storage.persist());
});

/** [teamId, token] of each stored connection, read loosely: this only decides what to sync. */
function tokensOf(value: unknown): [string, string][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((c: { team?: { id?: unknown }; token?: unknown }) =>
    typeof c?.team?.id === 'string' && typeof c.token === 'string' ? [[c.team.id, c.token] as [string, string]] : [],
  );
}

const teamOf = (data: { teamId?: unknown } | undefined): { teamId?: string } =>
  typeof data?.teamId === 'string' ? { teamId: data.teamId } : {};
const account = (value: unknown): { account?: string } =>
  typeof value === 'string' && value.length <= 100 ? { account: value } : {};
const pageRef = (data: PageRef): PageRef => ({ platform: Platform.parse(data?.platform), ...account(data?.account) });

/** Creates the sync alarm once; re-creating it on every wake-up would keep pushing it back. */
async function ensureSyncAlarm(): Promise<void> {
  if (await browser.alarms.get(SYNC_ALARM)) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
}

/**
 * A value per key made just after the worker answers, not before: the worker's first Intl
 * use loads its data (~50 ms), and no page waits for that. Until a key's value is made (or
 * while a stale one is made again, if it can still serve) pages go without it and use Intl
 * themselves, as they would anyway. A make that throws (a zone this browser does not know)
 * leaves the key without a value.
 */
function madeAfterAnswer<T>(make: (key: string) => T, fresh: (value: T) => boolean = () => true, usable: (value: T) => boolean = fresh): (key: string) => T | undefined {
  const made = new Map<string, T>();
  const booked = new Set<string>();
  return (key) => {
    const known = made.get(key);
    if (known !== undefined && fresh(known)) return known;
    if (!booked.has(key)) {
      booked.add(key);
      setTimeout(() => {
        try {
          made.set(key, make(key));
        } catch {
          // Pages use Intl themselves.
        }
        booked.delete(key);
      }, 0);
    }
    return known !== undefined && usable(known) ? known : undefined;
  };
}
