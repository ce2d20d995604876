// Private templates: each member's own, beside the team's shared ones, invisible to everyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.dispose());

type Team = Awaited<ReturnType<TestApp['team']>>;

async function pullAll(token: string, since?: string) {
  const seen: any[] = [];
  let cursor = since;
  for (;;) {
    const q = new URLSearchParams({ limit: '2', ...(cursor ? { since: cursor } : {}) });
    const r = await t.call('GET', `/v1/templates?${q}`, { token });
    expect(r.status).toBe(200);
    seen.push(...r.json.items);
    cursor = r.json.cursor;
    if (!r.json.hasMore) return { items: seen, cursor: cursor! };
  }
}
const titles = async (token: string) => (await pullAll(token)).items.map((x: { title: string }) => x.title).sort();

/** A second plain member in the team. */
async function secondMember(team: Team) {
  const r = await t.call('POST', '/v1/join', { body: { code: team.invites.member, name: 'Chidi' } });
  expect(r.status).toBe(201);
  return { token: r.json.token as string, id: r.json.member.id as string };
}

async function create(token: string, body: Record<string, unknown>, status = 201) {
  const r = await t.call('POST', '/v1/templates', { token, body });
  expect(r.status, r.text).toBe(status);
  return r.json;
}

describe('private templates', () => {
  it('are seen only by their owner; shared ones by everyone', async () => {
    const team = await t.team();
    const chidi = await secondMember(team);
    const shared = (await create(team.manager.token, { title: 'Shared', body: 'For all' })).template;
    expect(shared).toMatchObject({ private: false, ownerId: null });
    const ben = (await create(team.member.token, { title: 'Ben private', body: 'Mine', private: true })).template;
    expect(ben).toMatchObject({ private: true, ownerId: team.member.id, version: 1 });
    const maya = (await create(team.manager.token, { title: 'Maya private', body: 'Mine too', private: true })).template;
    expect(maya).toMatchObject({ private: true, ownerId: team.manager.id });

    expect(await titles(team.member.token)).toEqual(['Ben private', 'Shared']);
    expect(await titles(team.manager.token)).toEqual(['Maya private', 'Shared']);
    expect(await titles(team.owner.token)).toEqual(['Shared']);
    expect(await titles(chidi.token)).toEqual(['Shared']);
    // Not even the id leaks into another member's answer.
    const other = await t.call('GET', '/v1/templates', { token: chidi.token });
    expect(other.text).not.toContain(ben.id);
    expect(other.text).not.toContain(maya.id);
  });

  it('a member may write their own private templates, never shared ones', async () => {
    const team = await t.team();
    const shared = (await create(team.manager.token, { title: 'Shared', body: 'For all' })).template;
    const denied = await t.call('POST', '/v1/templates', { token: team.member.token, body: { title: 'Nope', body: 'x' } });
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('forbidden');
    const denied2 = await t.call('POST', '/v1/templates', { token: team.member.token, body: { title: 'Nope', body: 'x', private: false } });
    expect(denied2.status).toBe(403);

    const mine = (await create(team.member.token, { title: 'Mine', body: 'v1', private: true })).template;
    const edited = await t.call('PUT', `/v1/templates/${mine.id}`, {
      token: team.member.token,
      headers: { 'if-match': '1' },
      body: { title: 'Mine', body: 'v2', private: true },
    });
    expect(edited.status).toBe(200);
    expect(edited.json.template).toMatchObject({ body: 'v2', version: 2, private: true, ownerId: team.member.id });
    const stale = await t.call('PUT', `/v1/templates/${mine.id}`, {
      token: team.member.token,
      headers: { 'if-match': '1' },
      body: { title: 'Mine', body: 'v3', private: true },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.current).toMatchObject({ body: 'v2', version: 2 });

    // Shared templates stay the managers' job.
    const put = await t.call('PUT', `/v1/templates/${shared.id}`, {
      token: team.member.token,
      headers: { 'if-match': '1' },
      body: { title: 'Hijack', body: 'x' },
    });
    expect(put.status).toBe(403);
    const del = await t.call('DELETE', `/v1/templates/${shared.id}`, { token: team.member.token, headers: { 'if-match': '1' } });
    expect(del.status).toBe(403);

    const gone = await t.call('DELETE', `/v1/templates/${mine.id}`, { token: team.member.token, headers: { 'if-match': '2' } });
    expect(gone.status).toBe(200);
    expect(gone.json.template).toMatchObject({ deleted: true, version: 3, private: true });
    // The tombstone reaches the owner's pull, and nobody else's.
    expect((await pullAll(team.member.token)).items.find((x) => x.id === mine.id)).toMatchObject({ deleted: true });
    expect((await pullAll(team.manager.token)).items.find((x) => x.id === mine.id)).toBeUndefined();
  });

  it("another member's private template is 404 for every write, even for the owner of the team", async () => {
    const team = await t.team();
    const chidi = await secondMember(team);
    const ben = (await create(team.member.token, { title: 'Ben private', body: 'Mine', private: true })).template;
    for (const token of [chidi.token, team.manager.token, team.owner.token]) {
      const put = await t.call('PUT', `/v1/templates/${ben.id}`, {
        token,
        headers: { 'if-match': '1' },
        body: { title: 'Hijack', body: 'x', private: true },
      });
      expect(put.status).toBe(404);
      expect(put.json.error.code).toBe('not_found');
      expect(put.text).not.toContain('Ben private');
      const publish = await t.call('PUT', `/v1/templates/${ben.id}`, { token, headers: { 'if-match': '1' }, body: { title: 'Hijack', body: 'x' } });
      expect(publish.status).toBe(404);
      const del = await t.call('DELETE', `/v1/templates/${ben.id}`, { token, headers: { 'if-match': '1' } });
      expect(del.status).toBe(404);
      // A stale version says nothing either (no `current`).
      const stale = await t.call('DELETE', `/v1/templates/${ben.id}`, { token, headers: { 'if-match': '7' } });
      expect(stale.status).toBe(404);
      expect(stale.json.current).toBeUndefined();
    }
    expect((await pullAll(team.member.token)).items).toEqual([ben]);
  });

  it('a shared template cannot be made private; a manager publishes their private one, a member cannot', async () => {
    const team = await t.team();
    const shared = (await create(team.manager.token, { title: 'Shared', body: 'For all', shortcut: ';hi' })).template;
    const toPrivate = await t.call('PUT', `/v1/templates/${shared.id}`, {
      token: team.manager.token,
      headers: { 'if-match': '1' },
      body: { title: 'Shared', body: 'For all', private: true },
    });
    expect(toPrivate.status).toBe(400);
    expect(toPrivate.json.error.field).toBe('private');

    const draft = (await create(team.manager.token, { title: 'Draft', body: 'Almost', private: true, shortcut: ';draft' })).template;
    const { cursor } = await pullAll(team.member.token);
    const published = await t.call('PUT', `/v1/templates/${draft.id}`, {
      token: team.manager.token,
      headers: { 'if-match': '1' },
      body: { title: 'Draft', body: 'Ready', shortcut: ';draft' },
    });
    expect(published.status).toBe(200);
    expect(published.json.template).toMatchObject({ id: draft.id, private: false, ownerId: null, version: 2, body: 'Ready' });
    // Everyone pulls it now, as a change after their cursor.
    expect((await pullAll(team.member.token, cursor)).items.map((x) => x.id)).toEqual([draft.id]);

    const benDraft = (await create(team.member.token, { title: 'Ben draft', body: 'x', private: true })).template;
    const benPublish = await t.call('PUT', `/v1/templates/${benDraft.id}`, {
      token: team.member.token,
      headers: { 'if-match': '1' },
      body: { title: 'Ben draft', body: 'x', private: false },
    });
    expect(benPublish.status).toBe(403);
    expect((await pullAll(team.manager.token)).items.map((x) => x.id)).not.toContain(benDraft.id);
  });

  it("shortcuts: a member's private shortcut may equal a shared one (theirs wins for them), unique per owner", async () => {
    const team = await t.team();
    const chidi = await secondMember(team);
    await create(team.manager.token, { title: 'Shared thanks', body: 'Thanks!', shortcut: ';thanks' });
    await create(team.member.token, { title: 'Ben thanks', body: 'Cheers!', shortcut: ';Thanks', private: true });
    // Each member has their own namespace.
    await create(chidi.token, { title: 'Chidi thanks', body: 'Daalụ!', shortcut: ';thanks', private: true });
    await create(team.manager.token, { title: 'Maya thanks', body: 'Ta!', shortcut: ';THANKS', private: true });

    const again = await t.call('POST', '/v1/templates', {
      token: team.member.token,
      body: { title: 'Ben thanks 2', body: 'x', shortcut: ';thanks', private: true },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.field).toBe('shortcut');
    // Another language is another shortcut.
    await create(team.member.token, { title: 'Ben asante', body: 'Asante!', shortcut: ';thanks', lang: 'sw', private: true });
    // Shared ones are still unique among themselves.
    const sharedClash = await t.call('POST', '/v1/templates', { token: team.owner.token, body: { title: 'Dup', body: 'x', shortcut: ';thanks' } });
    expect(sharedClash.status).toBe(409);

    // Publishing a private template whose shortcut a shared one uses: 409, and it stays private.
    const maya = (await pullAll(team.manager.token)).items.find((x) => x.title === 'Maya thanks');
    const publish = await t.call('PUT', `/v1/templates/${maya.id}`, {
      token: team.manager.token,
      headers: { 'if-match': '1' },
      body: { title: 'Maya thanks', body: 'Ta!', shortcut: ';THANKS' },
    });
    expect(publish.status).toBe(409);
    expect(publish.json.error.field).toBe('shortcut');

    const ben = (await pullAll(team.member.token)).items.filter((x) => x.shortcut?.toLowerCase() === ';thanks' && !x.lang);
    expect(ben.map((x) => [x.title, x.private]).sort()).toEqual([
      ['Ben thanks', true],
      ['Shared thanks', false],
    ]);
  });

  it("a removed member's private templates go with them", async () => {
    const team = await t.team();
    const chidi = await secondMember(team);
    const mine = (await create(chidi.token, { title: 'Chidi private', body: 'x', private: true, shortcut: ';c' })).template;
    expect((await t.call('DELETE', `/v1/members/${chidi.id}`, { token: team.manager.token })).status).toBe(200);
    const left = await t.call('PUT', `/v1/templates/${mine.id}`, {
      token: team.manager.token,
      headers: { 'if-match': '1' },
      body: { title: 'x', body: 'x' },
    });
    expect(left.status).toBe(404);
    // The id is free again: nothing of theirs is kept.
    await create(team.manager.token, { id: mine.id, title: 'Reused id', body: 'x' });
  });
});
