// A member's computer clock an hour fast or slow. The extension's sync engine (fake-indexeddb)
// pushes to the real API in-process; the server corrects browser-clock times by the error it
// sees in X-Chorus-Sent-At, so the team summary dates the reply on the day it happened and its
// reply time is the true one. Without the header (an old client, a script), a fast clock's
// times are taken as the moment they arrived, and a slow clock's reply earlier than the post
// is left out of reply time (never a negative one).
//
// Which clock each figure uses (shared/metrics.ts): actedAt and seenAt are the member's
// browser clock, corrected on arrival as above; itemPostedAt is the site's (read from the page);
// "now" (what is due, generatedAt) and receivedAt are the server's.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp, uuidv7 } from '../api/test/harness.ts';
import { ChorusDb, recordInteraction } from '../extension/db.ts';
import { dexieLock, flush, type SyncDeps, type TeamConnection } from '../extension/sync.ts';
import type { Summary } from '../shared/metrics.ts';
import type { Interaction } from '../shared/schemas.ts';

const SERVER = 'http://chorus.test';
const HOUR = 3600_000;
const MINUTE = 60_000;
/** 23:40 UTC: an hour fast is already tomorrow. */
const NOW = Date.parse('2026-03-10T23:40:00Z');
const TODAY = '2026-03-10';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  t.clock.now = new Date(NOW);
});
afterAll(() => t.dispose());

let serial = 0;
/** A member whose browser clock is `offset` ms off, with the real outbox and sync engine. */
async function memberWithClock(offset: number) {
  const team = await t.team();
  const db = new ChorusDb(`chorus-clock-${serial++}`);
  const clock = () => NOW + offset;
  const deps: SyncDeps = {
    db,
    fetch: async (url, init) => t.app.request(url, init),
    now: clock,
    random: () => 0.5,
    sleep: async () => {},
    lock: dexieLock(db, clock),
  };
  const conn: TeamConnection = { serverUrl: SERVER, token: team.member.token, team: { id: team.id, name: 'Northwind Coffee' } };
  return { team, db, deps, conn, clock };
}

/** A reply the member makes "now" by their clock to a post the site dates 10 minutes ago (true time). */
const replyNow = (clockNow: number, n: number): Interaction => ({
  id: uuidv7(clockNow),
  itemKey: `x:18900000000000000${10 + n}`,
  platform: 'x',
  kind: 'reply',
  actedAt: new Date(clockNow).toISOString(),
  itemPostedAt: new Date(NOW - 10 * MINUTE).toISOString(),
  seenAt: new Date(clockNow - 2 * MINUTE).toISOString(),
  category: 'question',
});

async function summary(token: string, day = TODAY): Promise<Summary> {
  const r = await t.call('GET', `/v1/summary?from=${day}&to=${day}&tz=UTC`, { token });
  expect(r.status).toBe(200);
  return r.json as Summary;
}

describe('a member clock off by an hour', () => {
  for (const offset of [HOUR, -HOUR]) {
    it(`${offset > 0 ? 'fast' : 'slow'}: the reply counts today with its true reply time, through the extension's sync`, async () => {
      const m = await memberWithClock(offset);
      await recordInteraction(m.db, m.team.id, replyNow(m.clock(), 1));
      const flushed = await flush(m.conn, m.deps, { force: true });
      expect(flushed.counts.interactions.accepted).toBe(1);

      const s = await summary(m.team.owner.token);
      expect(s.totals.interactions).toBe(1);
      expect(s.byDay.map((d) => [d.day, d.interactions])).toEqual([[TODAY, 1]]);
      expect(s.totals.replyTimeMs.median).toBe(10 * MINUTE);
      // Nothing dated after the server's now.
      const row = await t.call('GET', `/v1/export/interactions.csv?from=${TODAY}&to=2026-03-11&tz=UTC`, { token: m.team.owner.token });
      const actedAt = Date.parse(row.text.split('\n')[1]!.split(',')[1]!);
      expect(actedAt).toBeLessThanOrEqual(NOW);
      expect(Math.abs(actedAt - NOW)).toBeLessThan(MINUTE);
      await m.db.delete();
    });
  }

  it('fast, without the clock header: taken as arrived now, never on a future day', async () => {
    const team = await t.team();
    const r = await t.call('POST', '/v1/interactions', { token: team.member.token, body: { interactions: [replyNow(NOW + HOUR, 2)] } });
    expect(r.json.accepted).toHaveLength(1);
    const today = await summary(team.owner.token);
    expect(today.totals.interactions).toBe(1);
    expect(today.totals.replyTimeMs.median).toBe(10 * MINUTE);
    const tomorrow = await summary(team.owner.token, '2026-03-11');
    expect(tomorrow.totals.interactions).toBe(0);
  });

  it('slow, without the clock header: the reply counts, but no negative reply time', async () => {
    const team = await t.team();
    const r = await t.call('POST', '/v1/interactions', { token: team.member.token, body: { interactions: [replyNow(NOW - HOUR, 3)] } });
    expect(r.json.accepted).toHaveLength(1);
    const s = await summary(team.owner.token);
    expect(s.totals.interactions).toBe(1);
    // 50 minutes before the post by this clock: left out rather than counted as negative.
    expect(s.totals.replyTimeMs).toMatchObject({ median: null, count: 0 });
    for (const group of [...s.byMember, ...s.byPlatform, ...s.byDay]) {
      expect(group.replyTimeMs.median ?? 0).toBeGreaterThanOrEqual(0);
    }
  });

  it('a header within a minute of the server clock changes nothing', async () => {
    const team = await t.team();
    const i = replyNow(NOW - 30_000, 4);
    const r = await t.call('POST', '/v1/interactions', {
      token: team.member.token,
      body: { interactions: [i] },
      headers: { 'x-chorus-sent-at': String(NOW - 30_000) },
    });
    expect(r.json.accepted).toHaveLength(1);
    const csv = await t.call('GET', `/v1/export/interactions.csv?from=${TODAY}&to=${TODAY}&tz=UTC`, { token: team.owner.token });
    expect(Date.parse(csv.text.split('\n')[1]!.split(',')[1]!)).toBe(Date.parse(i.actedAt));
  });
});
