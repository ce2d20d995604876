// The short load run (the 60 s one is `npm run bench:load`): simulated members push and pull
// against two API processes on one Postgres database, and against one on PGlite; no request
// fails and everything acknowledged is stored. Times are the benchmark's business, not this test's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresBinDir } from '../api/test/postgres.ts';
import { runLoad } from '../bench/lib/load.ts';
import { createDatabase, createTeam, PgServer, startApi, storedIds } from './lib.ts';

const SECONDS = 10;
const MEMBERS = 50;

describe.runIf(Boolean(postgresBinDir()))('load on two API processes sharing Postgres', () => {
  let pg: PgServer | undefined;
  afterAll(() => pg?.destroy());

  it(`${MEMBERS} members for ${SECONDS} s: no errors, every acknowledged interaction stored once`, async () => {
    pg = new PgServer();
    const databaseUrl = await createDatabase(pg.url);
    const apis = [await startApi({ databaseUrl }), await startApi({ databaseUrl })];
    try {
      const team = await createTeam(apis[0]!.port, MEMBERS);
      const r = await runLoad({ ports: apis.map((a) => a.port), members: team.members, seconds: SECONDS, perPush: 10, thinkMs: 200 });
      expect(r.errorSamples).toEqual([]);
      expect(r.errors).toBe(0);
      expect(r.pushes).toBeGreaterThan(MEMBERS);
      const { default: pgClient } = await import('pg');
      const client = new pgClient.Client({ connectionString: databaseUrl });
      await client.connect();
      const stored = await storedIds(async (sql, params) => (await client.query(sql, params)).rows, team.teamId);
      await client.end();
      expect([...r.acked].filter((id) => !stored.has(id))).toEqual([]);
      expect([...stored.values()].every((n) => n === 1)).toBe(true);
    } finally {
      for (const a of apis) await a.kill('SIGTERM');
    }
  });
});

describe('load on one API process on PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chorus-faults-load-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`${MEMBERS} members for ${SECONDS} s: no errors`, async () => {
    const api = await startApi({ dataDir });
    try {
      const team = await createTeam(api.port, MEMBERS);
      const r = await runLoad({ ports: [api.port], members: team.members, seconds: SECONDS, perPush: 10, thinkMs: 200 });
      expect(r.errorSamples).toEqual([]);
      expect(r.errors).toBe(0);
      expect(r.pushes).toBeGreaterThan(MEMBERS);
    } finally {
      await api.kill('SIGTERM');
    }
  });
});
