// `npm run team -- create "…"` creates a team from the command line and prints working secrets.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { openDatabase } from './db/index.ts';
import { freshPostgresDatabase, onPostgres } from './test/harness.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

describe('npm run team -- create', () => {
  it('prints an owner token and invite codes that work against the same database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-cli-'));
    const pgDb = onPostgres ? await freshPostgresDatabase() : undefined;
    const env = { ...process.env, CHORUS_DATA_DIR: join(dir, 'data'), DATABASE_URL: pgDb?.url ?? '' };
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'api/cli.ts', 'create', 'Northwind Coffee', '--owner', 'Amani'], {
        cwd: root,
        env,
      });
      expect(stdout).toContain('Team "Northwind Coffee" created');
      const token = /Owner token \(Amani\): (\S+)/.exec(stdout)?.[1];
      const memberCode = /Member invite code:\s+(\S+)/.exec(stdout)?.[1];
      expect(token).toMatch(/^chorus_/);
      expect(memberCode).toMatch(/^MEMBER-/);

      const database = await openDatabase({ databaseUrl: pgDb?.url, dataDir: pgDb ? undefined : join(dir, 'data') });
      try {
        const app = createApp({ database });
        const me = await app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } });
        expect(await me.json()).toMatchObject({ team: { name: 'Northwind Coffee' }, member: { name: 'Amani', role: 'owner' } });
        const join_ = await app.request('/v1/join', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: memberCode, name: 'Ben' }),
        });
        expect(join_.status).toBe(201);
      } finally {
        await database.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await pgDb?.drop();
    }
  });

  it('explains its usage when the name is missing', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'api/cli.ts', 'create'], { cwd: root }).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('Usage: npm run team -- create');
  });
});
