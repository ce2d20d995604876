import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Interaction, SeenItem, TeamCue, Template } from '../shared/schemas';
import {
  applyActivityChanges,
  applyCueChanges,
  applyTemplateChanges,
  ChorusDb,
  countPending,
  getCursor,
  isQuotaError,
  liveCues,
  liveTemplates,
  markDead,
  markSent,
  noteFailedAttempt,
  pendingBatch,
  recordInteraction,
  recordItemSeen,
  saveVoice,
  StorageFullError,
  waitingItems,
} from './db';

const TEAM = '0b5c3a1e-2f4d-4e6a-9b8c-7d6e5f4a3b2c';
const OTHER_TEAM = '1c6d4b2f-3a5e-4f7b-8c9d-8e7f6a5b4c3d';
const AT = '2025-03-04T10:00:00.000Z';

let serial = 0;
/** UUIDv7-shaped ids that sort in creation order. */
const id = () => `0195f000-0000-7000-8000-${(serial++).toString(16).padStart(12, '0')}`;
const interaction = (over: Partial<Interaction> = {}): Interaction => ({
  id: id(),
  itemKey: 'x:1001',
  platform: 'x',
  kind: 'reply',
  actedAt: AT,
  ...over,
});
const seen = (over: Partial<SeenItem> = {}): SeenItem => ({ itemKey: 'x:1001', platform: 'x', seenAt: AT, ...over });
const template = (over: Partial<Template> = {}): Template => ({
  id: '2d7e5c3a-4b6f-4a8c-9dae-9f8a7b6c5d4e',
  title: 'Thanks',
  body: 'Thank you, {{name}}!',
  categories: [],
  platforms: [],
  lang: null,
  private: false,
  ownerId: null,
  shortcut: ';thanks',
  variants: {},
  version: 1,
  deleted: false,
  updatedAt: AT,
  ...over,
});

let db: ChorusDb;
beforeEach(async () => {
  db = new ChorusDb(`chorus-db-test-${serial++}`);
  await db.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('outbox: interactions', () => {
  it('records an interaction as pending, once per id', async () => {
    const first = interaction();
    await recordInteraction(db, TEAM, first);
    const again = await recordInteraction(db, TEAM, { ...first, kind: 'like' });
    expect(again.kind).toBe('reply');
    expect(await db.interactions.count()).toBe(1);
    expect(await db.interactions.get(first.id)).toMatchObject({ teamId: TEAM, state: 'pending', attempts: 0, rev: 1 });
  });

  it('batches the oldest pending records of one team, at most max', async () => {
    const ids = [];
    for (let n = 0; n < 5; n++) ids.push((await recordInteraction(db, TEAM, interaction())).id);
    await recordInteraction(db, OTHER_TEAM, interaction());
    const batch = await pendingBatch(db, TEAM, 'interactions', 3);
    expect(batch.map((r) => r.id)).toEqual(ids.slice(0, 3));
    expect(await countPending(db, TEAM, 'interactions')).toBe(5);
  });

  it('marks acknowledged records sent and refused ones dead with the reason', async () => {
    const good = await recordInteraction(db, TEAM, interaction());
    const bad = await recordInteraction(db, TEAM, interaction());
    await noteFailedAttempt(db, TEAM, 'interactions', [good.id, bad.id], 'HTTP 503');
    expect(await db.interactions.get(good.id)).toMatchObject({ attempts: 1, lastError: 'HTTP 503' });

    expect(await markSent(db, TEAM, 'interactions', [{ id: good.id, rev: 1 }])).toBe(1);
    expect(await markDead(db, TEAM, 'interactions', [{ id: bad.id, rev: 1, reason: 'actedAt: too far ahead' }], AT)).toBe(1);
    expect((await db.interactions.get(good.id))?.state).toBe('sent');
    expect((await db.interactions.get(good.id))?.lastError).toBeUndefined();
    expect((await db.interactions.get(bad.id))?.state).toBe('dead');
    expect(await db.deadLetters.toArray()).toEqual([
      { teamId: TEAM, kind: 'interactions', id: bad.id, reason: 'actedAt: too far ahead', at: AT },
    ]);
    expect(await pendingBatch(db, TEAM, 'interactions')).toEqual([]);
  });

  it('ignores acknowledgements for another team', async () => {
    const mine = await recordInteraction(db, TEAM, interaction());
    expect(await markSent(db, OTHER_TEAM, 'interactions', [{ id: mine.id, rev: 1 }])).toBe(0);
    expect((await db.interactions.get(mine.id))?.state).toBe('pending');
  });
});

describe('outbox: items seen', () => {
  it('keeps the earliest sighting and fills fields it lacks', async () => {
    await recordItemSeen(db, TEAM, seen({ seenAt: '2025-03-04T10:05:00Z', category: 'question' }));
    await recordItemSeen(db, TEAM, seen({ seenAt: '2025-03-04T10:01:00Z', lang: 'fa' }));
    await recordItemSeen(db, TEAM, seen({ seenAt: '2025-03-04T10:09:00Z', lang: 'en' }));
    const [item] = await pendingBatch(db, TEAM, 'items');
    expect(item).toMatchObject({ seenAt: '2025-03-04T10:01:00Z', lang: 'fa', category: 'question', state: 'pending' });
    expect(await db.items.count()).toBe(1);
  });

  it('does not re-queue a sent item for a sighting that changes nothing, but does for an earlier one', async () => {
    const first = await recordItemSeen(db, TEAM, seen());
    await markSent(db, TEAM, 'items', [{ id: first.itemKey, rev: first.rev }]);
    await recordItemSeen(db, TEAM, seen({ seenAt: '2025-03-04T11:00:00Z' }));
    expect(await countPending(db, TEAM, 'items')).toBe(0);
    await recordItemSeen(db, TEAM, seen({ seenAt: '2025-03-04T09:00:00Z' }));
    expect(await countPending(db, TEAM, 'items')).toBe(1);
  });

  it('keeps a sighting that changed during a push pending when the older copy is acknowledged', async () => {
    const pushed = await recordItemSeen(db, TEAM, seen());
    await recordItemSeen(db, TEAM, seen({ seenAt: '2025-03-04T09:00:00Z' }));
    expect(await markSent(db, TEAM, 'items', [{ id: pushed.itemKey, rev: pushed.rev }])).toBe(0);
    expect((await db.items.get([TEAM, 'x:1001']))?.state).toBe('pending');
  });
});

describe('pulled data', () => {
  it('upserts templates, keeps tombstones and saves the cursor with them', async () => {
    await applyTemplateChanges(db, TEAM, [template()], 'c1');
    await applyTemplateChanges(db, TEAM, [template({ version: 3, deleted: true })], 'c2');
    // A replayed older page never overwrites a newer version.
    await applyTemplateChanges(db, TEAM, [template({ version: 2, title: 'old' })], 'c3');
    const stored = await db.templates.get([TEAM, template().id]);
    expect(stored).toMatchObject({ version: 3, deleted: true, title: 'Thanks' });
    expect(await liveTemplates(db, TEAM)).toEqual([]);
    expect(await getCursor(db, TEAM, 'templates')).toBe('c3');
  });

  it('writes nothing, not even the cursor, when a page fails half-way', async () => {
    await applyTemplateChanges(db, TEAM, [template()], 'c1');
    vi.spyOn(db.cursors, 'put').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(applyTemplateChanges(db, TEAM, [template({ version: 2, title: 'New' })], 'c2')).rejects.toThrow('disk on fire');
    expect((await db.templates.get([TEAM, template().id]))?.title).toBe('Thanks');
    expect(await getCursor(db, TEAM, 'templates')).toBe('c1');
  });

  it('stores activity idempotently and replaces the live claims', async () => {
    const memberId = '3e8f6d4b-5c7a-4b9d-8ebf-0a9b8c7d6e5f';
    const activity = { itemKey: 'x:1001', memberId, memberName: 'Ben', kind: 'reply' as const, at: AT };
    const claim = { itemKey: 'x:2002', memberId, memberName: 'Ben', createdAt: AT, expiresAt: AT };
    await applyActivityChanges(db, TEAM, [activity], [claim], 'a1');
    await applyActivityChanges(db, TEAM, [activity], [], 'a2');
    expect(await db.activity.where('[teamId+itemKey]').equals([TEAM, 'x:1001']).count()).toBe(1);
    expect(await db.claims.count()).toBe(0);
    expect(await getCursor(db, TEAM, 'activity')).toBe('a2');
  });

  it('keeps the newest brand voice', async () => {
    const voice = {
      bannedTerms: [],
      signOff: null,
      emojiPolicy: 'sparing' as const,
      maxExclamations: 1,
      formality: 'neutral' as const,
      lengthByPlatform: {},
      updatedAt: AT,
    };
    await saveVoice(db, TEAM, { ...voice, version: 2, signOff: '— Team' });
    await saveVoice(db, TEAM, { ...voice, version: 1 });
    expect(await db.voice.get(TEAM)).toMatchObject({ version: 2, signOff: '— Team' });
  });
});

describe('team cues', () => {
  const cue = (over: Partial<TeamCue> = {}): TeamCue => ({
    id: '3e8f6d4b-5c7a-4b9d-8ebf-0a9b8c7d6e5f',
    phrase: 'bado sijapata',
    category: 'complaint',
    lang: 'sw',
    deleted: false,
    updatedAt: AT,
    ...over,
  });

  it('upserts cues, removes them on a tombstone and saves the cursor with them, per team', async () => {
    await applyCueChanges(db, TEAM, [cue(), cue({ id: '4f9a7e5c-6d8b-4cae-9fc0-1b0a9d8e7f6a', phrase: 'asante', category: 'praise' })], 'c1');
    await applyCueChanges(db, OTHER_TEAM, [cue({ phrase: 'other team' })], 'o1');
    expect((await liveCues(db, TEAM)).map((c) => c.phrase).sort()).toEqual(['asante', 'bado sijapata']);
    expect(await getCursor(db, TEAM, 'cues')).toBe('c1');

    await applyCueChanges(db, TEAM, [cue({ category: 'question' })], 'c2');
    expect(await db.cues.get([TEAM, cue().id])).toMatchObject({ category: 'question', teamId: TEAM });
    await applyCueChanges(db, TEAM, [cue({ deleted: true })], 'c3');
    expect((await liveCues(db, TEAM)).map((c) => c.phrase)).toEqual(['asante']);
    expect(await getCursor(db, TEAM, 'cues')).toBe('c3');
    expect((await liveCues(db, OTHER_TEAM)).map((c) => c.phrase)).toEqual(['other team']);
  });

  it('upgrades a version 1 store, keeping its data and adding the cues table', async () => {
    const name = `chorus-db-upgrade-${serial++}`;
    const old = new Dexie(name);
    old.version(1).stores({
      interactions: 'id, [teamId+state], [teamId+itemKey]',
      items: '[teamId+itemKey], [teamId+state]',
      templates: '[teamId+id], teamId',
      voice: 'teamId',
      activity: '[teamId+itemKey+memberId+kind+at], [teamId+itemKey], [teamId+at]',
      claims: '[teamId+itemKey+memberId], teamId',
      cursors: '[teamId+stream]',
      settings: 'key',
      deadLetters: '[teamId+kind+id], teamId',
    });
    await old.table('templates').put({ ...template(), teamId: TEAM });
    await old.table('cursors').put({ teamId: TEAM, stream: 'templates', cursor: 'kept' });
    old.close();

    const upgraded = new ChorusDb(name);
    try {
      expect(upgraded.verno).toBe(2);
      expect((await liveTemplates(upgraded, TEAM)).map((x) => x.title)).toEqual(['Thanks']);
      expect(await getCursor(upgraded, TEAM, 'templates')).toBe('kept');
      await applyCueChanges(upgraded, TEAM, [cue()], 'c1');
      expect(await liveCues(upgraded, TEAM)).toHaveLength(1);
    } finally {
      await upgraded.delete();
    }
  });
});

describe('items waiting for a reply', () => {
  const NOW = Date.parse(AT);
  const hoursAgo = (h: number) => new Date(NOW - h * 3600_000).toISOString();

  it('counts questions and complaints of the last 7 days nobody on the team has answered', async () => {
    await recordItemSeen(db, TEAM, seen({ itemKey: 'x:1', category: 'question', seenAt: hoursAgo(5) }));
    await recordItemSeen(db, TEAM, seen({ itemKey: 'x:2', category: 'complaint', seenAt: hoursAgo(2) }));
    // Answered by a teammate, answered here, only liked, praise, too old, another team's.
    await recordItemSeen(db, TEAM, seen({ itemKey: 'x:3', category: 'question', seenAt: hoursAgo(1) }));
    await recordItemSeen(db, TEAM, seen({ itemKey: 'x:4', category: 'question', seenAt: hoursAgo(1) }));
    await recordItemSeen(db, TEAM, seen({ itemKey: 'x:5', category: 'complaint', seenAt: hoursAgo(1) }));
    await recordItemSeen(db, TEAM, seen({ itemKey: 'x:6', category: 'praise', seenAt: hoursAgo(1) }));
    await recordItemSeen(db, TEAM, seen({ itemKey: 'x:7', category: 'question', seenAt: hoursAgo(8 * 24) }));
    await recordItemSeen(db, OTHER_TEAM, seen({ itemKey: 'x:8', category: 'question', seenAt: hoursAgo(1) }));
    const memberId = '3e8f6d4b-5c7a-4b9d-8ebf-0a9b8c7d6e5f';
    await applyActivityChanges(db, TEAM, [{ itemKey: 'x:3', memberId, memberName: 'Ben', kind: 'comment', at: AT }], [], 'a1');
    await recordInteraction(db, TEAM, interaction({ itemKey: 'x:4', kind: 'reply' }));
    await recordInteraction(db, TEAM, interaction({ itemKey: 'x:5', kind: 'like' }));

    expect(await waitingItems(db, TEAM, NOW)).toEqual({ count: 3, oldestSeenAt: hoursAgo(5) });
    expect(await waitingItems(db, 'no-such-team', NOW)).toEqual({ count: 0 });
  });
});

describe('storage full', () => {
  it('surfaces a quota error from IndexedDB as StorageFullError and keeps nothing half-written', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const error = await recordInteraction(db, TEAM, interaction()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).message).toMatch(/no room left/);
    expect(await db.interactions.count()).toBe(0);
  });

  it('recognises a quota error wrapped in an aborted transaction, and nothing else', () => {
    expect(isQuotaError(new Dexie.AbortError('aborted', new Dexie.QuotaExceededError('full')))).toBe(true);
    expect(isQuotaError(new Dexie.ConstraintError('duplicate key'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });

  it('passes other errors through unchanged', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('nope', 'DataError');
    });
    const error = await recordInteraction(db, TEAM, interaction()).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(StorageFullError);
  });
});
