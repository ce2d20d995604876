// The load run of bench/load.ts and of the fault suite's short variant: simulated members,
// each a browser with an outbox, against one or more API processes over HTTP (the real sync
// protocol: POST /v1/interactions with client-made UUIDv7 ids, GET /v1/activity?since=cursor).
// Each member, until the time is up: records a few interactions, pushes them, pulls the team's
// activity from its cursor, then waits a moment (think time), like the extension's flush after
// a reply and its poll while a site tab is in front.
import { InteractionFactory, newStats, SimMember, type Member, type SimStats, sleep } from '../../faults/lib.ts';
import { percentile, round } from './stats.ts';

export interface LoadOptions {
  /** API ports; member i uses ports[i % ports.length]. */
  ports: number[];
  members: Member[];
  seconds: number;
  /** Interactions recorded (and pushed) per cycle. */
  perPush: number;
  /** Think time between cycles: uniform in [0, thinkMs). */
  thinkMs: number;
  seed?: number;
}

export interface LoadResult {
  members: number;
  processes: number;
  seconds: number;
  pushes: number;
  pulls: number;
  interactions: number;
  /** Every failed request: network errors, 5xx, 4xx, rejected records. Must be 0. */
  errors: number;
  errorSamples: string[];
  pushMs: { p50: number; p99: number };
  pullMs: { p50: number; p99: number };
  requestsPerSec: number;
  /** Ids the server acknowledged, for checking them against the database. */
  acked: Set<string>;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const stats: SimStats = newStats();
  const sims = o.members.map((m, i) => new SimMember(m, o.ports[i % o.ports.length]!, stats, new InteractionFactory((o.seed ?? 1) * 1000 + i)));
  const started = performance.now();
  const deadline = started + o.seconds * 1000;
  await Promise.all(
    sims.map(async (sim) => {
      // Members start spread over the first think interval, not all in one instant.
      await sleep(Math.random() * o.thinkMs);
      while (performance.now() < deadline) {
        sim.record(o.perPush);
        if (!(await sim.pushOnce(o.perPush))) break;
        if (!(await sim.pullOnce())) break;
        await sleep(Math.random() * o.thinkMs);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  for (const s of sims) s.close();
  const errors = stats.errors.length + stats.transientErrors;
  const q = (v: number[]) => ({ p50: round(percentile(v, 0.5), 1), p99: round(percentile(v, 0.99), 1) });
  return {
    members: o.members.length,
    processes: o.ports.length,
    seconds: round(elapsed, 1),
    pushes: stats.pushes,
    pulls: stats.pulls,
    interactions: stats.acked.size,
    errors,
    errorSamples: stats.errors.slice(0, 5).concat(stats.transientErrors ? [`${stats.transientErrors} network errors or 5xx`] : []),
    pushMs: q(stats.latency.push),
    pullMs: q(stats.latency.pull),
    requestsPerSec: round((stats.pushes + stats.pulls) / elapsed, 1),
    acked: stats.acked,
  };
}
