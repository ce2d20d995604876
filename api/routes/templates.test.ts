import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.dispose());

const thanks = {
  title: 'Thanks (Swahili)',
  body: 'Asante sana {{author.firstName | "rafiki"}}! — {{agent.name}}',
  categories: ['praise'],
  platforms: ['x', 'instagram'],
  lang: 'sw',
  shortcut: ';asante',
  variants: { x: 'Asante {{author.handle}}!' },
};

async function pullAll(token: string, since?: string, limit = 200) {
  const seen = [];
  let cursor = since;
  for (;;) {
    const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { since: cursor } : {}) });
    const r = await t.call('GET', `/v1/templates?${q}`, { token });
    expect(r.status).toBe(200);
    seen.push(...r.json.items);
    cursor = r.json.cursor;
    if (!r.json.hasMore) return { items: seen, cursor: cursor! };
  }
}

describe('templates', () => {
  it('a manager creates a template; every member pulls it with its variables, variants and shortcut', async () => {
    const team = await t.team();
    const created = await t.call('POST', '/v1/templates', { token: team.manager.token, body: thanks });
    expect(created.status).toBe(201);
    expect(created.json.template).toMatchObject({ ...thanks, version: 1, deleted: false });
    const pulled = await pullAll(team.member.token);
    expect(pulled.items).toEqual([created.json.template]);
  });

  it('pulls by cursor: only changes after it, in pages with hasMore, tombstones included', async () => {
    const team = await t.team();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.call('POST', '/v1/templates', { token: team.manager.token, body: { title: `T${i}`, body: `Body ${i}` } });
      ids.push(r.json.template.id);
    }
    const first = await t.call('GET', '/v1/templates?limit=2', { token: team.member.token });
    expect(first.json.items.map((x: { title: string }) => x.title)).toEqual(['T0', 'T1']);
    expect(first.json.hasMore).toBe(true);
    const all = await pullAll(team.member.token, undefined, 2);
    expect(all.items).toHaveLength(5);

    // Nothing new: the cursor stays put and nothing comes back.
    const again = await t.call('GET', `/v1/templates?since=${all.cursor}`, { token: team.member.token });
    expect(again.json).toEqual({ items: [], cursor: all.cursor, hasMore: false });

    // An edit and a delete move those records past the cursor; the delete is a tombstone.
    const edited = await t.call('PUT', `/v1/templates/${ids[1]}`, {
      token: team.manager.token,
      headers: { 'if-match': '1' },
      body: { title: 'T1 edited', body: 'New body' },
    });
    expect(edited.json.template.version).toBe(2);
    const deleted = await t.call('DELETE', `/v1/templates/${ids[3]}`, { token: team.manager.token, headers: { 'if-match': '"1"' } });
    expect(deleted.json.template).toMatchObject({ id: ids[3], deleted: true, version: 2 });
    const changes = await pullAll(team.member.token, all.cursor);
    expect(changes.items.map((x: { id: string; deleted: boolean }) => [x.id, x.deleted])).toEqual([
      [ids[1], false],
      [ids[3], true],
    ]);
  });

  it('a stale If-Match gets 409 with the current record; nothing is overwritten', async () => {
    const team = await t.team();
    const { json } = await t.call('POST', '/v1/templates', { token: team.manager.token, body: thanks });
    const id = json.template.id;
    const ana = await t.call('PUT', `/v1/templates/${id}`, {
      token: team.owner.token,
      headers: { 'if-match': '1' },
      body: { ...thanks, body: 'Asante! (Ana)' },
    });
    expect(ana.status).toBe(200);
    const maya = await t.call('PUT', `/v1/templates/${id}`, {
      token: team.manager.token,
      headers: { 'if-match': '1' },
      body: { ...thanks, body: 'Asante! (Maya)' },
    });
    expect(maya.status).toBe(409);
    expect(maya.json.error.code).toBe('version_conflict');
    expect(maya.json.current).toMatchObject({ id, version: 2, body: 'Asante! (Ana)' });
    const del = await t.call('DELETE', `/v1/templates/${id}`, { token: team.manager.token, headers: { 'if-match': '1' } });
    expect(del.status).toBe(409);
    const pulled = await pullAll(team.member.token);
    expect(pulled.items[0].body).toBe('Asante! (Ana)');
  });

  it('checks writes: managers only, If-Match required, 404 for unknown ids, shortcut unique per language', async () => {
    const team = await t.team();
    expect((await t.call('POST', '/v1/templates', { token: team.member.token, body: thanks })).status).toBe(403);
    const { json } = await t.call('POST', '/v1/templates', { token: team.manager.token, body: thanks });
    const noMatch = await t.call('PUT', `/v1/templates/${json.template.id}`, { token: team.manager.token, body: thanks });
    expect(noMatch.status).toBe(400);
    expect(noMatch.json.error.field).toBe('if-match');
    const unknown = await t.call('PUT', '/v1/templates/00000000-0000-4000-8000-000000000000', {
      token: team.manager.token,
      headers: { 'if-match': '1' },
      body: thanks,
    });
    expect(unknown.status).toBe(404);
    const clash = await t.call('POST', '/v1/templates', { token: team.manager.token, body: { ...thanks, title: 'Other' } });
    expect(clash.status).toBe(409);
    expect(clash.json.error.field).toBe('shortcut');
    // The same shortcut in another language is fine: the item's language picks one.
    const hebrew = await t.call('POST', '/v1/templates', {
      token: team.manager.token,
      body: { ...thanks, title: 'תודה', body: 'תודה רבה!', lang: 'he' },
    });
    expect(hebrew.status).toBe(201);
    const badShortcut = await t.call('POST', '/v1/templates', { token: team.manager.token, body: { ...thanks, shortcut: 'thanks' } });
    expect(badShortcut.status).toBe(400);
    expect(badShortcut.json.error.field).toBe('shortcut');
    const badCursor = await t.call('GET', '/v1/templates?since=not-ours', { token: team.member.token });
    expect(badCursor.status).toBe(400);
  });

  it('keeps a client-made id so a template created offline is not duplicated on retry', async () => {
    const team = await t.team();
    const id = '3f0e1a52-8c1e-4b8e-9a57-0d1f6d4f7a10';
    const first = await t.call('POST', '/v1/templates', { token: team.manager.token, body: { ...thanks, id } });
    expect(first.json.template.id).toBe(id);
    const retry = await t.call('POST', '/v1/templates', { token: team.manager.token, body: { ...thanks, id } });
    expect(retry.status).toBe(409);
    expect((await pullAll(team.member.token)).items).toHaveLength(1);
  });
});

describe('brand voice', () => {
  const rules = {
    bannedTerms: [{ term: 'cheap', preferred: 'affordable' }, { term: 'ارزان', preferred: 'مقرون به صرفه' }],
    signOff: '— Team Northwind',
    emojiPolicy: 'sparing',
    maxExclamations: 1,
    formality: 'neutral',
    lengthByPlatform: { x: 280, bluesky: 300 },
  };

  it('members read the voice; managers replace it with If-Match; a stale version gets 409 with the current voice', async () => {
    const team = await t.team();
    const initial = await t.call('GET', '/v1/voice', { token: team.member.token });
    expect(initial.json.voice).toMatchObject({ bannedTerms: [], version: 1 });
    const put = await t.call('PUT', '/v1/voice', { token: team.manager.token, headers: { 'if-match': '1' }, body: rules });
    expect(put.status).toBe(200);
    expect(put.json.voice).toMatchObject({ ...rules, version: 2 });
    const stale = await t.call('PUT', '/v1/voice', { token: team.owner.token, headers: { 'if-match': '1' }, body: { ...rules, signOff: null } });
    expect(stale.status).toBe(409);
    expect(stale.json.current).toMatchObject({ signOff: '— Team Northwind', version: 2 });
    expect((await t.call('PUT', '/v1/voice', { token: team.member.token, headers: { 'if-match': '2' }, body: rules })).status).toBe(403);
    const bad = await t.call('PUT', '/v1/voice', { token: team.manager.token, headers: { 'if-match': '2' }, body: { ...rules, maxExclamations: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('maxExclamations');
    expect((await t.call('GET', '/v1/voice', { token: team.member.token })).json.voice.version).toBe(2);
  });
});
