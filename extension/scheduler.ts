// When the background syncs, for every connected team: the minute alarm, a retry alarm
// while backing off, a debounced flush after each record, a forced run on "Sync now" or
// a new connection, and a fast pull loop while a site tab is in front (so a manager's
// template edit reaches the member within 5 s; see sync.ts for why this is polling).
import type { Connection } from './connection';
import type { ChorusDb, OutboxKind } from './db';
import { countPending, StorageFullError } from './db';
import type { SyncRun, SyncState, TeamRun } from './messaging';
import { flush, type FlushResult, pull, type PullResult, type SyncDeps, type SyncStatus } from './sync';

/** Records made in a burst (a reply plus its item sighting) go out in one push. */
export const FLUSH_DEBOUNCE_MS = 2000;
/** Pull period while a site tab is active: with the request itself, well under 5 s. */
export const FAST_POLL_MS = 3000;
/** A site tab reports every 2.5 s while visible; polling stops this long after the last report. */
export const ACTIVE_WINDOW_MS = 10_000;

const stateKey = (teamId: string) => `sync:state:${teamId}`;

type StoredState = Omit<SyncState, 'connected' | 'pending'>;

export interface SchedulerDeps extends SyncDeps {
  connections: () => Promise<Connection[]>;
  /** Asks to be woken at `when` (an alarm: it survives the worker being stopped). */
  wakeAt: (when: number) => Promise<void>;
  /** Tells the site tabs in front that a team's templates or activity changed, so their
   * hints update now rather than at their next status poll. */
  notifyChanged?: (teamId: string) => void;
}

/** Worse statuses win when push and pull (or two teams) disagree; the one shown is the one to act on. */
const SEVERITY: SyncStatus[] = ['done', 'busy', 'waiting', 'retry', 'storage-full', 'unauthorized'];
export const worse = (a: SyncStatus, b: SyncStatus): SyncStatus => (SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b);

const minDefined = (values: (number | undefined)[]) => {
  const min = Math.min(...values.filter((v): v is number => v !== undefined));
  return Number.isFinite(min) ? min : undefined;
};

/** All teams' runs as one: the worst status (with its error), counts summed, the soonest retry. */
export function combineRuns(teams: TeamRun[]): { flush: FlushResult; pull: PullResult } {
  const flushResult: FlushResult = {
    status: 'done',
    counts: { interactions: { accepted: 0, duplicate: 0, rejected: 0 }, items: { accepted: 0, duplicate: 0, rejected: 0 } },
  };
  const pullResult: PullResult = { status: 'done', templates: 0, activity: 0, cues: 0, voice: false };
  for (const { flush: f, pull: p } of teams) {
    for (const kind of ['interactions', 'items'] as const) {
      flushResult.counts[kind].accepted += f.counts[kind].accepted;
      flushResult.counts[kind].duplicate += f.counts[kind].duplicate;
      flushResult.counts[kind].rejected += f.counts[kind].rejected;
    }
    if (worse(flushResult.status, f.status) !== flushResult.status) {
      flushResult.status = f.status;
      if (f.error) flushResult.error = f.error;
    }
    if (worse(pullResult.status, p.status) !== pullResult.status) {
      pullResult.status = p.status;
      if (p.error) pullResult.error = p.error;
    }
    pullResult.templates += p.templates;
    pullResult.activity += p.activity;
    pullResult.cues += p.cues;
    pullResult.voice ||= p.voice;
  }
  const flushRetry = minDefined(teams.map((t) => t.flush.retryAt));
  const pullRetry = minDefined(teams.map((t) => t.pull.retryAt));
  if (flushRetry !== undefined) flushResult.retryAt = flushRetry;
  if (pullRetry !== undefined) pullResult.retryAt = pullRetry;
  return { flush: flushResult, pull: pullResult };
}

/** Several teams' states as one line: pending summed, the worst problem, and the last sync
 * time only when every team has synced (the oldest of them: "everything is synced as of"). */
export function combineStates(states: SyncState[]): SyncState {
  const combined: SyncState = { connected: states.length > 0, pending: { interactions: 0, items: 0 } };
  let status: SyncStatus = 'done';
  for (const s of states) {
    combined.pending.interactions += s.pending.interactions;
    combined.pending.items += s.pending.items;
    if (s.lastStatus && worse(status, s.lastStatus) !== status) {
      status = s.lastStatus;
      combined.lastStatus = s.lastStatus;
      if (s.lastError) combined.lastError = s.lastError;
      else delete combined.lastError;
    }
  }
  const synced = states.map((s) => s.lastSyncAt);
  if (states.length > 0 && synced.every((t) => t !== undefined)) combined.lastSyncAt = synced.sort()[0];
  const retryAt = minDefined(states.map((s) => s.retryAt));
  if (retryAt !== undefined) combined.retryAt = retryAt;
  return combined;
}

export class Scheduler {
  /** Runs in this worker go one after another, so a forced run never comes back 'busy'
   * because the debounced flush holds the lease (the lease still guards other contexts). */
  private queue: Promise<unknown> = Promise.resolve();
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private activeUntil = 0;
  private polling = false;
  /** Teams whose last record could not be stored (IndexedDB full), with the message. Kept in
   * memory: with the store full, writing the sync state there would fail too. */
  private readonly storageFull = new Map<string, string>();

  constructor(
    private readonly db: ChorusDb,
    private readonly deps: SchedulerDeps,
  ) {}

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async teams(teamId?: string): Promise<Connection[]> {
    const all = await this.deps.connections();
    return teamId === undefined ? all : all.filter((c) => c.team.id === teamId);
  }

  /** Flush then pull, so the team's activity already includes what was just pushed. */
  run({ force, teamId }: { force: boolean; teamId?: string }): Promise<SyncRun> {
    return this.enqueue(async (): Promise<SyncRun> => {
      const connections = await this.teams(teamId);
      if (connections.length === 0) return { connected: false };
      const teams: TeamRun[] = [];
      for (const conn of connections) {
        const flushed = await flush(conn, this.deps, { force });
        const pulled = await pull(conn, this.deps, { force });
        await this.record(conn.team.id, worse(flushed.status, pulled.status), flushed.error ?? pulled.error, [
          flushed.retryAt,
          pulled.retryAt,
        ]);
        teams.push({ teamId: conn.team.id, flush: flushed, pull: pulled });
      }
      return { connected: true, ...combineRuns(teams), teams };
    });
  }

  /** If the worker is stopped before the timer fires, the records stay pending and the
   * minute alarm sends them; the timer only makes the common case quick. */
  flushSoon(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      void this.enqueue(async () => {
        for (const conn of await this.teams()) {
          const flushed = await flush(conn, this.deps);
          await this.record(conn.team.id, flushed.status, flushed.error, [flushed.retryAt]);
        }
      }).catch(() => undefined);
    }, FLUSH_DEBOUNCE_MS);
  }

  /** At a worker's start (a browser opened again): sends what was left queued, if anything,
   * without waiting for the next alarm. With nothing queued it does nothing at all. */
  async flushIfPending(): Promise<void> {
    for (const conn of await this.teams()) {
      const pending = (await countPending(this.db, conn.team.id, 'interactions')) + (await countPending(this.db, conn.team.id, 'items'));
      if (pending > 0) return this.flushSoon();
    }
  }

  /** Stores a record for a team. A full store is not dropped silently: the popup's sync
   * state shows it (storage-full) until a later record is stored. The error is rethrown. */
  async keep<T>(teamId: string, write: () => Promise<T>): Promise<T> {
    try {
      const result = await write();
      this.storageFull.delete(teamId);
      return result;
    } catch (err) {
      if (err instanceof StorageFullError) this.storageFull.set(teamId, err.message);
      throw err;
    }
  }

  async onConnected(teamId: string): Promise<void> {
    // A new token replaces whatever the old one's errors were ("reconnect" included).
    await this.db.settings.delete(stateKey(teamId));
    await this.run({ force: true, teamId });
  }

  /** A site tab is in front. Pulls every FAST_POLL_MS until the reports stop. */
  siteActive(): void {
    this.activeUntil = this.deps.now() + ACTIVE_WINDOW_MS;
    if (this.polling) return;
    this.polling = true;
    void (async () => {
      try {
        while (this.deps.now() < this.activeUntil) {
          await this.enqueue(async () => {
            for (const conn of await this.teams()) {
              // A refused token stays refused until the member reconnects: asking every 3 s
              // would only count against the address's refused-token limit on the server.
              if ((((await this.db.settings.get(stateKey(conn.team.id)))?.value ?? {}) as StoredState).lastStatus === 'unauthorized') continue;
              // Not forced: a pull that is backing off (a 429, a server down) stays quiet.
              const pulled = await pull(conn, this.deps);
              if (pulled.activity > 0 || pulled.templates > 0 || pulled.cues > 0) this.deps.notifyChanged?.(conn.team.id);
              if (pulled.status !== 'done' && pulled.status !== 'busy' && pulled.status !== 'waiting') {
                await this.record(conn.team.id, pulled.status, pulled.error, [pulled.retryAt]);
              }
            }
          }).catch(() => undefined);
          await this.deps.sleep(FAST_POLL_MS);
        }
      } finally {
        this.polling = false;
      }
    })();
  }

  async state(teamId?: string): Promise<SyncState> {
    const connections = await this.teams(teamId);
    const states = await Promise.all(connections.map((c) => this.teamState(c.team.id)));
    return teamId === undefined ? combineStates(states) : (states[0] ?? { connected: false, pending: { interactions: 0, items: 0 } });
  }

  private async teamState(teamId: string): Promise<SyncState> {
    const stored = ((await this.db.settings.get(stateKey(teamId)))?.value ?? {}) as StoredState;
    const count = (kind: OutboxKind) => countPending(this.db, teamId, kind);
    const [interactions, items] = await Promise.all([count('interactions'), count('items')]);
    const full = this.storageFull.get(teamId);
    if (full !== undefined && worse(stored.lastStatus ?? 'done', 'storage-full') === 'storage-full') {
      return { ...stored, lastStatus: 'storage-full', lastError: full, connected: true, pending: { interactions, items } };
    }
    return { ...stored, connected: true, pending: { interactions, items } };
  }

  private async record(teamId: string, status: SyncStatus, error: string | undefined, retryAts: (number | undefined)[]): Promise<void> {
    // 'busy' means another run is reporting; it must not overwrite that run's outcome.
    if (status === 'busy') return;
    const key = stateKey(teamId);
    const previous = ((await this.db.settings.get(key))?.value ?? {}) as StoredState;
    const next: StoredState = previous.lastSyncAt ? { lastSyncAt: previous.lastSyncAt } : {};
    if (status === 'done') {
      next.lastSyncAt = new Date(this.deps.now()).toISOString();
    } else {
      next.lastStatus = status;
      if (error) next.lastError = error;
    }
    // 'unauthorized' and 'storage-full' carry no retryAt: retrying cannot help until the member acts.
    const retryAt = minDefined(retryAts);
    if (retryAt !== undefined) {
      next.retryAt = retryAt;
      await this.deps.wakeAt(retryAt);
    }
    await this.db.settings.put({ key, value: next });
  }
}
