import { defineConfig } from 'vitest/config';
import { postgresBinDir } from './api/test/postgres.ts';

// The API suite runs twice: on embedded PGlite and on a real Postgres server
// (CHORUS_TEST_PG_URL, or a throwaway server when Debian's postgresql is installed).
const postgres = Boolean(process.env.CHORUS_TEST_PG_URL || postgresBinDir());
if (!postgres) console.warn('[chorus] No Postgres server: the api-postgres project is skipped (apt-get install postgresql).');

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['shared/**/*.test.ts', 'extension/**/*.test.ts'], exclude: ['extension/sites/hostile.test.ts'] } },
      // happy-dom walks the DOM recursively: 10,000 levels of nesting need a deeper stack than
      // Node's default (a browser's is deeper still). 7,000 KB stays under the usual 8 MB ulimit.
      { test: { name: 'unit-deep', include: ['extension/sites/hostile.test.ts'], execArgv: ['--stack-size=7000'] } },
      {
        test: {
          name: 'api-pglite',
          include: ['api/**/*.test.ts'],
          exclude: ['api/**/*.pg.test.ts'],
          env: { CHORUS_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(postgres
        ? [
            {
              test: {
                name: 'api-postgres',
                include: ['api/**/*.test.ts'],
                env: { CHORUS_TEST_DB: 'postgres' },
                globalSetup: ['api/test/global-setup.ts'],
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
