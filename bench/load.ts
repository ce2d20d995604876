// Load benchmark: `npm run bench:load`.
//
// 50 simulated members (bench/lib/load.ts: each records interactions with its own UUIDv7 ids,
// pushes them, pulls the team's activity from its cursor, then thinks 0–200 ms) for 60 s:
//  - against two API processes (api/server.ts, as `npm run api` starts it) on one Postgres
//    database (DATABASE_URL's server with a scratch database, else a throwaway local server);
//  - against one API process on PGlite (a temporary data folder).
// Each is preceded, on the same processes, by its baseline: one member alone for 10 s, so
// the ratio says what 50 at once cost each of them. Target: 0 errors; p50 and p99 of push
// and pull are reported. Every acknowledged id is then checked in the database, once.
// Writes bench/results.json under "load" (other keys kept). LOAD_SECONDS and LOAD_MEMBERS
// change the run's length and size.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startTempPostgres } from '../api/test/postgres.ts';
import { createTeam, startApi, storedIds } from '../faults/lib.ts';
import { type LoadResult, runLoad } from './lib/load.ts';
import { round, table } from './lib/stats.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const MEMBERS = Number(process.env.LOAD_MEMBERS ?? 50);
const BASELINE_SECONDS = 10;
const PER_PUSH = 10;
const THINK_MS = 200;
const resultsPath = fileURLToPath(new URL('./results.json', import.meta.url));

type Summary = Omit<LoadResult, 'acked'> & { storedOnce: boolean };
interface Setup {
  name: string;
  engine: string;
  baseline: Summary;
  load: Summary;
  ratio: { pushP50: number; pullP50: number };
  targets: { errors: { target: 0; value: number; met: boolean } };
}

type Count = (teamId: string) => Promise<Map<string, number>>;

/** `count` reads the stored ids now; without it (PGlite, one process's database) the check
 * is left to the caller, with the acknowledged ids returned in `acked`. */
async function run(name: string, engine: string, ports: number[], count?: Count): Promise<Setup & { acked: Set<string> }> {
  const log = (s: string) => console.log(`  [${name}] ${s}`);
  const team = await createTeam(ports[0]!, MEMBERS, `Load ${name}`);
  const acked = new Set<string>();
  const check = async (r: LoadResult): Promise<Summary> => {
    for (const id of r.acked) acked.add(id);
    const stored = count ? await count(team.teamId) : undefined;
    const storedOnce = stored ? [...r.acked].every((id) => stored.get(id) === 1) : true;
    const { acked: _acked, ...rest } = r;
    return { ...rest, storedOnce };
  };
  const baseline = await check(
    await runLoad({ ports, members: team.members.slice(0, 1), seconds: BASELINE_SECONDS, perPush: PER_PUSH, thinkMs: THINK_MS, seed: 7 }),
  );
  log(`baseline, 1 member ${BASELINE_SECONDS} s: push p50 ${baseline.pushMs.p50} ms, pull p50 ${baseline.pullMs.p50} ms, ${baseline.errors} errors`);
  const load = await check(await runLoad({ ports, members: team.members, seconds: SECONDS, perPush: PER_PUSH, thinkMs: THINK_MS, seed: 11 }));
  log(
    `${MEMBERS} members ${SECONDS} s: ${load.pushes} pushes, ${load.pulls} pulls (${load.requestsPerSec}/s), push p50 ${load.pushMs.p50} / p99 ${load.pushMs.p99} ms, ` +
      `pull p50 ${load.pullMs.p50} / p99 ${load.pullMs.p99} ms, ${load.errors} errors${load.errorSamples.length ? `: ${load.errorSamples.join('; ')}` : ''}`,
  );
  return {
    acked,
    name,
    engine,
    baseline,
    load,
    ratio: { pushP50: round(load.pushMs.p50 / baseline.pushMs.p50, 2), pullP50: round(load.pullMs.p50 / baseline.pullMs.p50, 2) },
    targets: { errors: { target: 0, value: load.errors + baseline.errors, met: load.errors + baseline.errors === 0 && load.storedOnce && baseline.storedOnce } },
  };
}

async function onPostgres(): Promise<Setup> {
  const given = process.env.DATABASE_URL;
  const server = given ? undefined : startTempPostgres();
  const adminUrl = given ?? server!.url;
  const name = `chorus_load_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const apis = [];
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    apis.push(await startApi({ databaseUrl }), await startApi({ databaseUrl }));
    await client.connect();
    const { acked: _acked, ...setup } = await run('postgres, 2 API processes', `PostgreSQL ${version}`, apis.map((a) => a.port), (teamId) =>
      storedIds(async (sql, params) => (await client.query(sql, params)).rows, teamId),
    );
    return setup;
  } finally {
    await client.end().catch(() => undefined);
    for (const a of apis) await a.kill('SIGTERM');
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
    server?.stop();
  }
}

async function onPglite(): Promise<Setup> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chorus-load-pglite-'));
  const api = await startApi({ dataDir });
  try {
    const { acked, ...setup } = await run('pglite, 1 API process', 'PGlite', [api.port]);
    // PGlite is one process's database: the check reads it once the API has stopped.
    await api.kill('SIGTERM');
    const { PGlite } = await import('@electric-sql/pglite');
    const db = new PGlite(dataDir);
    const version = (await db.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    const rows = await db.query<{ id: string; n: number }>('SELECT id::text AS id, count(*)::int AS n FROM interactions GROUP BY id');
    await db.close();
    const stored = new Map(rows.rows.map((r) => [r.id, r.n]));
    const once = [...acked].every((id) => stored.get(id) === 1);
    setup.load.storedOnce = setup.baseline.storedOnce = once;
    setup.targets.errors.met &&= once;
    setup.engine = `PGlite ${pgliteVersion()} (PostgreSQL ${version})`;
    return setup;
  } finally {
    await api.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function pgliteVersion(): string {
  const pkg = fileURLToPath(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url));
  return existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version : '';
}

async function main() {
  const started = performance.now();
  console.log(`Load: ${MEMBERS} members for ${SECONDS} s (baseline: 1 member for ${BASELINE_SECONDS} s), ${PER_PUSH} interactions a push, think time < ${THINK_MS} ms`);
  const setups = [await onPostgres(), await onPglite()];
  console.log();
  console.log(
    table(
      ['setup', 'members', 'req/s', 'push p50', 'push p99', 'pull p50', 'pull p99', 'p50 ÷ 1 member (push/pull)', 'errors', 'target 0'],
      setups.flatMap((s) => [
        [s.name, '1', String(s.baseline.requestsPerSec), String(s.baseline.pushMs.p50), String(s.baseline.pushMs.p99), String(s.baseline.pullMs.p50), String(s.baseline.pullMs.p99), '', String(s.baseline.errors), ''],
        [s.name, String(MEMBERS), String(s.load.requestsPerSec), String(s.load.pushMs.p50), String(s.load.pushMs.p99), String(s.load.pullMs.p50), String(s.load.pullMs.p99),
          `${s.ratio.pushP50} / ${s.ratio.pullP50}`, String(s.load.errors), s.targets.errors.met ? 'met' : 'MISSED'],
      ]),
    ),
  );
  // Read just before writing: other benchmarks may have written their keys meanwhile.
  const existing: Record<string, unknown> = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as Record<string, unknown>) : {};
  existing.load = {
    date: new Date().toISOString(),
    setup: { members: MEMBERS, seconds: SECONDS, baselineSeconds: BASELINE_SECONDS, interactionsPerPush: PER_PUSH, thinkMsBelow: THINK_MS, postgresServer: process.env.DATABASE_URL ? 'DATABASE_URL (scratch database)' : 'temporary local server (api/test/postgres.ts, fsync=off)' },
    targets: { errors: 0 },
    setups,
    allTargetsMet: setups.every((s) => s.targets.errors.met),
    runtimeSec: round((performance.now() - started) / 1000),
  };
  writeFileSync(resultsPath, `${JSON.stringify(existing, null, 2)}\n`);
  console.log(`\nWrote ${resultsPath} (key "load").`);
  if (!setups.every((s) => s.targets.errors.met)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
