// API benchmark: `npm run bench:api`.
//
// For PGlite (a temp folder on disk, like production) and Postgres (DATABASE_URL, else a
// throwaway server from api/test/postgres.ts) it starts the real app in its own process
// on a loopback port (bench/lib/api-server.ts) and, from this process as the clients:
//  1. ingest: 4 members push 500-interaction batches concurrently over HTTP; rows/s;
//  2. baseline: the same number of rows inserted straight into `interactions` by 4
//     concurrent drizzle workers in the API process, alternating with (1) in 4 slices;
//     ratio = HTTP / raw (target ≥ 0.6);
//  3. summary: a second team of 10 members is seeded in SQL to 1,000,000 interactions
//     (Postgres) or 100,000 (PGlite) and half as many items over 90 days, then GET /v1/summary for those 90 days in Asia/Tehran: the
//     first (cold) call and the median and p90 of 20 more (target ≤ 100 ms on Postgres),
//     the API process's RSS, and in-process timings of the summary's parts.
// Prints tables and writes bench/results.json under "api" (other top-level keys kept).
// BENCH_ONLY=pglite|postgres runs one database (its entry is merged into the file);
// BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each API process there (node --cpu-prof).
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startTempPostgres, type TempPostgres } from '../api/test/postgres.ts';
import { localDate } from '../shared/metrics.ts';
import type { PushInteractionsResult } from '../shared/schemas.ts';
import { InteractionFactory } from './lib/data.ts';
import { HttpClient } from './lib/http.ts';
import type { DiagnoseResult, MemoryResult, RawResult, Ready, Reply, Request, SeedResult } from './lib/protocol.ts';
import { median, percentile, round, table } from './lib/stats.ts';

type Kind = 'pglite' | 'postgres';
interface Plan {
  /** Timed batches per client (HTTP) and per worker (raw). */
  batchesPerClient: number;
  summaryRows: number;
}
const PLANS: Record<Kind, Plan> = {
  pglite: { batchesPerClient: 20, summaryRows: 100_000 },
  postgres: { batchesPerClient: 40, summaryRows: 1_000_000 },
};
const CLIENTS = 4;
/** HTTP and raw ingest alternate in this many slices (batchesPerClient must divide by it). */
const ROUNDS = 4;
const BATCH = 500;
const WARMUP_BATCHES = 2;
const WARM_CALLS = 20;
/** Repeats of each in-process timing of the summary's parts. */
const DIAGNOSE_RUNS = 10;
const SEED_CHUNK = 100_000;
const TZ = 'Asia/Tehran';
const DAY_MS = 86_400_000;
const TARGET_RATIO = 0.6;
const TARGET_SUMMARY_MS = 100;

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const resultsPath = here('./results.json');

// ---------- the API process ----------

class ApiProcess {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly serverVersion: string,
  ) {
    child.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(`API process: ${m.error}`));
    });
    child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`API process exited (${code})`));
      this.pending.clear();
    });
  }

  static start(env: Record<string, string>): Promise<ApiProcess> {
    const profile = process.env.BENCH_CPU_PROF;
    const child = fork(here('./lib/api-server.ts'), [], {
      env: { ...process.env, ...env },
      execArgv: [...process.execArgv, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`API process exited before it was ready (${code})`));
      child.once('exit', onExit);
      child.once('message', (m: Ready) => {
        child.off('exit', onExit);
        resolve(new ApiProcess(child, m.port, m.serverVersion));
      });
    });
  }

  call<T>(op: Request['op'], args?: unknown): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, op, args } as Request);
    });
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  exited(): Promise<void> {
    return this.child.exitCode !== null ? Promise.resolve() : new Promise((r) => this.child.once('exit', () => r()));
  }
}

// ---------- one database ----------

interface DbResult {
  kind: Kind;
  engine: string;
  batchesPerClient: number;
  clients: number;
  batchSize: number;
  httpRows: number;
  httpMs: number;
  httpRowsPerSec: number;
  rawRows: number;
  rawMs: number;
  rawRowsPerSec: number;
  ratio: number;
  summary: {
    rows: number;
    items: number;
    coldMs: number;
    medianMs: number;
    p90Ms: number;
    rssMB: number;
    heapUsedMB: number;
    seedMs: number;
    vacuumMs: number;
    breakdown: DiagnoseResult;
  };
  targets: {
    ratio: { target: number; value: number; met: boolean };
    summaryMedianMs: { target: number; value: number; met: boolean } | null;
  };
}

/** With the owner, ten members. */
const MEMBER_NAMES = ['Reza Karimi', 'Noa Levi', 'Nguyễn Thu', 'Juma Mwangi', 'Shirin Ahmadi', 'Avi Cohen', 'Linh Phạm', 'Amina Njeri', 'Dariush Tehrani'];

async function runDatabase(kind: Kind, env: Record<string, string>, opts: { deleteTeamAfter: boolean }): Promise<DbResult> {
  const plan = PLANS[kind];
  const log = (s: string) => console.log(`  [${kind}] ${s}`);
  const api = await ApiProcess.start(env);
  const clients: HttpClient[] = [];
  try {
    const admin = new HttpClient(api.port);
    clients.push(admin);
    type Joined = { member: { id: string }; token: string };
    /** A team in Asia/Tehran (Saturday–Wednesday week) with its owner and `members` joined by invite. */
    const newTeam = async (name: string, members: string[]) => {
      const created = await admin.json<{ team: { id: string }; member: { id: string }; token: string; invites: { member: string } }>(
        'POST',
        '/v1/teams',
        {
          body: { name, ownerName: 'Ana Oduya', settings: { timeZone: TZ, businessHours: { days: [6, 7, 1, 2, 3], open: '08:00', close: '17:00' } } },
          expect: 201,
        },
      );
      const joined: Joined[] = [];
      for (const who of members) {
        joined.push(await admin.json<Joined>('POST', '/v1/join', { body: { code: created.invites.member, name: who }, expect: 201 }));
      }
      return { teamId: created.team.id, owner: { member: created.member, token: created.token }, members: joined };
    };
    const ingestTeam = await newTeam('Bench Coffee', MEMBER_NAMES.slice(0, CLIENTS));
    const { teamId } = ingestTeam;
    const pushers = ingestTeam.members;

    // 1. HTTP ingest: each client pushes its batches one after another, the four at once.
    // Bodies are serialized before the clock starts; every answer must accept all 500.
    const factory = new InteractionFactory(kind === 'postgres' ? 7 : 3);
    const bodies = (n: number) =>
      pushers.map(() => Array.from({ length: n }, () => Buffer.from(JSON.stringify({ interactions: factory.batch(BATCH) }))));
    const pushClients = pushers.map(() => new HttpClient(api.port));
    clients.push(...pushClients);
    const push = (work: Buffer[][]) =>
      Promise.all(
        pushers.map(async (p, c) => {
          const client = pushClients[c]!;
          for (const body of work[c]!) {
            const res = await client.request('POST', '/v1/interactions', { token: p.token, body });
            if (res.status !== 200) throw new Error(`POST /v1/interactions: HTTP ${res.status} ${res.text.slice(0, 500)}`);
            const r = JSON.parse(res.text) as PushInteractionsResult;
            if (r.accepted.length !== BATCH || r.duplicate.length || r.rejected.length) {
              throw new Error(
                `POST /v1/interactions accepted ${r.accepted.length}/${BATCH} (duplicate ${r.duplicate.length}, rejected ${r.rejected.length}: ${JSON.stringify(r.rejected.slice(0, 3))})`,
              );
            }
          }
        }),
      );
    // 2. Raw insert baseline on the same database, same row count: 4 drizzle workers in
    // the API process. The two alternate in ROUNDS slices so that any other load on the
    // machine, and the tables' growth, fall on both alike.
    const rawSlice = (round: number, warmupBatches: number) =>
      api.call<RawResult>('raw', {
        teamId,
        memberIds: pushers.map((p) => p.member.id),
        batchSize: BATCH,
        warmupBatches,
        batchesPerWorker: plan.batchesPerClient / ROUNDS,
        seed: (kind === 'postgres' ? 700 : 300) + round,
      });
    await push(bodies(WARMUP_BATCHES));
    const slices = Array.from({ length: ROUNDS }, () => bodies(plan.batchesPerClient / ROUNDS));
    let httpMs = 0;
    const raw = { rows: 0, ms: 0 };
    for (const [round, slice] of slices.entries()) {
      const t0 = performance.now();
      await push(slice);
      httpMs += performance.now() - t0;
      const r = await rawSlice(round, round === 0 ? WARMUP_BATCHES : 0);
      raw.rows += r.rows;
      raw.ms += r.ms;
    }
    const httpRows = CLIENTS * plan.batchesPerClient * BATCH;
    log(`HTTP ingest: ${httpRows.toLocaleString('en')} rows in ${(httpMs / 1000).toFixed(2)} s`);
    log(`raw insert: ${raw.rows.toLocaleString('en')} rows in ${(raw.ms / 1000).toFixed(2)} s`);

    // 3. Summary latency on a seeded team of 10 members.
    // A team of its own, so that its data has exactly the seeded shape whatever the ingest sizes.
    const summaryTeam = await newTeam('Bench Tea', MEMBER_NAMES);
    const memberIds = [summaryTeam.owner.member.id, ...summaryTeam.members.map((p) => p.member.id)];
    const seeded = await api.call<SeedResult>('seed', { teamId: summaryTeam.teamId, memberIds, target: plan.summaryRows, perChunk: SEED_CHUNK });
    log(
      `seeded ${seeded.seededInteractions.toLocaleString('en')} interactions and ${seeded.seededItems.toLocaleString('en')} items in ` +
        `${(seeded.seedMs / 1000).toFixed(1)} s (+ VACUUM ANALYZE ${(seeded.vacuumMs / 1000).toFixed(1)} s); team has ${seeded.interactions.toLocaleString('en')}`,
    );
    const now = Date.now();
    const from = localDate(TZ, now - 90 * DAY_MS);
    const to = localDate(TZ, now);
    const path = `/v1/summary?from=${from}&to=${to}&tz=${encodeURIComponent(TZ)}`;
    const summaryCall = async () => {
      const t = performance.now();
      const res = await admin.request('GET', path, { token: summaryTeam.owner.token });
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`GET /v1/summary: HTTP ${res.status} ${res.text.slice(0, 500)}`);
      const s = JSON.parse(res.text) as { totals: { interactions: number } };
      if (s.totals.interactions !== seeded.interactions) {
        throw new Error(`GET /v1/summary counted ${s.totals.interactions} interactions; the team has ${seeded.interactions}, all in range`);
      }
      return ms;
    };
    const coldMs = await summaryCall();
    const warm: number[] = [];
    for (let i = 0; i < WARM_CALLS; i++) warm.push(await summaryCall());
    const memory = await api.call<MemoryResult>('memory');
    log(`summary: cold ${coldMs.toFixed(0)} ms, warm median ${median(warm).toFixed(1)} ms; RSS ${memory.rssMB.toFixed(0)} MB`);
    const breakdown = await api.call<DiagnoseResult>('diagnose', {
      teamId: summaryTeam.teamId,
      ownerToken: summaryTeam.owner.token, from, to, tz: TZ, runs: DIAGNOSE_RUNS });

    if (opts.deleteTeamAfter) {
      for (const id of [teamId, summaryTeam.teamId]) await api.call('deleteTeam', { teamId: id });
    }
    for (const c of clients) c.close();
    await api.call('close');
    await api.exited();

    const httpRowsPerSec = httpRows / (httpMs / 1000);
    const rawRowsPerSec = raw.rows / (raw.ms / 1000);
    const ratio = httpRowsPerSec / rawRowsPerSec;
    const medianMs = median(warm);
    return {
      kind,
      engine: kind === 'postgres' ? `PostgreSQL ${api.serverVersion}` : `PGlite ${pgliteVersion()} (PostgreSQL ${api.serverVersion})`,
      batchesPerClient: plan.batchesPerClient,
      clients: CLIENTS,
      batchSize: BATCH,
      httpRows,
      httpMs: round(httpMs),
      httpRowsPerSec: Math.round(httpRowsPerSec),
      rawRows: raw.rows,
      rawMs: round(raw.ms),
      rawRowsPerSec: Math.round(rawRowsPerSec),
      ratio: round(ratio, 3),
      summary: {
        rows: seeded.interactions,
        items: seeded.items,
        coldMs: round(coldMs),
        medianMs: round(medianMs),
        p90Ms: round(percentile(warm, 0.9)),
        rssMB: Math.round(memory.rssMB),
        heapUsedMB: Math.round(memory.heapUsedMB),
        seedMs: Math.round(seeded.seedMs),
        vacuumMs: Math.round(seeded.vacuumMs),
        breakdown: Object.fromEntries(Object.entries(breakdown).map(([k, v]) => [k, round(v, 2)])) as unknown as DiagnoseResult,
      },
      targets: {
        ratio: { target: TARGET_RATIO, value: round(ratio, 3), met: ratio >= TARGET_RATIO },
        summaryMedianMs:
          kind === 'postgres' ? { target: TARGET_SUMMARY_MS, value: round(medianMs), met: medianMs <= TARGET_SUMMARY_MS } : null,
      },
    };
  } finally {
    for (const c of clients) c.close();
    api.kill();
  }
}

function pgliteVersion(): string {
  // The package exports no ./package.json: find it above its entry point.
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

// ---------- Postgres server ----------

interface PostgresTarget {
  url: string;
  source: string;
  deleteTeamAfter: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL: a scratch database on that server when allowed, else the database itself
 * (the bench team is deleted afterwards). Otherwise a throwaway local server. */
async function postgresTarget(): Promise<PostgresTarget> {
  const given = process.env.DATABASE_URL;
  if (!given) {
    const server: TempPostgres = startTempPostgres();
    return { url: server.url, source: 'temporary local server (api/test/postgres.ts, fsync=off)', deleteTeamAfter: false, stop: async () => server.stop() };
  }
  const name = `chorus_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: given });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch {
    return { url: given, source: 'DATABASE_URL', deleteTeamAfter: true, stop: async () => {} };
  } finally {
    await admin.end();
  }
  const url = new URL(given);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    source: 'DATABASE_URL (scratch database)',
    deleteTeamAfter: false,
    stop: async () => {
      const c = new pg.Client({ connectionString: given });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

// ---------- report ----------

interface Machine {
  cpus: { model: string; count: number };
  memoryGiB: number;
  node: string;
  postgres: string | null;
  pglite: string | null;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const yes = (met: boolean) => (met ? 'met' : 'MISSED');

function report(results: DbResult[], machine: Machine) {
  const engines = results.map((r) => r.engine).join(', ');
  console.log(`\nChorus API benchmark — ${machine.cpus.count} × ${machine.cpus.model}, ${machine.memoryGiB} GiB, Node ${machine.node}; ${engines}\n`);
  console.log(
    table(
      ['ingest (4 clients × 500-row batches)', 'rows', 'HTTP rows/s', 'raw rows/s', 'HTTP/raw', `target ≥ ${TARGET_RATIO}`],
      results.map((r) => [r.engine, fmt(r.httpRows), fmt(r.httpRowsPerSec), fmt(r.rawRowsPerSec), r.ratio.toFixed(2), yes(r.targets.ratio.met)]),
    ),
  );
  console.log();
  console.log(
    table(
      [`GET /v1/summary (90 days, ${TZ})`, 'interactions', 'items', 'cold ms', 'median ms', 'p90 ms', `target ≤ ${TARGET_SUMMARY_MS}`, 'RSS MB'],
      results.map((r) => [
        r.engine,
        fmt(r.summary.rows),
        fmt(r.summary.items),
        fmt(r.summary.coldMs),
        fmt(r.summary.medianMs, 1),
        fmt(r.summary.p90Ms, 1),
        r.targets.summaryMedianMs ? yes(r.targets.summaryMedianMs.met) : 'n/a',
        fmt(r.summary.rssMB),
      ]),
    ),
  );
  console.log();
  console.log(
    table(
      ['summary parts, in-process (ms)', 'auth', 'team+roster', 'catch-up warm', 'summarize()', 'JSON', 'Σ warm', 'HTTP median', 'cold catch-up', 'fetch only'],
      results.map((r) => {
        const b = r.summary.breakdown;
        const sum = b.authQueryMs + b.teamAndRosterMs + b.catchUpWarmMs + b.summarizeMs + b.stringifyMs;
        return [
          r.engine,
          fmt(b.authQueryMs, 1),
          fmt(b.teamAndRosterMs, 1),
          fmt(b.catchUpWarmMs, 1),
          fmt(b.summarizeMs, 1),
          fmt(b.stringifyMs, 1),
          fmt(sum, 1),
          fmt(r.summary.medianMs, 1),
          fmt(b.catchUpColdMs),
          fmt(b.fetchOnlyMs),
        ];
      }),
    ),
  );
  console.log(
    '(medians of the parts of one warm GET /v1/summary, timed in the API process; "cold catch-up" is a fresh fact cache reading\n' +
      ' every row, "fetch only" the same paged queries with the rows dropped: the database + driver share of it)',
  );
}

// ---------- main ----------

async function main() {
  const only = process.env.BENCH_ONLY as Kind | undefined;
  if (only && !(only in PLANS)) throw new Error('BENCH_ONLY must be pglite or postgres');
  const kinds: Kind[] = only ? [only] : ['pglite', 'postgres'];
  const started = performance.now();
  // Other work on the machine skews every figure; record how busy it was.
  const loadAtStart = round(loadavg()[0]!, 2);
  const results: DbResult[] = [];
  let postgresSource: string | undefined;

  for (const kind of kinds) {
    console.log(`${kind}:`);
    if (kind === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'chorus-bench-pglite-'));
      const remove = () => rmSync(dir, { recursive: true, force: true });
      const interrupted = () => {
        remove();
        process.exit(130);
      };
      process.once('SIGINT', interrupted);
      try {
        results.push(await runDatabase(kind, { BENCH_DB: kind, BENCH_DATA_DIR: dir }, { deleteTeamAfter: false }));
      } finally {
        process.off('SIGINT', interrupted);
        remove();
      }
    } else {
      const target = await postgresTarget();
      postgresSource = target.source;
      const interrupted = () => void target.stop().finally(() => process.exit(130));
      process.once('SIGINT', interrupted);
      try {
        results.push(await runDatabase(kind, { BENCH_DB: kind, BENCH_DATABASE_URL: target.url }, { deleteTeamAfter: target.deleteTeamAfter }));
      } finally {
        process.off('SIGINT', interrupted);
        await target.stop();
      }
    }
  }

  const cpu = cpus();
  const machine: Machine = {
    cpus: { model: cpu[0]?.model.trim() ?? 'unknown', count: cpu.length },
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    postgres: results.find((r) => r.kind === 'postgres')?.engine ?? null,
    pglite: results.find((r) => r.kind === 'pglite')?.engine ?? null,
  };
  report(results, machine);

  const existing: Record<string, unknown> = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as Record<string, unknown>) : {};
  const previous = (existing.api as { databases?: Record<string, unknown> } | undefined)?.databases ?? {};
  const databases: Record<string, unknown> = only ? { ...previous } : {};
  for (const r of results) databases[r.kind] = r;
  existing.api = {
    date: new Date().toISOString(),
    machine,
    setup: {
      clients: CLIENTS,
      batchSize: BATCH,
      ingestRounds: ROUNDS,
      warmupBatchesPerClient: WARMUP_BATCHES,
      summaryRange: { days: 90, tz: TZ },
      summaryWarmCalls: WARM_CALLS,
      postgresServer: postgresSource ?? null,
      pgliteStorage: 'temporary folder on disk',
      loadAverage1m: { atStart: loadAtStart, atEnd: round(loadavg()[0]!, 2) },
    },
    targets: { ratio: TARGET_RATIO, summaryMedianMsOnPostgres1M: TARGET_SUMMARY_MS },
    databases,
    allTargetsMet: Object.values(databases).every((d) => {
      const t = (d as DbResult).targets;
      return t.ratio.met && (t.summaryMedianMs?.met ?? true);
    }),
    runtimeSec: round((performance.now() - started) / 1000),
  };
  writeFileSync(resultsPath, `${JSON.stringify(existing, null, 2)}\n`);
  console.log(`\nWrote ${resultsPath} (key "api") in ${((performance.now() - started) / 1000).toFixed(0)} s total.`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
