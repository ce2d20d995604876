// Pushes from the browser outbox: POST /v1/interactions and POST /v1/items.
// What is stored is read back the way a manager sees it: the interactions CSV export and the summary.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestApp, testApp, uuidv7 } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.dispose());

// A Wednesday noon; interactions below happen in the hour before.
const NOW = Date.parse('2025-03-05T12:00:00Z');
const DAY = '2025-03-05';
beforeEach(() => {
  t.clock.now = new Date(NOW);
});

let serial = 0;
function record(over: Record<string, unknown> = {}): Record<string, unknown> & { id: string } {
  const at = NOW - 3600_000 + serial * 1000;
  serial++;
  return {
    id: uuidv7(at),
    itemKey: `x:${1_800_000_000_000 + serial}`,
    platform: 'x',
    kind: 'reply',
    actedAt: new Date(at).toISOString(),
    ...over,
  };
}

const push = (token: string, interactions: unknown[]) => t.call('POST', '/v1/interactions', { token, body: { interactions } });
const pushItems = (token: string, items: unknown[]) => t.call('POST', '/v1/items', { token, body: { items } });

/** RFC 4180 reader for the export (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

async function exported(managerToken: string, from = DAY, to = DAY) {
  const r = await t.call('GET', `/v1/export/interactions.csv?from=${from}&to=${to}&tz=UTC`, { token: managerToken });
  expect(r.status).toBe(200);
  return parseCsv(r.text);
}

/** The summary is computed from committed changes only; on a shared Postgres server a change
 * becomes readable once every transaction older than it has finished, so wait for it. */
async function summaryWhen(token: string, query: string, ready: (s: any) => boolean) {
  let s: any;
  for (let attempt = 0; attempt < 200; attempt++) {
    const r = await t.call('GET', `/v1/summary?${query}`, { token });
    expect(r.status).toBe(200);
    s = r.json;
    if (ready(s)) return s;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return s;
}

describe('POST /v1/interactions', () => {
  it('accepts a batch and stores each record once, under the member of the token', async () => {
    const team = await t.team();
    const batch = [record(), record({ kind: 'like' }), record({ platform: 'reddit', itemKey: 'reddit:t1_abc', kind: 'comment' })];
    const r = await push(team.member.token, batch);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ accepted: batch.map((b) => b.id), duplicate: [], rejected: [] });

    const rows = await exported(team.manager.token);
    expect(rows.map((row) => row.id).sort()).toEqual(batch.map((b) => b.id).sort());
    const reddit = rows.find((row) => row.id === batch[2]!.id)!;
    expect(reddit).toMatchObject({ member: 'Ben', platform: 'reddit', kind: 'comment', item_key: 'reddit:t1_abc' });
    expect(new Date(reddit.acted_at!).toISOString()).toBe(batch[2]!.actedAt);
  });

  it('a replayed batch is all duplicate and stores nothing twice; a mixed batch splits', async () => {
    const team = await t.team();
    const batch = [record(), record(), record()];
    expect((await push(team.member.token, batch)).json.accepted).toHaveLength(3);

    const replay = await push(team.member.token, batch);
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual({ accepted: [], duplicate: batch.map((b) => b.id), rejected: [] });

    // The outbox retries with one new record added: only that one is new.
    const fresh = record();
    const mixed = await push(team.member.token, [...batch, fresh]);
    expect(mixed.json.accepted).toEqual([fresh.id]);
    expect([...mixed.json.duplicate].sort()).toEqual(batch.map((b) => b.id).sort());

    // The same id twice in one batch is stored once.
    const twice = record();
    const dup = await push(team.member.token, [twice, { ...twice, kind: 'like' }]);
    expect(dup.json.accepted).toEqual([twice.id]);
    expect(dup.json.duplicate).toEqual([twice.id]);

    const rows = await exported(team.manager.token);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((row) => row.id)).size).toBe(5);
    expect(rows.find((row) => row.id === twice.id)!.kind).toBe('reply');
  });

  it('a replay by another member of the team is still a duplicate and keeps the first author', async () => {
    const team = await t.team();
    const one = record();
    await push(team.member.token, [one]);
    const again = await push(team.manager.token, [one]);
    expect(again.json).toEqual({ accepted: [], duplicate: [one.id], rejected: [] });
    const rows = await exported(team.manager.token);
    expect(rows.map((row) => [row.id, row.member])).toEqual([[one.id, 'Ben']]);
  });

  const invalid: [string, Record<string, unknown>, string | null, RegExp][] = [
    ['an id that is not a uuid', { id: 'not-a-uuid' }, 'not-a-uuid', /^id: /],
    ['a uuid that is not v7', { id: randomUUID() }, 'same', /^id: /],
    ['an itemKey not prefixed with its platform', { platform: 'x', itemKey: 'reddit:t1_zz' }, 'same', /^itemKey: /],
    ['an itemKey without a platform', { itemKey: '1800000000000' }, 'same', /^itemKey: /],
    ['an unknown kind', { kind: 'retweet' }, 'same', /^kind: /],
    ['an unknown platform', { platform: 'myspace', itemKey: 'myspace:1' }, 'same', /^platform: /],
    ['a date that is not ISO 8601', { actedAt: 'yesterday at noon' }, 'same', /^actedAt: /],
    ['an impossible date', { actedAt: '2025-02-30T10:00:00Z' }, 'same', /^actedAt: /],
    ['a missing actedAt', { actedAt: undefined }, 'same', /^actedAt: /],
    ['text over 10000 characters', { text: 'a'.repeat(10_001) }, 'same', /^text: /],
    ['a negative responseMs', { responseMs: -5 }, 'same', /^responseMs: /],
    ['an itemUrl that is not http(s)', { itemUrl: 'javascript:alert(1)' }, 'same', /^itemUrl: /],
    ['a NUL character in a text field', { itemAuthor: 'ana\u0000' }, 'same', /^itemAuthor: /],
    ['a missing id', { id: undefined }, null, /^id: /],
  ];
  it.each(invalid)('one record with %s is rejected alone, naming the field', async (_name, change, id, reasonPattern) => {
    const team = await t.team();
    const before = record();
    const bad = record(change);
    const after = record();
    const r = await push(team.member.token, [before, bad, after]);
    expect(r.status).toBe(200);
    expect(r.json.accepted).toEqual([before.id, after.id]);
    expect(r.json.duplicate).toEqual([]);
    expect(r.json.rejected).toHaveLength(1);
    expect(r.json.rejected[0].id).toBe(id === 'same' ? bad.id : id);
    expect(r.json.rejected[0].reason).toMatch(reasonPattern);
    const rows = await exported(team.manager.token);
    expect(rows.map((row) => row.id).sort()).toEqual([before.id, after.id].sort());
  });

  it('records that are not objects are rejected with a null id', async () => {
    const team = await t.team();
    const good = record();
    const r = await push(team.member.token, [42, null, 'x:1', [good], good]);
    expect(r.json.accepted).toEqual([good.id]);
    expect(r.json.rejected).toHaveLength(4);
    for (const rejected of r.json.rejected) expect(rejected.id).toBeNull();
  });

  it('takes up to 500 records; 501 are refused whole with 400 naming the field', async () => {
    const team = await t.team();
    const many = Array.from({ length: 501 }, (_, i) => ({ ...record(), itemKey: `x:${i}` }));
    const tooMany = await push(team.member.token, many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error).toMatchObject({ code: 'bad_request', field: 'interactions' });
    expect(await exported(team.manager.token)).toHaveLength(0);

    const items = await pushItems(
      team.member.token,
      Array.from({ length: 501 }, (_, i) => ({ itemKey: `x:${i}`, platform: 'x', seenAt: new Date(NOW).toISOString() })),
    );
    expect(items.status).toBe(400);
    expect(items.json.error).toMatchObject({ code: 'bad_request', field: 'items' });

    const full = await push(team.member.token, many.slice(0, 500));
    expect(full.status).toBe(200);
    expect(full.json.accepted).toHaveLength(500);
    expect(await exported(team.manager.token)).toHaveLength(500);
  });

  it('a record stamped more than a day ahead of the server clock is rejected', async () => {
    const team = await t.team();
    const soon = record({ actedAt: new Date(NOW + 23 * 3600_000).toISOString() });
    const tooFar = record({ actedAt: new Date(NOW + 25 * 3600_000).toISOString() });
    const r = await push(team.member.token, [soon, tooFar]);
    expect(r.json.accepted).toEqual([soon.id]);
    expect(r.json.rejected).toEqual([{ id: tooFar.id, reason: expect.stringMatching(/^actedAt: /) }]);
    // The same record is fine once the clock has caught up.
    t.clock.now = new Date(NOW + 2 * 3600_000);
    expect((await push(team.member.token, [tooFar])).json.accepted).toEqual([tooFar.id]);
    expect(await exported(team.manager.token, DAY, '2025-03-06')).toHaveLength(2);
  });

  it('reply text is dropped unless the team enabled syncReplyText; its length is kept', async () => {
    const team = await t.team();
    const text = 'سلام! Thanks, "Ana" here —\nwe are on it 🙏';
    const privateReply = record({ text, textLength: text.length });
    await push(team.member.token, [privateReply]);

    const enabled = await t.call('PATCH', '/v1/team', { token: team.manager.token, body: { settings: { syncReplyText: true } } });
    expect(enabled.status).toBe(200);
    expect(enabled.json.team.settings.syncReplyText).toBe(true);
    const sharedReply = record({ text });
    await push(team.member.token, [sharedReply]);

    await t.call('PATCH', '/v1/team', { token: team.manager.token, body: { settings: { syncReplyText: false } } });
    const laterReply = record({ text });
    await push(team.member.token, [laterReply]);

    // Read back while syncing is on, so the export has its text column.
    await t.call('PATCH', '/v1/team', { token: team.manager.token, body: { settings: { syncReplyText: true } } });
    const rows = new Map((await exported(team.manager.token)).map((row) => [row.id, row]));
    expect(rows.get(privateReply.id)).toMatchObject({ text: '', text_length: String(text.length) });
    expect(rows.get(sharedReply.id)).toMatchObject({ text, text_length: String(text.length) });
    expect(rows.get(laterReply.id)!.text).toBe('');
  });

  it('a team created with syncReplyText keeps text from the start', async () => {
    const team = await t.team('Open Book', { syncReplyText: true });
    const reply = record({ text: 'Merci beaucoup !' });
    await push(team.member.token, [reply]);
    expect((await exported(team.manager.token))[0]).toMatchObject({ id: reply.id, text: 'Merci beaucoup !' });
  });

  it('the member comes from the token: memberId and teamId in the body are ignored', async () => {
    const team = await t.team();
    const other = await t.team('Other Team');
    const forged = record({ memberId: team.owner.id, member: 'Ana', teamId: other.id });
    const r = await push(team.member.token, [forged]);
    expect(r.json.accepted).toEqual([forged.id]);
    expect((await exported(team.manager.token)).map((row) => [row.id, row.member])).toEqual([[forged.id, 'Ben']]);
    expect(await exported(other.manager.token)).toHaveLength(0);
  });

  it('refuses a body that is not {interactions: [...]}', async () => {
    const team = await t.team();
    for (const body of [{}, { interactions: 'x' }, { interactions: {} }, [record()]]) {
      const r = await t.call('POST', '/v1/interactions', { token: team.member.token, body });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('bad_request');
    }
    expect(await exported(team.manager.token)).toHaveLength(0);
  });
});

describe('POST /v1/items', () => {
  const MON = '2025-03-03';
  const week = `from=${MON}&to=${DAY}&tz=UTC`;
  const item = (itemKey: string, seenAt: string, over: Record<string, unknown> = {}) => ({
    itemKey,
    platform: itemKey.split(':')[0],
    seenAt,
    ...over,
  });

  it('answers accepted, duplicate and rejected item keys; a replay is all duplicate', async () => {
    const team = await t.team();
    const batch = [
      item('x:100', '2025-03-05T09:00:00Z', { category: 'question', lang: 'en' }),
      item('youtube:Ugz1', '2025-03-05T09:05:00Z'),
      { itemKey: 'reddit:t3_q', platform: 'x', seenAt: '2025-03-05T09:06:00Z' },
      { itemKey: 'x:101', platform: 'x' },
      item('x:102', '2025-03-05T09:07:00Z', { category: 'urgent' }),
      item('x:103', '2025-03-05T09:08:00Z', { lang: 'english please' }),
    ];
    const r = await pushItems(team.member.token, batch);
    expect(r.status).toBe(200);
    expect(r.json.accepted).toEqual(['x:100', 'youtube:Ugz1']);
    expect(r.json.duplicate).toEqual([]);
    expect(r.json.rejected).toEqual([
      { itemKey: 'reddit:t3_q', reason: expect.stringMatching(/^itemKey: /) },
      { itemKey: 'x:101', reason: expect.stringMatching(/^seenAt: /) },
      { itemKey: 'x:102', reason: expect.stringMatching(/^category: /) },
      { itemKey: 'x:103', reason: expect.stringMatching(/^lang: /) },
    ]);

    const replay = await pushItems(team.member.token, batch.slice(0, 2));
    expect(replay.json).toEqual({ accepted: [], duplicate: ['x:100', 'youtube:Ugz1'], rejected: [] });
  });

  it('an item seen more than a day in the future is rejected', async () => {
    const team = await t.team();
    const r = await pushItems(team.member.token, [
      item('x:1', new Date(NOW + 2 * 86_400_000).toISOString()),
      item('x:2', new Date(NOW).toISOString()),
    ]);
    expect(r.json.accepted).toEqual(['x:2']);
    expect(r.json.rejected).toEqual([{ itemKey: 'x:1', reason: expect.stringMatching(/^seenAt: /) }]);
  });

  it('the earliest sighting wins, with who saw it; later sightings change nothing', async () => {
    const team = await t.team();
    // An unanswered question is due once its SLA ran out; it counts for whoever saw it first, on that day.
    expect((await pushItems(team.member.token, [item('x:q1', '2025-03-04T10:00:00Z', { category: 'question' })])).json.accepted).toEqual(['x:q1']);
    const earlier = await pushItems(team.manager.token, [item('x:q1', '2025-03-03T10:00:00Z', { category: 'question' })]);
    expect(earlier.json).toEqual({ accepted: [], duplicate: ['x:q1'], rejected: [] });
    const later = await pushItems(team.member.token, [item('x:q1', '2025-03-05T10:00:00Z', { category: 'question' })]);
    expect(later.json.duplicate).toEqual(['x:q1']);

    const s = await summaryWhen(team.manager.token, week, (x) => x.totals.due === 1);
    expect(s.totals).toMatchObject({ due: 1, answeredInSla: 0, responseRate: 0 });
    expect(s.byDay.map((d: any) => [d.day, d.due])).toEqual([
      ['2025-03-03', 1],
      ['2025-03-04', 0],
      ['2025-03-05', 0],
    ]);
    const due = Object.fromEntries(s.byMember.map((m: any) => [m.memberId, m.due]));
    expect(due[team.manager.id]).toBe(1);
    expect(due[team.member.id] ?? 0).toBe(0);
  });

  it('within one batch, too, the earliest instant wins whatever its offset or precision', async () => {
    const team = await t.team();
    const r = await pushItems(team.member.token, [
      item('x:q2', '2025-03-04T00:30:00Z', { category: 'question' }),
      // 23:00 UTC the day before, written with an offset: earlier, though it sorts later as text.
      item('x:q2', '2025-03-04T01:00:00.000+02:00', { category: 'question' }),
      item('x:q3', '2025-03-04T09:00:00Z', { category: 'complaint' }),
      item('x:q3', '2025-03-04T09:00:00.5Z', { category: 'complaint' }),
    ]);
    expect([...r.json.accepted].sort()).toEqual(['x:q2', 'x:q3']);
    const s = await summaryWhen(team.manager.token, week, (x) => x.totals.due === 2);
    expect(s.byDay.map((d: any) => [d.day, d.due])).toEqual([
      ['2025-03-03', 1],
      ['2025-03-04', 1],
      ['2025-03-05', 0],
    ]);
  });

  it('category and language are filled in when missing, and never overwritten by a later sighting', async () => {
    const team = await t.team();
    await pushItems(team.member.token, [item('x:c1', '2025-03-03T10:00:00Z')]);
    let s = await summaryWhen(team.manager.token, week, () => true);
    expect(s.totals.due).toBe(0);

    const filled = await pushItems(team.member.token, [item('x:c1', '2025-03-04T10:00:00Z', { category: 'complaint', lang: 'fa-IR' })]);
    expect(filled.json.duplicate).toEqual(['x:c1']);
    s = await summaryWhen(team.manager.token, week, (x) => x.totals.due === 1);
    expect(s.byCategory.find((g: any) => g.category === 'complaint')?.due).toBe(1);
    expect(s.byLanguage.find((g: any) => g.lang === 'fa')?.due).toBe(1);

    // A later sighting that classifies it differently does not change the first classification.
    await pushItems(team.member.token, [item('x:c1', '2025-03-05T10:00:00Z', { category: 'praise', lang: 'en' })]);
    // A second item proves the later write is readable before checking that nothing changed.
    await pushItems(team.member.token, [item('x:marker', '2025-03-03T11:00:00Z', { category: 'question' })]);
    s = await summaryWhen(team.manager.token, week, (x) => x.totals.due === 2);
    expect(s.byCategory.find((g: any) => g.category === 'complaint')?.due).toBe(1);
    expect(s.byCategory.find((g: any) => g.category === 'praise')).toBeUndefined();
    expect(s.byLanguage.find((g: any) => g.lang === 'fa')?.due).toBe(1);
  });

  it('within one batch, a missing category is taken from another sighting of the item', async () => {
    const team = await t.team();
    await pushItems(team.member.token, [
      item('x:m1', '2025-03-03T10:00:00Z'),
      item('x:m1', '2025-03-03T12:00:00Z', { category: 'question', lang: 'sw' }),
    ]);
    const s = await summaryWhen(team.manager.token, week, (x) => x.totals.due === 1);
    expect(s.totals.due).toBe(1);
    expect(s.byLanguage.map((g: any) => g.lang)).toEqual(['sw']);
  });

  it('the member who saw an item comes from the token, not from the body', async () => {
    const team = await t.team();
    await pushItems(team.member.token, [item('x:s1', '2025-03-03T10:00:00Z', { category: 'question', seenBy: team.owner.id })]);
    const s = await summaryWhen(team.manager.token, week, (x) => x.totals.due === 1);
    expect(s.byMember.map((m: any) => [m.memberId, m.due])).toEqual([[team.member.id, 1]]);
  });
});
