// GET /v1/summary and the CSV exports through the HTTP API, against hand-computed figures.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, onPostgres, testApp, uuidv7 } from '../test/harness.ts';

let t: TestApp;
// One database per file; every test makes its own team, so tests stay independent.
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.dispose());

/**
 * Tehran (+03:30, no DST), open Saturday–Wednesday 08:00–16:00 local = 04:30–12:30 UTC.
 * Thursday and Friday are closed. SLA: question 60 min, complaint 30 min (business time).
 */
const TEHRAN = {
  timeZone: 'Asia/Tehran',
  businessHours: { days: [6, 7, 1, 2, 3], open: '08:00', close: '16:00' },
  slaMinutes: { question: 60, complaint: 30 },
};
/** Tuesday 2026-03-10 21:00 UTC = Wednesday 00:30 in Tehran. */
const NOW = new Date('2026-03-10T21:00:00Z');

type Who = 'owner' | 'manager' | 'member';
type Team = Awaited<ReturnType<TestApp['team']>>;

let teams = 0;
async function newTeam(settings: Record<string, unknown> = TEHRAN): Promise<Team> {
  t.clock.now = NOW;
  return t.team(`Summary team ${++teams}`, settings);
}

async function push(team: Team, who: Who, interactions: Record<string, unknown>[]): Promise<string[]> {
  const records = interactions.map((i) => ({ id: uuidv7(Date.parse(i.actedAt as string)), ...i }));
  const r = await t.call('POST', '/v1/interactions', { token: team[who].token, body: { interactions: records } });
  expect(r.status).toBe(200);
  expect(r.json.rejected).toEqual([]);
  expect(r.json.accepted).toHaveLength(records.length);
  return records.map((i) => i.id);
}

async function pushItems(team: Team, who: Who, items: Record<string, unknown>[]): Promise<void> {
  const r = await t.call('POST', '/v1/items', { token: team[who].token, body: { items } });
  expect(r.status).toBe(200);
  expect(r.json.rejected).toEqual([]);
}

/*
 * The data set (owner Ana, manager Maya, member Ben). Times in UTC; Tehran = UTC + 3:30.
 *
 *  item             cat.       lang   posted          seen (by)           interactions
 *  x:1001           question   fa     Mon 05:00       Mon 05:10 (Maya)    like Ben 05:20, reply Maya 05:40 (first), reply Ben 06:00
 *  reddit:t1_2002   complaint  he     Mon 12:10       Mon 12:15 (Ben)     comment Ben Mon 22:00 (= Tue 01:30 Tehran)
 *  youtube:c3       question   sw     –               Tue 10:00 (Ana)     comment Ana Tue 20:45 (= Wed 00:15 Tehran)
 *  x:1004           question   vi     Sun 21:00       Sun 21:05 (Maya)    reply Maya Mon 05:00   (seen Sunday in UTC, Monday in Tehran)
 *  x:1008           question   fa-IR  –               Tue 12:25 (Ana)     none: 5 business min by now, not due
 *  x:1009           complaint  he     Mon 05:50       Mon 06:00 (Ben)     none: due, late
 *  x:1010           question   vi     Feb 20 10:00    Mon 07:00 (Ben)     reply Ben Mon 07:30    (stale)
 *  instagram:dm7    (no item)  purchase_intent, en-GB, posted Mon 23:00    dm Maya Mon 23:30 (= Tue 03:00 Tehran)
 *  linkedin:share9  (no item)  praise, en                                  share Ana Sun 22:00 (= Mon 01:30 Tehran)
 *
 * Mon = 2026-03-09, Tue = 2026-03-10, Sun = 2026-03-08.
 *
 * First replies, calendar and business time (business = 04:30–12:30 UTC, Sat–Wed):
 *  x:1001   05:00 → 05:40            40 min = 2 400 000     business 40 min = 2 400 000     in SLA (≤ 60)
 *  reddit   12:10 → 22:00            9 h 50 = 35 400 000    business 12:10–12:30 = 1 200 000 in SLA (≤ 30)
 *  youtube  10:00 → 20:45            10 h 45 = 38 700 000   business 10:00–12:30 = 9 000 000 late (> 60)
 *  x:1004   Sun 21:00 → Mon 05:00    8 h = 28 800 000       business Mon 04:30–05:00 = 1 800 000 in SLA
 *  dm7      23:00 → 23:30            30 min = 1 800 000     business 0 (02:30–03:00 at night in Tehran)
 *  x:1010   stale (seen 16 days after posting): no reply time, no response rate
 *  x:1009   unanswered, Mon 05:50 → now: Mon 6 h 40 + Tue 8 h ≫ 30 → due, late
 */
async function seed(): Promise<Team> {
  const team = await newTeam();
  await pushItems(team, 'manager', [
    { itemKey: 'x:1001', platform: 'x', category: 'question', lang: 'fa', itemPostedAt: '2026-03-09T05:00:00Z', seenAt: '2026-03-09T05:10:00Z' },
    { itemKey: 'x:1004', platform: 'x', category: 'question', lang: 'vi', itemPostedAt: '2026-03-08T21:00:00Z', seenAt: '2026-03-08T21:05:00Z' },
  ]);
  await pushItems(team, 'member', [
    { itemKey: 'reddit:t1_2002', platform: 'reddit', category: 'complaint', lang: 'he', itemPostedAt: '2026-03-09T12:10:00Z', seenAt: '2026-03-09T12:15:00Z' },
    { itemKey: 'x:1009', platform: 'x', category: 'complaint', lang: 'he', itemPostedAt: '2026-03-09T05:50:00Z', seenAt: '2026-03-09T06:00:00Z' },
    { itemKey: 'x:1010', platform: 'x', category: 'question', lang: 'vi', itemPostedAt: '2026-02-20T10:00:00Z', seenAt: '2026-03-09T07:00:00Z' },
  ]);
  await pushItems(team, 'owner', [
    { itemKey: 'youtube:c3', platform: 'youtube', category: 'question', lang: 'sw', seenAt: '2026-03-10T10:00:00Z' },
    { itemKey: 'x:1008', platform: 'x', category: 'question', lang: 'fa-IR', seenAt: '2026-03-10T12:25:00Z' },
  ]);
  await push(team, 'manager', [
    { itemKey: 'x:1001', platform: 'x', kind: 'reply', actedAt: '2026-03-09T05:40:00Z', category: 'question', lang: 'fa',
      itemPostedAt: '2026-03-09T05:00:00Z', seenAt: '2026-03-09T05:10:00Z', text: 'سلام! ممنون از پیام شما' },
    { itemKey: 'x:1004', platform: 'x', kind: 'reply', actedAt: '2026-03-09T05:00:00Z', category: 'question', lang: 'vi',
      text: 'Cảm ơn bạn đã hỏi' },
    { itemKey: 'instagram:dm7', platform: 'instagram', kind: 'dm', actedAt: '2026-03-09T23:30:00Z', category: 'purchase_intent',
      lang: 'en-GB', itemPostedAt: '2026-03-09T23:00:00Z' },
  ]);
  await push(team, 'member', [
    { itemKey: 'x:1001', platform: 'x', kind: 'like', actedAt: '2026-03-09T05:20:00Z' },
    { itemKey: 'x:1001', platform: 'x', kind: 'reply', actedAt: '2026-03-09T06:00:00Z', category: 'question', lang: 'fa' },
    { itemKey: 'reddit:t1_2002', platform: 'reddit', kind: 'comment', actedAt: '2026-03-09T22:00:00Z', category: 'complaint', lang: 'he',
      text: 'מצטערים על העיכוב' },
    { itemKey: 'x:1010', platform: 'x', kind: 'reply', actedAt: '2026-03-09T07:30:00Z', category: 'question', lang: 'vi' },
  ]);
  await push(team, 'owner', [
    { itemKey: 'youtube:c3', platform: 'youtube', kind: 'comment', actedAt: '2026-03-10T20:45:00Z', category: 'question', lang: 'sw',
      text: 'Asante kwa swali lako' },
    { itemKey: 'linkedin:share9', platform: 'linkedin', kind: 'share', actedAt: '2026-03-08T22:00:00Z', category: 'praise', lang: 'en' },
  ]);
  return team;
}

const summary = (team: Team, query: string, who: Who = 'manager') =>
  t.call('GET', `/v1/summary?${query}`, { token: team[who].token });
const q = (median: number | null, p90: number | null, count: number) => ({ median, p90, count });
type Row = { interactions: number; replies: number; due: number; answeredInSla: number; responseRate: number | null };
const pick = (r: Row) => [r.interactions, r.replies, r.due, r.answeredInSla, r.responseRate];

describe('GET /v1/summary', () => {
  it('totals, members, days and languages in UTC', async () => {
    const team = await seed();
    const r = await summary(team, 'from=2026-03-09&to=2026-03-10&tz=UTC');
    expect(r.status).toBe(200);
    const s = r.json;
    expect(s).toMatchObject({ from: '2026-03-09', to: '2026-03-10', tz: 'UTC', generatedAt: NOW.toISOString() });
    // In [Mon 00:00, Wed 00:00) UTC: 3 on x:1001, reddit, youtube, x:1004, dm7, x:1010 = 8 (Sunday's share is out);
    // replies: all but the like = 7
    expect(s.totals.interactions).toBe(8);
    expect(s.totals.replies).toBe(7);
    // calendar sorted [1.8M, 2.4M, 28.8M, 35.4M, 38.7M]: median 28 800 000;
    // p90 h = 4·0.9 = 3.6 → 35.4M + 0.6·3.3M = 37 380 000
    expect(s.totals.replyTimeMs).toEqual(q(28_800_000, 37_380_000, 5));
    // business sorted [0, 1.2M, 1.8M, 2.4M, 9.0M]: median 1 800 000; p90 → 2.4M + 0.6·6.6M = 6 360 000
    expect(s.totals.businessReplyTimeMs).toEqual(q(1_800_000, 6_360_000, 5));
    // due: x:1001 (in), reddit (in), youtube (late), x:1009 (late); x:1004 was seen on Sunday (UTC),
    // x:1008 is not due yet, x:1010 is stale → 2/4
    expect(s.totals).toMatchObject({ due: 4, answeredInSla: 2, responseRate: 0.5 });

    // byMember with names, by volume
    expect(s.byMember.map((m: Row & { name: string }) => [m.name, ...pick(m)])).toEqual([
      ['Ben', 4, 3, 2, 1, 0.5], // like, 2 replies, comment; saw reddit (in), x:1009 (late), x:1010 (stale)
      ['Maya', 3, 3, 1, 1, 1], // 2 replies + dm; saw x:1001 (in); x:1004 seen Sunday
      ['Ana', 1, 1, 1, 0, 0], // youtube comment; saw youtube (late) and x:1008 (not due)
    ]);
    const maya = s.byMember.find((m: { name: string }) => m.name === 'Maya');
    // Maya's first replies: x:1001 2.4M, x:1004 28.8M, dm7 1.8M → sorted [1.8M, 2.4M, 28.8M]:
    // median 2.4M; p90 h = 1.8 → 2.4M + 0.8·26.4M = 23 520 000
    expect(maya.replyTimeMs).toEqual(q(2_400_000, 23_520_000, 3));
    // business [0, 1.8M, 2.4M]: median 1.8M; p90 → 1.8M + 0.8·0.6M = 2 280 000
    expect(maya.businessReplyTimeMs).toEqual(q(1_800_000, 2_280_000, 3));
    expect(s.byMember[0].memberId).toBe(team.member.id);

    // byDay: Mon a, b, c, d (22:00), f, g (23:30), h = 7; Tue youtube = 1
    expect(s.byDay.map((d: Row & { day: string }) => [d.day, ...pick(d)])).toEqual([
      ['2026-03-09', 7, 6, 3, 2, 2 / 3], // seen Mon: x:1001 (in), reddit (in), x:1009 (late)
      ['2026-03-10', 1, 1, 1, 0, 0], // seen Tue: youtube (late)
    ]);
    // Monday's first replies [1.8M, 2.4M, 28.8M, 35.4M]: median 15.6M; p90 h = 2.7 → 28.8M + 0.7·6.6M = 33 420 000
    expect(s.byDay[0].replyTimeMs).toEqual(q(15_600_000, 33_420_000, 4));
    expect(s.byDay[1].replyTimeMs).toEqual(q(38_700_000, 38_700_000, 1));

    // byLanguage (primary subtags): fa 3, vi 2, then he / sw / en with 1 each
    // (ties: reply-time count 1 each, then due: he 2, sw 1, en 0)
    expect(s.byLanguage.map((l: Row & { lang: string }) => [l.lang, ...pick(l)])).toEqual([
      ['fa', 3, 2, 1, 1, 1], // like + 2 replies on x:1001; x:1008 (fa-IR) not due
      ['vi', 2, 2, 0, 0, null], // x:1004 reply, x:1010 reply; x:1004 seen Sunday, x:1010 stale
      ['he', 1, 1, 2, 1, 0.5], // reddit comment; reddit in, x:1009 late
      ['sw', 1, 1, 1, 0, 0],
      ['en', 1, 1, 0, 0, null], // dm7 (en-GB)
    ]);
    const lang = Object.fromEntries(s.byLanguage.map((l: { lang: string }) => [l.lang, l]));
    expect(lang.vi.replyTimeMs).toEqual(q(28_800_000, 28_800_000, 1)); // x:1010 is stale
    expect(lang.he.businessReplyTimeMs).toEqual(q(1_200_000, 1_200_000, 1));

    expect(s.byPlatform.map((p: Row & { platform: string }) => [p.platform, p.interactions])).toEqual([
      ['x', 5],
      ['reddit', 1],
      ['youtube', 1],
      ['instagram', 1],
    ]);
    expect(s.byCategory.map((c: Row & { category: string }) => [c.category, c.interactions, c.due])).toEqual([
      ['question', 6, 2], // x:1001 ×3, youtube, x:1004, x:1010; due x:1001, youtube
      ['complaint', 1, 2], // reddit; due reddit, x:1009
      ['purchase_intent', 1, 0],
    ]);
  });

  it('the same data in Asia/Tehran: a reply at 22:00 UTC falls on the next day', async () => {
    const team = await seed();
    const s = (await summary(team, 'from=2026-03-09&to=2026-03-10&tz=Asia/Tehran')).json;
    // Range [Sun 20:30, Tue 20:30) UTC: Sunday's share (22:00) is in, youtube (Tue 20:45) is out → 8
    expect(s.totals.interactions).toBe(8);
    expect(s.totals.replies).toBe(6);
    // first replies [1.8M, 2.4M, 28.8M, 35.4M]: median 15.6M; p90 33 420 000
    expect(s.totals.replyTimeMs).toEqual(q(15_600_000, 33_420_000, 4));
    // business [0, 1.2M, 1.8M, 2.4M]: median h = 1.5 → 1.5M; p90 h = 2.7 → 1.8M + 0.7·0.6M = 2 220 000
    expect(s.totals.businessReplyTimeMs).toEqual(q(1_500_000, 2_220_000, 4));
    // due: x:1001, reddit, x:1004 (seen Mon 00:35 Tehran) in SLA; youtube, x:1009 late → 3/5
    expect(s.totals).toMatchObject({ due: 5, answeredInSla: 3, responseRate: 0.6 });

    expect(s.byDay.map((d: Row & { day: string }) => [d.day, ...pick(d)])).toEqual([
      // Mon (Tehran): x:1001 ×3, x:1004, x:1010, share = 6; seen: x:1001, reddit, x:1004 in; x:1009 late
      ['2026-03-09', 6, 4, 4, 3, 0.75],
      // Tue (Tehran): reddit comment (01:30), dm7 (03:00) = 2; seen: youtube (late)
      ['2026-03-10', 2, 2, 1, 0, 0],
    ]);
    // Mon: x:1001 2.4M, x:1004 28.8M → median 15.6M; p90 2.4M + 0.9·26.4M = 26 160 000
    expect(s.byDay[0].replyTimeMs).toEqual(q(15_600_000, 26_160_000, 2));
    // Tue: dm7 1.8M, reddit 35.4M → median 18.6M; p90 1.8M + 0.9·33.6M = 32 040 000
    expect(s.byDay[1].replyTimeMs).toEqual(q(18_600_000, 32_040_000, 2));
    // business Tue [0, 1.2M]: median 600 000; p90 1 080 000
    expect(s.byDay[1].businessReplyTimeMs).toEqual(q(600_000, 1_080_000, 2));

    expect(s.byMember.map((m: Row & { name: string }) => [m.name, ...pick(m)])).toEqual([
      ['Ben', 4, 3, 2, 1, 0.5],
      ['Maya', 3, 3, 2, 2, 1], // x:1004 now seen in range
      ['Ana', 1, 0, 1, 0, 0], // only the share; youtube's comment is on Wednesday in Tehran
    ]);
    // fa 3; vi 2 and en 2 (dm7 + share) tie, vi has a due item; he 1; sw: no interaction, one due item
    expect(s.byLanguage.map((l: Row & { lang: string }) => [l.lang, ...pick(l)])).toEqual([
      ['fa', 3, 2, 1, 1, 1],
      ['vi', 2, 2, 1, 1, 1],
      ['en', 2, 1, 0, 0, null],
      ['he', 1, 1, 2, 1, 0.5],
      ['sw', 0, 0, 1, 0, 0],
    ]);
  });

  it('every day of the range is present, empty days with zeros', async () => {
    const team = await seed();
    const s = (await summary(team, 'from=2026-03-07&to=2026-03-12&tz=UTC')).json;
    expect(s.byDay.map((d: { day: string }) => d.day)).toEqual([
      '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12',
    ]);
    // Sunday: the share, and x:1004 seen (answered Monday, in SLA)
    expect(s.byDay.map(pick)).toEqual([
      [0, 0, 0, 0, null],
      [1, 0, 1, 1, 1],
      [7, 6, 3, 2, 2 / 3],
      [1, 1, 1, 0, 0],
      [0, 0, 0, 0, null],
      [0, 0, 0, 0, null],
    ]);
    expect(s.byDay[0].replyTimeMs).toEqual(q(null, null, 0));
    expect(s.totals).toMatchObject({ interactions: 9, due: 5, answeredInSla: 3 });
  });

  it('a member sees only their own work', async () => {
    const team = await seed();
    const r = await summary(team, 'from=2026-03-09&to=2026-03-10&tz=UTC', 'member');
    expect(r.status).toBe(200);
    const s = r.json;
    // Ben: like, reply on x:1001 (not the first), reddit comment, x:1010 reply (stale)
    expect(pick(s.totals)).toEqual([4, 3, 2, 1, 0.5]);
    expect(s.totals.replyTimeMs).toEqual(q(35_400_000, 35_400_000, 1));
    expect(s.totals.businessReplyTimeMs).toEqual(q(1_200_000, 1_200_000, 1));
    expect(s.byMember.map((m: { name: string }) => m.name)).toEqual(['Ben']);
    expect(s.byDay.map(pick)).toEqual([
      [4, 3, 2, 1, 0.5],
      [0, 0, 0, 0, null],
    ]);
    expect(s.byPlatform.map((p: { platform: string }) => p.platform)).toEqual(['x', 'reddit']);
  });

  it('catches up with interactions and items pushed after a first summary', async () => {
    const team = await seed();
    const query = 'from=2026-03-09&to=2026-03-10&tz=UTC';
    expect((await summary(team, query)).json.totals).toMatchObject({ interactions: 8, due: 4 });
    // Ana answers x:1008 at 12:40: seen 12:25 → 15 min = 900 000 (business 12:25–12:30 = 300 000), in SLA
    await push(team, 'owner', [
      { itemKey: 'x:1008', platform: 'x', kind: 'reply', actedAt: '2026-03-10T12:40:00Z', category: 'question', lang: 'fa-IR' },
    ]);
    // A new complaint seen by Maya Tue 08:00, unanswered: 4 h 30 business by now → due, late.
    // Ben had seen x:1001 at 05:05, before Maya (05:10): the earliest sighting moves it to him.
    await pushItems(team, 'manager', [
      { itemKey: 'x:1011', platform: 'x', category: 'complaint', lang: 'vi', seenAt: '2026-03-10T08:00:00Z' },
    ]);
    await pushItems(team, 'member', [{ itemKey: 'x:1001', platform: 'x', seenAt: '2026-03-09T05:05:00Z' }]);
    const s = (await summary(team, query)).json;
    expect(pick(s.totals)).toEqual([9, 8, 6, 3, 0.5]);
    // [0.9M, 1.8M, 2.4M, 28.8M, 35.4M, 38.7M]: median h = 2.5 → 2.4M + 0.5·26.4M = 15 600 000;
    // p90 h = 4.5 → 35.4M + 0.5·3.3M = 37 050 000
    expect(s.totals.replyTimeMs).toEqual(q(15_600_000, 37_050_000, 6));
    expect(s.byMember.map((m: Row & { name: string }) => [m.name, ...pick(m)])).toEqual([
      ['Ben', 4, 3, 3, 2, 2 / 3], // now also x:1001 (in SLA)
      ['Maya', 3, 3, 1, 0, 0], // x:1011 (late)
      ['Ana', 2, 2, 2, 1, 0.5], // youtube (late), x:1008 (in)
    ]);
    // Asking again changes nothing (no row counted twice).
    expect(pick((await summary(team, query)).json.totals)).toEqual([9, 8, 6, 3, 0.5]);
  });

  it.runIf(onPostgres)('counts rows committed while an older transaction is still open', async () => {
    const team = await seed();
    const query = 'from=2026-03-09&to=2026-03-10&tz=UTC';
    expect((await summary(team, query)).json.totals.interactions).toBe(8);
    // An older transaction (any database on the server would do) holds the snapshot's xmin back.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_current_xact_id()`);
      await push(team, 'owner', [
        { itemKey: 'x:1008', platform: 'x', kind: 'reply', actedAt: '2026-03-10T12:40:00Z', category: 'question', lang: 'fa' },
      ]);
      await pushItems(team, 'manager', [{ itemKey: 'x:1011', platform: 'x', category: 'complaint', seenAt: '2026-03-10T08:00:00Z' }]);
      const during = (await summary(team, query)).json.totals;
      expect(pick(during)).toEqual([9, 8, 6, 3, 0.5]);
    });
    // Read again once that transaction is over: still counted once.
    expect(pick((await summary(team, query)).json.totals)).toEqual([9, 8, 6, 3, 0.5]);
  });

  it('refuses bad queries with 400 naming the field', async () => {
    const team = await newTeam();
    const bad = async (query: string) => {
      const r = await summary(team, query);
      expect(r.status, query).toBe(400);
      expect(r.json.error.code).toBe('bad_request');
      return r.json.error.field as string;
    };
    expect(await bad('from=2026-03-10&to=2026-03-09')).toMatch(/\bto$/);
    expect(await bad('from=2025-01-01&to=2026-06-01')).toMatch(/\bto$/); // 516 days
    expect(await bad('from=2026-03-01&to=2026-03-02&tz=Mars/Olympus')).toMatch(/\btz$/);
    expect(await bad('from=2026-02-30&to=2026-03-02')).toMatch(/\bfrom$/);
    expect(await bad('from=yesterday&to=2026-03-02')).toMatch(/\bfrom$/);
    expect(await bad('from=2026-03-01&to=2026-3-2')).toMatch(/\bto$/);
    expect(await bad('to=2026-03-02')).toMatch(/\bfrom$/);
    expect((await t.call('GET', '/v1/summary?from=2026-03-01&to=2026-03-02')).status).toBe(401);
    // a full (leap) year is fine; tz defaults to UTC
    const ok = await summary(team, 'from=2024-01-01&to=2024-12-31');
    expect(ok.status).toBe(200);
    expect(ok.json.tz).toBe('UTC');
    expect(ok.json.byDay).toHaveLength(366);
  });
});

// ---------- CSV ----------

/** RFC 4180 parser: quoted cells may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        const j = text.indexOf('"', i);
        if (j < 0) throw new Error('unterminated quote');
        cell += text.slice(i, j);
        if (text[j + 1] === '"') {
          cell += '"';
          i = j + 2;
        } else {
          i = j + 1;
          break;
        }
      }
    } else if (text[i] === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else {
      if (text[i] === '\r' || text[i] === '\n' || text[i] === '"') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
      cell += text[i];
      i++;
    }
  }
  if (cell !== '' || row.length) throw new Error('last record does not end in CRLF');
  return rows;
}

const INTERACTION_COLUMNS = ['id', 'acted_at', 'local_date', 'member', 'platform', 'kind', 'item_key', 'item_url', 'item_author',
  'item_posted_at', 'seen_at', 'category', 'sentiment', 'lang', 'response_ms', 'template_id', 'voice_score', 'text_length'];

describe('CSV exports', () => {
  it('summary.csv: header, total, members, platforms, categories, languages, days', async () => {
    const team = await seed();
    const r = await t.call('GET', '/v1/export/summary.csv?from=2026-03-09&to=2026-03-10&tz=UTC', { token: team.manager.token });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="chorus-summary-2026-03-09-to-2026-03-10.csv"');
    const rows = parseCsv(r.text);
    expect(rows[0]).toEqual(['dimension', 'key', 'name', 'interactions', 'replies', 'reply_time_median_ms', 'reply_time_p90_ms',
      'business_reply_time_median_ms', 'business_reply_time_p90_ms', 'actionable_due', 'answered_in_sla', 'response_rate']);
    // the same figures as the JSON summary in UTC
    expect(rows[1]).toEqual(['total', '', '', '8', '7', '28800000', '37380000', '1800000', '6360000', '4', '2', '0.5000']);
    expect(rows.filter((x) => x[0] === 'member').map((x) => [x[1], x[2], x[3]])).toEqual([
      [team.member.id, 'Ben', '4'],
      [team.manager.id, 'Maya', '3'],
      [team.owner.id, 'Ana', '1'],
    ]);
    expect(rows.filter((x) => x[0] === 'language').map((x) => x[1])).toEqual(['fa', 'vi', 'he', 'sw', 'en']);
    // vi: no due item → empty rate; Monday: 2/3
    expect(rows.find((x) => x[0] === 'language' && x[1] === 'vi')!.slice(9)).toEqual(['0', '0', '']);
    expect(rows.filter((x) => x[0] === 'day')).toEqual([
      ['day', '2026-03-09', '', '7', '6', '15600000', '33420000', '1500000', '2220000', '3', '2', '0.6667'],
      ['day', '2026-03-10', '', '1', '1', '38700000', '38700000', '9000000', '9000000', '1', '0', '0.0000'],
    ]);
    // 1 header + 1 total + 3 members + 4 platforms + 3 categories + 5 languages + 2 days
    expect(rows).toHaveLength(19);
  });

  it('interactions.csv: one row per interaction, RFC 4180 quoting, formula cells neutralised, text when synced', async () => {
    const team = await newTeam({ ...TEHRAN, syncReplyText: true });
    const nasty = [
      { itemAuthor: 'Doe, Jane', text: 'line one\r\nline two, with a comma' },
      { itemAuthor: 'She said "hi"', text: 'a "quoted" word' },
      { itemAuthor: '=HYPERLINK("http://evil.example","x")', text: '=1+2' },
      { itemAuthor: '+98 21 1234', text: '-2+3' },
      { itemAuthor: '@SUM(A1:A2)', text: 'سلام، ممنون' },
      { itemAuthor: 'Noa', text: 'תודה רבה\nעל הסבלנות' },
    ];
    const ids = await push(team, 'member', nasty.map((n, k) => ({
      itemKey: `x:csv${k}`, platform: 'x', kind: 'reply', category: 'question', lang: 'fa',
      // 22:00 UTC on Monday is Tuesday in Tehran; one minute apart, in order
      actedAt: `2026-03-09T22:0${k}:00Z`, itemUrl: `https://x.com/a/status/${k}`, responseMs: 60_000 * k, ...n,
    })));
    // outside the range in Tehran (Tue 20:30 UTC is Wednesday 00:00 there)
    await push(team, 'member', [{ itemKey: 'x:late', platform: 'x', kind: 'like', actedAt: '2026-03-10T20:30:00Z' }]);

    const r = await t.call('GET', '/v1/export/interactions.csv?from=2026-03-09&to=2026-03-10&tz=Asia/Tehran', { token: team.owner.token });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="chorus-interactions-2026-03-09-to-2026-03-10.csv"');
    // quoting on the wire
    expect(r.text).toContain(',"Doe, Jane",');
    expect(r.text).toContain(',"line one\r\nline two, with a comma"\r\n');
    expect(r.text).toContain(',"She said ""hi""",');
    expect(r.text).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",`);
    expect(r.text).toContain(",'+98 21 1234,");
    expect(r.text).toContain(",'@SUM(A1:A2),");
    expect(r.text).toContain(",'=1+2\r\n");
    expect(r.text).toContain(",'-2+3\r\n");
    expect(r.text).toContain(',"תודה רבה\nעל הסבלנות"\r\n');

    const rows = parseCsv(r.text);
    expect(rows[0]).toEqual([...INTERACTION_COLUMNS, 'text']);
    expect(rows).toHaveLength(1 + nasty.length);
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows.slice(1).map((x) => x[col('id')])).toEqual(ids);
    expect(rows.slice(1).map((x) => x[col('item_author')])).toEqual([
      'Doe, Jane', 'She said "hi"', `'=HYPERLINK("http://evil.example","x")`, "'+98 21 1234", "'@SUM(A1:A2)", 'Noa',
    ]);
    expect(rows.slice(1).map((x) => x[col('text')])).toEqual([
      'line one\r\nline two, with a comma', 'a "quoted" word', "'=1+2", "'-2+3", 'سلام، ممنون', 'תודה רבה\nעל הסבלנות',
    ]);
    const first = rows[1]!;
    expect(first[col('acted_at')]).toBe('2026-03-09T22:00:00.000Z');
    expect(first[col('local_date')]).toBe('2026-03-10');
    expect(first[col('member')]).toBe('Ben');
    expect(first[col('response_ms')]).toBe('0');
    expect(first[col('text_length')]).toBe(String('line one\r\nline two, with a comma'.length));
    expect(rows[2]![col('response_ms')]).toBe('60000');
    expect(first[col('item_posted_at')]).toBe(''); // null → empty cell
  });

  it('interactions.csv has no text column when the team does not sync text', async () => {
    const team = await seed();
    const r = await t.call('GET', '/v1/export/interactions.csv?from=2026-03-09&to=2026-03-10&tz=UTC', { token: team.manager.token });
    expect(r.status).toBe(200);
    const rows = parseCsv(r.text);
    expect(rows[0]).toEqual(INTERACTION_COLUMNS);
    expect(rows.slice(1).every((x) => x.length === INTERACTION_COLUMNS.length)).toBe(true);
    // the 8 interactions of Mon–Tue UTC, ordered by acted_at
    const acted = rows.slice(1).map((x) => x[1]);
    expect(acted).toHaveLength(8);
    expect([...acted].sort()).toEqual(acted);
    expect(r.text).not.toContain('ممنون');
    expect(rows.slice(1).map((x) => x[3])).toContain('Maya');
  });

  it('members get 403 on both exports; bad queries get 400', async () => {
    const team = await newTeam();
    for (const path of ['/v1/export/summary.csv', '/v1/export/interactions.csv']) {
      const r = await t.call('GET', `${path}?from=2026-03-09&to=2026-03-10`, { token: team.member.token });
      expect(r.status, path).toBe(403);
      expect(r.json.error.code).toBe('forbidden');
      const bad = await t.call('GET', `${path}?from=2026-03-09&to=2026-03-10&tz=Nowhere/City`, { token: team.manager.token });
      expect(bad.status, path).toBe(400);
      expect(bad.json.error.field).toMatch(/\btz$/);
    }
  });
});
