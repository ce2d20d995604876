// Messages between the benchmark driver (bench/api.ts) and the API process it starts
// (bench/lib/api-server.ts). The driver is the HTTP client; the server process also runs
// the direct-to-database work (raw insert baseline, seeding, in-process timings).

export interface RawArgs {
  teamId: string;
  memberIds: string[];
  batchSize: number;
  warmupBatches: number;
  batchesPerWorker: number;
  seed: number;
}
export interface RawResult {
  rows: number;
  ms: number;
}

export interface SeedArgs {
  teamId: string;
  memberIds: string[];
  /** Interactions the team should have in all. */
  target: number;
  perChunk: number;
}
export interface SeedResult {
  existing: number;
  seededInteractions: number;
  seededItems: number;
  interactions: number;
  items: number;
  seedMs: number;
  vacuumMs: number;
}

export interface DiagnoseArgs {
  teamId: string;
  ownerToken: string;
  from: string;
  to: string;
  tz: string;
  runs: number;
}
/** In-process timings of what one GET /v1/summary does, each the median of `runs` unless cold. */
export interface DiagnoseResult {
  authQueryMs: number;
  teamAndRosterMs: number;
  /** A fresh fact cache reading every row (what the first call after a start pays). */
  catchUpColdMs: number;
  /** The same paged queries without building facts: database + driver share of the cold catch-up. */
  fetchOnlyMs: number;
  /** Catch-up when nothing changed (two empty queries). */
  catchUpWarmMs: number;
  summarizeMs: number;
  stringifyMs: number;
  facts: number;
}

export interface MemoryResult {
  rssMB: number;
  heapUsedMB: number;
}

export type Request =
  | { id: number; op: 'raw'; args: RawArgs }
  | { id: number; op: 'seed'; args: SeedArgs }
  | { id: number; op: 'diagnose'; args: DiagnoseArgs }
  | { id: number; op: 'memory' }
  | { id: number; op: 'deleteTeam'; args: { teamId: string } }
  | { id: number; op: 'close' };

export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export interface Ready {
  type: 'ready';
  port: number;
  serverVersion: string;
}
