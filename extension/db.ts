// The extension's local store. It lives in the extension's own origin (the background
// context); content scripts reach it by messaging, since their IndexedDB is the page's.
//
// The outbox is not a separate table: an interaction or item seen carries its own sync
// state, so recording it and queueing it for the server are one write that cannot half-fail.
import Dexie, { type Table } from 'dexie';
import { ACTIONABLE_CATEGORIES, type ActivityItem, type Claim, type Interaction, RESPONSE_KINDS, type SeenItem, type TeamCue, TeamSettings, type Template, type Voice } from '../shared/schemas';

export type OutboxState = 'pending' | 'sent' | 'dead';
export type OutboxKind = 'interactions' | 'items';
export type PullStream = 'templates' | 'activity' | 'cues';

/** Local bookkeeping on a record waiting for (or done with) the server. */
export interface OutboxFields {
  teamId: string;
  state: OutboxState;
  /** Failed pushes so far (network errors, 5xx, 429); shown in the sync status. */
  attempts: number;
  lastError?: string;
  /** Bumped whenever the record changes locally, so an acknowledgement of an older copy
   * (a push in flight while a new sighting merged in) does not mark the newer one sent. */
  rev: number;
}

export type LocalInteraction = Interaction & OutboxFields;
export type LocalItem = SeenItem & OutboxFields;
export type LocalTemplate = Template & { teamId: string };
export type LocalVoice = Voice & { teamId: string };
export type LocalActivity = ActivityItem & { teamId: string };
export type LocalClaim = Claim & { teamId: string };
/** A live team cue; a tombstone pulled from the server removes it. */
export type LocalCue = TeamCue & { teamId: string };
export interface CursorRow {
  teamId: string;
  stream: PullStream;
  cursor: string;
}
export interface SettingRow {
  key: string;
  value: unknown;
}
export interface DeadLetter {
  teamId: string;
  kind: OutboxKind;
  /** The interaction's id, or the item's itemKey. */
  id: string;
  reason: string;
  at: string;
}
/** Which copy of an outbox record a push carried. */
export interface OutboxRef {
  id: string;
  rev: number;
}

export class ChorusDb extends Dexie {
  // `declare`: class fields would be re-initialised to undefined after Dexie's constructor.
  declare readonly interactions: Table<LocalInteraction, string>;
  declare readonly items: Table<LocalItem, [string, string]>;
  declare readonly templates: Table<LocalTemplate, [string, string]>;
  declare readonly voice: Table<LocalVoice, string>;
  declare readonly activity: Table<LocalActivity, [string, string, string, string, string]>;
  declare readonly claims: Table<LocalClaim, [string, string, string]>;
  declare readonly cursors: Table<CursorRow, [string, PullStream]>;
  declare readonly settings: Table<SettingRow, string>;
  declare readonly deadLetters: Table<DeadLetter, [string, OutboxKind, string]>;
  declare readonly cues: Table<LocalCue, [string, string]>;

  constructor(name = 'chorus') {
    super(name);
    this.version(1).stores({
      // UUIDv7 ids sort by time, so the [teamId+state] index yields the oldest pending first.
      interactions: 'id, [teamId+state], [teamId+itemKey]',
      items: '[teamId+itemKey], [teamId+state]',
      templates: '[teamId+id], teamId',
      voice: 'teamId',
      // Activity has no id on the wire; an interaction is unique by these five.
      activity: '[teamId+itemKey+memberId+kind+at], [teamId+itemKey], [teamId+at]',
      claims: '[teamId+itemKey+memberId], teamId',
      cursors: '[teamId+stream]',
      settings: 'key',
      deadLetters: '[teamId+kind+id], teamId',
    });
    // Version 2 adds the team's classifier cues; the tables above are kept as they are.
    this.version(2).stores({
      cues: '[teamId+id], teamId',
    });
  }
}

/** The browser refused to store more: the UI tells the member instead of losing records. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super('The browser has no room left for Chorus data; free some disk space or clear old data.', options);
  }
}

/** Dexie reports quota errors directly or as the inner cause of an aborted transaction. */
export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ((e as { name?: unknown }).name === Dexie.errnames.QuotaExceeded) return true;
    const next = e as { inner?: unknown; cause?: unknown };
    e = next.inner ?? next.cause;
  }
  return false;
}

/** Runs a write, turning quota errors into StorageFullError; other errors pass unchanged. */
export async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof StorageFullError) throw err;
    if (isQuotaError(err)) throw new StorageFullError({ cause: err });
    throw err;
  }
}

/** The id the server acknowledges a record by. */
export const outboxId = (record: LocalInteraction | LocalItem): string => ('id' in record ? record.id : record.itemKey);

/** Reads one outbox record of this team, lets `change` edit it, and writes it back if asked. */
async function editOutbox(
  db: ChorusDb,
  teamId: string,
  kind: OutboxKind,
  id: string,
  change: (record: OutboxFields) => boolean,
): Promise<boolean> {
  if (kind === 'interactions') {
    const record = await db.interactions.get(id);
    if (!record || record.teamId !== teamId || !change(record)) return false;
    await db.interactions.put(record);
  } else {
    const record = await db.items.get([teamId, id]);
    if (!record || !change(record)) return false;
    await db.items.put(record);
  }
  return true;
}

/** Stores a new interaction and queues it for the server. Interactions are immutable:
 * recording the same id again keeps the first copy (and its sync state). */
export function recordInteraction(db: ChorusDb, teamId: string, interaction: Interaction): Promise<LocalInteraction> {
  return guardQuota(() =>
    db.transaction('rw', db.interactions, async () => {
      const existing = await db.interactions.get(interaction.id);
      if (existing) return existing;
      const record: LocalInteraction = { ...interaction, teamId, state: 'pending', attempts: 0, rev: 1 };
      await db.interactions.add(record);
      return record;
    }),
  );
}

/** Two sightings of an item: the earliest wins, and fields it lacks come from the other,
 * the same rule as the server's, so the outbox only re-sends what would change there. */
function mergeSightings(a: SeenItem, b: SeenItem): SeenItem {
  const [first, other] = Date.parse(b.seenAt) < Date.parse(a.seenAt) ? [b, a] : [a, b];
  const merged: SeenItem = { ...first };
  const category = first.category ?? other.category;
  const lang = first.lang ?? other.lang;
  const itemPostedAt = first.itemPostedAt ?? other.itemPostedAt;
  if (category !== undefined) merged.category = category;
  if (lang !== undefined) merged.lang = lang;
  if (itemPostedAt !== undefined) merged.itemPostedAt = itemPostedAt;
  return merged;
}

const sameSighting = (a: SeenItem, b: SeenItem) =>
  a.seenAt === b.seenAt && a.category === b.category && a.lang === b.lang && a.itemPostedAt === b.itemPostedAt;

/** Notes an item seen on a site (the response-rate denominator). A sighting that changes
 * nothing is not queued again; one that does (earlier, or new fields) is. */
export function recordItemSeen(db: ChorusDb, teamId: string, item: SeenItem): Promise<LocalItem> {
  return guardQuota(() =>
    db.transaction('rw', db.items, async () => {
      const existing = await db.items.get([teamId, item.itemKey]);
      if (!existing) {
        const record: LocalItem = { ...item, teamId, state: 'pending', attempts: 0, rev: 1 };
        await db.items.add(record);
        return record;
      }
      // A rejected sighting is replaced: the new one may be valid where the old was not.
      const { teamId: _t, state, attempts, lastError: _e, rev, ...seen } = existing;
      const merged = state === 'dead' ? item : mergeSightings(seen, item);
      if (state !== 'dead' && sameSighting(merged, seen)) return existing;
      const record: LocalItem = { ...merged, teamId, state: 'pending', attempts: state === 'pending' ? attempts : 0, rev: rev + 1 };
      await db.items.put(record);
      return record;
    }),
  );
}

/** The oldest pending records of one kind, at most `max` (the server takes 500 a request). */
export function pendingBatch(db: ChorusDb, teamId: string, kind: 'interactions', max?: number): Promise<LocalInteraction[]>;
export function pendingBatch(db: ChorusDb, teamId: string, kind: 'items', max?: number): Promise<LocalItem[]>;
export function pendingBatch(db: ChorusDb, teamId: string, kind: OutboxKind, max?: number): Promise<(LocalInteraction | LocalItem)[]>;
export function pendingBatch(db: ChorusDb, teamId: string, kind: OutboxKind, max = 500): Promise<(LocalInteraction | LocalItem)[]> {
  const table = kind === 'interactions' ? db.interactions : db.items;
  return table.where('[teamId+state]').equals([teamId, 'pending']).limit(max).toArray();
}

export function countPending(db: ChorusDb, teamId: string, kind: OutboxKind): Promise<number> {
  const table = kind === 'interactions' ? db.interactions : db.items;
  return table.where('[teamId+state]').equals([teamId, 'pending']).count();
}

/** Marks records the server acknowledged (accepted or already known). Kept, not deleted:
 * the member's own day view reads them. A record changed since the push stays pending. */
export function markSent(db: ChorusDb, teamId: string, kind: OutboxKind, refs: readonly OutboxRef[]): Promise<number> {
  return guardQuota(() =>
    db.transaction('rw', db.interactions, db.items, async () => {
      let marked = 0;
      for (const ref of refs) {
        const done = await editOutbox(db, teamId, kind, ref.id, (r) => {
          if (r.rev !== ref.rev || r.state !== 'pending') return false;
          r.state = 'sent';
          delete r.lastError;
          return true;
        });
        if (done) marked++;
      }
      return marked;
    }),
  );
}

/** Moves records the server refused to the dead letters, with its reason, in one transaction. */
export function markDead(
  db: ChorusDb,
  teamId: string,
  kind: OutboxKind,
  rejected: readonly (OutboxRef & { reason: string })[],
  at: string,
): Promise<number> {
  return guardQuota(() =>
    db.transaction('rw', db.interactions, db.items, db.deadLetters, async () => {
      let marked = 0;
      for (const { id, rev, reason } of rejected) {
        const done = await editOutbox(db, teamId, kind, id, (r) => {
          if (r.rev !== rev || r.state !== 'pending') return false;
          r.state = 'dead';
          r.lastError = reason;
          return true;
        });
        if (!done) continue;
        marked++;
        await db.deadLetters.put({ teamId, kind, id, reason, at });
      }
      return marked;
    }),
  );
}

/** Counts a failed push against records that stay pending, for the sync status. */
export function noteFailedAttempt(db: ChorusDb, teamId: string, kind: OutboxKind, ids: readonly string[], error: string): Promise<void> {
  return guardQuota(() =>
    db.transaction('rw', db.interactions, db.items, async () => {
      for (const id of ids) {
        await editOutbox(db, teamId, kind, id, (r) => {
          if (r.state !== 'pending') return false;
          r.attempts += 1;
          r.lastError = error;
          return true;
        });
      }
    }),
  );
}

export async function getCursor(db: ChorusDb, teamId: string, stream: PullStream): Promise<string | undefined> {
  return (await db.cursors.get([teamId, stream]))?.cursor;
}

/** Saves a page of template changes and the cursor after it together: a crash between the
 * two would otherwise skip changes (cursor first) or be harmless only by luck (data first). */
export function applyTemplateChanges(db: ChorusDb, teamId: string, changes: readonly Template[], cursor: string): Promise<void> {
  return guardQuota(() =>
    db.transaction('rw', db.templates, db.cursors, async () => {
      for (const template of changes) {
        const stored = await db.templates.get([teamId, template.id]);
        // Versions only grow on the server; an older copy (a replayed page) never wins.
        if (stored && stored.version > template.version) continue;
        // Deleted templates stay as tombstones (deleted: true) so every reader sees the delete.
        await db.templates.put({ ...template, teamId });
      }
      await db.cursors.put({ teamId, stream: 'templates', cursor });
    }),
  );
}

/** Saves a page of team cue changes and the cursor after it together. The server sends a
 * changed cue once, in its newest state, at its place in cursor order, so the page is
 * applied as it comes; a tombstone removes the cue (nothing local refers to it). */
export function applyCueChanges(db: ChorusDb, teamId: string, changes: readonly TeamCue[], cursor: string): Promise<void> {
  return guardQuota(() =>
    db.transaction('rw', db.cues, db.cursors, async () => {
      for (const cue of changes) {
        if (cue.deleted) await db.cues.delete([teamId, cue.id]);
        else await db.cues.put({ ...cue, teamId });
      }
      await db.cursors.put({ teamId, stream: 'cues', cursor });
    }),
  );
}

/** The team's cues for the classifier. */
export async function liveCues(db: ChorusDb, teamId: string): Promise<LocalCue[]> {
  return (await db.cues.where('teamId').equals(teamId).toArray()).filter((c) => !c.deleted);
}

/** Saves a page of team activity, the team's live claims (a full snapshot each page) and the
 * cursor in one transaction. */
export function applyActivityChanges(
  db: ChorusDb,
  teamId: string,
  changes: readonly ActivityItem[],
  claims: readonly Claim[],
  cursor: string,
): Promise<void> {
  return guardQuota(() =>
    db.transaction('rw', db.activity, db.claims, db.cursors, async () => {
      await db.activity.bulkPut(changes.map((a) => ({ ...a, teamId })));
      await db.claims.where('teamId').equals(teamId).delete();
      await db.claims.bulkPut(claims.map((c) => ({ ...c, teamId })));
      await db.cursors.put({ teamId, stream: 'activity', cursor });
    }),
  );
}

/** Keeps the newest brand voice; an older version arriving late is ignored. */
export function saveVoice(db: ChorusDb, teamId: string, voice: Voice): Promise<void> {
  return guardQuota(() =>
    db.transaction('rw', db.voice, async () => {
      const stored = await db.voice.get(teamId);
      if (stored && stored.version > voice.version) return;
      await db.voice.put({ ...voice, teamId });
    }),
  );
}

const teamSettingsKey = (teamId: string) => `team:${teamId}`;

/** The team's business hours, SLA targets and privacy choice, as last pulled. */
export function saveTeamSettings(db: ChorusDb, teamId: string, settings: TeamSettings): Promise<void> {
  return guardQuota(async () => void (await db.settings.put({ key: teamSettingsKey(teamId), value: settings })));
}

export async function loadTeamSettings(db: ChorusDb, teamId: string): Promise<TeamSettings | undefined> {
  return TeamSettings.safeParse((await db.settings.get(teamSettingsKey(teamId)))?.value).data;
}

/** Templates a member can use: tombstones are kept for sync but never offered. */
export async function liveTemplates(db: ChorusDb, teamId: string): Promise<LocalTemplate[]> {
  return (await db.templates.where('teamId').equals(teamId).toArray()).filter((t) => !t.deleted);
}

/** Items seen this long ago or more no longer count as waiting (the metrics' stale rule). */
export const WAITING_WINDOW_MS = 7 * 24 * 3600 * 1000;

/**
 * Questions and complaints seen in this browser in the last 7 days that nobody on the team
 * has answered yet (no reply, comment or DM by anyone in the team activity, nor by this
 * member locally). The member's to-do count in the popup.
 */
export async function waitingItems(db: ChorusDb, teamId: string, now: number): Promise<{ count: number; oldestSeenAt?: string }> {
  const actionable = new Set<string>(ACTIONABLE_CATEGORIES);
  const answers = new Set<string>(RESPONSE_KINDS);
  const since = now - WAITING_WINDOW_MS;
  const seen = (await db.items.where('[teamId+itemKey]').between([teamId, Dexie.minKey], [teamId, Dexie.maxKey]).toArray()).filter(
    (item) => item.category !== undefined && actionable.has(item.category) && Date.parse(item.seenAt) >= since,
  );
  if (seen.length === 0) return { count: 0 };
  const answered = new Set<string>();
  await db.activity.where('[teamId+itemKey]').anyOf(seen.map((i) => [teamId, i.itemKey])).each((a) => answers.has(a.kind) && answered.add(a.itemKey));
  await db.interactions.where('[teamId+itemKey]').anyOf(seen.map((i) => [teamId, i.itemKey])).each((i) => answers.has(i.kind) && answered.add(i.itemKey));
  const waiting = seen.filter((item) => !answered.has(item.itemKey));
  const oldest = waiting.reduce<SeenItem | undefined>((min, item) => (!min || Date.parse(item.seenAt) < Date.parse(min.seenAt) ? item : min), undefined);
  return oldest ? { count: waiting.length, oldestSeenAt: oldest.seenAt } : { count: 0 };
}

/**
 * The latest answer (reply, comment or DM) to each item by anyone on the team, and the live
 * claim of someone replying now, from the pulled team activity and this member's own records.
 */
export async function itemStatuses(
  db: ChorusDb,
  teamId: string,
  memberId: string,
  itemKeys: readonly string[],
  now: number,
): Promise<
  Record<string, { firstSeenAt?: string; answered?: { memberName: string; at: string; kind: string; self: boolean }; claimed?: { memberName: string; expiresAt: string; self: boolean } }>
> {
  const answers = new Set<string>(RESPONSE_KINDS);
  const keys = [...new Set(itemKeys)].slice(0, 2000);
  const result: Awaited<ReturnType<typeof itemStatuses>> = {};
  const latest = (key: string, candidate: { memberName: string; at: string; kind: string; self: boolean }) => {
    const current = result[key]?.answered;
    if (!current || Date.parse(candidate.at) > Date.parse(current.at)) (result[key] ??= {}).answered = candidate;
  };
  const pairs = keys.map((k) => [teamId, k]);
  await db.activity
    .where('[teamId+itemKey]')
    .anyOf(pairs)
    .each((a) => answers.has(a.kind) && latest(a.itemKey, { memberName: a.memberName, at: a.at, kind: a.kind, self: a.memberId === memberId }));
  await db.interactions
    .where('[teamId+itemKey]')
    .anyOf(pairs)
    .each((i) => answers.has(i.kind) && latest(i.itemKey, { memberName: '', at: i.actedAt, kind: i.kind, self: true }));
  await db.items
    .where('[teamId+itemKey]')
    .anyOf(pairs)
    .each((item) => ((result[item.itemKey] ??= {}).firstSeenAt = item.seenAt));
  const wanted = new Set(keys);
  await db.claims
    .where('teamId')
    .equals(teamId)
    .each((c) => {
      if (!wanted.has(c.itemKey) || Date.parse(c.expiresAt) <= now) return;
      (result[c.itemKey] ??= {}).claimed = { memberName: c.memberName, expiresAt: c.expiresAt, self: c.memberId === memberId };
    });
  return result;
}

/** Several sightings in one transaction (a page of comments arrives at once). */
export async function recordItemsSeen(db: ChorusDb, teamId: string, items: readonly SeenItem[]): Promise<void> {
  await db.transaction('rw', db.items, async () => {
    for (const item of items) await recordItemSeen(db, teamId, item);
  });
}
