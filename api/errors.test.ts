// Failures a client can meet, all in one shape: {error: {code, message, field?}}.
// Bad input of any kind is a 4xx, never a 5xx, and leaves nothing written.
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
const RANGE = 'from=2025-03-01&to=2025-03-05&tz=UTC';
beforeEach(() => {
  t.clock.now = new Date(NOW);
});

type Res = Awaited<ReturnType<TestApp['call']>>;
function expectError(r: Res, status: number, code?: string) {
  expect(r.status, r.text).toBe(status);
  expect(ApiError.safeParse(r.json).success, `error shape: ${r.text}`).toBe(true);
  if (code) expect(r.json.error.code).toBe(code);
}
function expectClientError(r: Res, what: string) {
  expect(r.status, `${what} → ${r.status} ${r.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(r.status, `${what} → ${r.status} ${r.text.slice(0, 300)}`).toBeLessThan(500);
  expect(ApiError.safeParse(r.json).success, `${what}: error shape: ${r.text.slice(0, 300)}`).toBe(true);
}

const reply = () => ({ id: uuidv7(NOW - 3600_000), itemKey: 'x:1', platform: 'x', kind: 'reply', actedAt: new Date(NOW - 3600_000).toISOString() });

/** A team with one of everything, so that routes naming ids have something to act on. */
async function seeded() {
  const team = await t.team();
  const template = (await t.call('POST', '/v1/templates', { token: team.manager.token, body: { title: 'Thanks', body: 'Thanks, {{name}}!' } })).json.template;
  expect(template.version).toBe(1);
  expect((await t.call('POST', '/v1/claims', { token: team.member.token, body: { itemKey: 'x:claimed', ttlSeconds: 600 } })).status).toBe(201);
  const cue = (await t.call('POST', '/v1/cues', { token: team.manager.token, body: { phrase: 'where is my order', category: 'complaint' } })).json.cue;
  return { ...team, template, cue };
}
type Seeded = Awaited<ReturnType<typeof seeded>>;

/** The team as its owner sees it, and how many rows each table holds (catches writes anywhere). */
async function state(f: Seeded) {
  const get = async (path: string) => (await t.call('GET', path, { token: f.owner.token })).text;
  const counts = rowsOf(
    await t.database.db.execute(sql`SELECT
      (SELECT count(*) FROM teams)::int AS teams, (SELECT count(*) FROM members)::int AS members,
      (SELECT count(*) FROM tokens WHERE revoked_at IS NULL)::int AS live_tokens, (SELECT count(*) FROM interactions)::int AS interactions,
      (SELECT count(*) FROM items)::int AS items, (SELECT count(*) FROM templates)::int AS templates,
      (SELECT count(*) FROM claims)::int AS claims, (SELECT max(version) FROM voices)::int AS voice_versions,
      (SELECT count(*) FROM team_cues WHERE NOT deleted)::int AS live_cues, (SELECT count(*) FROM invites)::int AS invites`),
  );
  return {
    counts,
    team: await get('/v1/team'),
    members: await get('/v1/members'),
    templates: await get('/v1/templates'),
    voice: await get('/v1/voice'),
    claims: JSON.parse(await get('/v1/activity')).claims,
    interactions: await get(`/v1/export/interactions.csv?${RANGE}`),
  };
}

interface Req {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The least role the route needs. */
  role: 'member' | 'manager' | 'owner';
}
/** Every authenticated route, each with a request that would succeed with the right token. */
const routes: Record<string, (f: Seeded) => Req> = {
  'GET /v1/me': () => ({ method: 'GET', path: '/v1/me', role: 'member' }),
  'GET /v1/team': () => ({ method: 'GET', path: '/v1/team', role: 'member' }),
  'PATCH /v1/team': () => ({ method: 'PATCH', path: '/v1/team', body: { name: 'Renamed' }, role: 'manager' }),
  'GET /v1/members': () => ({ method: 'GET', path: '/v1/members', role: 'manager' }),
  'PATCH /v1/members/:id': (f) => ({ method: 'PATCH', path: `/v1/members/${f.member.id}`, body: { role: 'manager' }, role: 'owner' }),
  'DELETE /v1/members/:id': (f) => ({ method: 'DELETE', path: `/v1/members/${f.member.id}`, role: 'manager' }),
  'POST /v1/members/:id/revoke': (f) => ({ method: 'POST', path: `/v1/members/${f.member.id}/revoke`, role: 'manager' }),
  'DELETE /v1/tokens/current': () => ({ method: 'DELETE', path: '/v1/tokens/current', role: 'member' }),
  'POST /v1/invites/member/rotate': () => ({ method: 'POST', path: '/v1/invites/member/rotate', role: 'manager' }),
  'POST /v1/invites/manager/rotate': () => ({ method: 'POST', path: '/v1/invites/manager/rotate', role: 'owner' }),
  'POST /v1/interactions': () => ({ method: 'POST', path: '/v1/interactions', body: { interactions: [reply()] }, role: 'member' }),
  'POST /v1/items': () => ({
    method: 'POST',
    path: '/v1/items',
    body: { items: [{ itemKey: 'x:9', platform: 'x', seenAt: new Date(NOW).toISOString() }] },
    role: 'member',
  }),
  'GET /v1/templates': () => ({ method: 'GET', path: '/v1/templates', role: 'member' }),
  'POST /v1/templates': () => ({ method: 'POST', path: '/v1/templates', body: { title: 'Sorry', body: 'We are sorry.' }, role: 'manager' }),
  'PUT /v1/templates/:id': (f) => ({
    method: 'PUT',
    path: `/v1/templates/${f.template.id}`,
    headers: { 'if-match': '1' },
    body: { title: 'Thanks!', body: 'Thank you!' },
    role: 'manager',
  }),
  'DELETE /v1/templates/:id': (f) => ({ method: 'DELETE', path: `/v1/templates/${f.template.id}`, headers: { 'if-match': '1' }, role: 'manager' }),
  // Open to members for private entries; shared entries from a member are reported as problems (400).
  'POST /v1/templates/import': () => ({
    method: 'POST',
    path: '/v1/templates/import',
    body: { templates: [{ title: 'Mine', body: 'My own words', private: true }] },
    role: 'member',
  }),
  'GET /v1/voice': () => ({ method: 'GET', path: '/v1/voice', role: 'member' }),
  'PUT /v1/voice': () => ({ method: 'PUT', path: '/v1/voice', headers: { 'if-match': '1' }, body: { signOff: '— The team', maxExclamations: 0 }, role: 'manager' }),
  'GET /v1/activity': () => ({ method: 'GET', path: '/v1/activity', role: 'member' }),
  'POST /v1/claims': () => ({ method: 'POST', path: '/v1/claims', body: { itemKey: 'x:2', ttlSeconds: 60 }, role: 'member' }),
  'DELETE /v1/claims': () => ({ method: 'DELETE', path: '/v1/claims?itemKey=x:claimed', role: 'member' }),
  'GET /v1/cues': () => ({ method: 'GET', path: '/v1/cues', role: 'member' }),
  'POST /v1/cues': () => ({ method: 'POST', path: '/v1/cues', body: { phrase: 'refund please', category: 'complaint' }, role: 'manager' }),
  'DELETE /v1/cues/:id': (f) => ({ method: 'DELETE', path: `/v1/cues/${f.cue.id}`, role: 'manager' }),
  'GET /v1/summary': () => ({ method: 'GET', path: `/v1/summary?${RANGE}`, role: 'member' }),
  'GET /v1/export/summary.csv': () => ({ method: 'GET', path: `/v1/export/summary.csv?${RANGE}`, role: 'manager' }),
  'GET /v1/export/interactions.csv': () => ({ method: 'GET', path: `/v1/export/interactions.csv?${RANGE}`, role: 'manager' }),
};
/** Enough of a fixture to read a route's method, role and body shape. */
const SHAPE = { owner: { id: 'o' }, manager: { id: 'm' }, member: { id: 'x' }, template: { id: 't' }, cue: { id: 'c' }, invites: {} } as unknown as Seeded;
/** Routes anyone may call without a token. */
const PUBLIC_ROUTES = ['GET /healthz', 'POST /v1/teams', 'POST /v1/join'];

it('the tables below list every authenticated route of the app', () => {
  const listed = t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace('/v1/invites/:role/rotate', '/v1/invites/ROLE/rotate')}`);
  const expected = new Set(listed.filter((r) => !PUBLIC_ROUTES.includes(r)));
  const covered = new Set(Object.keys(routes).map((r) => r.replace(/\/v1\/invites\/(member|manager)\/rotate/, '/v1/invites/ROLE/rotate')));
  expect([...covered].sort()).toEqual([...expected].sort());
});
const send = (r: Req, auth: { token?: string; authorization?: string }, over: Partial<Req> = {}) =>
  t.call(over.method ?? r.method, over.path ?? r.path, {
    token: auth.token,
    headers: { ...r.headers, ...over.headers, ...(auth.authorization ? { authorization: auth.authorization } : {}) },
    body: 'body' in over ? over.body : r.body,
  });

describe('401 without a valid token, on every authenticated route', () => {
  it.each(Object.keys(routes))('%s', async (name) => {
    const f = await seeded();
    // A revoked token and the token of a removed member.
    const revoked = (await t.team('Revoked')).manager.token;
    expect((await t.call('DELETE', '/v1/tokens/current', { token: revoked })).status).toBe(200);
    const gone = await t.team('Gone');
    expect((await t.call('DELETE', `/v1/members/${gone.member.id}`, { token: gone.owner.token })).status).toBe(200);
    const credentials: [string, { token?: string; authorization?: string }][] = [
      ['none', {}],
      ['empty bearer', { authorization: 'Bearer ' }],
      ['another scheme', { authorization: `Basic ${Buffer.from('ana:secret').toString('base64')}` }],
      ['a token too short', { authorization: 'Bearer abc' }],
      ['a token with bad characters', { authorization: `Bearer chorus_${'é'.repeat(30)}` }],
      ['two tokens', { authorization: `Bearer ${f.owner.token} ${f.owner.token}` }],
      ['an unknown token', { token: `chorus_${Buffer.alloc(32, 7).toString('base64url')}` }],
      ['a revoked token', { token: revoked }],
      ["a removed member's token", { token: gone.member.token }],
    ];
    const before = await state(f);
    const req = routes[name]!(f);
    for (const [what, auth] of credentials) {
      const r = await send(req, auth);
      expect(r.status, `${what}: ${r.text}`).toBe(401);
      expectError(r, 401, 'unauthorized');
    }
    expect(await state(f)).toEqual(before);
  });
});

describe('403 when the role is not enough', () => {
  const rank = { member: 0, manager: 1, owner: 2 } as const;
  const guarded = Object.entries(routes).filter(([, make]) => make(SHAPE).role !== 'member');
  it.each(guarded.map(([name]) => name))('%s', async (name) => {
    const f = await seeded();
    const req = routes[name]!(f);
    const before = await state(f);
    for (const role of ['member', 'manager'] as const) {
      if (rank[role] >= rank[req.role]) continue;
      const r = await send(req, { token: f[role].token });
      expectError(r, 403, 'forbidden');
    }
    expect(await state(f)).toEqual(before);
  });

  it('a member reads their own summary but not the exports', async () => {
    const f = await seeded();
    expect((await t.call('GET', `/v1/summary?${RANGE}`, { token: f.member.token })).status).toBe(200);
    expectError(await t.call('GET', `/v1/export/interactions.csv?${RANGE}`, { token: f.member.token }), 403, 'forbidden');
    expectError(await t.call('GET', `/v1/export/summary.csv?${RANGE}`, { token: f.member.token }), 403, 'forbidden');
  });

  it('a manager cannot remove the owner or another manager, nor change roles', async () => {
    const f = await seeded();
    const before = await state(f);
    expectError(await t.call('DELETE', `/v1/members/${f.owner.id}`, { token: f.manager.token }), 403, 'forbidden');
    expectError(await t.call('POST', `/v1/members/${f.owner.id}/revoke`, { token: f.manager.token }), 403, 'forbidden');
    expectError(await t.call('PATCH', `/v1/members/${f.member.id}`, { token: f.manager.token, body: { role: 'manager' } }), 403, 'forbidden');
    expect(await state(f)).toEqual(before);
  });
});

describe('404 for unknown routes and ids', () => {
  it('unknown routes answer 404 in the error shape (with a token; /v1 without one is 401)', async () => {
    const f = await seeded();
    for (const [method, path] of [
      ['GET', '/v1/nope'],
      ['POST', '/v1/interaction'],
      ['GET', `/v1/templates/${f.template.id}`],
      ['DELETE', '/v1/me'],
      ['GET', '/v2/me'],
      ['GET', '/'],
    ] as const) {
      const r = await t.call(method, path, { token: f.member.token });
      expectError(r, 404, 'not_found');
    }
    expectError(await t.call('GET', '/v1/nope'), 401, 'unauthorized');
    expectError(await t.call('GET', '/nope'), 404, 'not_found');
  });

  it('unknown ids answer 404; ids that are not ids answer 400 naming the field', async () => {
    const f = await seeded();
    const before = await state(f);
    const nobody = '0b9f6c3e-6f8e-4c4e-9d0a-3f1f7b2b9a11';
    const cases: [string, string, string, unknown?, Record<string, string>?][] = [
      [f.owner.token, 'PATCH', `/v1/members/${nobody}`, { role: 'manager' }],
      [f.owner.token, 'DELETE', `/v1/members/${nobody}`],
      [f.owner.token, 'POST', `/v1/members/${nobody}/revoke`],
      [f.manager.token, 'PUT', `/v1/templates/${nobody}`, { title: 'x', body: 'y' }, { 'if-match': '1' }],
      [f.manager.token, 'DELETE', `/v1/templates/${nobody}`, undefined, { 'if-match': '1' }],
      [f.member.token, 'DELETE', '/v1/claims?itemKey=x:never-claimed'],
    ];
    for (const [token, method, path, body, headers] of cases) expectError(await t.call(method, path, { token, body, headers }), 404, 'not_found');
    expectError(await t.call('POST', '/v1/join', { body: { code: 'MEMBER-0000-0000-0000-0000', name: 'Eve' } }), 404, 'not_found');

    const notIds: [string, string, string, string, unknown?, Record<string, string>?][] = [
      [f.owner.token, 'DELETE', '/v1/members/42', 'id'],
      [f.manager.token, 'PUT', '/v1/templates/not-a-uuid', 'id', { title: 'x', body: 'y' }, { 'if-match': '1' }],
      [f.manager.token, 'POST', '/v1/invites/owner/rotate', 'role'],
    ];
    for (const [token, method, path, field, body, headers] of notIds) {
      const r = await t.call(method, path, { token, body, headers });
      expectError(r, 400, 'bad_request');
      expect(r.json.error.field).toMatch(new RegExp(`${field}$`));
    }
    expect(await state(f)).toEqual(before);
  });
});

describe('409', () => {
  it('a stale If-Match gets 409 with the current record; a reused template id gets 409 naming id', async () => {
    const f = await seeded();
    const first = await t.call('PUT', `/v1/templates/${f.template.id}`, { token: f.manager.token, headers: { 'if-match': '1' }, body: { title: 'v2', body: 'Second' } });
    expect(first.status).toBe(200);
    const stale = await t.call('PUT', `/v1/templates/${f.template.id}`, { token: f.owner.token, headers: { 'if-match': '1' }, body: { title: 'mine', body: 'Mine' } });
    expectError(stale, 409, 'version_conflict');
    expect(stale.json.current).toMatchObject({ id: f.template.id, title: 'v2', version: 2 });
    const reused = await t.call('POST', '/v1/templates', { token: f.manager.token, body: { id: f.template.id, title: 'again', body: 'Again' } });
    expectError(reused, 409, 'conflict');
    expect(reused.json.error.field).toBe('id');
  });
});

describe('413 and 429', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await testApp({ bodyLimitBytes: 2000, rateLimitPerMinute: 5 });
  });
  afterAll(() => small.dispose());

  it('a body over the configured limit gets 413 and nothing is stored', async () => {
    const f = await small.team();
    const big = Array.from({ length: 20 }, () => ({ ...reply(), itemAuthor: 'a'.repeat(100) }));
    const r = await small.call('POST', '/v1/interactions', { token: f.member.token, body: { interactions: big } });
    expectError(r, 413, 'payload_too_large');
    const fits = await small.call('POST', '/v1/interactions', { token: f.manager.token, body: { interactions: [reply()] } });
    expect(fits.status).toBe(200);
    const csv = await small.call('GET', `/v1/export/interactions.csv?${RANGE}`, { token: f.owner.token });
    expect(csv.text.trim().split('\r\n')).toHaveLength(2);
  });

  it('429 with Retry-After once a token exceeds its rate; other tokens are unaffected', async () => {
    const f = await small.team();
    let ok = 0;
    let limited: Res | undefined;
    for (let i = 0; i < 50 && !limited; i++) {
      const r = await small.call('GET', '/v1/me', { token: f.member.token });
      if (r.status === 429) limited = r;
      else {
        expect(r.status).toBe(200);
        ok++;
      }
    }
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(limited).toBeDefined();
    expectError(limited!, 429, 'rate_limited');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(Number(limited!.headers.get('retry-after')))).toBe(true);

    // A push while limited is refused whole; nothing is stored.
    const push = await small.call('POST', '/v1/interactions', { token: f.member.token, body: { interactions: [reply()] } });
    expectError(push, 429, 'rate_limited');
    expect((await small.call('GET', '/v1/me', { token: f.manager.token })).status).toBe(200);
    const csv = await small.call('GET', `/v1/export/interactions.csv?${RANGE}`, { token: f.owner.token });
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\r\n')).toHaveLength(1);
  });
});

describe('bad input is a 4xx, never a 5xx, and nothing is written', () => {
  const withBody = Object.entries(routes).filter(([, make]) => make(SHAPE).body !== undefined);
  const publicRoutes: Record<string, (f: Seeded) => Req> = {
    'POST /v1/teams': () => ({ method: 'POST', path: '/v1/teams', body: { name: 'New Team', ownerName: 'Zoe' }, role: 'member' }),
    'POST /v1/join': (f) => ({ method: 'POST', path: '/v1/join', body: { code: f.invites.member, name: 'Zoe' }, role: 'member' }),
  };
  const bodyRoutes: [string, (f: Seeded) => Req][] = [...Object.entries(publicRoutes), ...withBody];
  const HUGE = '1e999';
  const BIG = '123456789012345678901234567890';

  it.each(bodyRoutes.map(([name]) => name))('%s: malformed JSON, wrong content type, non-objects, huge numbers', async (name) => {
    const f = await seeded();
    const make = Object.fromEntries(bodyRoutes)[name]!;
    const req = make(f);
    const valid = JSON.stringify(req.body);
    const allTo = (raw: string) => `{${Object.keys(req.body as object).map((k) => `${JSON.stringify(k)}:${raw}`).join(',')}}`;
    const before = await state(f);
    const bodies: [string, string, string?][] = [
      ['truncated JSON', valid.slice(0, -3)],
      ['single quotes', valid.replace(/"/g, "'")],
      ['trailing comma', `${valid.slice(0, -1)},}`],
      ['an empty body', ''],
      ['the valid body as text/plain', valid, 'text/plain'],
      ['the valid body as a form', 'name=x&role=manager', 'application/x-www-form-urlencoded'],
      ['the valid body with no content type', valid, ''],
      ['an array of the valid body', `[${valid}]`],
      ['an empty array', '[]'],
      ['null', 'null'],
      ['a number', '42'],
      ['a string', '"hello"'],
      ['every field a huge number', allTo(HUGE)],
      ['every field a negative huge number', allTo(`-${HUGE}`)],
      ['every field a big integer', allTo(BIG)],
      ['every field an object', allTo('{}')],
      ['every field null', allTo('null')],
      ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ];
    for (const [what, body, type] of bodies) {
      const r = await t.call(req.method, req.path, {
        token: f.owner.token,
        headers: { ...req.headers, 'content-type': type ?? 'application/json' },
        body,
      });
      expectClientError(r, `${name} with ${what}`);
    }
    expect(await state(f)).toEqual(before);
  });

  it('a clock header far outside the date range is ignored, not a 500 (found by api/fuzz.test.ts)', async () => {
    const f = await seeded();
    for (const sentAt of ['99999999999999999999', '8640000000000000', '-271821-04-20T00:00:00Z']) {
      const record = reply();
      const r = await t.call('POST', '/v1/interactions', { token: f.member.token, headers: { 'x-chorus-sent-at': sentAt }, body: { interactions: [record] } });
      expect(r.status, `${sentAt}: ${r.text}`).toBe(200);
      expect(r.json.accepted, sentAt).toEqual([record.id]);
      const items = await t.call('POST', '/v1/items', {
        token: f.member.token,
        headers: { 'x-chorus-sent-at': sentAt },
        body: { items: [{ itemKey: `x:${record.id}`, platform: 'x', seenAt: record.actedAt }] },
      });
      expect(items.status, `${sentAt}: ${items.text}`).toBe(200);
    }
  });

  it('no content type at all with a JSON body is refused too', async () => {
    const f = await seeded();
    const before = await state(f);
    // fetch() sends text/plain for a string body; a raw client may send none.
    const res = await t.app.request('/v1/voice', {
      method: 'PUT',
      headers: { authorization: `Bearer ${f.manager.token}`, 'if-match': '1' },
      body: new TextEncoder().encode(JSON.stringify({ signOff: 'x' })),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await state(f)).toEqual(before);
  });

  // Unicode junk where a structured value belongs, and NUL characters in free text.
  const junk: [string, (f: Seeded) => Req][] = [
    ['team name with a NUL', () => ({ method: 'POST', path: '/v1/teams', body: { name: 'Nul\u0000Co', ownerName: 'Zoe' }, role: 'member' })],
    ['team time zone with bidi override', () => ({ method: 'POST', path: '/v1/teams', body: { name: 'Co', ownerName: 'Zoe', settings: { timeZone: '\u202eCTU' } }, role: 'member' })],
    ['joining with a NUL in the name', (f) => ({ method: 'POST', path: '/v1/join', body: { code: f.invites.member, name: 'Z\u0000e' }, role: 'member' })],
    ['joining with an emoji code', () => ({ method: 'POST', path: '/v1/join', body: { code: '💩'.repeat(8), name: 'Zoe' }, role: 'member' })],
    ['team rename with a bell', () => ({ method: 'PATCH', path: '/v1/team', body: { name: 'Ding\u0007' }, role: 'manager' })],
    ['team time zone with a NUL', () => ({ method: 'PATCH', path: '/v1/team', body: { settings: { timeZone: 'Europe/Madrid\u0000' } }, role: 'manager' })],
    ['business hours in Persian digits', () => ({ method: 'PATCH', path: '/v1/team', body: { settings: { businessHours: { days: [1], open: '۰۹:۰۰', close: '۱۷:۰۰' } } }, role: 'manager' })],
    ['a role with an accent', (f) => ({ method: 'PATCH', path: `/v1/members/${f.member.id}`, body: { role: 'managér' }, role: 'owner' })],
    ['template title with a NUL', () => ({ method: 'POST', path: '/v1/templates', body: { title: 'Hi\u0000', body: 'Hello' }, role: 'manager' })],
    ['template body with a NUL', () => ({ method: 'POST', path: '/v1/templates', body: { title: 'Hi', body: 'Hel\u0000lo' }, role: 'manager' })],
    ['template variant with a NUL', () => ({ method: 'POST', path: '/v1/templates', body: { title: 'Hi', body: 'Hello', variants: { x: 'a\u0000' } }, role: 'manager' })],
    ['a shortcut with a zero-width space', () => ({ method: 'POST', path: '/v1/templates', body: { title: 'Hi', body: 'Hello', shortcut: ';\u200bhi' }, role: 'manager' })],
    ['a language in Arabic script', () => ({ method: 'POST', path: '/v1/templates', body: { title: 'Hi', body: 'Hello', lang: 'عربي' }, role: 'manager' })],
    ['a platform in Cyrillic', () => ({ method: 'POST', path: '/v1/templates', body: { title: 'Hi', body: 'Hello', platforms: ['х'] }, role: 'manager' })],
    ['template update with a NUL', (f) => ({ method: 'PUT', path: `/v1/templates/${f.template.id}`, headers: { 'if-match': '1' }, body: { title: 'Hi', body: '\u0000' }, role: 'manager' })],
    ['imported template body with a NUL', () => ({ method: 'POST', path: '/v1/templates/import', body: { templates: [{ title: 'Ok', body: 'Fine' }, { title: 'Hi', body: 'Hel\u0000lo' }] }, role: 'manager' })],
    ['imported template id updating with a NUL', (f) => ({ method: 'POST', path: '/v1/templates/import', body: { templates: [{ id: f.template.id, title: 'Hi\u0000', body: 'x' }] }, role: 'manager' })],
    ['voice sign-off with a NUL', () => ({ method: 'PUT', path: '/v1/voice', headers: { 'if-match': '1' }, body: { signOff: '— Team\u0000' }, role: 'manager' })],
    ['banned term with a NUL', () => ({ method: 'PUT', path: '/v1/voice', headers: { 'if-match': '1' }, body: { bannedTerms: [{ term: 'cheap\u0000', preferred: null }] }, role: 'manager' })],
    ['emoji policy as an emoji', () => ({ method: 'PUT', path: '/v1/voice', headers: { 'if-match': '1' }, body: { emojiPolicy: '🙂' }, role: 'manager' })],
    ['claim key with a NUL', () => ({ method: 'POST', path: '/v1/claims', body: { itemKey: 'x:1\u0000', ttlSeconds: 60 }, role: 'member' })],
    ['claim key with a line separator', () => ({ method: 'POST', path: '/v1/claims', body: { itemKey: 'x:\u2028', ttlSeconds: 60 }, role: 'member' })],
    ['claim key with a circled platform', () => ({ method: 'POST', path: '/v1/claims', body: { itemKey: 'ⓧ:1', ttlSeconds: 60 }, role: 'member' })],
    // A lone surrogate is not Unicode: the database would store U+FFFD instead (found by api/fuzz.test.ts).
    ['team name with a lone surrogate', () => ({ method: 'PATCH', path: '/v1/team', body: { name: 'North\ud800wind' }, role: 'manager' })],
    ['joining with a lone surrogate in the name', (f) => ({ method: 'POST', path: '/v1/join', body: { code: f.invites.member, name: 'Zo\udc00e' }, role: 'member' })],
    ['template title with a lone surrogate', () => ({ method: 'POST', path: '/v1/templates', body: { title: 'Hi \udbff', body: 'Hello' }, role: 'manager' })],
    ['voice sign-off with a lone surrogate', () => ({ method: 'PUT', path: '/v1/voice', headers: { 'if-match': '1' }, body: { signOff: '\ud83d Team' }, role: 'manager' })],
    ['cue phrase with a lone surrogate', () => ({ method: 'POST', path: '/v1/cues', body: { phrase: 'refund \ud800', category: 'complaint' }, role: 'manager' })],
    ['claim key with a lone surrogate', () => ({ method: 'POST', path: '/v1/claims', body: { itemKey: 'x:\udc00', ttlSeconds: 60 }, role: 'member' })],
    ['If-Match in superscript digits', (f) => ({ method: 'DELETE', path: `/v1/templates/${f.template.id}`, headers: { 'if-match': '¹' }, role: 'manager' })],
    ['If-Match beyond any version', (f) => ({ method: 'DELETE', path: `/v1/templates/${f.template.id}`, headers: { 'if-match': '99999999999' }, role: 'manager' })],
    ['If-Match negative', () => ({ method: 'PUT', path: '/v1/voice', headers: { 'if-match': '-1' }, body: {}, role: 'manager' })],
  ];
  it.each(junk)('%s', async (what, make) => {
    const f = await seeded();
    const req = make(f);
    const before = await state(f);
    const r = await send(req, { token: f.owner.token });
    expectClientError(r, what);
    expect(await state(f)).toEqual(before);
  });

  it('junk in a pushed record rejects that record alone; nothing of it is stored', async () => {
    const f = await seeded();
    const before = await state(f);
    const records = [
      { ...reply(), text: 'nul\u0000text' },
      { ...reply(), itemAuthor: '\u0000' },
      { ...reply(), itemKey: 'x:1\u0000' },
      { ...reply(), platform: 'х', itemKey: 'х:1' },
      { ...reply(), responseMs: 1e308 },
      { ...reply(), voiceScore: 1e21 },
      { ...reply(), lang: '🇮🇷' },
      { ...reply(), id: '\ud800' },
      { ...reply(), text: 'lone \ud800' },
      { ...reply(), itemAuthor: '\udc00x' },
    ];
    const r = await t.call('POST', '/v1/interactions', { token: f.member.token, body: { interactions: records } });
    expect(r.status).toBe(200);
    expect(r.json.accepted).toEqual([]);
    expect(r.json.rejected).toHaveLength(records.length);
    const items = await t.call('POST', '/v1/items', {
      token: f.member.token,
      body: {
        items: [
          { itemKey: 'x:1\u0000', platform: 'x', seenAt: new Date(NOW).toISOString() },
          { itemKey: 'x:1', platform: 'x', seenAt: '२०२५-०३-०५T10:00:00Z' },
          { itemKey: 'x:1', platform: 'x', seenAt: new Date(NOW).toISOString(), lang: 'e\u0000n' },
        ],
      },
    });
    expect(items.status).toBe(200);
    expect(items.json.accepted).toEqual([]);
    expect(items.json.rejected).toHaveLength(3);
    expect(await state(f)).toEqual(before);
  });

  it('junk in query strings, paths and headers', async () => {
    const f = await seeded();
    const before = await state(f);
    const requests: [string, string, Record<string, string>?][] = [
      ['GET', '/v1/activity?since=%00'],
      ['GET', '/v1/activity?limit=1e999'],
      ['GET', `/v1/activity?limit=${BIG}`],
      ['GET', '/v1/activity?since=a&since=b'],
      ['GET', '/v1/templates?since=%F0%9F%92%A9'],
      ['GET', '/v1/summary?from=%00&to=2025-03-05'],
      ['GET', '/v1/summary?from=2025-13-01&to=2025-13-02'],
      ['GET', '/v1/summary?from=2025-03-05&to=2025-03-01'],
      ['GET', '/v1/summary?from=2020-01-01&to=2025-01-01'],
      ['GET', '/v1/summary?from=2025-03-01&to=2025-03-05&tz=%F0%9F%92%A9'],
      ['GET', '/v1/summary?from=2025-03-01&to=2025-03-05&tz=..%2F..%2Fetc%2Fpasswd'],
      ['GET', '/v1/summary?from=2025-03-01&from=2025-03-02&to=2025-03-05'],
      ['GET', '/v1/summary?from=%D9%A2%D9%A0%D9%A2%D9%A5-03-01&to=2025-03-05'],
      // The day after 9999-12-31 has no ISO date: these were 500s (found by api/fuzz.test.ts).
      ['GET', '/v1/summary?from=9999-12-31&to=9999-12-31'],
      ['GET', '/v1/export/summary.csv?from=9999-12-30&to=9999-12-31&tz=Pacific%2FKiritimati'],
      ['GET', '/v1/export/interactions.csv?from=9999-12-31&to=9999-12-31'],
      ['GET', '/v1/export/interactions.csv?from=2025-03-01&to=2025-03-05&tz=Mars%2FOlympus'],
      ['GET', '/v1/export/summary.csv'],
      ['DELETE', '/v1/claims?itemKey=x:1%00'],
      ['DELETE', '/v1/claims?itemKey=%E2%80%AEx:1'],
      ['DELETE', '/v1/claims'],
      ['DELETE', '/v1/members/%00'],
      ['DELETE', '/v1/members/..%2F..%2Fteams'],
      ['DELETE', `/v1/members/${'f'.repeat(5000)}`],
      ['PATCH', '/v1/members/%E0%A4%A', { 'content-type': 'application/json' }],
      ['DELETE', `/v1/templates/${f.template.id}`],
      ['DELETE', `/v1/templates/${f.template.id}`, { 'if-match': 'W/"x"' }],
      ['DELETE', `/v1/templates/${f.template.id}`, { 'if-match': '*' }],
    ];
    for (const [method, path, headers] of requests) {
      const r = await t.call(method, path, { token: f.owner.token, headers });
      expectClientError(r, `${method} ${path}`);
    }
    expect(await state(f)).toEqual(before);
  });
});

describe('CORS', () => {
  const preflight = (app: TestApp, origin: string) =>
    app.call('OPTIONS', '/v1/interactions', {
      headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, if-match, content-type' },
    });

  it.each(['chrome-extension://abcdefghijklmnop', 'moz-extension://6b1c3f4e-2d5a-4c8e-9f0b-1a2b3c4d5e6f'])('a preflight from %s is allowed', async (origin) => {
    const r = await preflight(t, origin);
    expect(r.status).toBeLessThan(300);
    expect(r.headers.get('access-control-allow-origin')).toBe(origin);
    const allowed = (r.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'if-match', 'content-type']));
    expect(r.headers.get('access-control-allow-methods')).toMatch(/PUT/);

    const f = await t.team();
    const get = await t.call('GET', '/v1/me', { token: f.member.token, headers: { origin } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBe(origin);
    expect(get.headers.get('access-control-expose-headers') ?? '').toMatch(/Retry-After/i);
  });

  it.each(['https://evil.example', 'chrome-extension://abcdefghijklmnop.evil.example', 'https://chrome-extension.evil.example', 'null'])(
    'an origin like %s is not allowed',
    async (origin) => {
      const r = await preflight(t, origin);
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
      const f = await t.team();
      const get = await t.call('GET', '/v1/me', { token: f.member.token, headers: { origin } });
      expect(get.headers.get('access-control-allow-origin')).toBeNull();
    },
  );

  it('an origin listed in corsOrigins is allowed there, and only there', async () => {
    const configured = await testApp({ corsOrigins: ['https://dashboard.northwind.example'] });
    try {
      const r = await preflight(configured, 'https://dashboard.northwind.example');
      expect(r.headers.get('access-control-allow-origin')).toBe('https://dashboard.northwind.example');
      expect((await preflight(configured, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(configured, 'chrome-extension://abcdefghijklmnop')).headers.get('access-control-allow-origin')).toBe(
        'chrome-extension://abcdefghijklmnop',
      );
    } finally {
      await configured.dispose();
    }
    expect((await preflight(t, 'https://dashboard.northwind.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /healthz', () => {
  it('answers 200 to anyone', async () => {
    expect((await t.call('GET', '/healthz')).status).toBe(200);
    expect((await t.call('GET', '/healthz', { headers: { authorization: 'Bearer nonsense' } })).status).toBe(200);
  });
});

describe('the server log never carries request data', () => {
  it('a failed query is logged with the database message only, not its parameters', async () => {
    const { describeForLog } = await import('./errors.ts');
    const cause = Object.assign(new Error('relation "nope" does not exist'), { code: '42P01' });
    const failed = Object.assign(new Error('Failed query: insert into interactions …\\nparams: my secret reply,chorus_abc'), { cause });
    const line = describeForLog(failed);
    expect(line).toBe('database error 42P01: relation "nope" does not exist');
    expect(line).not.toContain('secret');
    expect(describeForLog(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
  });
});
