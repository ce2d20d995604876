// Property-based bad input on every route (fast-check): generated bodies (valid-shaped with
// junk in some fields, or junk throughout: wrong types, huge strings, NUL, lone surrogates,
// deep nesting, prototype-pollution keys, numbers at and past their limits), queries, path
// parameters and headers (Authorization garbage, Content-Type lies, If-Match junk). For every
// request: no 5xx; every error in the documented shape; a 4xx writes nothing; a push stores
// exactly the records it accepts; nothing of another team in the answer; Object.prototype
// untouched. A route without a property here fails the completeness test.
//
// One seed per run, printed with any failure: rerun with CHORUS_FUZZ_SEED=<seed> (and
// CHORUS_FUZZ_RUNS=<n> for more or fewer requests per route).
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, KINDS, PLATFORMS, SENTIMENTS } from '../shared/constants.ts';
import { ApiError } from '../shared/schemas.ts';
import { rowsOf } from './db/index.ts';
import { onPostgres, type TestApp, testApp } from './test/harness.ts';

const SEED = Number(process.env.CHORUS_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** At least 10,000 requests in all on PGlite; a sample on the shared Postgres server. */
const TOTAL = Number(process.env.CHORUS_FUZZ_RUNS ?? (onPostgres ? 600 : 10_000));

const NOW = Date.parse('2025-03-05T12:00:00Z');
/** Smaller than the default 5 MiB so that bodies past it are cheap to make. */
const BODY_LIMIT = 256 * 1024;
const DAY = 86_400_000;

let t: TestApp;
let requests = 0;

// ---------- generated values ----------

/** JSON text spliced in as is (numbers JSON.stringify cannot write, deep nesting). */
class Raw {
  constructor(readonly text: string) {}
}
/** A value of the fixture, known only when the request is sent (ids, codes, cursors). */
class Sym {
  constructor(readonly name: SymName) {}
}
type SymName =
  | 'owner' | 'manager' | 'member' | 'fresh' | 'otherMember' | 'template' | 'otherTemplate' | 'cue' | 'otherCue'
  | 'memberInvite' | 'managerInvite' | 'cursor' | 'claimed';

const sym = (...names: SymName[]) => fc.constantFrom(...names).map((n) => new Sym(n));

/** One UTF-16 unit or character of the kinds that break things. */
const nasty = fc.oneof(
  fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\u202e', '\u200b', '\u2028', '\ufeff', '\u0007', '\n', '"', '\\', '%', ';', ':', 'x', 'é', '😀'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);
/** Past every field's limit, and past the body limits (BODY_LIMIT, and 4 × for an import). */
const hugeString = fc.constantFrom(5_001, 10_001, 100_000, 300_000, 1_100_000).map((n) => 'a'.repeat(n));
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 4, arbitrary: fc.string({ unit: nasty, maxLength: 12 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('', ' ', '__proto__', 'constructor', 'x:1', 'x:1\u0000', ';thanks', 'Europe/Madrid', '2025-03-05',
      '2025-03-05T12:00:00Z', 'manager', 'owner', 'member', 'question', 'null', 'true', '0', '1e999', '<script>alert(1)</script>'),
  },
  { weight: 1, arbitrary: hugeString },
);
const limitNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 4, 5, 20, 21, 80, 100, 101, 500, 501, 3600, 3601, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1, 2 ** 53 + 2, -(2 ** 53), 1e21, 1e308, 5e-324, 0.5, -0.5),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('1e999', '-1e999', '123456789012345678901234567890', '1E400', '-0', '0.0000000000000000000000000001').map((s) => new Raw(s)),
);
const deep = fc.oneof(
  fc.integer({ min: 50, max: 20_000 }).map((n) => new Raw(`${'['.repeat(n)}${']'.repeat(n)}`)),
  fc.integer({ min: 50, max: 5_000 }).map((n) => new Raw(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)),
);
const pollutionKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf');
const anyKey = fc.oneof(fc.string({ maxLength: 8 }), pollutionKey);
const { hostile } = fc.letrec<{ hostile: unknown }>((tie) => ({
  hostile: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    { weight: 4, arbitrary: hostileString },
    { weight: 3, arbitrary: limitNumber },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: fc.array(tie('hostile'), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(anyKey, tie('hostile'), { maxKeys: 3 }) },
  ),
}));

/** Mostly the valid value, sometimes junk in its place. */
const or = <T>(valid: fc.Arbitrary<T>, junk: fc.Arbitrary<unknown> = hostile) =>
  fc.oneof({ weight: 6, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk });

/** An object with these fields (the optional ones sometimes left out), junk in some of
 * them, and sometimes extra keys (prototype pollution among them). */
function shaped(required: Record<string, fc.Arbitrary<unknown>>, optional: Record<string, fc.Arbitrary<unknown>> = {}) {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, a] of Object.entries({ ...required, ...optional })) fields[k] = or(a);
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: Object.keys(required) }),
      // Now and then a required field is missing.
      fc.oneof({ weight: 8, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.subarray(Object.keys(required), { maxLength: Math.min(1, Object.keys(required).length) }) }),
      fc.option(fc.dictionary(anyKey, hostile, { maxKeys: 2 }), { freq: 4 }),
    )
    .map(([record, drop, extra]) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(record)) if (!drop.includes(k)) out[k] = v;
      for (const [k, v] of Object.entries(extra ?? {})) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

const iso = (ms: number) => new Date(ms).toISOString();
const instant = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: NOW - 40 * DAY, max: NOW + 2 * DAY }).map(iso) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('2025-03-05T12:00:00+05:30', '2025-03-05T12:00:00.123456Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z',
      '2025-02-30T00:00:00Z', '2025-03-05', '+275760-09-13T00:00:00Z', '1970-01-01T00:00:00Z'),
  },
);
const platform = fc.constantFrom(...PLATFORMS);
const nativeId = fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/);
const itemKey = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(platform, nativeId).map(([p, id]) => `${p}:${id}`) },
  { weight: 1, arbitrary: fc.tuple(platform, fc.string({ unit: nasty, minLength: 1, maxLength: 6 })).map(([p, s]) => `${p}:${s}`) },
);
const lang = fc.constantFrom('en', 'es', 'pt-BR', 'fa-IR', 'vi', 'sw', 'zh-Hant', 'und', 'e', 'english');
const name = fc.oneof(fc.constantFrom('Ana', 'Ben Ali', 'مريم', 'Nguyễn Văn A', 'שרה', '  padded  '), fc.string({ maxLength: 90 }));
const uuid = fc.uuid();
const uuid7 = fc.uuid({ version: 7 });

const settingsPatch = shaped({}, {
  timeZone: fc.constantFrom('UTC', 'Europe/Madrid', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'America/St_Johns', 'Mars/Olympus', 'utc'),
  businessHours: shaped({
    days: fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 8 }),
    open: fc.constantFrom('09:00', '00:00', '23:59', '24:00', '9:00', '25:00'),
    close: fc.constantFrom('17:00', '24:00', '08:00', '00:00'),
  }),
  slaMinutes: shaped({}, { question: limitNumber, complaint: limitNumber }),
  syncReplyText: fc.boolean(),
});

const interaction = shaped(
  { id: uuid7, itemKey, platform, kind: fc.constantFrom(...KINDS), actedAt: instant },
  {
    itemUrl: fc.constantFrom('https://x.com/a/status/1', 'http://example.com/', 'javascript:alert(1)', 'https://x.com/\u0000', 'ftp://a/'),
    itemAuthor: fc.string({ maxLength: 210 }),
    itemPostedAt: instant,
    seenAt: instant,
    responseMs: limitNumber,
    category: fc.constantFrom(...CATEGORIES),
    sentiment: fc.constantFrom(...SENTIMENTS),
    lang,
    templateId: fc.oneof(uuid, sym('template', 'otherTemplate')),
    voiceScore: fc.integer({ min: -1, max: 101 }),
    textLength: limitNumber,
    text: fc.oneof(fc.string({ maxLength: 50 }), hugeString),
  },
);
const seenItem = shaped({ itemKey, platform, seenAt: instant }, { category: fc.constantFrom(...CATEGORIES), lang, itemPostedAt: instant });
const templateInput = shaped(
  { title: fc.string({ maxLength: 130 }), body: fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), hugeString) },
  {
    id: fc.oneof(uuid, sym('template', 'otherTemplate')),
    categories: fc.array(fc.constantFrom(...CATEGORIES, 'urgent'), { maxLength: 7 }),
    platforms: fc.array(fc.constantFrom(...PLATFORMS, 'myspace'), { maxLength: 11 }),
    lang: fc.oneof(lang, fc.constant(null)),
    shortcut: fc.oneof(fc.constantFrom(';thanks', ';sorry', ';ok-1', ';', 'thanks', ';a b', `;${'x'.repeat(33)}`, ';شكرا'), fc.constant(null)),
    variants: fc.dictionary(fc.constantFrom(...PLATFORMS, 'myspace'), fc.string({ minLength: 1, maxLength: 20 }), { maxKeys: 3 }),
    private: fc.boolean(),
  },
);
const voiceRules = shaped({}, {
  bannedTerms: fc.array(shaped({ term: fc.string({ maxLength: 90 }), preferred: fc.oneof(fc.string({ maxLength: 90 }), fc.constant(null)) }), { maxLength: 4 }),
  signOff: fc.oneof(fc.string({ maxLength: 90 }), fc.constant(null)),
  emojiPolicy: fc.constantFrom('none', 'sparing', 'free', 'lots'),
  maxExclamations: limitNumber,
  formality: fc.constantFrom('casual', 'neutral', 'formal', 'rude'),
  lengthByPlatform: fc.dictionary(fc.constantFrom(...PLATFORMS, 'myspace'), limitNumber, { maxKeys: 3 }),
});

// ---------- bodies, queries, paths and headers ----------

type Body = { kind: 'none' } | { kind: 'json'; value: unknown; pollute: boolean } | { kind: 'text'; text: string };
const rawJunk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', '{', '{"a":1,}', "{'a':1}", 'null', '[]', '0', '"x"', '\u0000', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"a":1}{"b":2}',
    '\ufeff{}', '{"__proto__":{"polluted":"yes"}}', 'name=x&role=manager'),
  deep.map((r) => r.text),
);
/** A body for a route that takes one: mostly its own shape, sometimes junk of any kind. */
const bodyOf = (shape: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.tuple(shape, fc.boolean()).map(([value, pollute]): Body => ({ kind: 'json', value, pollute })) },
    { weight: 1, arbitrary: hostile.map((value): Body => ({ kind: 'json', value, pollute: false })) },
    { weight: 1, arbitrary: rawJunk.map((text): Body => ({ kind: 'text', text })) },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'none' }) },
  );
/** A route without a body mostly gets none; a body sent anyway must not matter. */
const noBody: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Body>({ kind: 'none' }) },
  { weight: 1, arbitrary: hostile.map((value): Body => ({ kind: 'json', value, pollute: false })) },
  { weight: 1, arbitrary: rawJunk.map((text): Body => ({ kind: 'text', text })) },
);

/** Percent-encoded bytes: invalid UTF-8, %00, anything. */
const percentBytes = fc.uint8Array({ maxLength: 12 }).map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, '0')}`).join(''));
const urlJunk = fc.oneof(
  percentBytes,
  fc.constantFrom('', '%', '%zz', '%E0%A4%A', '..%2F..%2Fteams', '%00', 'a%2Fb', '%F0%9F%92%A9', '-1', '0', 'null', 'undefined', '__proto__'),
  fc.integer({ min: 1, max: 3 }).map((n) => 'f'.repeat(10 ** n * 5)),
);
type Part = string | Sym;
/** A path segment or query value: a symbolic fixture value, a valid literal, or junk. */
const segment = (valid: fc.Arbitrary<Part>) => fc.oneof({ weight: 5, arbitrary: valid }, { weight: 2, arbitrary: urlJunk });
/** Percent-encodes the UTF-8 of `s` (a lone surrogate becomes U+FFFD, as a browser sends it). */
const enc = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (/[\w.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');
const day = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -60, max: 5 }).map((d) => iso(NOW + d * DAY).slice(0, 10)) },
  { weight: 2, arbitrary: fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom('2025-02-29', '2024-02-29', '2025-13-01', '9999-12-31', '0000-01-01', '1969-12-31', '2025-3-5', '٢٠٢٥-٠٣-٠١') },
);
type Query = [string, Part][];
const query = (fields: Record<string, fc.Arbitrary<Part>>): fc.Arbitrary<Query> =>
  fc
    .tuple(
      fc.record(Object.fromEntries(Object.entries(fields).map(([k, a]) => [k, segment(a)])), { requiredKeys: [] }),
      fc.array(fc.tuple(fc.constantFrom(...Object.keys(fields), 'x', '__proto__', ''), urlJunk), { maxLength: 2 }),
    )
    .map(([record, extra]) => [...(Object.entries(record) as Query), ...extra]);
const pageQuery = query({
  since: fc.oneof(sym('cursor'), fc.constantFrom('', 'MC4w', 'OTk5OTk5OTk5OTk5OTk5Ljk5OTk5OTk5OTk5OTk5OQ', 'LTEuLTE', 'AAAA')),
  limit: fc.oneof(fc.integer({ min: -2, max: 1002 }).map(String), fc.constantFrom('1e3', '1.5', '', 'abc', '9'.repeat(30), '0x10', ' 5')),
});
const summaryQuery = query({
  from: day,
  to: day,
  tz: fc.constantFrom('UTC', 'Europe/Madrid', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Pacific/Niue', 'America/St_Johns', 'Etc/GMT+12', 'Mars/Olympus', 'utc').map(enc),
});

/** Printable header text (a header value cannot carry NUL, CR, LF or characters past U+00FF). */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 40 });
type Auth = 'owner' | 'manager' | 'member' | 'fresh' | 'none' | 'revoked' | 'other' | 'unknown' | 'lowercase' | { raw: string };
const auth: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<Auth>('owner', 'manager', 'member') },
  { weight: 2, arbitrary: fc.constantFrom<Auth>('fresh', 'lowercase') },
  { weight: 3, arbitrary: fc.constantFrom<Auth>('none', 'revoked', 'other', 'unknown') },
  { weight: 2, arbitrary: headerText.map((raw): Auth => ({ raw })) },
  { weight: 1, arbitrary: headerText.map((s): Auth => ({ raw: `Bearer ${s}` })) },
  { weight: 1, arbitrary: fc.constantFrom('Bearer ', 'Basic YW5hOnNlY3JldA==', `Bearer ${'A'.repeat(101)}`, 'Bearer chorus_a b').map((raw): Auth => ({ raw })) },
);
const contentType = fc.oneof(
  { weight: 10, arbitrary: fc.constant<string | undefined>('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom<string | undefined>(undefined, '', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/vnd.api+json',
      'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'application/json; charset=utf-16'),
  },
  { weight: 1, arbitrary: headerText },
);
type Version = 'current' | 'stale' | 'quoted' | 'weak' | { raw: string } | undefined;
const ifMatch: fc.Arbitrary<Version> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Version>('current') },
  { weight: 3, arbitrary: fc.constantFrom<Version>('stale', 'quoted', 'weak', undefined) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(fc.constantFrom('', '*', '-1', '0', '999999999', '9999999999', '1.0', '0x1', '¹', '"1', 'W/1', '1, 2'), headerText)
      .map((raw): Version => ({ raw })),
  },
);
const sentAt = fc.oneof(
  { weight: 6, arbitrary: fc.constant<string | undefined>(undefined) },
  { weight: 1, arbitrary: fc.constantFrom(String(NOW), iso(NOW), String(NOW - 3_600_000), iso(NOW + 7_200_000)) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom('99999999999999999999', '-1', '0', '1e400', '8640000000000001', 'Infinity', 'NaN', '+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z'),
      headerText,
    ),
  },
);

interface Spec {
  path: fc.Arbitrary<Part[]>;
  query?: fc.Arbitrary<Query>;
  body?: fc.Arbitrary<unknown>;
  /** Which record's version If-Match carries. */
  version?: 'template' | 'voice';
}
const fixed = (path: string) => fc.constant<Part[]>([path]);
const memberTarget = segment(fc.oneof(sym('fresh', 'owner', 'manager', 'member', 'otherMember'), uuid));
const templateTarget = segment(fc.oneof({ weight: 4, arbitrary: sym('template') }, { weight: 1, arbitrary: sym('otherTemplate') }, { weight: 1, arbitrary: uuid }));
const cueTarget = segment(fc.oneof({ weight: 4, arbitrary: sym('cue') }, { weight: 1, arbitrary: sym('otherCue') }, { weight: 1, arbitrary: uuid }));

/** Every route of the API, keyed "METHOD /path" as Hono lists them. */
const SPECS: Record<string, Spec> = {
  'GET /healthz': { path: fixed('/healthz') },
  'POST /v1/teams': { path: fixed('/v1/teams'), body: shaped({ name, ownerName: name }, { settings: settingsPatch }) },
  'POST /v1/join': {
    path: fixed('/v1/join'),
    body: shaped({ code: fc.oneof(sym('memberInvite', 'managerInvite'), fc.constantFrom('MEMBER-0000-0000-0000-0000', 'member-oooo-iiii-llll-0000')), name }),
  },
  'GET /v1/me': { path: fixed('/v1/me') },
  'GET /v1/team': { path: fixed('/v1/team') },
  'PATCH /v1/team': { path: fixed('/v1/team'), body: shaped({}, { name, settings: settingsPatch }) },
  'GET /v1/members': { path: fixed('/v1/members') },
  'PATCH /v1/members/:id': { path: memberTarget.map((id) => ['/v1/members/', id]), body: shaped({ role: fc.constantFrom('manager', 'member', 'owner', 'Manager') }) },
  'DELETE /v1/members/:id': { path: memberTarget.map((id) => ['/v1/members/', id]) },
  'POST /v1/members/:id/revoke': { path: memberTarget.map((id) => ['/v1/members/', id, '/revoke']) },
  'DELETE /v1/tokens/current': { path: fixed('/v1/tokens/current') },
  'POST /v1/invites/:role/rotate': {
    path: segment(fc.constantFrom('member', 'manager', 'owner', 'MEMBER')).map((role) => ['/v1/invites/', role, '/rotate']),
  },
  'POST /v1/interactions': { path: fixed('/v1/interactions'), body: shaped({ interactions: fc.array(interaction, { maxLength: 6 }) }) },
  'POST /v1/items': { path: fixed('/v1/items'), body: shaped({ items: fc.array(seenItem, { maxLength: 6 }) }) },
  'GET /v1/templates': { path: fixed('/v1/templates'), query: pageQuery },
  'POST /v1/templates': { path: fixed('/v1/templates'), body: templateInput },
  'POST /v1/templates/import': { path: fixed('/v1/templates/import'), body: shaped({ templates: fc.array(templateInput, { maxLength: 4 }) }) },
  'PUT /v1/templates/:id': { path: templateTarget.map((id) => ['/v1/templates/', id]), body: templateInput, version: 'template' },
  'DELETE /v1/templates/:id': { path: templateTarget.map((id) => ['/v1/templates/', id]), version: 'template' },
  'GET /v1/voice': { path: fixed('/v1/voice') },
  'PUT /v1/voice': { path: fixed('/v1/voice'), body: voiceRules, version: 'voice' },
  'GET /v1/activity': { path: fixed('/v1/activity'), query: pageQuery },
  'POST /v1/claims': { path: fixed('/v1/claims'), body: shaped({ itemKey: fc.oneof(itemKey, sym('claimed')), ttlSeconds: fc.oneof(fc.integer({ min: 5, max: 3600 }), limitNumber) }) },
  'DELETE /v1/claims': { path: fixed('/v1/claims'), query: query({ itemKey: fc.oneof(sym('claimed'), itemKey.map(enc)) }) },
  'GET /v1/cues': { path: fixed('/v1/cues'), query: pageQuery },
  'POST /v1/cues': {
    path: fixed('/v1/cues'),
    body: shaped({ phrase: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('Cafe\u0301', 'bado sijapata oda yangu')), category: fc.constantFrom(...CATEGORIES, 'urgent') }, { lang, itemKey }),
  },
  'DELETE /v1/cues/:id': { path: cueTarget.map((id) => ['/v1/cues/', id]) },
  'GET /v1/summary': { path: fixed('/v1/summary'), query: summaryQuery },
  'GET /v1/export/summary.csv': { path: fixed('/v1/export/summary.csv'), query: summaryQuery },
  'GET /v1/export/interactions.csv': { path: fixed('/v1/export/interactions.csv'), query: summaryQuery },
};

interface Generated {
  path: Part[];
  query: Query;
  body: Body;
  auth: Auth;
  contentType: string | undefined;
  ifMatch: Version;
  sentAt: string | undefined;
}
const requestOf = (spec: Spec): fc.Arbitrary<Generated> =>
  fc.record({
    path: spec.path,
    query: spec.query ?? fc.oneof({ weight: 6, arbitrary: fc.constant<Query>([]) }, { weight: 1, arbitrary: query({ x: urlJunk }) }),
    body: spec.body ? bodyOf(spec.body) : noBody,
    auth,
    contentType,
    // Routes without versions get junk If-Match now and then: it must not matter.
    ifMatch: spec.version ? ifMatch : fc.oneof({ weight: 6, arbitrary: fc.constant<Version>(undefined) }, { weight: 1, arbitrary: ifMatch }),
    sentAt,
  });

// ---------- the fixture: one team with one of everything, and another team ----------

type Team = Awaited<ReturnType<TestApp['team']>>;
interface Fixture {
  team: Team;
  template: string;
  cue: string;
  revoked: string;
  cursor: string;
}
let other: Fixture;

async function ok(method: string, path: string, opts: Parameters<TestApp['call']>[2], status = 200) {
  const r = await t.call(method, path, opts);
  if (r.status !== status) throw new Error(`fixture: ${method} ${path} → ${r.status} ${r.text}`);
  return r.json;
}
async function seed(name: string): Promise<Fixture> {
  const team = await t.team(name, { syncReplyText: true });
  const template = (await ok('POST', '/v1/templates', { token: team.manager.token, body: { title: 'Thanks', body: 'Thanks, {{name}}!', shortcut: ';thanks' } }, 201)).template.id;
  const cue = (await ok('POST', '/v1/cues', { token: team.manager.token, body: { phrase: `${name} refund`, category: 'complaint' } }, 201)).cue.id;
  await ok('POST', '/v1/claims', { token: team.member.token, body: { itemKey: 'x:claimed', ttlSeconds: 3600 } }, 201);
  const leaving = await ok('POST', '/v1/join', { body: { code: team.invites.member, name: 'Leaving' } }, 201);
  await ok('DELETE', '/v1/tokens/current', { token: leaving.token });
  const cursor = (await ok('GET', '/v1/templates?limit=1', { token: team.member.token })).cursor;
  return { team, template, cue, revoked: leaving.token, cursor };
}

const TABLES = ['teams', 'members', 'tokens', 'invites', 'interactions', 'items', 'templates', 'voices', 'claims', 'team_cues'] as const;
/**
 * Test-only row triggers count every row inserted, updated or deleted in every table, in
 * the writing transaction itself: a statement or transaction that fails and rolls back
 * counts nothing, an UPDATE that matches no row counts nothing. Reading one small table
 * after each request is far cheaper than comparing whole tables.
 */
async function countWrites(): Promise<void> {
  await t.database.db.execute(sql.raw(`CREATE TABLE fuzz_writes (tbl text, op text, n bigint NOT NULL, PRIMARY KEY (tbl, op))`));
  await t.database.db.execute(
    sql.raw(`CREATE FUNCTION fuzz_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO fuzz_writes VALUES (TG_TABLE_NAME, TG_OP, 1) ON CONFLICT (tbl, op) DO UPDATE SET n = fuzz_writes.n + 1;
        RETURN NULL;
      END $$`),
  );
  for (const table of TABLES) {
    await t.database.db.execute(sql.raw(`CREATE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION fuzz_count()`));
  }
}
type Writes = Record<string, number>;
interface Probe {
  writes: Writes;
  templateVersion: number;
  voiceVersion: number;
}
/** Rows written so far per "table op", and the versions If-Match may name. */
async function probe(f: Fixture): Promise<Probe> {
  const [row] = rowsOf<{ writes: Writes | null; template_version: number | null; voice_version: number | null }>(
    await t.database.db.execute(sql.raw(`SELECT
      (SELECT json_object_agg(tbl || ' ' || op, n) FROM fuzz_writes) AS writes,
      (SELECT version FROM templates WHERE team_id = '${f.team.id}' AND id = '${f.template}') AS template_version,
      (SELECT version FROM voices WHERE team_id = '${f.team.id}') AS voice_version`)),
  );
  const writes = Object.fromEntries(Object.entries(row!.writes ?? {}).map(([k, n]) => [k, Number(n)]));
  return { writes, templateVersion: Number(row!.template_version ?? 0), voiceVersion: Number(row!.voice_version ?? 0) };
}
/** What was written between two probes, e.g. {"interactions INSERT": 3}. */
function written(before: Probe, after: Probe): Writes {
  const out: Writes = {};
  for (const [k, n] of Object.entries(after.writes)) if (n !== (before.writes[k] ?? 0)) out[k] = n - (before.writes[k] ?? 0);
  return out;
}
/** Whether the fixture's own three tokens still work (a fuzzed request may revoke or remove them). */
async function alive(f: Fixture): Promise<boolean> {
  const ids = [f.team.owner, f.team.manager, f.team.member].map((m) => m.id);
  const [row] = rowsOf<{ n: number }>(
    await t.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM tokens tk JOIN members m ON m.id = tk.member_id
      WHERE tk.member_id IN (${ids.map((id) => `'${id}'`).join(', ')}) AND tk.revoked_at IS NULL AND m.removed_at IS NULL`)),
  );
  return row!.n >= 3;
}

function serialize(v: unknown, resolve: (s: Sym) => string): string {
  if (v instanceof Raw) return v.text;
  if (v instanceof Sym) return JSON.stringify(resolve(v));
  if (Array.isArray(v)) return `[${v.map((x) => serialize(x, resolve)).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${serialize(x, resolve)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

beforeAll(async () => {
  t = await testApp({ bodyLimitBytes: BODY_LIMIT });
  t.clock.now = new Date(NOW);
  await countWrites();
  other = await seed('Bravo');
});
afterAll(() => t.dispose());

// ---------- the property ----------

const routeNames = Object.keys(SPECS);
const DESTRUCTIVE = new Set(['DELETE /v1/tokens/current', 'DELETE /v1/members/:id', 'POST /v1/members/:id/revoke']);
const runsPerRoute = Math.ceil(TOTAL / routeNames.length);

describe(`property-based bad input (seed ${SEED}, ${runsPerRoute} requests per route)`, () => {
  it.each(routeNames)('%s', async (route) => {
    const method = route.split(' ')[0]!;
    const spec = SPECS[route]!;
    let f = await seed('Alpha');
    /** The probe after the last request: the next one's "before" unless setup wrote since. */
    let last: Probe | undefined;
    const secrets = [other.team.id, other.team.owner.id, other.team.manager.id, other.team.member.id, other.cue, 'Bravo'];
    const property = fc.asyncProperty(requestOf(spec), async (g) => {
      requests++;
      t.clock.now = new Date(NOW);
      let fresh: { id: string; token: string } | undefined;
      const freshMember = async () => {
        last = undefined;
        fresh ??= await ok('POST', '/v1/join', { body: { code: f.team.invites.member, name: 'Fresh' } }, 201).then((j) => ({ id: j.member.id, token: j.token }));
        return fresh!;
      };
      // Fixture values the request names, resolved before the mark so that setup is not counted.
      const values = new Map<SymName, string>();
      const needs = new Set<SymName>();
      const collect = (v: unknown): void => {
        if (v instanceof Sym) needs.add(v.name);
        else if (Array.isArray(v)) v.forEach(collect);
        else if (v && typeof v === 'object' && !(v instanceof Raw)) Object.values(v).forEach(collect);
      };
      collect(g.path);
      collect(g.query);
      if (g.body.kind === 'json') collect(g.body.value);
      if (g.auth === 'fresh') needs.add('fresh');
      for (const n of needs) {
        const value: Record<SymName, () => string | Promise<string>> = {
          owner: () => f.team.owner.id,
          manager: () => f.team.manager.id,
          member: () => f.team.member.id,
          fresh: async () => (await freshMember()).id,
          otherMember: () => other.team.member.id,
          template: () => f.template,
          otherTemplate: () => other.template,
          cue: () => f.cue,
          otherCue: () => other.cue,
          memberInvite: () => f.team.invites.member,
          managerInvite: () => f.team.invites.manager,
          cursor: () => f.cursor,
          claimed: () => 'x:claimed',
        };
        values.set(n, await value[n]());
      }
      const resolve = (s: Sym) => values.get(s.name)!;
      const part = (p: Part) => (p instanceof Sym ? resolve(p) : p);

      const before = last ?? (await probe(f));
      const headers: Record<string, string> = {};
      const token =
        g.auth === 'owner' || g.auth === 'manager' || g.auth === 'member'
          ? f.team[g.auth].token
          : g.auth === 'fresh'
            ? (await freshMember()).token
            : g.auth === 'revoked'
              ? f.revoked
              : g.auth === 'other'
                ? other.team.member.token
                : g.auth === 'unknown'
                  ? `chorus_${'Z'.repeat(43)}`
                  : g.auth === 'lowercase'
                    ? f.team.member.token
                    : undefined;
      if (token) headers.authorization = `${g.auth === 'lowercase' ? 'bearer' : 'Bearer'} ${token}`;
      if (typeof g.auth === 'object') headers.authorization = g.auth.raw;
      if (g.contentType !== undefined) headers['content-type'] = g.contentType;
      const version = spec.version === 'voice' ? before.voiceVersion : before.templateVersion;
      const v = g.ifMatch;
      if (v !== undefined) {
        headers['if-match'] =
          v === 'current' ? String(version) : v === 'stale' ? String(version - 1) : v === 'quoted' ? `"${version}"` : v === 'weak' ? `W/"${version}"` : v.raw;
      }
      if (g.sentAt !== undefined) headers['x-chorus-sent-at'] = g.sentAt;
      let body: string | undefined;
      if (g.body.kind === 'text') body = g.body.text;
      if (g.body.kind === 'json') {
        body = serialize(g.body.value, resolve);
        if (g.body.pollute && body.startsWith('{')) {
          body = `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}${body === '{}' ? '' : ','}${body.slice(1)}`;
        }
      }
      const path = g.path.map(part).join('');
      const qs = g.query.map(([k, val]) => `${enc(k)}=${part(val)}`).join('&');
      const url = qs ? `${path}?${qs}` : path;
      if (method === 'GET' && body !== undefined) body = undefined; // fetch cannot send one

      const res = await t.app.request(url, { method, headers, body });
      const text = await res.text();
      const after = await probe(f);
      last = after;
      const what = () =>
        `seed ${SEED} (CHORUS_FUZZ_SEED=${SEED}): ${method} ${url.slice(0, 200)} ${JSON.stringify(headers).slice(0, 300)} body ${(body ?? '').slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;

      expect(res.status, what()).toBeLessThan(500);
      expect(({} as Record<string, unknown>).polluted, `Object.prototype polluted: ${what()}`).toBeUndefined();
      if (res.status >= 400) {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        expect(ApiError.safeParse(json).success, `error shape: ${what()}`).toBe(true);
        expect(res.headers.get('content-type') ?? '', what()).toMatch(/^application\/json/);
        expect(written(before, after), `a ${res.status} wrote: ${what()}`).toEqual({});
      } else if (route === 'POST /v1/interactions' || route === 'POST /v1/items') {
        // A push stores exactly what it accepts; rejected records leave nothing.
        const table = route === 'POST /v1/items' ? 'items' : 'interactions';
        const accepted = (JSON.parse(text) as { accepted: string[] }).accepted.length;
        expect(written(before, after)[`${table} INSERT`] ?? 0, `rows added vs accepted: ${what()}`).toBe(accepted);
      }
      if (g.auth !== 'other' && route !== 'POST /v1/join' && route !== 'POST /v1/teams') {
        for (const s of secrets) expect(text.includes(s), `another team's ${s} in: ${what()}`).toBe(false);
      }
      // Keep the fixture current: new invite codes, a fresh cursor.
      if (route === 'POST /v1/invites/:role/rotate' && res.status === 201 && g.auth !== 'other') {
        const j = JSON.parse(text) as { role: 'member' | 'manager'; code: string };
        f.team.invites[j.role] = j.code;
      }
      // A request that revoked or removed one of the fixture's members: start afresh.
      if (res.status < 300 && DESTRUCTIVE.has(route) && !(await alive(f))) {
        f = await seed('Alpha');
        last = undefined;
      }
    });
    try {
      await fc.assert(property, { seed: SEED, numRuns: runsPerRoute });
    } catch (err) {
      throw new Error(`${route}: property failed; rerun with CHORUS_FUZZ_SEED=${SEED}\n${(err as Error).message}`, { cause: err });
    }
  }, 600_000);

  it('every route of the app has a property above', () => {
    const listed = new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    expect([...listed].sort()).toEqual(Object.keys(SPECS).sort());
  });

  it(`sent at least ${TOTAL} generated requests in all`, () => {
    expect(requests).toBeGreaterThanOrEqual(TOTAL);
  });
});
