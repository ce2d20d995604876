// The API process of the benchmark: the real app on a loopback port, like `npm run api`,
// plus direct database work the driver asks for over IPC. Started by bench/api.ts with
// BENCH_DB=pglite (BENCH_DATA_DIR) or BENCH_DB=postgres (BENCH_DATABASE_URL).
import { serve } from '@hono/node-server';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { FactCache } from '../../api/analytics.ts';
import { createApp } from '../../api/app.ts';
import { type Database, openDatabase, rowsOf } from '../../api/db/index.ts';
import { interactions, members, teams, tokens } from '../../api/db/schema.ts';
import { hashToken } from '../../api/tokens.ts';
import { summarize } from '../../shared/metrics.ts';
import { InteractionFactory, type InteractionRow, toRow } from './data.ts';
import type {
  DiagnoseArgs,
  DiagnoseResult,
  MemoryResult,
  RawArgs,
  RawResult,
  Ready,
  Reply,
  Request,
  SeedArgs,
  SeedResult,
} from './protocol.ts';
import { median } from './stats.ts';
import { seedStatements } from './seed.ts';

const send = (m: Reply | Ready) => process.send!(m);
const kind = process.env.BENCH_DB;
if (kind !== 'pglite' && kind !== 'postgres') throw new Error('BENCH_DB must be pglite or postgres');

const database: Database = await openDatabase(
  kind === 'postgres' ? { databaseUrl: process.env.BENCH_DATABASE_URL! } : { dataDir: process.env.BENCH_DATA_DIR! },
);
const { db } = database;
const app = createApp({ database, config: { rateLimitPerMinute: 10_000_000 } });

async function scalar<T>(query: ReturnType<typeof sql>): Promise<T> {
  const rows = rowsOf<Record<string, T>>(await db.execute(query));
  return Object.values(rows[0]!)[0]!;
}

async function raw(a: RawArgs): Promise<RawResult> {
  const factory = new InteractionFactory(a.seed);
  const make = (n: number) =>
    a.memberIds.map((memberId) =>
      Array.from({ length: n }, () => factory.batch(a.batchSize).map((i) => toRow(i, a.teamId, memberId))),
    );
  const run = (work: InteractionRow[][][]) =>
    Promise.all(
      work.map(async (batches) => {
        for (const rows of batches) await db.insert(interactions).values(rows);
      }),
    );
  await run(make(a.warmupBatches));
  // Rows are built before the clock starts: the baseline is the insert alone.
  const work = make(a.batchesPerWorker);
  const t0 = performance.now();
  await run(work);
  const ms = performance.now() - t0;
  return { rows: a.memberIds.length * a.batchesPerWorker * a.batchSize, ms };
}

async function seed(a: SeedArgs): Promise<SeedResult> {
  const count = (table: 'interactions' | 'items') =>
    scalar<string | number>(sql`SELECT count(*) FROM ${sql.identifier(table)} WHERE team_id = ${a.teamId}`).then(Number);
  const existing = await count('interactions');
  const itemsBefore = await count('items');
  const total = Math.max(0, a.target - existing);
  const salt = Math.random().toString(36).slice(2, 10);
  const statements = seedStatements({ teamId: a.teamId, memberIds: a.memberIds, total, perChunk: a.perChunk, salt });
  const t0 = performance.now();
  for (const [n, text] of statements.entries()) {
    await database.exec(text);
    if (process.stdout.isTTY) process.stdout.write(`\r    seeding ${kind}: ${Math.min(total, (n + 1) * a.perChunk).toLocaleString('en')} / ${total.toLocaleString('en')} interactions`);
  }
  if (statements.length && process.stdout.isTTY) process.stdout.write('\n');
  const seedMs = performance.now() - t0;
  // A server that has been running has vacuumed and analyzed its tables; so do we.
  const t1 = performance.now();
  await database.exec('VACUUM ANALYZE interactions');
  await database.exec('VACUUM ANALYZE items');
  const vacuumMs = performance.now() - t1;
  const after = await count('interactions');
  const items = await count('items');
  return { existing, seededInteractions: after - existing, seededItems: items - itemsBefore, interactions: after, items, seedMs, vacuumMs };
}

/** Times the parts of one summary request in this process, with its own fact cache. */
async function diagnose(a: DiagnoseArgs): Promise<DiagnoseResult> {
  const timed = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
    const t0 = performance.now();
    const v = await f();
    return [v, performance.now() - t0];
  };
  const medianOf = async (f: () => Promise<unknown> | unknown) => {
    const times: number[] = [];
    for (let i = 0; i < a.runs; i++) times.push((await timed(f))[1]);
    return median(times);
  };
  const tokenHash = hashToken(a.ownerToken);
  const authQueryMs = await medianOf(() =>
    db
      .select({ teamId: tokens.teamId, teamName: teams.name, memberId: members.id, memberName: members.name, role: members.role })
      .from(tokens)
      .innerJoin(members, eq(members.id, tokens.memberId))
      .innerJoin(teams, eq(teams.id, tokens.teamId))
      .where(and(eq(tokens.hash, tokenHash), isNull(tokens.revokedAt), isNull(members.removedAt)))
      .limit(1),
  );
  const loadTeam = async () => {
    const [team] = await db.select({ settings: teams.settings }).from(teams).where(eq(teams.id, a.teamId));
    const roster = await db.select({ id: members.id, name: members.name }).from(members).where(eq(members.teamId, a.teamId));
    return { settings: team!.settings, names: new Map(roster.map((m) => [m.id, m.name])) };
  };
  const teamAndRosterMs = await medianOf(loadTeam);
  const { settings, names } = await loadTeam();

  // The database's share of a cold catch-up: the same paged queries as api/analytics.ts, rows dropped.
  const columns = {
    interactions: sql`id, member_id, item_key, platform, kind, category, lang,
      (extract(epoch FROM acted_at) * 1000)::float8 AS acted,
      (extract(epoch FROM item_posted_at) * 1000)::float8 AS posted,
      (extract(epoch FROM seen_at) * 1000)::float8 AS seen`,
    items: sql`item_key, platform, category, lang, seen_by,
      (extract(epoch FROM item_posted_at) * 1000)::float8 AS posted,
      (extract(epoch FROM seen_at) * 1000)::float8 AS seen`,
  };
  const t0 = performance.now();
  for (const table of ['interactions', 'items'] as const) {
    let at = { xid: 0, seq: 0 };
    for (;;) {
      const rows = rowsOf<{ change_xid: string; change_seq: string }>(
        await db.execute(sql`
          SELECT ${columns[table]}, change_xid, change_seq,
                 change_xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS settled
          FROM ${sql.identifier(table)}
          WHERE team_id = ${a.teamId} AND (change_xid, change_seq) > (${at.xid}, ${at.seq})
          ORDER BY change_xid, change_seq
          LIMIT 20000`),
      );
      const last = rows.at(-1);
      if (last) at = { xid: Number(last.change_xid), seq: Number(last.change_seq) };
      if (rows.length < 20000) break;
    }
  }
  const fetchOnlyMs = performance.now() - t0;

  const cache = new FactCache(db);
  const [store, catchUpColdMs] = await timed(() => cache.forTeam(a.teamId));
  const catchUpWarmMs = await medianOf(() => cache.forTeam(a.teamId));
  const req = { from: a.from, to: a.to, tz: a.tz, settings, now: Date.now(), memberNames: names };
  const summary = summarize(store, req);
  const summarizeMs = await medianOf(() => summarize(store, req));
  const stringifyMs = await medianOf(() => JSON.stringify(summary));
  return { authQueryMs, teamAndRosterMs, catchUpColdMs, fetchOnlyMs, catchUpWarmMs, summarizeMs, stringifyMs, facts: store.size };
}

function memory(): MemoryResult {
  const m = process.memoryUsage();
  return { rssMB: m.rss / 2 ** 20, heapUsedMB: m.heapUsed / 2 ** 20 };
}

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  void scalar<string>(sql`SHOW server_version`).then((serverVersion) => send({ type: 'ready', port: info.port, serverVersion }));
});

async function close() {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
}

process.on('message', (m: Request) => {
  const handle = async (): Promise<unknown> => {
    switch (m.op) {
      case 'raw':
        return raw(m.args);
      case 'seed':
        return seed(m.args);
      case 'diagnose':
        return diagnose(m.args);
      case 'memory':
        return memory();
      case 'deleteTeam':
        await db.delete(teams).where(eq(teams.id, m.args.teamId));
        return null;
      case 'close':
        await close();
        return null;
    }
  };
  handle().then(
    (result) => {
      send({ id: m.id, ok: true, result });
      if (m.op === 'close') process.disconnect();
    },
    (e: unknown) => send({ id: m.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
// The driver went away: do not linger.
process.on('disconnect', () => process.exit(0));
