// POST /v1/templates/import: a whole file of templates, all or nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templates } from '../db/schema.ts';
import { onPostgres, type TestApp, testApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.dispose());

async function pullAll(token: string, since?: string) {
  const seen: any[] = [];
  let cursor = since;
  for (;;) {
    const q = new URLSearchParams({ limit: '1000', ...(cursor ? { since: cursor } : {}) });
    const r = await t.call('GET', `/v1/templates?${q}`, { token });
    expect(r.status).toBe(200);
    seen.push(...r.json.items);
    cursor = r.json.cursor;
    if (!r.json.hasMore) return { items: seen, cursor: cursor! };
  }
}

const entry = (i: number, over: Record<string, unknown> = {}) => ({ title: `T${i}`, body: `Body ${i}`, shortcut: `;t${i}`, ...over });
const importAs = (token: string, templates: unknown) => t.call('POST', '/v1/templates/import', { token, body: { templates } });

describe('template import', () => {
  it('creates every template of a clean file in one go; members pull them after their cursor', async () => {
    const team = await t.team();
    const { cursor } = await pullAll(team.member.token);
    const id = '0b7f5a8e-6a51-4b0c-8f3e-5b2f4e1d9c01';
    const r = await importAs(team.manager.token, [entry(0, { id }), entry(1, { lang: 'sw', categories: ['praise'] }), entry(2, { shortcut: null })]);
    expect(r.status, r.text).toBe(200);
    expect(r.json.updated).toEqual([]);
    expect(r.json.created).toHaveLength(3);
    expect(r.json.created[0]).toMatchObject({ id, title: 'T0', version: 1, deleted: false, private: false, ownerId: null });
    expect(r.json.created[1]).toMatchObject({ title: 'T1', lang: 'sw', categories: ['praise'], shortcut: ';t1' });
    const pulled = await pullAll(team.member.token, cursor);
    expect(pulled.items.map((x) => x.title).sort()).toEqual(['T0', 'T1', 'T2']);
    expect(pulled.items.find((x) => x.id === id)).toEqual(r.json.created[0]);
  });

  it('one bad entry at index 3 imports nothing and is reported with its field', async () => {
    const team = await t.team();
    const { cursor } = await pullAll(team.member.token);
    const file = [entry(0), entry(1), entry(2), entry(3, { shortcut: 'no-semicolon' }), entry(4)];
    const r = await importAs(team.manager.token, file);
    expect(r.status).toBe(400);
    expect(r.json.error).toEqual({ code: 'bad_request', message: '1 template has problems; nothing was imported', field: 'templates' });
    expect(r.json.problems).toEqual([{ index: 3, field: 'shortcut', message: expect.any(String) }]);
    expect((await pullAll(team.member.token, cursor)).items).toEqual([]);

    // Several problems at once, in index order, never half-applied.
    const worse = await importAs(team.manager.token, [entry(0), { title: '', body: 'x' }, 'not an object', entry(3, { variants: { x: '' } })]);
    expect(worse.status).toBe(400);
    expect(worse.json.error.message).toBe('3 templates have problems; nothing was imported');
    expect(worse.json.problems.map((p: { index: number; field: string }) => [p.index, p.field])).toEqual([
      [1, 'title'],
      [2, ''],
      [3, 'variants.x'],
    ]);
    expect((await pullAll(team.member.token, cursor)).items).toEqual([]);
  });

  it('refuses an empty file, more than 500 entries, and a body without templates', async () => {
    const team = await t.team();
    expect((await importAs(team.manager.token, [])).json.error.field).toBe('templates');
    const big = await importAs(team.manager.token, Array.from({ length: 501 }, (_, i) => entry(i)));
    expect(big.status).toBe(400);
    expect(big.json.error.field).toBe('templates');
    const none = await t.call('POST', '/v1/templates/import', { token: team.manager.token, body: {} });
    expect(none.status).toBe(400);
  });

  it('reports shortcuts used twice in the file, ignoring case, per language and privacy', async () => {
    const team = await t.team();
    const r = await importAs(team.manager.token, [
      entry(0, { shortcut: ';hi' }),
      entry(1, { shortcut: ';HI' }),
      entry(2, { shortcut: ';hi', lang: 'he' }),
      entry(3, { shortcut: ';hi', private: true }),
      entry(4, { shortcut: ';Hi', lang: 'he' }),
      entry(5, { id: '0b7f5a8e-6a51-4b0c-8f3e-5b2f4e1d9c02' }),
      entry(6, { id: '0b7f5a8e-6a51-4b0c-8f3e-5b2f4e1d9c02' }),
    ]);
    expect(r.status).toBe(400);
    expect(r.json.problems.map((p: { index: number; field: string }) => [p.index, p.field])).toEqual([
      [1, 'shortcut'],
      [4, 'shortcut'],
      [6, 'id'],
    ]);
    expect(r.json.problems[0].message).toContain('index 0');
    expect((await pullAll(team.member.token)).items).toEqual([]);
  });

  it('reports clashes with existing templates, but not with templates the file replaces', async () => {
    const team = await t.team();
    const a = (await t.call('POST', '/v1/templates', { token: team.manager.token, body: entry(0, { shortcut: ';a' }) })).json.template;
    const b = (await t.call('POST', '/v1/templates', { token: team.manager.token, body: entry(1, { shortcut: ';b' }) })).json.template;
    await t.call('POST', '/v1/templates', { token: team.manager.token, body: entry(2, { shortcut: ';c' }) });

    const clash = await importAs(team.manager.token, [entry(10, { shortcut: ';C' }), entry(11, { shortcut: ';d' })]);
    expect(clash.status).toBe(400);
    expect(clash.json.problems).toEqual([{ index: 0, field: 'shortcut', message: expect.stringContaining('shared template') }]);

    // The file swaps the shortcuts of a and b: fine, since both are replaced.
    const swap = await importAs(team.manager.token, [
      { ...entry(0), id: a.id, shortcut: ';b' },
      { ...entry(1), id: b.id, shortcut: ';a' },
    ]);
    expect(swap.status, swap.text).toBe(200);
    expect(swap.json.updated.map((x: { shortcut: string; version: number }) => [x.shortcut, x.version])).toEqual([
      [';b', 2],
      [';a', 2],
    ]);
    // A new template may take the shortcut a replaced one gives up.
    const move = await importAs(team.manager.token, [{ ...entry(0), id: a.id, shortcut: ';z' }, entry(20, { shortcut: ';b' })]);
    expect(move.status, move.text).toBe(200);
    expect(move.json.created[0].shortcut).toBe(';b');
  });

  it('updates by id: version + 1, a tombstone comes back; the changes are pulled after the cursor', async () => {
    const team = await t.team();
    const a = (await t.call('POST', '/v1/templates', { token: team.manager.token, body: entry(0) })).json.template;
    const b = (await t.call('POST', '/v1/templates', { token: team.manager.token, body: entry(1) })).json.template;
    await t.call('PUT', `/v1/templates/${a.id}`, { token: team.manager.token, headers: { 'if-match': '1' }, body: { ...entry(0), body: 'v2' } });
    await t.call('DELETE', `/v1/templates/${b.id}`, { token: team.manager.token, headers: { 'if-match': '1' } });
    const { cursor } = await pullAll(team.member.token);

    const r = await importAs(team.owner.token, [
      { ...entry(0), id: a.id, body: 'imported' },
      { ...entry(1), id: b.id, body: 'back' },
      entry(2),
    ]);
    expect(r.status, r.text).toBe(200);
    expect(r.json.updated).toMatchObject([
      { id: a.id, version: 3, body: 'imported', deleted: false },
      { id: b.id, version: 3, body: 'back', deleted: false },
    ]);
    expect(r.json.created).toMatchObject([{ title: 'T2', version: 1 }]);
    const changes = await pullAll(team.member.token, cursor);
    expect(changes.items.map((x) => [x.title, x.version, x.deleted])).toEqual([
      ['T0', 3, false],
      ['T1', 3, false],
      ['T2', 1, false],
    ]);
    // An If-Match from before the import is stale now.
    const stale = await t.call('PUT', `/v1/templates/${a.id}`, { token: team.manager.token, headers: { 'if-match': '2' }, body: entry(0) });
    expect(stale.status).toBe(409);
  });

  it('members import only private templates, and update only their own', async () => {
    const team = await t.team();
    const shared = (await t.call('POST', '/v1/templates', { token: team.manager.token, body: entry(0, { shortcut: ';same' }) })).json.template;
    const mine = (await t.call('POST', '/v1/templates', { token: team.member.token, body: entry(1, { private: true }) })).json.template;
    const maya = (await t.call('POST', '/v1/templates', { token: team.manager.token, body: entry(2, { private: true }) })).json.template;

    const bad = await importAs(team.member.token, [
      entry(10, { private: true }),
      entry(11),
      { ...entry(0), id: shared.id, private: true },
      { ...entry(2), id: maya.id, private: true },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.json.problems).toEqual([
      { index: 1, field: 'private', message: 'Only managers can share templates' },
      { index: 2, field: 'id', message: 'Only a team manager can change shared templates' },
      { index: 3, field: 'id', message: expect.stringContaining('cannot be used') },
    ]);
    // Nothing of Maya's private template shows in the answer.
    expect(bad.text).not.toContain('T2');

    const ok = await importAs(team.member.token, [
      { ...entry(1), id: mine.id, body: 'updated', private: true },
      entry(12, { private: true, shortcut: ';same' }),
    ]);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.updated).toMatchObject([{ id: mine.id, version: 2, body: 'updated', private: true, ownerId: team.member.id }]);
    expect(ok.json.created).toMatchObject([{ title: 'T12', private: true, ownerId: team.member.id, shortcut: ';same' }]);
    expect((await pullAll(team.manager.token)).items.map((x) => x.title).sort()).toEqual(['T0', 'T2']);
    expect((await pullAll(team.member.token)).items.map((x) => x.title).sort()).toEqual(['T0', 'T1', 'T12']);

    // Private shortcuts clash with the importer's own private ones only.
    const dup = await importAs(team.member.token, [entry(13, { private: true, shortcut: ';SAME' })]);
    expect(dup.json.problems).toEqual([{ index: 0, field: 'shortcut', message: expect.stringContaining('your private templates') }]);
    const other = await importAs(team.manager.token, [entry(13, { private: true, shortcut: ';same' })]);
    expect(other.status).toBe(200);
  });

  it('a manager publishes private templates through an import; a shared one cannot become private', async () => {
    const team = await t.team();
    const draft = (await t.call('POST', '/v1/templates', { token: team.manager.token, body: entry(0, { private: true }) })).json.template;
    const shared = (await t.call('POST', '/v1/templates', { token: team.manager.token, body: entry(1) })).json.template;
    const refused = await importAs(team.manager.token, [{ ...entry(1), id: shared.id, private: true }]);
    expect(refused.json.problems).toEqual([{ index: 0, field: 'private', message: expect.any(String) }]);
    const r = await importAs(team.manager.token, [{ ...entry(0), id: draft.id }]);
    expect(r.json.updated).toMatchObject([{ id: draft.id, private: false, ownerId: null, version: 2 }]);
    expect((await pullAll(team.member.token)).items.map((x) => x.id)).toContain(draft.id);
  });

  it('two imports racing for one shortcut: one wins, the other is refused whole, never a 500', async () => {
    const team = await t.team();
    const results = await Promise.all([
      importAs(team.manager.token, [entry(0, { shortcut: ';race' }), entry(1, { shortcut: ';one' })]),
      importAs(team.owner.token, [entry(2, { shortcut: ';two' }), entry(3, { shortcut: ';RACE' })]),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    // The loser either saw the winner's row (400 with problems) or hit the unique index (409).
    expect([400, 409]).toContain(statuses[1]);
    const loser = results.find((r) => r.status !== 200)!;
    expect(loser.json.error.field).toBe('templates');
    const titles = (await pullAll(team.member.token)).items.map((x) => x.title).sort();
    expect([['T0', 'T1'], ['T2', 'T3']]).toContainEqual(titles);
  });

  // Two connections are needed to hold a write open while the import runs.
  it.runIf(onPostgres)('a clashing write committed while the import waits on it: 409, nothing half-written', async () => {
    const team = await t.team();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const ready = new Promise<void>((resolve) => (inserted = resolve));
    const blocker = t.database.db.transaction(async (tx) => {
      await tx.insert(templates).values({ teamId: team.id, id: randomUUID(), title: 'Sneaky', body: 'x', shortcut: ';race' });
      inserted();
      await gate;
    });
    await ready;
    // The import's checks cannot see the uncommitted row; its insert waits on the unique index.
    const importing = importAs(team.manager.token, [entry(0, { shortcut: ';one' }), entry(1, { shortcut: ';race' })]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    release();
    await blocker;
    const r = await importing;
    expect(r.status, r.text).toBe(409);
    expect(r.json.error).toMatchObject({ code: 'conflict', field: 'templates' });
    expect((await pullAll(team.member.token)).items.map((x) => x.title)).toEqual(['Sneaky']);
  });

  it('takes a file of 500 long templates beyond the ordinary body limit', async () => {
    const team = await t.team();
    const body = 'س'.repeat(5000);
    const file = Array.from({ length: 500 }, (_, i) => ({ title: `Long ${i}`, body, variants: { x: 'ب'.repeat(1000) } }));
    expect(JSON.stringify({ templates: file }).length * 2).toBeGreaterThan(5 * 1024 * 1024);
    // The same bytes anywhere else are too large.
    const elsewhere = await t.call('POST', '/v1/templates', { token: team.manager.token, body: { title: 'x', body: 'x', padding: file } });
    expect(elsewhere.status).toBe(413);
    const r = await importAs(team.manager.token, file);
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.json.created).toHaveLength(500);
  }, 120_000);
});
