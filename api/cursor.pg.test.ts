// Cursors under concurrency, on a real Postgres with two API processes: a client pulling
// templates in a loop must never miss a change, even one committed late.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/index.ts';
import { createTeam } from './teams.ts';
import { freshPostgresDatabase, onPostgres } from './test/harness.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function startServer(databaseUrl: string): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', CHORUS_RATE_LIMIT: '1000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1]!, proc });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

describe.runIf(onPostgres)('template cursors with two API processes on one Postgres', () => {
  let servers: { url: string; proc: ChildProcess }[] = [];
  let dropDb: () => Promise<void>;
  let direct: pg.Client;
  let token: string;
  let teamId: string;

  beforeAll(async () => {
    const fresh = await freshPostgresDatabase();
    dropDb = fresh.drop;
    const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 2 });
    const created = await createTeam(database.db, { name: 'Concurrency', ownerName: 'Ana' });
    await database.close();
    token = created.token;
    teamId = created.team.id;
    servers = await Promise.all([startServer(fresh.url), startServer(fresh.url)]);
    direct = new pg.Client({ connectionString: fresh.url });
    await direct.connect();
  }, 60_000);

  afterAll(async () => {
    for (const s of servers) s.proc.kill('SIGTERM');
    await direct?.end();
    await dropDb?.();
  });

  const api = async (server: number, method: string, path: string, body?: unknown, ifMatch?: number) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch !== undefined) headers['if-match'] = String(ifMatch);
    const res = await fetch(servers[server]!.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as any };
  };

  /** Pulls every page after `cursor` from one server; returns the changes and the new cursor. */
  const pull = async (server: number, cursor: string | undefined) => {
    const items: { id: string; version: number; title: string }[] = [];
    for (;;) {
      const r = await api(server, 'GET', `/v1/templates?limit=7${cursor ? `&since=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      items.push(...r.json.items);
      cursor = r.json.cursor;
      if (!r.json.hasMore) return { items, cursor };
    }
  };

  /** A write the way a slow API instance would make it: restamped, then committed late. */
  const slowWrite = async (id: string, title: string) => {
    await direct.query('BEGIN');
    await direct.query(
      `UPDATE templates SET title = $1, version = version + 1, updated_at = now(),
         change_xid = pg_current_xact_id()::text::bigint, change_seq = nextval('change_seq')
       WHERE team_id = $2 AND id = $3`,
      [title, teamId, id],
    );
    return () => direct.query('COMMIT');
  };

  it('a change committed after a later one is still delivered', async () => {
    const a = (await api(0, 'POST', '/v1/templates', { title: 'A', body: 'a' })).json.template;
    const b = (await api(1, 'POST', '/v1/templates', { title: 'B', body: 'b' })).json.template;
    const start = await pull(1, undefined);
    expect(start.items.map((x) => x.title).sort()).toEqual(['A', 'B']);

    // A takes its sequence number first but commits last; B commits in between.
    const commitA = await slowWrite(a.id, 'A, committed late');
    const putB = await api(0, 'PUT', `/v1/templates/${b.id}`, { title: 'B2', body: 'b' }, 1);
    expect(putB.status).toBe(200);
    const during = await pull(1, start.cursor);
    await commitA();
    const after = await pull(0, during.cursor);

    const seen = [...during.items, ...after.items].map((x) => x.title);
    expect(seen).toContain('B2');
    expect(seen).toContain('A, committed late');
  });

  it('concurrent writers on both processes plus late commits: the pulling client ends with every final version', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await api(i % 2, 'POST', '/v1/templates', { title: `T${i}`, body: 'x' })).json.template.id);

    const known = new Map<string, number>();
    let cursor: string | undefined;
    let writing = true;
    const reader = (async () => {
      let turn = 0;
      while (writing) {
        const r = await pull(turn++ % 2, cursor);
        cursor = r.cursor;
        for (const t of r.items) {
          // Versions only move forward for the client.
          expect(t.version).toBeGreaterThanOrEqual(known.get(t.id) ?? 0);
          known.set(t.id, t.version);
        }
      }
    })();

    const writer = async (server: number, n: number) => {
      for (let k = 0; k < n; k++) {
        const id = ids[(k * 3 + server) % ids.length]!;
        let version = known.get(id) ?? 1;
        for (let attempt = 0; attempt < 20; attempt++) {
          const r = await api(server, 'PUT', `/v1/templates/${id}`, { title: `w${server}-${k}`, body: 'x' }, version);
          if (r.status === 200) break;
          expect(r.status).toBe(409);
          version = r.json.current.version;
        }
      }
    };
    const slowWriter = async (n: number) => {
      for (let k = 0; k < n; k++) {
        const commit = await slowWrite(ids[k % ids.length]!, `slow-${k}`);
        await new Promise((r) => setTimeout(r, 20 + (k % 5) * 15));
        await commit();
      }
    };
    await Promise.all([writer(0, 30), writer(1, 30), writer(0, 30), writer(1, 30), slowWriter(15)]);
    writing = false;
    await reader;
    const last = await pull(0, cursor);
    for (const t of last.items) known.set(t.id, t.version);

    const { rows } = await direct.query<{ id: string; version: number }>('SELECT id, version FROM templates WHERE team_id = $1', [teamId]);
    const truth = new Map(rows.map((r) => [r.id, r.version]));
    for (const id of ids) expect(known.get(id)).toBe(truth.get(id));
  });
});
