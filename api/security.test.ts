// Security properties of the API that docs/SECURITY.md names: tokens and invite codes are
// stored only as hashes, a revoked or removed member is refused at once, the public routes
// are rate-limited per address whatever the headers say, and the server log never carries a
// token or anything a request sent.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rowsOf } from './db/index.ts';
import { type TestApp, testApp, uuidv7 } from './test/harness.ts';
import { sha256 } from './tokens.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.dispose());

/** Every row of every table, as text. */
async function everything(app: TestApp): Promise<string> {
  const tables = ['teams', 'members', 'tokens', 'invites', 'interactions', 'items', 'templates', 'voices', 'claims', 'team_cues'];
  let all = '';
  for (const table of tables) all += JSON.stringify(rowsOf(await app.database.db.execute(sql`SELECT * FROM ${sql.identifier(table)}`)));
  return all;
}

describe('secrets at rest', () => {
  it('no token and no invite code is stored in plain text; tokens are stored as their SHA-256', async () => {
    const team = await t.team('Hash Co');
    const rotated = (await t.call('POST', '/v1/invites/member/rotate', { token: team.manager.token })).json.code as string;
    const tokens = [team.owner.token, team.manager.token, team.member.token];
    const codes = [team.invites.manager, team.invites.member, rotated];
    const all = await everything(t);
    for (const secret of [...tokens, ...codes]) {
      expect(all).not.toContain(secret);
      // Nor the random part alone, in any case.
      const random = secret.replace(/^chorus_|^(MEMBER|MANAGER)-/, '');
      expect(all.toLowerCase()).not.toContain(random.toLowerCase());
    }
    const stored = rowsOf<{ hash: string }>(await t.database.db.execute(sql`SELECT hash FROM tokens WHERE team_id = ${team.id}::uuid`)).map((r) => r.hash);
    expect(stored.sort()).toEqual(tokens.map(sha256).sort());
    for (const token of tokens) expect(token).toMatch(/^chorus_[A-Za-z0-9_-]{43}$/); // 32 random bytes
  });
});

describe('reply text', () => {
  it('is not stored, nor exported, while the team has not turned syncReplyText on, even if a client sends it', async () => {
    const team = await t.team('Quiet Co');
    const push = async (text: string) => {
      const record = { id: uuidv7(), itemKey: 'x:1', platform: 'x', kind: 'reply', actedAt: new Date().toISOString(), text };
      expect((await t.call('POST', '/v1/interactions', { token: team.member.token, body: { interactions: [record] } })).json.accepted).toEqual([record.id]);
      return record.id;
    };
    const quiet = await push('words kept in the browser');
    const texts = async () => rowsOf<{ id: string; text: string | null; text_length: number }>(
      await t.database.db.execute(sql`SELECT id, text, text_length FROM interactions WHERE team_id = ${team.id}::uuid ORDER BY id`),
    );
    expect(await texts()).toEqual([{ id: quiet, text: null, text_length: 'words kept in the browser'.length }]);
    expect((await t.call('PATCH', '/v1/team', { token: team.manager.token, body: { settings: { syncReplyText: true } } })).status).toBe(200);
    const shared = await push('words the team chose to share');
    expect((await texts()).find((r) => r.id === shared)?.text).toBe('words the team chose to share');
    // Turned off again: the export leaves the text column out.
    expect((await t.call('PATCH', '/v1/team', { token: team.manager.token, body: { settings: { syncReplyText: false } } })).status).toBe(200);
    const day = new Date().toISOString().slice(0, 10);
    const csv = await t.call('GET', `/v1/export/interactions.csv?from=${day}&to=${day}`, { token: team.owner.token });
    expect(csv.text).not.toContain('words');
  });
});

describe('revocation takes effect at once', () => {
  it('a removed member, a revoked member and a signed-out token are refused on the very next request', async () => {
    const team = await t.team('Revoke Co');
    const extra = (await t.call('POST', '/v1/join', { body: { code: team.invites.member, name: 'Second browser' } })).json;
    for (const token of [team.member.token, team.manager.token, extra.token]) expect((await t.call('GET', '/v1/me', { token })).status).toBe(200);

    // Removing a member: all their tokens stop at once.
    expect((await t.call('DELETE', `/v1/members/${extra.member.id}`, { token: team.manager.token })).status).toBe(200);
    expect((await t.call('GET', '/v1/me', { token: extra.token })).status).toBe(401);
    expect((await t.call('POST', '/v1/interactions', { token: extra.token, body: { interactions: [] } })).status).toBe(401);

    // "Sign out everywhere" for a member: every token of theirs stops; nobody else's.
    const secondOfMember = await t.call('POST', '/v1/join', { body: { code: team.invites.member, name: 'Ben again' } });
    expect((await t.call('POST', `/v1/members/${team.member.id}/revoke`, { token: team.manager.token })).json).toEqual({ revoked: 1 });
    expect((await t.call('GET', '/v1/templates', { token: team.member.token })).status).toBe(401);
    expect((await t.call('GET', '/v1/me', { token: secondOfMember.json.token })).status).toBe(200);
    expect((await t.call('GET', '/v1/me', { token: team.manager.token })).status).toBe(200);

    // Signing out one's own token.
    expect((await t.call('DELETE', '/v1/tokens/current', { token: team.manager.token })).status).toBe(200);
    expect((await t.call('GET', '/v1/me', { token: team.manager.token })).status).toBe(401);
    expect((await t.call('GET', '/v1/me', { token: team.owner.token })).status).toBe(200);
  });

  it('a rotated invite code stops working at once; the new one works', async () => {
    const team = await t.team('Rotate Co');
    const fresh = (await t.call('POST', '/v1/invites/member/rotate', { token: team.manager.token })).json.code;
    expect((await t.call('POST', '/v1/join', { body: { code: team.invites.member, name: 'Late' } })).status).toBe(404);
    expect((await t.call('POST', '/v1/join', { body: { code: fresh, name: 'Late' } })).status).toBe(201);
  });
});

describe('rate limits', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await testApp({ rateLimitPerMinute: 5 });
  });
  afterAll(() => small.dispose());

  it('guessing invite codes is limited per address, even with a made-up bearer token on every request', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await small.call('POST', '/v1/join', {
        headers: { authorization: `Bearer guess${String(i).padStart(20, '0')}` },
        body: { code: `MEMBER-0000-0000-0000-${String(i).padStart(4, '0')}`, name: 'Mallory' },
      });
      statuses.push(r.status);
      if (r.status === 429) {
        expect(r.json.error.code).toBe('rate_limited');
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      }
    }
    // The burst is 10 requests: the rest are refused before any code is looked up.
    expect(statuses.filter((s) => s === 404)).toHaveLength(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
  });

  it('parallel guesses cannot slip past the refused-token limit', async () => {
    const strict = await testApp({ failedAuthPerMinute: 30 });
    try {
      const guesses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => strict.call('GET', '/v1/templates', { headers: { authorization: `Bearer par${String(i).padStart(30, '0')}` } })),
      );
      const statuses = guesses.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    } finally {
      await strict.dispose();
    }
  });

  it('guessing tokens is limited per address: after 10 refused tokens an unknown one waits, a token in use goes on', async () => {
    const strict = await testApp({ failedAuthPerMinute: 30 });
    // The limiter runs on the real clock: a fake Date lets the test move it.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const team = await strict.team();
      // The owner was using the API before the guesses began.
      expect((await strict.call('GET', '/v1/templates', { token: team.owner.token })).status).toBe(200);
      const statuses: number[] = [];
      for (let i = 0; i < 15; i++) {
        const r = await strict.call('GET', '/v1/templates', { headers: { authorization: `Bearer guess${String(i).padStart(30, '0')}` } });
        statuses.push(r.status);
      }
      // Each made-up token has its own request bucket, so only the failures count.
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
      const valid = await strict.call('GET', '/v1/templates', { token: team.member.token });
      expect(valid.status).toBe(429);
      // A member whose token the server already knows is not locked out by the guesses.
      expect((await strict.call('GET', '/v1/templates', { token: team.owner.token })).status).toBe(200);
      expect(Number(valid.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Two seconds later one more attempt is allowed (30 a minute), and a valid token gets in.
      vi.setSystemTime(Date.now() + 2_000);
      expect((await strict.call('GET', '/v1/templates', { token: team.member.token })).status).toBe(200);
    } finally {
      vi.useRealTimers();
      await strict.dispose();
    }
  });
});

describe('the server log', () => {
  const lines: string[] = [];
  beforeAll(() => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(' '));
      });
    }
  });
  afterEach(() => {
    lines.length = 0;
  });
  afterAll(() => vi.restoreAllMocks());

  it('never carries a token, an invite code or request data, also when a request fails inside the server', async () => {
    const broken = await testApp();
    try {
      const team = await broken.team('Log Co');
      const secretText = 'my secret reply to a customer';
      const record = { id: uuidv7(), itemKey: 'x:1', platform: 'x', kind: 'reply', actedAt: new Date().toISOString(), text: secretText, itemAuthor: 'customer_handle' };
      // Requests that succeed, fail validation, fail authentication …
      await broken.call('POST', '/v1/interactions', { token: team.member.token, body: { interactions: [record] } });
      await broken.call('PATCH', '/v1/team', { token: team.manager.token, body: { name: `${secretText}\u0000` } });
      await broken.call('GET', '/v1/me', { headers: { authorization: `Bearer ${team.owner.token}x` } });
      await broken.call('POST', '/v1/join', { body: { code: team.invites.member, name: 'Zoe' } });
      // … and requests that fail inside the server (its tables gone): 500, logged.
      await broken.database.db.execute(sql`DROP TABLE interactions`);
      await broken.database.db.execute(sql`DROP TABLE voices`);
      const failed = await broken.call('POST', '/v1/interactions', { token: team.member.token, body: { interactions: [{ ...record, id: uuidv7() }] } });
      expect(failed.status).toBe(500);
      expect(failed.json.error.code).toBe('internal');
      expect((await broken.call('PUT', '/v1/voice', { token: team.manager.token, headers: { 'if-match': '1' }, body: { signOff: secretText } })).status).toBe(500);
      expect(lines.length).toBeGreaterThan(0);
      const log = lines.join('\n');
      expect(log).toContain('POST /v1/interactions');
      for (const secret of [team.owner.token, team.manager.token, team.member.token, team.invites.member, team.invites.manager, secretText, 'customer_handle']) {
        expect(log).not.toContain(secret);
      }
      for (const token of [team.owner.token, team.member.token]) expect(log).not.toContain(sha256(token));
      // The answer to a failed request carries nothing of it either.
      expect(failed.text).not.toContain(secretText);
    } finally {
      await broken.dispose();
    }
  });
});
