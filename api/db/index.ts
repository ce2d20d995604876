// Opens the database: PGlite in a folder by default, node-postgres when a URL is given.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { schema } from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs one raw SQL text (several statements allowed). */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… to use a Postgres server. */
  databaseUrl?: string;
  /** PGlite folder; omitted: in memory. */
  dataDir?: string;
  /** Pool size for node-postgres. */
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.databaseUrl ? await openPostgres(opts.databaseUrl, opts.poolSize ?? 10) : await openPglite(opts.dataDir);
  await migrate(database);
  return database;
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // timestamptz and bigint come back as JS values drizzle maps itself; keep pg's defaults.
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // A dropped connection must not crash the process; the next query gets a fresh one.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    exec: async (text) => {
      await pool.query(text);
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (text) => {
      await client.exec(text);
    },
    close: () => client.close(),
  };
}

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Applies the SQL files in ./migrations in name order, each once, under an advisory lock
 * so that several API processes starting together on one server do not race. */
export async function migrate(database: Database): Promise<string[]> {
  const files = readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7265786)`);
    await tx.execute(
      sql`CREATE TABLE IF NOT EXISTS chorus_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = rowsOf<{ name: string }>(await tx.execute(sql`SELECT name FROM chorus_migrations`));
    const have = new Set(done.map((r) => r.name));
    for (const file of files) {
      if (have.has(file)) continue;
      for (const statement of splitStatements(readFileSync(migrationsDir + file, 'utf8'))) {
        await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`INSERT INTO chorus_migrations (name) VALUES (${file})`);
      applied.push(file);
    }
  });
  return applied;
}

/** Our migrations hold plain DDL: statements end with ";" at the end of a line and
 * contain no function bodies, so this split is exact for them. */
export function splitStatements(text: string): string[] {
  return text
    .replace(/^\s*--.*$/gm, '')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Rows of a raw `db.execute()`: node-postgres and PGlite both answer `{rows}`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
