// The sync engine against the real API in-process (PGlite in memory), with an injected
// clock, randomness and sleep, and a network that can be made to fail on purpose.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type TestApp, testApp, uuidv7 } from '../api/test/harness';
import type { Interaction } from '../shared/schemas';
import { ChorusDb, countPending, getCursor, liveCues, liveTemplates, recordInteraction, recordItemSeen } from './db';
import { dexieLock, flush, postCue, pull, type SyncDeps, type SyncOptions, type TeamConnection } from './sync';

const SERVER = 'http://chorus.test';

/** What the next request meets: the real API, or one injected failure. */
type Fault =
  | { kind: 'offline' }
  /** The server handles the request, then the answer is lost on the way back. */
  | { kind: 'lost' }
  | { kind: 'status'; status: number; retryAfter?: string };

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.dispose());

type Team = Awaited<ReturnType<TestApp['team']>>;

interface Harness {
  team: Team;
  conn: TeamConnection;
  db: ChorusDb;
  deps: SyncDeps;
  clock: { now: number };
  sleeps: number[];
  faults: Fault[];
  requests: { method: string; path: string; records: number }[];
}

let dbSerial = 0;
const open: ChorusDb[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of open.splice(0)) await db.delete();
});

async function harness(options: Partial<SyncOptions> = {}, random = () => 0.5): Promise<Harness> {
  const team = await t.team();
  const db = new ChorusDb(`chorus-sync-test-${dbSerial++}`);
  open.push(db);
  const clock = { now: t.clock.now.getTime() };
  const sleeps: number[] = [];
  const faults: Fault[] = [];
  const requests: Harness['requests'] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const path = url.slice(SERVER.length);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown[]>) : {};
    requests.push({ method: init.method ?? 'GET', path, records: (body.interactions ?? body.items ?? []).length });
    const fault = faults.shift();
    if (fault?.kind === 'offline') throw new TypeError('Failed to fetch');
    if (fault?.kind === 'status') {
      const headers = new Headers({ 'content-type': 'application/json' });
      if (fault.retryAfter) headers.set('retry-after', fault.retryAfter);
      return new Response(JSON.stringify({ error: { code: 'internal', message: 'injected' } }), { status: fault.status, headers });
    }
    const response = await t.app.request(url, init);
    if (fault?.kind === 'lost') {
      await response.text();
      throw new TypeError('Failed to fetch');
    }
    return response;
  };
  const deps: SyncDeps = {
    db,
    fetch,
    now: () => clock.now,
    random,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.now += ms;
    },
    lock: dexieLock(db, () => clock.now),
    options,
  };
  const conn: TeamConnection = { serverUrl: SERVER, token: team.member.token, team: { id: team.id, name: 'Northwind Coffee' } };
  return { team, conn, db, deps, clock, sleeps, faults, requests };
}

const reply = (over: Partial<Interaction> = {}): Interaction => ({
  id: uuidv7(t.clock.now.getTime() - 60_000),
  itemKey: 'x:1890000000000000001',
  platform: 'x',
  kind: 'reply',
  actedAt: new Date(t.clock.now.getTime() - 60_000).toISOString(),
  category: 'question',
  responseMs: 120_000,
  ...over,
});

/** Interaction ids the server holds for the team, from the manager's CSV export. */
async function serverIds(h: Harness): Promise<string[]> {
  const day = (offset: number) => new Date(t.clock.now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const r = await t.call('GET', `/v1/export/interactions.csv?from=${day(-2)}&to=${day(1)}&tz=UTC`, { token: h.team.manager.token });
  expect(r.status).toBe(200);
  return r.text
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(',')[0]!);
}

const pushes = (h: Harness) => h.requests.filter((r) => r.method === 'POST');

describe('flush', () => {
  it('pushes a recorded interaction once and marks it sent', async () => {
    const h = await harness();
    const record = await recordInteraction(h.db, h.team.id, reply());
    const result = await flush(h.conn, h.deps);
    expect(result.status).toBe('done');
    expect(result.counts.interactions).toEqual({ accepted: 1, duplicate: 0, rejected: 0 });
    expect(await serverIds(h)).toEqual([record.id]);
    expect((await h.db.interactions.get(record.id))?.state).toBe('sent');

    // Nothing left: a second flush sends nothing.
    expect((await flush(h.conn, h.deps)).status).toBe('done');
    expect(pushes(h)).toHaveLength(1);
  });

  it('pushes items seen too, and re-sends an item only when a sighting changes it', async () => {
    const h = await harness();
    const seenAt = new Date(t.clock.now.getTime() - 600_000).toISOString();
    await recordItemSeen(h.db, h.team.id, { itemKey: 'x:42', platform: 'x', seenAt });
    await recordItemSeen(h.db, h.team.id, { itemKey: 'x:43', platform: 'x', seenAt, category: 'complaint' });
    expect((await flush(h.conn, h.deps)).counts.items).toEqual({ accepted: 2, duplicate: 0, rejected: 0 });

    await recordItemSeen(h.db, h.team.id, { itemKey: 'x:42', platform: 'x', seenAt: new Date(t.clock.now.getTime()).toISOString() });
    expect(await countPending(h.db, h.team.id, 'items')).toBe(0);
    await recordItemSeen(h.db, h.team.id, { itemKey: 'x:42', platform: 'x', seenAt, lang: 'sw' });
    const again = await flush(h.conn, h.deps);
    // The server updates the known item (it gains a language) and reports it as known.
    expect(again.counts.items).toEqual({ accepted: 0, duplicate: 1, rejected: 0 });
    expect(await countPending(h.db, h.team.id, 'items')).toBe(0);
  });

  it('pushes a large outbox in batches of at most 500', async () => {
    const h = await harness();
    for (let n = 0; n < 501; n++) await recordInteraction(h.db, h.team.id, reply({ itemKey: `x:${2000 + n}` }));
    const result = await flush(h.conn, h.deps);
    expect(result.counts.interactions.accepted).toBe(501);
    expect(pushes(h).map((r) => r.records)).toEqual([500, 1]);
    expect(await serverIds(h)).toHaveLength(501);
  });

  it('after a lost response, replays the batch: still exactly one on the server, and the record is cleared', async () => {
    const h = await harness();
    const record = await recordInteraction(h.db, h.team.id, reply());
    h.faults.push({ kind: 'lost' });
    const result = await flush(h.conn, h.deps);
    // The first answer never arrived; a short backoff was slept through and the replay was
    // answered "already known", which counts as acknowledged.
    expect(result.status).toBe('done');
    expect(result.counts.interactions).toEqual({ accepted: 0, duplicate: 1, rejected: 0 });
    expect(h.sleeps).toHaveLength(1);
    expect(pushes(h)).toHaveLength(2);
    expect(await serverIds(h)).toEqual([record.id]);
    expect(await h.db.interactions.get(record.id)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('after a lost response with no retry in the same flush, the next flush clears it', async () => {
    const h = await harness({ inlineRetries: 0 });
    const record = await recordInteraction(h.db, h.team.id, reply());
    h.faults.push({ kind: 'lost' });
    const first = await flush(h.conn, h.deps);
    expect(first.status).toBe('retry');
    expect(first.error).toMatch(/network/);
    expect((await h.db.interactions.get(record.id))?.state).toBe('pending');
    expect(await serverIds(h)).toEqual([record.id]);

    h.clock.now = first.retryAt!;
    const second = await flush(h.conn, h.deps);
    expect(second.status).toBe('done');
    expect(second.counts.interactions.duplicate).toBe(1);
    expect(await serverIds(h)).toEqual([record.id]);
    expect((await h.db.interactions.get(record.id))?.state).toBe('sent');
  });

  it('sends the good records of a partly bad batch and moves the bad one to the dead letters with the reason', async () => {
    const h = await harness();
    const good1 = await recordInteraction(h.db, h.team.id, reply({ itemKey: 'x:1' }));
    const future = new Date(t.clock.now.getTime() + 3 * 86_400_000).toISOString();
    const bad = await recordInteraction(h.db, h.team.id, reply({ itemKey: 'x:2', actedAt: future }));
    const good2 = await recordInteraction(h.db, h.team.id, reply({ itemKey: 'x:3' }));
    const result = await flush(h.conn, h.deps);
    expect(result.status).toBe('done');
    expect(result.counts.interactions).toEqual({ accepted: 2, duplicate: 0, rejected: 1 });
    expect((await serverIds(h)).sort()).toEqual([good1.id, good2.id].sort());
    expect(await h.db.deadLetters.toArray()).toEqual([
      {
        teamId: h.team.id,
        kind: 'interactions',
        id: bad.id,
        reason: 'actedAt: is more than a day in the future',
        at: new Date(h.clock.now).toISOString(),
      },
    ]);
    expect((await h.db.interactions.get(bad.id))?.state).toBe('dead');
    expect(await countPending(h.db, h.team.id, 'interactions')).toBe(0);
  });

  it('on 503 with Retry-After, keeps the records and schedules the retry no earlier than Retry-After', async () => {
    // random ≈ 1 would give the largest jitter; Retry-After must still win when larger.
    const h = await harness({}, () => 0.999);
    const record = await recordInteraction(h.db, h.team.id, reply());
    h.faults.push({ kind: 'status', status: 503, retryAfter: '120' });
    const start = h.clock.now;
    const first = await flush(h.conn, h.deps);
    expect(first.status).toBe('retry');
    expect(first.retryAt).toBeGreaterThanOrEqual(start + 120_000);
    expect(h.sleeps).toEqual([]); // too long to sleep through: handed back to the alarm
    expect(await h.db.interactions.get(record.id)).toMatchObject({ state: 'pending', attempts: 1, lastError: 'HTTP 503: injected' });

    // A flush before then (the periodic alarm) waits without sending anything.
    h.clock.now = start + 60_000;
    const early = await flush(h.conn, h.deps);
    expect(early).toMatchObject({ status: 'waiting', retryAt: first.retryAt });
    expect(pushes(h)).toHaveLength(1);

    h.clock.now = first.retryAt!;
    expect((await flush(h.conn, h.deps)).status).toBe('done');
    expect(await serverIds(h)).toEqual([record.id]);
  });

  it('on 429 with a short Retry-After, sleeps at least that long and then sends', async () => {
    const h = await harness({}, () => 0);
    await recordInteraction(h.db, h.team.id, reply());
    h.faults.push({ kind: 'status', status: 429, retryAfter: '3' });
    const result = await flush(h.conn, h.deps);
    expect(result.status).toBe('done');
    expect(h.sleeps).toEqual([3000]);
    expect(await serverIds(h)).toHaveLength(1);
  });

  it('backs off exponentially with full jitter, capped at 5 minutes, and resets after a success', async () => {
    const h = await harness({ inlineRetries: 0 }, () => 0.999_999);
    await recordInteraction(h.db, h.team.id, reply());
    const delays: number[] = [];
    for (let n = 0; n < 12; n++) {
      h.faults.push({ kind: 'offline' });
      const result = await flush(h.conn, h.deps);
      expect(result.status).toBe('retry');
      delays.push(result.retryAt! - h.clock.now);
      h.clock.now = result.retryAt!;
    }
    const ceilings = delays.map((_, n) => Math.min(300_000, 1000 * 2 ** n));
    delays.forEach((delay, n) => {
      expect(delay).toBeLessThan(ceilings[n]!);
      expect(delay).toBeGreaterThanOrEqual(ceilings[n]! * 0.999);
    });
    expect((await flush(h.conn, h.deps)).status).toBe('done');
    expect(await h.db.settings.get(`backoff:flush:${h.team.id}`)).toBeUndefined();
  });

  it('halves a batch the server finds too large', async () => {
    const h = await harness();
    for (let n = 0; n < 3; n++) await recordInteraction(h.db, h.team.id, reply({ itemKey: `x:${n + 10}` }));
    h.faults.push({ kind: 'status', status: 413 });
    const result = await flush(h.conn, h.deps);
    expect(result.status).toBe('done');
    expect(pushes(h).map((r) => r.records)).toEqual([3, 2, 1]);
    expect(await serverIds(h)).toHaveLength(3);
  });

  it('stops on a refused token and keeps the records', async () => {
    const h = await harness();
    await recordInteraction(h.db, h.team.id, reply());
    const result = await flush({ ...h.conn, token: 'A'.repeat(43) }, h.deps);
    expect(result.status).toBe('unauthorized');
    expect(result.retryAt).toBeUndefined();
    expect(await countPending(h.db, h.team.id, 'interactions')).toBe(1);
  });

  it('runs one flush at a time per team: a concurrent flush finds the lease taken', async () => {
    const h = await harness();
    for (let n = 0; n < 3; n++) await recordInteraction(h.db, h.team.id, reply({ itemKey: `x:${n + 20}` }));
    const results = await Promise.all([flush(h.conn, h.deps), flush(h.conn, h.deps)]);
    expect(results.map((r) => r.status).sort()).toEqual(['busy', 'done']);
    expect(pushes(h)).toHaveLength(1);
    expect(await serverIds(h)).toHaveLength(3);
    // The lease is released afterwards.
    expect(await h.db.settings.get(`lease:flush:${h.team.id}`)).toBeUndefined();
  });

  it("respects another worker's lease until it expires (a crashed worker does not block for ever)", async () => {
    const h = await harness({ leaseMs: 60_000 });
    await recordInteraction(h.db, h.team.id, reply());
    const crashed = await h.deps.lock.acquire(`flush:${h.team.id}`, 60_000);
    expect(crashed).toBeDefined();
    expect((await flush(h.conn, h.deps)).status).toBe('busy');
    h.clock.now += 60_001;
    expect((await flush(h.conn, h.deps)).status).toBe('done');

    // A worker that wakes up late learns it lost the lease, and cannot free a newer holder's.
    const current = await h.deps.lock.acquire(`flush:${h.team.id}`, 60_000);
    expect(await crashed!.renew()).toBe(false);
    await crashed!.release();
    expect((await flush(h.conn, h.deps)).status).toBe('busy');
    await current!.release();
    expect((await flush(h.conn, h.deps)).status).toBe('done');
  });

  it('reports a full store as storage-full and loses nothing', async () => {
    const h = await harness();
    const record = await recordInteraction(h.db, h.team.id, reply());
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'interactions') throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const full = await flush(h.conn, h.deps);
    expect(full.status).toBe('storage-full');
    expect(full.error).toMatch(/no room left/);
    expect((await h.db.interactions.get(record.id))?.state).toBe('pending');

    spy.mockRestore();
    const later = await flush(h.conn, h.deps);
    expect(later.counts.interactions.duplicate).toBe(1);
    expect(await serverIds(h)).toEqual([record.id]);
  });
});

describe('pull', () => {
  const body = { title: 'Asante', body: 'Asante sana {{author.firstName}}!', lang: 'sw', shortcut: ';asante' };

  it("brings a manager's template into the store, then its edit and its delete (a tombstone), saving the cursor", async () => {
    const h = await harness();
    const created = await t.call('POST', '/v1/templates', { token: h.team.manager.token, body });
    expect(created.status).toBe(201);
    const id = created.json.template.id as string;

    const first = await pull(h.conn, h.deps);
    expect(first).toMatchObject({ status: 'done', templates: 1, voice: true });
    expect(await h.db.templates.get([h.team.id, id])).toMatchObject({ ...body, version: 1, deleted: false, teamId: h.team.id });
    const cursor1 = await getCursor(h.db, h.team.id, 'templates');
    expect(cursor1).toBeTruthy();

    const edited = await t.call('PUT', `/v1/templates/${id}`, {
      token: h.team.manager.token,
      headers: { 'if-match': '1' },
      body: { ...body, title: 'Asante (edited)' },
    });
    expect(edited.status).toBe(200);
    expect((await pull(h.conn, h.deps)).templates).toBe(1);
    expect(await h.db.templates.get([h.team.id, id])).toMatchObject({ title: 'Asante (edited)', version: 2 });
    const cursor2 = await getCursor(h.db, h.team.id, 'templates');
    expect(cursor2).not.toBe(cursor1);

    const deleted = await t.call('DELETE', `/v1/templates/${id}`, { token: h.team.manager.token, headers: { 'if-match': '2' } });
    expect(deleted.status).toBe(200);
    expect((await pull(h.conn, h.deps)).templates).toBe(1);
    expect(await h.db.templates.get([h.team.id, id])).toMatchObject({ deleted: true, version: 3 });
    expect(await liveTemplates(h.db, h.team.id)).toEqual([]);

    // Nothing new: the saved cursor asks only for changes after it.
    const quiet = await pull(h.conn, h.deps);
    expect(quiet.templates).toBe(0);
    const sinces = h.requests.filter((r) => r.path.startsWith('/v1/templates')).map((r) => new URL(r.path, SERVER).searchParams.get('since'));
    expect(sinces[0]).toBeNull();
    expect(sinces.at(-1)).toBe(await getCursor(h.db, h.team.id, 'templates'));
  });

  it('loops over pages while the server has more', async () => {
    const h = await harness({ pageLimit: 2 });
    for (let n = 0; n < 5; n++) await t.call('POST', '/v1/templates', { token: h.team.manager.token, body: { title: `T${n}`, body: `Body ${n}` } });
    const result = await pull(h.conn, h.deps);
    expect(result.templates).toBe(5);
    expect(h.requests.filter((r) => r.path.startsWith('/v1/templates'))).toHaveLength(3);
    expect((await liveTemplates(h.db, h.team.id)).map((x) => x.title).sort()).toEqual(['T0', 'T1', 'T2', 'T3', 'T4']);
  });

  it("pulls the team's activity and live claims, and the brand voice", async () => {
    const h = await harness();
    await recordInteraction(h.db, h.team.id, reply({ itemKey: 'x:77' }));
    await flush(h.conn, h.deps);
    const claimed = await t.call('POST', '/v1/claims', { token: h.team.manager.token, body: { itemKey: 'x:78', ttlSeconds: 300 } });
    expect(claimed.status).toBe(201);
    const voice = await t.call('PUT', '/v1/voice', { token: h.team.manager.token, headers: { 'if-match': '1' }, body: { signOff: '— Northwind' } });
    expect(voice.status).toBe(200);

    const result = await pull(h.conn, h.deps);
    expect(result).toMatchObject({ status: 'done', activity: 1, voice: true });
    expect(await h.db.activity.where('[teamId+itemKey]').equals([h.team.id, 'x:77']).toArray()).toMatchObject([
      { memberName: 'Ben', kind: 'reply' },
    ]);
    expect(await h.db.claims.toArray()).toMatchObject([{ itemKey: 'x:78', memberName: 'Maya', teamId: h.team.id }]);
    expect(await h.db.voice.get(h.team.id)).toMatchObject({ signOff: '— Northwind', version: 2 });
    expect(await getCursor(h.db, h.team.id, 'activity')).toBeTruthy();
  });

  it("brings a manager's team cue into the member's store after activity, then its change, and its delete removes it", async () => {
    const h = await harness({ pageLimit: 2 });
    const cue = { phrase: 'bado sijapata oda yangu', category: 'complaint', lang: 'sw' };
    const created = await t.call('POST', '/v1/cues', { token: h.team.manager.token, body: cue });
    expect(created.status).toBe(201);
    const id = created.json.cue.id as string;
    for (const phrase of ['one', 'two']) {
      expect((await t.call('POST', '/v1/cues', { token: h.team.owner.token, body: { phrase, category: 'spam' } })).status).toBe(201);
    }

    const first = await pull(h.conn, h.deps);
    expect(first).toMatchObject({ status: 'done', cues: 3 });
    expect(await h.db.cues.get([h.team.id, id])).toEqual({ ...created.json.cue, teamId: h.team.id });
    expect((await liveCues(h.db, h.team.id)).map((c) => c.phrase).sort()).toEqual(['bado sijapata oda yangu', 'one', 'two']);
    const paths = h.requests.map((r) => r.path.split('?')[0]);
    expect(paths.indexOf('/v1/cues')).toBeGreaterThan(paths.indexOf('/v1/activity'));
    expect(paths.filter((p) => p === '/v1/cues')).toHaveLength(2);
    const cursor = await getCursor(h.db, h.team.id, 'cues');
    expect(cursor).toBeTruthy();

    const changed = await t.call('POST', '/v1/cues', { token: h.team.manager.token, body: { ...cue, category: 'question' } });
    expect(changed.status).toBe(200);
    expect((await pull(h.conn, h.deps)).cues).toBe(1);
    expect(await h.db.cues.get([h.team.id, id])).toMatchObject({ category: 'question' });

    const deleted = await t.call('DELETE', `/v1/cues/${id}`, { token: h.team.manager.token });
    expect(deleted.status).toBe(200);
    expect((await pull(h.conn, h.deps)).cues).toBe(1);
    expect(await h.db.cues.get([h.team.id, id])).toBeUndefined();
    expect((await liveCues(h.db, h.team.id)).map((c) => c.phrase).sort()).toEqual(['one', 'two']);
    expect(await getCursor(h.db, h.team.id, 'cues')).not.toBe(cursor);
    expect((await pull(h.conn, h.deps)).cues).toBe(0);
  });

  it('postCue: a manager\'s correction is stored for the team; a member gets the server\'s refusal', async () => {
    const h = await harness();
    const refused = await postCue(h.conn, h.deps, { phrase: 'refund', category: 'complaint' });
    expect(refused).toEqual({ ok: false, message: 'Only a team manager can do this' });

    const manager: TeamConnection = { ...h.conn, token: h.team.manager.token };
    const sent = await postCue(manager, h.deps, { phrase: ' refund ', category: 'complaint', lang: 'en', itemKey: 'x:42' });
    expect(sent).toMatchObject({ ok: true, cue: { phrase: 'refund', category: 'complaint', lang: 'en', deleted: false } });
    await pull(manager, h.deps);
    expect(await liveCues(h.db, h.team.id)).toMatchObject([{ phrase: 'refund', category: 'complaint', lang: 'en' }]);
  });

  it('backs off after 429 and does not poll again before Retry-After', async () => {
    const h = await harness();
    h.faults.push({ kind: 'status', status: 429, retryAfter: '30' });
    const limited = await pull(h.conn, h.deps);
    expect(limited.status).toBe('retry');
    expect(limited.retryAt).toBeGreaterThanOrEqual(h.clock.now + 30_000);
    h.clock.now += 3000;
    expect((await pull(h.conn, h.deps)).status).toBe('waiting');
    expect(h.requests).toHaveLength(1);
    h.clock.now = limited.retryAt!;
    expect((await pull(h.conn, h.deps)).status).toBe('done');
  });

  it('"Sync now" (force) pulls at once, even while backing off', async () => {
    const h = await harness();
    h.faults.push({ kind: 'status', status: 429, retryAfter: '30' });
    expect((await pull(h.conn, h.deps)).status).toBe('retry');
    expect((await pull(h.conn, h.deps)).status).toBe('waiting');
    expect((await pull(h.conn, h.deps, { force: true })).status).toBe('done');
  });

  it('reports a full store as storage-full and keeps the old cursor', async () => {
    const h = await harness();
    await t.call('POST', '/v1/templates', { token: h.team.manager.token, body });
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'templates') throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const result = await pull(h.conn, h.deps);
    expect(result.status).toBe('storage-full');
    expect(await getCursor(h.db, h.team.id, 'templates')).toBeUndefined();
    expect(await h.db.templates.count()).toBe(0);
  });
});
