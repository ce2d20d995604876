// The API process killed (SIGKILL) 20 times at random moments while members push, and started
// again on the same port and database: members keep sending the same batch (same ids) until
// it is answered, like the extension's outbox. Afterwards every interaction they recorded is
// on the server exactly once. On Postgres, and on PGlite with a data folder (what `npm start`
// uses: CHORUS_DATA_DIR, default ./data).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresBinDir } from '../api/test/postgres.ts';
import {
  type ApiProcess,
  createDatabase,
  createTeam,
  InteractionFactory,
  newStats,
  PgServer,
  SimMember,
  sleep,
  startApi,
  storedIds,
} from './lib.ts';

const KILLS = 20;
const MEMBERS = 4;
const BATCH = 25;

type Query = (sql: string, params: unknown[]) => Promise<{ id: string; n: number }[]>;

async function killAndRestart(db: { dataDir?: string; databaseUrl?: string }, read: () => Promise<{ query: Query; close(): Promise<void> }>) {
  let api: ApiProcess = await startApi(db);
  const port = api.port;
  const team = await createTeam(port, MEMBERS);
  const stats = newStats();
  const members = team.members.map((m, i) => new SimMember(m, port, stats, new InteractionFactory(1000 + i)));
  const recorded = new Set<string>();
  const record = (m: SimMember, n: number) => {
    const before = m.outbox.length;
    m.record(n);
    for (const i of m.outbox.slice(before)) recorded.add(i.id);
  };
  for (const m of members) record(m, 3 * BATCH);

  let killing = true;
  let inFlight = 0;
  let killedMidPush = 0;
  // Members work on while the server comes and goes: each answered push, they record more.
  const work = members.map(async (m) => {
    while (killing) {
      inFlight++;
      const ok = await m.pushOnce(BATCH);
      inFlight--;
      if (ok) record(m, BATCH);
      else await sleep(20 + Math.random() * 40);
    }
  });
  try {
    for (let k = 0; k < KILLS; k++) {
      await sleep(30 + Math.random() * 400);
      if (inFlight > 0) killedMidPush++;
      await api.kill('SIGKILL');
      api = await startApi({ ...db, port });
    }
  } finally {
    killing = false;
    await Promise.all(work);
  }
  for (const m of members) await m.drain(BATCH);
  for (const m of members) m.close();
  await api.kill('SIGTERM');

  const reader = await read();
  try {
    const stored = await storedIds(reader.query, team.teamId);
    const missing = [...recorded].filter((id) => !stored.has(id));
    const extra = [...stored.keys()].filter((id) => !recorded.has(id));
    const twice = [...stored.values()].filter((n) => n !== 1);
    expect({ missing: missing.length, extra: extra.length, twice: twice.length }).toEqual({ missing: 0, extra: 0, twice: 0 });
    expect(stored.size).toBe(recorded.size);
  } finally {
    await reader.close();
  }
  expect(stats.errors).toEqual([]);
  // The kills did land while pushes were under way, and some answers were lost to them.
  expect(killedMidPush).toBeGreaterThan(0);
  expect(stats.transientErrors).toBeGreaterThan(0);
  return { recorded: recorded.size, transientErrors: stats.transientErrors, killedMidPush };
}

describe.runIf(Boolean(postgresBinDir()))('API killed during pushes, on Postgres', () => {
  let pg: PgServer | undefined;
  afterAll(() => pg?.destroy());

  it(`every interaction is stored exactly once after ${KILLS} SIGKILLs and restarts`, async () => {
    pg = new PgServer();
    const databaseUrl = await createDatabase(pg.url);
    const { default: pgClient } = await import('pg');
    const result = await killAndRestart({ databaseUrl }, async () => {
      const client = new pgClient.Client({ connectionString: databaseUrl });
      await client.connect();
      return {
        query: async (sql, params) => (await client.query(sql, params)).rows,
        close: () => client.end(),
      };
    });
    console.log(`[faults] postgres: ${result.recorded} interactions, ${result.killedMidPush}/${KILLS} kills mid-push, ${result.transientErrors} failed requests retried`);
  });
});

describe('API killed during pushes, on PGlite with a data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chorus-faults-pglite-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`every interaction is stored exactly once after ${KILLS} SIGKILLs and restarts`, async () => {
    const result = await killAndRestart({ dataDir }, async () => {
      const { PGlite } = await import('@electric-sql/pglite');
      const db = new PGlite(dataDir);
      await db.waitReady;
      return {
        query: async (sql, params) => (await db.query<{ id: string; n: number }>(sql, params)).rows,
        close: () => db.close(),
      };
    });
    console.log(`[faults] pglite: ${result.recorded} interactions, ${result.killedMidPush}/${KILLS} kills mid-push, ${result.transientErrors} failed requests retried`);
  });
});
