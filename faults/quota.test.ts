// IndexedDB full: the background's record handlers (Scheduler.keep) turn the quota error into
// the sync state the popup shows (storage-full with its message) instead of dropping the
// record silently, keep nothing half-written, and clear the state once a record fits again.
// The popup itself is checked in e2e/faults.spec.ts against the real extension.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../extension/connection.ts';
import { ChorusDb, recordInteraction, recordItemsSeen, StorageFullError } from '../extension/db.ts';
import { Scheduler } from '../extension/scheduler.ts';
import { dexieLock } from '../extension/sync.ts';
import type { Interaction } from '../shared/schemas.ts';

const TEAM = '0193a4c2-0000-7000-8000-000000000001';
const connection = { serverUrl: 'http://chorus.test', token: 'x'.repeat(43), team: { id: TEAM, name: 'Northwind' } } as unknown as Connection;

function setup() {
  const db = new ChorusDb(`chorus-quota-${Math.random()}`);
  const scheduler = new Scheduler(db, {
    db,
    fetch: () => Promise.reject(new TypeError('offline')),
    now: Date.now,
    random: Math.random,
    sleep: async () => {},
    lock: dexieLock(db, Date.now),
    connections: async () => [connection],
    wakeAt: async () => {},
  });
  return { db, scheduler };
}

const reply = (n: number): Interaction => ({
  id: `0193a4c2-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`,
  itemKey: `x:18900000000000000${n}`,
  platform: 'x',
  kind: 'reply',
  actedAt: new Date().toISOString(),
});

const full = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};

afterEach(() => vi.restoreAllMocks());

describe('IndexedDB full while recording', () => {
  it('a reply that cannot be stored puts the sync state in storage-full, which the popup shows', async () => {
    const { db, scheduler } = setup();
    await scheduler.keep(TEAM, () => recordInteraction(db, TEAM, reply(1)));
    expect((await scheduler.state()).lastStatus).toBeUndefined();

    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(full);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(full);
    const error = await scheduler.keep(TEAM, () => recordInteraction(db, TEAM, reply(2))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    const state = await scheduler.state();
    expect(state).toMatchObject({ connected: true, lastStatus: 'storage-full', pending: { interactions: 1, items: 0 } });
    expect(state.lastError).toMatch(/no room left/);
    // Per team too (the options page asks for one team).
    expect((await scheduler.state(TEAM)).lastStatus).toBe('storage-full');
    // Items seen in a batch meet the same fate, and nothing half-written is kept.
    await expect(
      scheduler.keep(TEAM, () => recordItemsSeen(db, TEAM, [{ itemKey: 'x:1', platform: 'x', seenAt: new Date().toISOString() }])),
    ).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await db.interactions.count()).toBe(1);
    expect(await db.items.count()).toBe(0);

    // Room again: the next record is stored and the warning goes.
    await scheduler.keep(TEAM, () => recordInteraction(db, TEAM, reply(3)));
    expect((await scheduler.state()).lastStatus).toBeUndefined();
    expect((await scheduler.state()).pending.interactions).toBe(2);
    await db.delete();
  });

  it('other errors pass through and do not claim the store is full', async () => {
    const { db, scheduler } = setup();
    await expect(scheduler.keep(TEAM, () => Promise.reject(new Error('Chorus is not connected to a team')))).rejects.toThrow(/not connected/);
    expect((await scheduler.state()).lastStatus).toBeUndefined();
    await db.delete();
  });
});
