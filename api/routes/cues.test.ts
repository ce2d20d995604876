// Team cues: managers' category corrections, pulled by every member with a cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.dispose());

async function pullAll(token: string, since?: string, limit = 2) {
  const seen: any[] = [];
  let cursor = since;
  let pages = 0;
  for (;;) {
    const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { since: cursor } : {}) });
    const r = await t.call('GET', `/v1/cues?${q}`, { token });
    expect(r.status, r.text).toBe(200);
    pages++;
    seen.push(...r.json.items);
    cursor = r.json.cursor;
    if (!r.json.hasMore) return { items: seen, cursor: cursor!, pages };
  }
}

async function post(token: string, body: unknown, status = 201) {
  const r = await t.call('POST', '/v1/cues', { token, body });
  expect(r.status, r.text).toBe(status);
  return r.json;
}

describe('POST /v1/cues', () => {
  it('managers and the owner add cues; a member gets 403 in the error shape', async () => {
    const team = await t.team();
    const byManager = await post(team.manager.token, { phrase: '  bado sijapata  ', category: 'complaint', lang: 'sw', itemKey: 'x:123' });
    expect(byManager.cue).toEqual({
      id: expect.any(String),
      phrase: 'bado sijapata',
      category: 'complaint',
      lang: 'sw',
      deleted: false,
      updatedAt: expect.stringMatching(/Z$/),
    });
    const byOwner = await post(team.owner.token, { phrase: 'giá bao nhiêu', category: 'purchase_intent' });
    expect(byOwner.cue).toMatchObject({ phrase: 'giá bao nhiêu', lang: null });

    const r = await t.call('POST', '/v1/cues', { token: team.member.token, body: { phrase: 'nope', category: 'spam' } });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ error: { code: 'forbidden', message: 'Only a team manager can do this' } });
    expect((await pullAll(team.member.token)).items.map((c: { phrase: string }) => c.phrase).sort()).toEqual(['bado sijapata', 'giá bao nhiêu']);
  });

  it.each([
    ['a missing phrase', { category: 'question' }, 'phrase'],
    ['an empty phrase', { phrase: '   ', category: 'question' }, 'phrase'],
    ['a phrase over 200 characters', { phrase: 'a'.repeat(201), category: 'question' }, 'phrase'],
    ['a control character', { phrase: 'refund\u0007 please', category: 'question' }, 'phrase'],
    ['a newline', { phrase: 'refund\nplease', category: 'question' }, 'phrase'],
    ['an unknown category', { phrase: 'refund', category: 'angry' }, 'category'],
    ['a bad language tag', { phrase: 'refund', category: 'complaint', lang: 'english please' }, 'lang'],
    ['a bad item key', { phrase: 'refund', category: 'complaint', itemKey: 'no key' }, 'itemKey'],
  ])('refuses %s with 400 naming the field', async (_what, body, field) => {
    const team = await t.team();
    const r = await t.call('POST', '/v1/cues', { token: team.manager.token, body });
    expect(r.status, r.text).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'bad_request', field, message: expect.stringContaining(`${field}:`) });
    expect((await pullAll(team.member.token)).items).toEqual([]);
  });

  it('accepts 200 characters, and refuses a body that is not JSON', async () => {
    const team = await t.team();
    await post(team.manager.token, { phrase: 'b'.repeat(200), category: 'spam' });
    const r = await t.call('POST', '/v1/cues', { token: team.manager.token, body: 'phrase=x', headers: { 'content-type': 'text/plain' } });
    expect(r.status).toBe(415);
    expect(r.json.error.code).toBe('bad_request');
  });

  it('upserts by phrase (any case) and language: the same cue gets the new category, 200', async () => {
    const team = await t.team();
    const first = (await post(team.manager.token, { phrase: 'Where is my order', category: 'question', lang: 'en' })).cue;
    const { cursor } = await pullAll(team.member.token);

    // The same correction again: nothing changes, and members have nothing new to pull.
    const again = (await post(team.manager.token, { phrase: 'Where is my order', category: 'question', lang: 'en' }, 200)).cue;
    expect(again).toEqual(first);
    expect((await pullAll(team.member.token, cursor)).items).toEqual([]);

    const changed = (await post(team.owner.token, { phrase: 'where IS my order', category: 'complaint', lang: 'en' }, 200)).cue;
    expect(changed).toMatchObject({ id: first.id, phrase: 'Where is my order', category: 'complaint', lang: 'en', deleted: false });
    const pulled = await pullAll(team.member.token, cursor);
    expect(pulled.items).toEqual([changed]);

    // Another language (or none) is another cue.
    const other = (await post(team.manager.token, { phrase: 'Where is my order', category: 'question' })).cue;
    expect(other.id).not.toBe(first.id);
    const all = (await pullAll(team.member.token)).items;
    expect(all).toHaveLength(2);
  });

  it('two managers correcting the same phrase at once end with one cue', async () => {
    const team = await t.team();
    const answers = await Promise.all(
      ['question', 'complaint', 'spam', 'praise'].map((category, n) =>
        t.call('POST', '/v1/cues', { token: n % 2 ? team.owner.token : team.manager.token, body: { phrase: 'same phrase', category } }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json.cue.id)).size).toBe(1);
    expect((await pullAll(team.member.token)).items).toHaveLength(1);
  });
});

describe('DELETE /v1/cues/:id', () => {
  it('leaves a tombstone that members pull; a new cue with the phrase is a new one', async () => {
    const team = await t.team();
    const cue = (await post(team.manager.token, { phrase: 'asante sana', category: 'praise', lang: 'sw' })).cue;
    const { cursor } = await pullAll(team.member.token);

    const member = await t.call('DELETE', `/v1/cues/${cue.id}`, { token: team.member.token });
    expect(member.status).toBe(403);
    expect(member.json.error.code).toBe('forbidden');

    const deleted = await t.call('DELETE', `/v1/cues/${cue.id}`, { token: team.manager.token });
    expect(deleted.status).toBe(200);
    expect(deleted.json.cue).toMatchObject({ id: cue.id, phrase: 'asante sana', deleted: true });
    const pulled = await pullAll(team.member.token, cursor);
    expect(pulled.items).toEqual([deleted.json.cue]);

    // Deleting again is harmless and changes nothing.
    const again = await t.call('DELETE', `/v1/cues/${cue.id}`, { token: team.owner.token });
    expect(again.status).toBe(200);
    expect(again.json.cue).toEqual(deleted.json.cue);
    expect((await pullAll(team.member.token, pulled.cursor)).items).toEqual([]);

    const revived = (await post(team.manager.token, { phrase: 'Asante sana', category: 'praise', lang: 'sw' })).cue;
    expect(revived.id).not.toBe(cue.id);
    const all = (await pullAll(team.member.token)).items;
    expect(all.map((c: { id: string; deleted: boolean }) => [c.id, c.deleted])).toEqual([
      [cue.id, true],
      [revived.id, false],
    ]);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const team = await t.team();
    const unknown = await t.call('DELETE', '/v1/cues/7d1f1c3e-0000-4000-8000-000000000000', { token: team.manager.token });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: { code: 'not_found', message: 'No such cue in this team' } });
    const bad = await t.call('DELETE', '/v1/cues/not-a-uuid', { token: team.manager.token });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'bad_request', field: 'id' });
  });
});

describe('GET /v1/cues', () => {
  it('pages by cursor: every change once, in order, then nothing', async () => {
    const team = await t.team();
    const phrases = ['uno', 'dos', 'tres', 'cuatro', 'cinco'];
    for (const phrase of phrases) await post(team.manager.token, { phrase, category: 'other', lang: 'es' });
    const all = await pullAll(team.member.token);
    expect(all.items.map((c: { phrase: string }) => c.phrase)).toEqual(phrases);
    expect(all.pages).toBe(3);

    // A change moves the cue ahead of the cursor: only it is pulled, in its new state.
    await post(team.manager.token, { phrase: 'dos', category: 'question', lang: 'es' }, 200);
    const next = await pullAll(team.member.token, all.cursor);
    expect(next.items).toMatchObject([{ phrase: 'dos', category: 'question' }]);
    expect((await pullAll(team.member.token, next.cursor)).items).toEqual([]);
  });

  it('needs a token, and refuses a cursor it did not issue and a bad limit', async () => {
    const team = await t.team();
    expect((await t.call('GET', '/v1/cues')).status).toBe(401);
    const since = await t.call('GET', '/v1/cues?since=bm9wZQ', { token: team.member.token });
    expect(since.status).toBe(400);
    expect(since.json.error).toMatchObject({ code: 'bad_request', field: 'since' });
    const limit = await t.call('GET', '/v1/cues?limit=0', { token: team.member.token });
    expect(limit.status).toBe(400);
    expect(limit.json.error).toMatchObject({ code: 'bad_request', field: 'limit' });
  });

  it("is per team: another team's cues are neither pulled nor deletable (404)", async () => {
    const a = await t.team('Alpha');
    const b = await t.team('Bravo');
    const bCue = (await post(b.manager.token, { phrase: 'bravo secret', category: 'spam' })).cue;
    // The same phrase in A is A's own cue.
    const aCue = (await post(a.manager.token, { phrase: 'bravo secret', category: 'praise' })).cue;
    expect(aCue.id).not.toBe(bCue.id);

    const pulled = await pullAll(a.member.token);
    expect(pulled.items).toEqual([aCue]);
    const r = await t.call('DELETE', `/v1/cues/${bCue.id}`, { token: a.owner.token });
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('bravo');
    expect((await pullAll(b.member.token)).items).toEqual([bCue]);
  });
});
