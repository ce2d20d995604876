// Postgres crashes and comes back while members push and pull: the API process (never
// restarted) answers 5xx while the database is away, then serves again by itself, and no
// interaction it acknowledged is lost.
import { afterAll, describe, expect, it } from 'vitest';
import { postgresBinDir } from '../api/test/postgres.ts';
import { HttpClient } from '../bench/lib/http.ts';
import { createDatabase, createTeam, InteractionFactory, newStats, PgServer, SimMember, sleep, startApi, storedIds } from './lib.ts';

const MEMBERS = 10;
const BATCH = 20;

describe.runIf(Boolean(postgresBinDir()))('Postgres restarted under load', () => {
  let pg: PgServer | undefined;
  afterAll(() => pg?.destroy());

  for (const mode of ['fast', 'immediate'] as const) {
    it(`the API recovers by itself and keeps every acknowledged interaction (${mode === 'immediate' ? 'crash' : 'clean'} stop)`, async () => {
      pg ??= new PgServer();
      const databaseUrl = await createDatabase(pg.url);
      const api = await startApi({ databaseUrl });
      const team = await createTeam(api.port, MEMBERS);
      const stats = newStats();
      const sims = team.members.map((m, i) => new SimMember(m, api.port, stats, new InteractionFactory(2000 + i)));
      const recorded = new Set<string>();
      let running = true;
      const work = sims.map(async (sim) => {
        while (running) {
          const before = sim.outbox.length;
          if (before < BATCH) {
            sim.record(BATCH);
            for (const i of sim.outbox.slice(before)) recorded.add(i.id);
          }
          const pushed = await sim.pushOnce(BATCH);
          const pulled = await sim.pullOnce();
          await sleep(pushed && pulled ? 20 : 100);
        }
      });
      const failuresBefore = () => stats.transientErrors;
      try {
        // Under way first: some pushes answered (however slow the machine), then a moment more.
        for (const until = Date.now() + 30_000; stats.acked.size === 0 && Date.now() < until; ) await sleep(100);
        await sleep(1000);
        const ackedBefore = stats.acked.size;
        pg.stop(mode);
        await sleep(1500);
        const failedWhileDown = failuresBefore();
        pg.start();
        // Back by itself: pushes are answered again within a few seconds, with no API restart.
        const ackedAtRestart = stats.acked.size;
        const deadline = Date.now() + 30_000;
        while (stats.acked.size < ackedAtRestart + MEMBERS * BATCH && Date.now() < deadline) await sleep(100);
        expect(stats.acked.size).toBeGreaterThanOrEqual(ackedAtRestart + MEMBERS * BATCH);
        expect(ackedBefore).toBeGreaterThan(0);
        expect(failedWhileDown).toBeGreaterThan(0);
      } finally {
        running = false;
        await Promise.all(work);
      }
      for (const sim of sims) await sim.drain(BATCH);
      for (const sim of sims) sim.close();

      // The same process throughout, healthy.
      const http = new HttpClient(api.port);
      expect((await http.request('GET', '/healthz')).status).toBe(200);
      http.close();
      await api.kill('SIGTERM');

      const { default: pgClient } = await import('pg');
      const client = new pgClient.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const stored = await storedIds(async (sql, params) => (await client.query(sql, params)).rows, team.teamId);
        expect([...stats.acked].filter((id) => !stored.has(id))).toEqual([]);
        expect([...recorded].filter((id) => !stored.has(id))).toEqual([]);
        expect(stored.size).toBe(recorded.size);
      } finally {
        await client.end();
      }
      // Only failures of the "try again" kind (network, 5xx) while the database was away.
      expect(stats.errors).toEqual([]);
    });
  }
});
