// Test harness: a fresh database (PGlite in memory, or a new database on the test Postgres
// server for the "api-postgres" project) and small request helpers over app.request().
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createApp } from '../app.ts';
import type { Config } from '../config.ts';
import { type Database, openDatabase } from '../db/index.ts';

export const onPostgres = process.env.CHORUS_TEST_DB === 'postgres';

/** A new empty database on the test Postgres server; returns its URL and a dropper. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const admin = inject('pgUrl');
  const name = `chorus_test_${randomUUID().replace(/-/g, '')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function testDatabase(): Promise<Database & { dispose(): Promise<void> }> {
  if (onPostgres) {
    const fresh = await freshPostgresDatabase();
    const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 5 });
    return {
      ...database,
      dispose: async () => {
        await database.close();
        await fresh.drop();
      },
    };
  }
  const database = await openDatabase({});
  return { ...database, dispose: () => database.close() };
}

export interface Call {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** An app on a fresh database, with helpers. `clock` lets a test set "now". */
export async function testApp(config: Partial<Config> = {}) {
  const database = await testDatabase();
  const clock = { now: new Date() };
  const app = createApp({ database, config: { rateLimitPerMinute: 100_000, failedAuthPerMinute: 100_000, ...config }, now: () => clock.now });

  async function call(method: string, path: string, opts: Call = {}) {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    }
    const res = await app.request(path, { method, headers, body });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text, headers: res.headers };
  }

  /** Creates a team with an owner, a manager and a member; returns their tokens. */
  async function team(name = 'Northwind Coffee', settings?: Record<string, unknown>) {
    const created = await call('POST', '/v1/teams', { body: { name, ownerName: 'Ana', settings } });
    if (created.status !== 201) throw new Error(`team: ${created.status} ${created.text}`);
    const join = async (code: string, who: string) => {
      const r = await call('POST', '/v1/join', { body: { code, name: who } });
      if (r.status !== 201) throw new Error(`join: ${r.status} ${r.text}`);
      return r.json as { token: string; member: { id: string; name: string; role: string } };
    };
    const manager = await join(created.json.invites.manager, 'Maya');
    const member = await join(created.json.invites.member, 'Ben');
    return {
      id: created.json.team.id as string,
      invites: created.json.invites as { manager: string; member: string },
      owner: { token: created.json.token as string, id: created.json.member.id as string },
      manager: { token: manager.token, id: manager.member.id },
      member: { token: member.token, id: member.member.id },
    };
  }

  return { app, database, clock, call, team, dispose: () => database.dispose() };
}

/** A UUIDv7 whose time part is `ms` (random bits from a counter, unique within a run). */
let counter = 0;
export function uuidv7(ms = Date.now()): string {
  const hex = ms.toString(16).padStart(12, '0');
  const rand = (counter++).toString(16).padStart(12, '0') + randomUUID().replace(/-/g, '').slice(0, 6);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${rand.slice(0, 3)}-8${rand.slice(3, 6)}-${rand.slice(6, 18)}`;
}
