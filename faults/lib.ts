// Helpers for the fault suite (npm run test:faults) and the load benchmark (bench/load.ts):
// a Postgres server that can be restarted or crashed, the API as a real process that can be
// killed, and simulated members who push from an outbox and pull, like the extension.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresBinDir } from '../api/test/postgres.ts';
import { InteractionFactory } from '../bench/lib/data.ts';
import { HttpClient } from '../bench/lib/http.ts';
import type { Interaction, PushInteractionsResult } from '../shared/schemas.ts';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------- Postgres ----------

/** A throwaway Postgres server (like api/test/postgres.ts) that can also be restarted. */
export class PgServer {
  readonly url: string;
  private readonly dir: string;
  private readonly bin: string;
  private readonly asRoot = process.getuid?.() === 0;

  constructor(readonly port = 56000 + Math.floor(Math.random() * 4000)) {
    const bin = postgresBinDir();
    if (!bin) throw new Error('Postgres server binaries not found (apt-get install postgresql)');
    this.bin = bin;
    this.dir = mkdtempSync(join(tmpdir(), 'chorus-faults-pg-'));
    if (this.asRoot) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString());
      chownSync(this.dir, id('-u'), id('-g'));
    }
    this.run('initdb', ['-D', join(this.dir, 'data'), '-U', 'chorus', '--auth=trust', '-E', 'UTF8', '--no-locale']);
    this.url = `postgres://chorus@127.0.0.1:${port}/postgres`;
    this.start();
  }

  private run(cmd: string, args: string[]): void {
    const full = join(this.bin, cmd);
    const r = this.asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args]) : spawnSync(full, args);
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr?.toString() || r.stdout?.toString()}`);
  }

  start(): void {
    // fsync stays on: an acknowledged row must survive the crash-restart of the fault tests.
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-l', join(this.dir, 'log'), '-w', '-o',
      `-c listen_addresses=127.0.0.1 -p ${this.port} -k ${this.dir} -c max_connections=200`, 'start']);
  }

  /** `immediate` is a crash (no checkpoint; recovery from the WAL at the next start). */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }

  version(): string {
    return execFileSync(join(this.bin, 'postgres'), ['--version']).toString().trim();
  }

  destroy(): void {
    try {
      this.stop('fast');
    } catch {
      // already stopped
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/** A new database on the server; its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `chorus_faults_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// ---------- the API process ----------

export interface ApiProcess {
  port: number;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `npm run api` as a child process (node --import tsx api/server.ts, so a SIGKILL hits the
 * server itself), on a given port (0: a free one) and database. */
export async function startApi(opts: { port?: number; dataDir?: string; databaseUrl?: string }): Promise<ApiProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(opts.port ?? 0),
      HOST: '127.0.0.1',
      CHORUS_DATA_DIR: opts.dataDir ?? '',
      DATABASE_URL: opts.databaseUrl ?? '',
      CHORUS_RATE_LIMIT: '10000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`API exited before it listened: ${out.slice(-2000)}`)));
  });
  return {
    port,
    pid: child.pid!,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
    },
  };
}

// ---------- a team and its members ----------

export interface Member {
  memberId: string;
  token: string;
}
export interface Team {
  teamId: string;
  owner: Member;
  members: Member[];
}

export async function createTeam(port: number, members: number, name = 'Fault Coffee'): Promise<Team> {
  const http = new HttpClient(port);
  try {
    const created = await http.json<{ team: { id: string }; member: { id: string }; token: string; invites: { member: string } }>('POST', '/v1/teams', {
      body: { name, ownerName: 'Ana' },
      expect: 201,
    });
    const joined: Member[] = [];
    for (let i = 0; i < members; i++) {
      const j = await http.json<{ member: { id: string }; token: string }>('POST', '/v1/join', {
        body: { code: created.invites.member, name: `Member ${i + 1}` },
        expect: 201,
      });
      joined.push({ memberId: j.member.id, token: j.token });
    }
    return { teamId: created.team.id, owner: { memberId: created.member.id, token: created.token }, members: joined };
  } finally {
    http.close();
  }
}

// ---------- simulated members ----------

export interface Latency {
  push: number[];
  pull: number[];
}

export interface SimStats {
  /** Ids the server acknowledged (accepted or already known). */
  acked: Set<string>;
  /** Ids the server reported accepted for the first time, counted with repeats. */
  acceptedCount: number;
  /** Requests that failed at the network level or with a 5xx (then retried with the same ids). */
  transientErrors: number;
  /** Answers that are wrong whatever the server's state (4xx, rejected records): must stay 0. */
  errors: string[];
  latency: Latency;
  pushes: number;
  pulls: number;
}

export function newStats(): SimStats {
  return { acked: new Set(), acceptedCount: 0, transientErrors: 0, errors: [], latency: { push: [], pull: [] }, pushes: 0, pulls: 0 };
}

/**
 * A member's browser: an outbox of interactions with client-made UUIDv7 ids. A batch leaves
 * the outbox only once the server has answered for it; until then the same batch, same ids,
 * is sent again after a short pause (the extension's outbox does the same with backoff).
 * Between pushes it pulls activity with its cursor, as the extension's poll does.
 */
export class SimMember {
  readonly outbox: Interaction[] = [];
  private readonly http: HttpClient;
  private cursor: string | undefined;

  constructor(
    private readonly member: Member,
    port: number,
    private readonly stats: SimStats,
    private readonly factory: InteractionFactory,
  ) {
    this.http = new HttpClient(port);
  }

  record(n: number): void {
    this.outbox.push(...this.factory.batch(n));
  }

  /** Sends the outbox's head (up to `batch`); true when the server answered for it. */
  async pushOnce(batch: number): Promise<boolean> {
    const head = this.outbox.slice(0, batch);
    if (head.length === 0) return true;
    const t0 = performance.now();
    let res;
    try {
      res = await this.http.request('POST', '/v1/interactions', {
        token: this.member.token,
        body: JSON.stringify({ interactions: head }),
      });
    } catch {
      this.stats.transientErrors++;
      return false;
    }
    if (res.status >= 500 || res.status === 429) {
      this.stats.transientErrors++;
      return false;
    }
    this.stats.latency.push.push(performance.now() - t0);
    this.stats.pushes++;
    if (res.status !== 200) {
      this.stats.errors.push(`push: HTTP ${res.status} ${res.text.slice(0, 300)}`);
      return false;
    }
    const r = JSON.parse(res.text) as PushInteractionsResult;
    if (r.rejected.length) this.stats.errors.push(`push: rejected ${JSON.stringify(r.rejected.slice(0, 2))}`);
    for (const id of [...r.accepted, ...r.duplicate]) this.stats.acked.add(id);
    this.stats.acceptedCount += r.accepted.length;
    this.outbox.splice(0, head.length);
    return true;
  }

  /** One pull of team activity from the cursor (all pages). */
  async pullOnce(): Promise<boolean> {
    const t0 = performance.now();
    try {
      for (let page = 0; page < 20; page++) {
        const q = this.cursor ? `?since=${encodeURIComponent(this.cursor)}` : '';
        const res = await this.http.request('GET', `/v1/activity${q}`, { token: this.member.token });
        if (res.status >= 500 || res.status === 429) {
          this.stats.transientErrors++;
          return false;
        }
        if (res.status !== 200) {
          this.stats.errors.push(`pull: HTTP ${res.status} ${res.text.slice(0, 300)}`);
          return false;
        }
        const body = JSON.parse(res.text) as { cursor: string; hasMore: boolean };
        this.cursor = body.cursor;
        if (!body.hasMore) break;
      }
    } catch {
      this.stats.transientErrors++;
      return false;
    }
    this.stats.latency.pull.push(performance.now() - t0);
    this.stats.pulls++;
    return true;
  }

  /** Pushes until the outbox is empty, retrying failures after `retryMs`. */
  async drain(batch: number, retryMs = 50, deadline = Date.now() + 120_000): Promise<void> {
    while (this.outbox.length > 0) {
      if (Date.now() > deadline) throw new Error(`outbox not drained: ${this.outbox.length} left`);
      if (!(await this.pushOnce(batch))) await sleep(retryMs);
    }
  }

  close(): void {
    this.http.close();
  }
}

/** Every id of a team's interactions on the server, with how often each is stored. */
export async function storedIds(query: (sql: string, params: unknown[]) => Promise<{ id: string; n: number }[]>, teamId: string) {
  const rows = await query('SELECT id::text AS id, count(*)::int AS n FROM interactions WHERE team_id = $1 GROUP BY id', [teamId]);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export { InteractionFactory };
