// Team activity ("answered by Ben", "Maya is replying") and claims.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestApp, testApp, uuidv7 } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.dispose());

const NOW = Date.parse('2025-03-05T12:00:00Z');
beforeEach(() => {
  t.clock.now = new Date(NOW);
});

let serial = 0;
function reply(over: Record<string, unknown> = {}) {
  const at = NOW - 3600_000 + serial++ * 1000;
  return { id: uuidv7(at), itemKey: `x:${1_900_000_000_000 + serial}`, platform: 'x', kind: 'reply', actedAt: new Date(at).toISOString(), ...over };
}

async function push(token: string, interactions: unknown[]) {
  const r = await t.call('POST', '/v1/interactions', { token, body: { interactions } });
  expect(r.status).toBe(200);
  expect(r.json.rejected).toEqual([]);
  return r.json as { accepted: string[]; duplicate: string[] };
}

const activity = (token: string, query = '') => t.call('GET', `/v1/activity${query}`, { token });

/** Activity only returns changes committed before every transaction still running on the
 * server (so a cursor never skips a late commit); on a shared Postgres server a fresh write
 * can take a moment to appear. Pulls until `ready`. */
async function activityWhen(token: string, query: string, ready: (page: any) => boolean) {
  let page: any;
  for (let attempt = 0; attempt < 200; attempt++) {
    const r = await activity(token, query);
    expect(r.status).toBe(200);
    page = r.json;
    if (ready(page)) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return page;
}
const keys = (page: { items: { itemKey: string }[] }) => page.items.map((i) => i.itemKey);

describe('GET /v1/activity', () => {
  it('shows who did what to which item, with member name and kind', async () => {
    const team = await t.team();
    const ben = reply({ itemKey: 'x:111' });
    const maya = reply({ itemKey: 'x:222', kind: 'like' });
    await push(team.member.token, [ben]);
    await push(team.manager.token, [maya]);
    const page = await activityWhen(team.owner.token, '', (p) => p.items.length === 2);
    expect(page.items).toEqual([
      { itemKey: 'x:111', memberId: team.member.id, memberName: 'Ben', kind: 'reply', at: ben.actedAt },
      { itemKey: 'x:222', memberId: team.manager.id, memberName: 'Maya', kind: 'like', at: maya.actedAt },
    ]);
    expect(page.claims).toEqual([]);
    expect(page.hasMore).toBe(false);
    expect(typeof page.cursor).toBe('string');
  });

  it('pages with since and limit; hasMore tells when to pull again; the last cursor returns nothing new', async () => {
    const team = await t.team();
    const batch = Array.from({ length: 5 }, () => reply());
    await push(team.member.token, batch);
    await activityWhen(team.member.token, '?limit=1000', (p) => p.items.length === 5);

    const seen: string[] = [];
    const pages: { n: number; hasMore: boolean }[] = [];
    let cursor = '';
    for (let guard = 0; guard < 10; guard++) {
      const r = await activity(team.member.token, `?limit=2${cursor ? `&since=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      seen.push(...keys(r.json));
      pages.push({ n: r.json.items.length, hasMore: r.json.hasMore });
      cursor = r.json.cursor;
      if (!r.json.hasMore) break;
    }
    expect(pages).toEqual([
      { n: 2, hasMore: true },
      { n: 2, hasMore: true },
      { n: 1, hasMore: false },
    ]);
    expect(seen).toEqual(batch.map((b) => b.itemKey));

    const done = await activity(team.member.token, `?since=${cursor}`);
    expect(done.json).toMatchObject({ items: [], hasMore: false, cursor });

    // Replaying the batch (the outbox retrying) adds no activity; a new record does.
    const fresh = reply();
    const replay = await push(team.member.token, [...batch, fresh]);
    expect(replay.accepted).toEqual([fresh.id]);
    const next = await activityWhen(team.member.token, `?since=${cursor}`, (p) => p.items.length > 0);
    expect(keys(next)).toEqual([fresh.itemKey]);
    expect(next.hasMore).toBe(false);
  });

  it('an old cursor replayed gives the same page again (a client that lost an answer loses nothing)', async () => {
    const team = await t.team();
    const batch = Array.from({ length: 3 }, () => reply());
    await push(team.member.token, batch);
    const first = await activityWhen(team.member.token, '?limit=1', (p) => p.items.length === 1 && p.hasMore);
    const a = await activity(team.member.token, `?limit=1&since=${first.cursor}`);
    const b = await activity(team.member.token, `?limit=1&since=${first.cursor}`);
    expect(a.json).toEqual(b.json);
    expect(keys(a.json)).toEqual([batch[1]!.itemKey]);
  });

  it('refuses a cursor it did not issue with 400 naming since, and bad limits', async () => {
    const team = await t.team();
    const notOurs = Buffer.from('hello world').toString('base64url');
    const bogus = await activity(team.member.token, `?since=${notOurs}`);
    expect(bogus.status).toBe(400);
    expect(bogus.json.error).toMatchObject({ code: 'bad_request', field: 'since' });
    const junk = await activity(team.member.token, '?since=%2F..%2F');
    expect(junk.status).toBe(400);
    expect(junk.json.error.field).toMatch(/since$/);
    for (const limit of ['0', '-1', '1001', 'ten', '1.5']) {
      const r = await activity(team.member.token, `?limit=${limit}`);
      expect(r.status).toBe(400);
      expect(r.json.error.field).toMatch(/limit$/);
    }
  });

  it('a first pull reaches back 7 days only', async () => {
    const team = await t.team();
    const old = reply({ itemKey: 'x:old', actedAt: new Date(NOW - 8 * 86_400_000).toISOString() });
    const edge = reply({ itemKey: 'x:six-days', actedAt: new Date(NOW - 6 * 86_400_000).toISOString() });
    const recent = reply({ itemKey: 'x:recent' });
    // One batch, so all three become readable at the same moment.
    expect((await push(team.member.token, [old, edge, recent])).accepted).toHaveLength(3);
    const page = await activityWhen(team.member.token, '', (p) => p.items.length >= 2);
    expect(keys(page)).toEqual(['x:six-days', 'x:recent']);
  });

  it('shows only the caller team', async () => {
    const team = await t.team();
    const other = await t.team('Other');
    await push(other.member.token, [reply({ itemKey: 'x:theirs' })]);
    await push(team.member.token, [reply({ itemKey: 'x:ours' })]);
    const page = await activityWhen(team.member.token, '', (p) => p.items.length > 0);
    expect(keys(page)).toEqual(['x:ours']);
  });
});

describe('claims', () => {
  const claim = (token: string, itemKey: string, ttlSeconds: number) => t.call('POST', '/v1/claims', { token, body: { itemKey, ttlSeconds } });
  const claimsSeenBy = async (token: string) => (await activity(token)).json.claims as { itemKey: string; memberName: string; expiresAt: string }[];

  it('POST /v1/claims answers 201 {claim} expiring ttl seconds from now; others see it while it lives', async () => {
    const team = await t.team();
    const r = await claim(team.member.token, 'x:c1', 120);
    expect(r.status).toBe(201);
    expect(r.json).toEqual({
      claim: {
        itemKey: 'x:c1',
        memberId: team.member.id,
        memberName: 'Ben',
        createdAt: new Date(NOW).toISOString(),
        expiresAt: new Date(NOW + 120_000).toISOString(),
      },
    });
    expect(await claimsSeenBy(team.manager.token)).toEqual([r.json.claim]);

    t.clock.now = new Date(NOW + 119_000);
    expect((await claimsSeenBy(team.manager.token)).map((c) => c.itemKey)).toEqual(['x:c1']);
    t.clock.now = new Date(NOW + 121_000);
    expect(await claimsSeenBy(team.manager.token)).toEqual([]);
  });

  it('claiming again extends the claim and keeps when it started', async () => {
    const team = await t.team();
    await claim(team.member.token, 'x:c2', 60);
    t.clock.now = new Date(NOW + 30_000);
    const again = await claim(team.member.token, 'x:c2', 60);
    expect(again.status).toBe(201);
    expect(again.json.claim).toMatchObject({
      createdAt: new Date(NOW).toISOString(),
      expiresAt: new Date(NOW + 90_000).toISOString(),
    });
    // Past the first expiry, still claimed; one claim, not two.
    t.clock.now = new Date(NOW + 70_000);
    expect(await claimsSeenBy(team.manager.token)).toEqual([again.json.claim]);
    // After it lapsed, a new claim starts afresh.
    t.clock.now = new Date(NOW + 200_000);
    expect(await claimsSeenBy(team.manager.token)).toEqual([]);
    const fresh = await claim(team.member.token, 'x:c2', 30);
    expect(fresh.json.claim).toMatchObject({
      createdAt: new Date(NOW + 200_000).toISOString(),
      expiresAt: new Date(NOW + 230_000).toISOString(),
    });
  });

  it('two members may claim one item; both claims are shown', async () => {
    const team = await t.team();
    await claim(team.member.token, 'x:c3', 60);
    await claim(team.manager.token, 'x:c3', 120);
    const seen = await claimsSeenBy(team.owner.token);
    expect(seen.map((c) => [c.itemKey, c.memberName])).toEqual([
      ['x:c3', 'Ben'],
      ['x:c3', 'Maya'],
    ]);
  });

  it('DELETE /v1/claims releases only the caller own claim; 404 when there is none', async () => {
    const team = await t.team();
    await claim(team.member.token, 'x:c4', 300);
    await claim(team.manager.token, 'x:c5', 300);

    const released = await t.call('DELETE', '/v1/claims?itemKey=x:c4', { token: team.member.token });
    expect(released.status).toBe(200);
    expect(released.json).toEqual({ released: 'x:c4' });
    expect((await claimsSeenBy(team.owner.token)).map((c) => c.itemKey)).toEqual(['x:c5']);

    const again = await t.call('DELETE', '/v1/claims?itemKey=x:c4', { token: team.member.token });
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe('not_found');
    // Ben cannot release Maya's claim.
    const others = await t.call('DELETE', '/v1/claims?itemKey=x:c5', { token: team.member.token });
    expect(others.status).toBe(404);
    expect((await claimsSeenBy(team.owner.token)).map((c) => c.itemKey)).toEqual(['x:c5']);
  });

  it('refuses bad claims with 400 naming the field', async () => {
    const team = await t.team();
    const cases: [unknown, string][] = [
      [{ itemKey: 'x:1', ttlSeconds: 1 }, 'ttlSeconds'],
      [{ itemKey: 'x:1', ttlSeconds: 3601 }, 'ttlSeconds'],
      [{ itemKey: 'x:1', ttlSeconds: 10.5 }, 'ttlSeconds'],
      [{ itemKey: 'x:1' }, 'ttlSeconds'],
      [{ itemKey: 'no-platform', ttlSeconds: 60 }, 'itemKey'],
      [{ itemKey: 'x:a b', ttlSeconds: 60 }, 'itemKey'],
      [{ itemKey: 'x:a\u0000b', ttlSeconds: 60 }, 'itemKey'],
    ];
    for (const [body, field] of cases) {
      const r = await t.call('POST', '/v1/claims', { token: team.member.token, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error).toMatchObject({ code: 'bad_request', field });
    }
    const noKey = await t.call('DELETE', '/v1/claims', { token: team.member.token });
    expect(noKey.status).toBe(400);
    expect(noKey.json.error.field).toMatch(/itemKey$/);
    expect(await claimsSeenBy(team.owner.token)).toEqual([]);
  });
});
