// Vitest global setup for the Postgres project: use CHORUS_TEST_PG_URL when CI gives one,
// otherwise start a throwaway server for the run.
import type { TestProject } from 'vitest/node';
import { startTempPostgres } from './postgres.ts';

export default function setup(project: TestProject) {
  const given = process.env.CHORUS_TEST_PG_URL;
  if (given) {
    project.provide('pgUrl', given);
    return;
  }
  const pg = startTempPostgres();
  project.provide('pgUrl', pg.url);
  return () => pg.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}
