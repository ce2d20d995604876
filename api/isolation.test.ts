// Teams are isolated: team A's tokens see and change nothing of team B, on every route.
// Each test builds two teams, fills B with one of everything, and checks B afterwards
// through B's own eyes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../shared/schemas.ts';
import { rowsOf } from './db/index.ts';
import { type TestApp, testApp, uuidv7 } from './test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.dispose());

const NOW = Date.parse('2025-03-05T12:00:00Z');
const RANGE = 'from=2025-03-03&to=2025-03-05&tz=UTC';
beforeEach(() => {
  t.clock.now = new Date(NOW);
});

let serial = 0;
function reply(over: Record<string, unknown> = {}) {
  const at = NOW - 3600_000 + serial++ * 1000;
  return { id: uuidv7(at), itemKey: `x:${serial}`, platform: 'x', kind: 'reply', actedAt: new Date(at).toISOString(), ...over };
}

async function ok(res: Promise<{ status: number; json: any; text: string }>, status = 200) {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${r.text}`);
  return r.json;
}

/** Pulls until `ready`: summary and activity only read changes committed before every
 * transaction still running on the (shared, in the Postgres project) server. */
async function when(token: string, path: string, ready: (r: { json: any; text: string }) => boolean) {
  let r = await t.call('GET', path, { token });
  for (let attempt = 0; attempt < 200 && !ready(r); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    r = await t.call('GET', path, { token });
  }
  expect(r.status).toBe(200);
  if (!ready(r)) throw new Error(`GET ${path} never became ready: ${r.text.slice(0, 500)}`);
  return r;
}

type Team = Awaited<ReturnType<TestApp['team']>>;

async function twoTeams() {
  // B first, so that once A's own writes are readable, B's are too.
  const b = await t.team('Bravo Bikes', { syncReplyText: true });
  const bTemplate = (
    await ok(
      t.call('POST', '/v1/templates', {
        token: b.manager.token,
        body: { title: 'Bravo thanks', body: 'Thanks from Bravo, {{name}}!', shortcut: ';thanks', categories: ['praise'] },
      }),
      201,
    )
  ).template;
  const bPrivate = (
    await ok(
      t.call('POST', '/v1/templates', {
        token: b.member.token,
        body: { title: 'Bravo private', body: 'Only for me', shortcut: ';thanks', private: true },
      }),
      201,
    )
  ).template;
  await ok(t.call('PUT', '/v1/voice', { token: b.manager.token, headers: { 'if-match': '1' }, body: { signOff: '— Bravo crew' } }));
  const bReply = reply({ itemKey: 'x:bravo-post', text: 'Bravo secret reply', category: 'complaint' });
  expect((await ok(t.call('POST', '/v1/interactions', { token: b.member.token, body: { interactions: [bReply] } }))).accepted).toEqual([bReply.id]);
  await ok(
    t.call('POST', '/v1/items', {
      token: b.member.token,
      body: { items: [{ itemKey: 'x:bravo-question', platform: 'x', category: 'question', seenAt: '2025-03-03T10:00:00Z' }] },
    }),
  );
  await ok(t.call('POST', '/v1/claims', { token: b.member.token, body: { itemKey: 'x:bravo-claimed', ttlSeconds: 600 } }), 201);
  const bCue = (await ok(t.call('POST', '/v1/cues', { token: b.manager.token, body: { phrase: 'bravo refund', category: 'complaint', lang: 'en' } }), 201)).cue;

  const a = await t.team('Alpha Apparel');
  const aTemplate = (await ok(t.call('POST', '/v1/templates', { token: a.manager.token, body: { title: 'Alpha hello', body: 'Hello!' } }), 201)).template;
  await ok(t.call('PUT', '/v1/voice', { token: a.manager.token, headers: { 'if-match': '1' }, body: { signOff: '— Alpha team' } }));
  const aReply = reply({ itemKey: 'x:alpha-post' });
  await ok(t.call('POST', '/v1/interactions', { token: a.member.token, body: { interactions: [aReply] } }));
  await ok(t.call('POST', '/v1/claims', { token: a.member.token, body: { itemKey: 'x:alpha-claimed', ttlSeconds: 600 } }), 201);
  const aCue = (await ok(t.call('POST', '/v1/cues', { token: a.manager.token, body: { phrase: 'alpha sizing', category: 'question' } }), 201)).cue;

  // Everything that would betray B in one of A's answers.
  const secrets = [
    b.id,
    b.owner.id,
    b.manager.id,
    b.member.id,
    bTemplate.id,
    bPrivate.id,
    bReply.id,
    bCue.id,
    'Bravo',
    'bravo refund',
    'x:bravo-post',
    'x:bravo-question',
    'x:bravo-claimed',
  ];
  return { a, b, bTemplate, bPrivate, bReply, bCue, aTemplate, aReply, aCue, secrets };
}

/** Team B as its own members see it. */
async function snapshot(b: Team) {
  // Ready once B's reply and B's unanswered Monday question are both counted.
  const summary = await when(
    b.manager.token,
    `/v1/summary?${RANGE}`,
    (r) => r.json?.totals?.interactions === 1 && r.json.byDay?.[0]?.due === 1,
  );
  const activity = await when(b.member.token, '/v1/activity', (r) => r.json?.items?.length === 1);
  return {
    me: await Promise.all([b.owner, b.manager, b.member].map(async (m) => (await t.call('GET', '/v1/me', { token: m.token })).json)),
    team: (await t.call('GET', '/v1/team', { token: b.member.token })).json,
    members: (await t.call('GET', '/v1/members', { token: b.manager.token })).json,
    templates: (await t.call('GET', '/v1/templates', { token: b.member.token })).json,
    voice: (await t.call('GET', '/v1/voice', { token: b.member.token })).json,
    cues: (await t.call('GET', '/v1/cues', { token: b.member.token })).json,
    activity: activity.json,
    summary: summary.json,
    summaryCsv: (await t.call('GET', `/v1/export/summary.csv?${RANGE}`, { token: b.manager.token })).text,
    interactionsCsv: (await t.call('GET', `/v1/export/interactions.csv?${RANGE}`, { token: b.manager.token })).text,
  };
}

describe("A's reads contain nothing of B", () => {
  // [route, A's role, something of A's own the answer must contain (proof it is not just empty)]
  const reads: [string, 'owner' | 'manager' | 'member', (f: Awaited<ReturnType<typeof twoTeams>>) => string][] = [
    ['/v1/me', 'member', (f) => f.a.id],
    ['/v1/team', 'member', (f) => f.a.id],
    ['/v1/members', 'manager', (f) => f.a.member.id],
    ['/v1/templates', 'member', (f) => f.aTemplate.id],
    ['/v1/voice', 'member', () => '— Alpha team'],
    ['/v1/cues', 'member', (f) => f.aCue.id],
    ['/v1/activity', 'member', () => 'x:alpha-post'],
    ['/v1/activity', 'member', () => 'x:alpha-claimed'],
    [`/v1/summary?${RANGE}`, 'manager', (f) => f.a.member.id],
    [`/v1/summary?${RANGE}`, 'member', (f) => f.a.member.id],
    [`/v1/export/summary.csv?${RANGE}`, 'owner', (f) => f.a.member.id],
    [`/v1/export/interactions.csv?${RANGE}`, 'owner', (f) => f.aReply.id],
  ];
  it.each(reads)('GET %s as %s', async (path, role, own) => {
    const f = await twoTeams();
    const r = await when(f.a[role].token, path, (x) => x.text.includes(own(f)));
    expect(r.text).toContain(own(f));
    for (const secret of f.secrets) expect(r.text).not.toContain(secret);
  });

  it("A's summary counts only A's interactions and items", async () => {
    const f = await twoTeams();
    const s = (await when(f.a.manager.token, `/v1/summary?${RANGE}`, (r) => r.json?.totals?.interactions === 1)).json;
    expect(s.totals).toMatchObject({ interactions: 1, replies: 1, due: 0 });
    expect(s.byMember.map((m: { memberId: string }) => m.memberId)).toEqual([f.a.member.id]);
    expect(s.byCategory.map((c: { category: string }) => c.category)).toEqual(['other']);
    const csv = await t.call('GET', `/v1/export/interactions.csv?${RANGE}`, { token: f.a.manager.token });
    expect(csv.text.trim().split('\r\n')).toHaveLength(2);
  });
});

describe("A's writes never reach B", () => {
  type Fixture = Awaited<ReturnType<typeof twoTeams>>;
  // Requests naming B's ids with A's tokens: 404, as if they did not exist.
  const foreign: [string, (f: Fixture) => { method: string; path: string; token: string; body?: unknown; headers?: Record<string, string> }][] = [
    ['PATCH a B member', (f) => ({ method: 'PATCH', path: `/v1/members/${f.b.member.id}`, token: f.a.owner.token, body: { role: 'manager' } })],
    ['DELETE a B member', (f) => ({ method: 'DELETE', path: `/v1/members/${f.b.member.id}`, token: f.a.owner.token })],
    ['DELETE the B manager', (f) => ({ method: 'DELETE', path: `/v1/members/${f.b.manager.id}`, token: f.a.owner.token })],
    ["revoke B's owner", (f) => ({ method: 'POST', path: `/v1/members/${f.b.owner.id}/revoke`, token: f.a.owner.token })],
    ["revoke B's member", (f) => ({ method: 'POST', path: `/v1/members/${f.b.member.id}/revoke`, token: f.a.manager.token })],
    [
      "PUT B's template",
      (f) => ({
        method: 'PUT',
        path: `/v1/templates/${f.bTemplate.id}`,
        token: f.a.manager.token,
        headers: { 'if-match': String(f.bTemplate.version) },
        body: { title: 'Hijacked', body: 'Hijacked' },
      }),
    ],
    [
      "DELETE B's template",
      (f) => ({ method: 'DELETE', path: `/v1/templates/${f.bTemplate.id}`, token: f.a.manager.token, headers: { 'if-match': String(f.bTemplate.version) } }),
    ],
    [
      "PUT B's member's private template",
      (f) => ({
        method: 'PUT',
        path: `/v1/templates/${f.bPrivate.id}`,
        token: f.a.member.token,
        headers: { 'if-match': '1' },
        body: { title: 'Hijacked', body: 'Hijacked', private: true },
      }),
    ],
    [
      "DELETE B's member's private template",
      (f) => ({ method: 'DELETE', path: `/v1/templates/${f.bPrivate.id}`, token: f.a.member.token, headers: { 'if-match': '1' } }),
    ],
    ["DELETE B's cue", (f) => ({ method: 'DELETE', path: `/v1/cues/${f.bCue.id}`, token: f.a.manager.token })],
    ["DELETE B's cue as A's owner", (f) => ({ method: 'DELETE', path: `/v1/cues/${f.bCue.id}`, token: f.a.owner.token })],
    ["release B's claim", (f) => ({ method: 'DELETE', path: '/v1/claims?itemKey=x:bravo-claimed', token: f.a.member.token })],
  ];
  it.each(foreign)('%s → 404, B unchanged', async (_name, request) => {
    const f = await twoTeams();
    const before = await snapshot(f.b);
    const { method, path, ...opts } = request(f);
    const r = await t.call(method, path, opts);
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('not_found');
    for (const secret of f.secrets) expect(r.text).not.toContain(secret);
    expect(await snapshot(f.b)).toEqual(before);
  });

  // Writes A may make, that must stay in A.
  const own: [string, (f: Fixture) => Promise<void>][] = [
    [
      'PATCH /v1/team changes only A',
      async (f) => {
        const r = await ok(t.call('PATCH', '/v1/team', { token: f.a.manager.token, body: { name: 'Alpha Renamed', settings: { timeZone: 'Asia/Ho_Chi_Minh' } } }));
        expect(r.team).toMatchObject({ id: f.a.id, name: 'Alpha Renamed' });
      },
    ],
    [
      'PUT /v1/voice changes only A; versions are per team',
      async (f) => {
        // B's voice is at version 2 too; A's If-Match 2 matches A's own version only.
        const r = await ok(t.call('PUT', '/v1/voice', { token: f.a.manager.token, headers: { 'if-match': '2' }, body: { signOff: '— Alpha v3' } }));
        expect(r.voice).toMatchObject({ signOff: '— Alpha v3', version: 3 });
        const stale = await t.call('PUT', '/v1/voice', { token: f.a.manager.token, headers: { 'if-match': '2' }, body: {} });
        expect(stale.status).toBe(409);
        expect(stale.json.current.signOff).toBe('— Alpha v3');
      },
    ],
    [
      "POST /v1/templates reusing B's template id and shortcut creates A's own",
      async (f) => {
        const r = await ok(
          t.call('POST', '/v1/templates', { token: f.a.manager.token, body: { id: f.bTemplate.id, title: 'Alpha copy', body: 'Ours', shortcut: ';thanks' } }),
          201,
        );
        expect(r.template).toMatchObject({ id: f.bTemplate.id, title: 'Alpha copy', version: 1 });
        const list = await ok(t.call('GET', '/v1/templates', { token: f.a.member.token }));
        expect(list.items.find((x: { id: string }) => x.id === f.bTemplate.id).title).toBe('Alpha copy');
      },
    ],
    [
      "POST /v1/templates/import reusing B's ids and shortcut creates A's own, shared and private",
      async (f) => {
        const r = await ok(
          t.call('POST', '/v1/templates/import', {
            token: f.a.manager.token,
            body: {
              templates: [
                { id: f.bTemplate.id, title: 'Alpha shared', body: 'Ours', shortcut: ';thanks' },
                { id: f.bPrivate.id, title: 'Alpha private', body: 'Mine', shortcut: ';thanks', private: true },
              ],
            },
          }),
        );
        expect(r.updated).toEqual([]);
        expect(r.created).toMatchObject([
          { id: f.bTemplate.id, title: 'Alpha shared', version: 1, ownerId: null },
          { id: f.bPrivate.id, title: 'Alpha private', version: 1, ownerId: f.a.manager.id },
        ]);
        const member = await t.call('POST', '/v1/templates/import', {
          token: f.a.member.token,
          body: { templates: [{ id: f.bPrivate.id, title: 'Alpha member', body: 'x', private: true }] },
        });
        // Now taken by A's manager's private template; B's stays B's.
        expect(member.status).toBe(400);
        expect(member.text).not.toContain('Bravo');
      },
    ],
    [
      "POST /v1/cues with B's phrase and language creates A's own cue",
      async (f) => {
        const r = await ok(t.call('POST', '/v1/cues', { token: f.a.manager.token, body: { phrase: 'BRAVO REFUND', category: 'spam', lang: 'en' } }), 201);
        expect(r.cue.id).not.toBe(f.bCue.id);
        const mine = await ok(t.call('GET', '/v1/cues', { token: f.a.member.token }));
        expect(mine.items.map((c: { id: string }) => c.id).sort()).toEqual([f.aCue.id, r.cue.id].sort());
      },
    ],
    [
      "POST /v1/interactions with an id B already used is accepted for A; B's record is untouched",
      async (f) => {
        const mine = { ...f.bReply, itemKey: 'x:alpha-other', kind: 'like', text: 'Alpha text' };
        const r = await ok(t.call('POST', '/v1/interactions', { token: f.a.member.token, body: { interactions: [mine] } }));
        expect(r).toEqual({ accepted: [f.bReply.id], duplicate: [], rejected: [] });
        const csv = await t.call('GET', `/v1/export/interactions.csv?${RANGE}`, { token: f.a.manager.token });
        expect(csv.text).toContain(`${f.bReply.id},`);
        expect(csv.text).toContain('x:alpha-other,');
        expect(csv.text).not.toContain('Bravo');
      },
    ],
    [
      'POST /v1/items with a key B saw is new for A and does not move B\'s first sighting',
      async (f) => {
        const r = await ok(
          t.call('POST', '/v1/items', {
            token: f.a.member.token,
            body: { items: [{ itemKey: 'x:bravo-question', platform: 'x', category: 'complaint', seenAt: '2025-03-02T10:00:00Z' }] },
          }),
        );
        expect(r.accepted).toEqual(['x:bravo-question']);
      },
    ],
    [
      "POST /v1/claims on B's claimed item is A's own claim",
      async (f) => {
        const r = await ok(t.call('POST', '/v1/claims', { token: f.a.member.token, body: { itemKey: 'x:bravo-claimed', ttlSeconds: 60 } }), 201);
        expect(r.claim.memberId).toBe(f.a.member.id);
        const mine = await ok(t.call('GET', '/v1/activity', { token: f.a.manager.token }));
        expect(mine.claims.map((c: { memberId: string }) => c.memberId)).toEqual([f.a.member.id, f.a.member.id]);
      },
    ],
    [
      "rotating A's invite codes leaves B's codes working",
      async (f) => {
        await ok(t.call('POST', '/v1/invites/member/rotate', { token: f.a.manager.token }), 201);
        await ok(t.call('POST', '/v1/invites/manager/rotate', { token: f.a.owner.token }), 201);
        const joined = await ok(t.call('POST', '/v1/join', { body: { code: f.b.invites.member, name: 'Newcomer' } }), 201);
        expect(joined.team.id).toBe(f.b.id);
        // The snapshot below would see the newcomer; take them out again through B's own manager.
        await ok(t.call('DELETE', `/v1/members/${joined.member.id}`, { token: f.b.manager.token }));
      },
    ],
    [
      "revoking and removing A's members leaves B's tokens working",
      async (f) => {
        await ok(t.call('POST', `/v1/members/${f.a.member.id}/revoke`, { token: f.a.owner.token }));
        await ok(t.call('DELETE', `/v1/members/${f.a.manager.id}`, { token: f.a.owner.token }));
        await ok(t.call('DELETE', '/v1/tokens/current', { token: f.a.owner.token }));
      },
    ],
  ];
  it.each(own)('%s', async (_name, write) => {
    const f = await twoTeams();
    const before = await snapshot(f.b);
    await write(f);
    expect(await snapshot(f.b)).toEqual(before);
  });
});

/**
 * The matrix: every route of the app, called with a token of team A (or, for the public
 * routes, as A's people would) against team B's data. A route that names a record gets B's
 * id and must answer 404 (as for an id that does not exist) or 403; a route that names none
 * acts on A's own team. Either way the answer carries nothing of B, and B's rows in every
 * table are exactly as before. A route added to the app without a row here fails the
 * completeness test below.
 */
describe('every route × a token of another team', () => {
  type Fixture = Awaited<ReturnType<typeof twoTeams>>;
  interface Row {
    request: (f: Fixture) => Promise<{ method: string; path: string; token?: string; body?: unknown; headers?: Record<string, string> }>;
    /** 404 or 403 for a route naming B's record; 2xx for one acting on A's own team. */
    status: number;
  }
  const fresh = async (f: Fixture, code: string) =>
    (await ok(t.call('POST', '/v1/join', { body: { code, name: 'Temp' } }), 201)) as { token: string; member: { id: string } };
  const get = (path: string, role: 'owner' | 'manager' | 'member' = 'manager'): Row => ({
    request: async (f) => ({ method: 'GET', path, token: f.a[role].token }),
    status: 200,
  });
  const matrix: Record<string, Row> = {
    'GET /healthz': get('/healthz'),
    'POST /v1/teams': { request: async (f) => ({ method: 'POST', path: '/v1/teams', token: f.a.owner.token, body: { name: 'Mallory Co', ownerName: 'Mallory' } }), status: 201 },
    // The only way into a team is its invite code: A's token does not make B's code unnecessary.
    'POST /v1/join': { request: async (f) => ({ method: 'POST', path: '/v1/join', token: f.a.owner.token, body: { code: 'MEMBER-0000-0000-0000-0000', name: 'Mallory' } }), status: 404 },
    'GET /v1/me': get('/v1/me', 'member'),
    'GET /v1/team': get('/v1/team', 'member'),
    'PATCH /v1/team': { request: async (f) => ({ method: 'PATCH', path: '/v1/team', token: f.a.manager.token, body: { name: 'Alpha Renamed', settings: { syncReplyText: true } } }), status: 200 },
    'GET /v1/members': get('/v1/members'),
    'PATCH /v1/members/:id': { request: async (f) => ({ method: 'PATCH', path: `/v1/members/${f.b.member.id}`, token: f.a.owner.token, body: { role: 'manager' } }), status: 404 },
    'DELETE /v1/members/:id': { request: async (f) => ({ method: 'DELETE', path: `/v1/members/${f.b.member.id}`, token: f.a.owner.token }), status: 404 },
    'POST /v1/members/:id/revoke': { request: async (f) => ({ method: 'POST', path: `/v1/members/${f.b.owner.id}/revoke`, token: f.a.owner.token }), status: 404 },
    // Signs out A's own token (a member who just joined), never B's.
    'DELETE /v1/tokens/current': { request: async (f) => ({ method: 'DELETE', path: '/v1/tokens/current', token: (await fresh(f, f.a.invites.member)).token }), status: 200 },
    'POST /v1/invites/:role/rotate': { request: async (f) => ({ method: 'POST', path: '/v1/invites/manager/rotate', token: f.a.owner.token }), status: 201 },
    'POST /v1/interactions': {
      request: async (f) => ({ method: 'POST', path: '/v1/interactions', token: f.a.member.token, body: { interactions: [{ ...f.bReply, text: 'overwrite?' }] } }),
      status: 200,
    },
    'POST /v1/items': {
      request: async (f) => ({
        method: 'POST',
        path: '/v1/items',
        token: f.a.member.token,
        body: { items: [{ itemKey: 'x:bravo-question', platform: 'x', category: 'spam', seenAt: '2025-03-01T00:00:00Z' }] },
      }),
      status: 200,
    },
    'GET /v1/templates': get('/v1/templates', 'member'),
    'POST /v1/templates': {
      request: async (f) => ({ method: 'POST', path: '/v1/templates', token: f.a.manager.token, body: { id: f.bTemplate.id, title: 'Mine', body: 'Mine', shortcut: ';thanks' } }),
      status: 201,
    },
    'POST /v1/templates/import': {
      request: async (f) => ({
        method: 'POST',
        path: '/v1/templates/import',
        token: f.a.member.token,
        body: { templates: [{ id: f.bPrivate.id, title: 'Mine', body: 'Mine', private: true }] },
      }),
      status: 200,
    },
    'PUT /v1/templates/:id': {
      request: async () => ({
        method: 'PUT',
        path: `/v1/templates/${bUntouched.id}`,
        token: f.a.owner.token,
        headers: { 'if-match': '1' },
        body: { title: 'Hijacked', body: 'Hijacked' },
      }),
      status: 404,
    },
    'DELETE /v1/templates/:id': {
      request: async () => ({ method: 'DELETE', path: `/v1/templates/${bUntouched.id}`, token: f.a.owner.token, headers: { 'if-match': '1' } }),
      status: 404,
    },
    'GET /v1/voice': get('/v1/voice', 'member'),
    'PUT /v1/voice': { request: async (f) => ({ method: 'PUT', path: '/v1/voice', token: f.a.manager.token, headers: { 'if-match': '2' }, body: { signOff: '— Alpha crew' } }), status: 200 },
    'GET /v1/activity': get('/v1/activity', 'member'),
    'POST /v1/claims': { request: async (f) => ({ method: 'POST', path: '/v1/claims', token: f.a.member.token, body: { itemKey: 'x:bravo-claimed', ttlSeconds: 3600 } }), status: 201 },
    'DELETE /v1/claims': { request: async (f) => ({ method: 'DELETE', path: '/v1/claims?itemKey=x:bravo-claimed', token: f.a.owner.token }), status: 404 },
    'GET /v1/cues': get('/v1/cues', 'member'),
    'POST /v1/cues': { request: async (f) => ({ method: 'POST', path: '/v1/cues', token: f.a.manager.token, body: { phrase: 'bravo refund', category: 'praise', lang: 'en' } }), status: 201 },
    'DELETE /v1/cues/:id': { request: async (f) => ({ method: 'DELETE', path: `/v1/cues/${f.bCue.id}`, token: f.a.owner.token }), status: 404 },
    'GET /v1/summary': get(`/v1/summary?${RANGE}`, 'member'),
    'GET /v1/export/summary.csv': get(`/v1/export/summary.csv?${RANGE}`, 'owner'),
    'GET /v1/export/interactions.csv': get(`/v1/export/interactions.csv?${RANGE}`, 'owner'),
  };

  /** Every row of every table that belongs to B, as stored. */
  async function rowsOfTeam(teamId: string) {
    const tables = ['members', 'tokens', 'invites', 'interactions', 'items', 'templates', 'voices', 'claims', 'team_cues'];
    const out: Record<string, unknown[]> = {
      teams: rowsOf(await t.database.db.execute(sql`SELECT * FROM teams WHERE id = ${teamId}::uuid`)),
    };
    for (const table of tables) {
      out[table] = rowsOf(await t.database.db.execute(sql`SELECT * FROM ${sql.identifier(table)} WHERE team_id = ${teamId}::uuid ORDER BY 1, 2, 3`));
    }
    return out;
  }

  let f: Fixture;
  /** A template of B's whose id no other row gives A to reuse. */
  let bUntouched: { id: string };
  /** B's values that A's own requests carried so far (A may see its own records with them). */
  const carried = new Set<string>();
  beforeAll(async () => {
    f = await twoTeams();
    bUntouched = (await ok(t.call('POST', '/v1/templates', { token: f.b.manager.token, body: { title: 'Bravo only', body: 'Ours' } }), 201)).template;
  });

  it.each(Object.keys(matrix))('%s', async (route) => {
    const row = matrix[route]!;
    const before = await rowsOfTeam(f.b.id);
    const { method, path, ...opts } = await row.request(f);
    const sent = JSON.stringify([path, opts.body ?? null]);
    for (const secret of f.secrets) if (sent.includes(secret)) carried.add(secret);
    const r = await t.call(method, path, opts);
    expect(r.status, r.text).toBe(row.status);
    if (r.status >= 400) expect(ApiError.safeParse(r.json).success, r.text).toBe(true);
    for (const secret of [...f.secrets, bUntouched.id].filter((s) => !carried.has(s))) {
      expect(r.text, `B's ${secret} in the answer`).not.toContain(secret);
    }
    expect(await rowsOfTeam(f.b.id)).toEqual(before);
  });

  it('has a row for every route of the app', () => {
    const routes = new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    expect(Object.keys(matrix).sort()).toEqual([...routes].sort());
  });
});
