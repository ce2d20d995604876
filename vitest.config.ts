import { defineConfig } from 'vitest/config';
import { postgresBinDir } from './api/test/postgres.ts';

// The API suite runs twice: on embedded PGlite and on a real Postgres server
// (CHORUS_TEST_PG_URL, or a throwaway server when Debian's postgresql is installed).
const postgres = Boolean(process.env.CHORUS_TEST_PG_URL || postgresBinDir());
if (!postgres) console.warn('[chorus] No Postgres server: the api-postgres project is skipped (apt-get install postgresql).');

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['shared/**/*.test.ts', 'extension/**/*.test.ts'] } },
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
