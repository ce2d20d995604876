// The sync engine: pushes the outbox (interactions, items seen) and pulls what the team
// shares (templates, brand voice, activity). Everything it touches from outside — fetch,
// the clock, randomness, sleeping, the lock — is injected, so tests drive it in Node
// against the real API with a fake clock.
//
// Why short polling and not a server push channel (SSE, WebSocket): an MV3 service worker
// is stopped after about 30 s without events, so it cannot hold a connection open, and a
// stream that dies with the worker would miss changes anyway. The background therefore
// calls pull() from an alarm every minute, and every 3 s while a site tab is active; a
// pull is one cheap request per stream when nothing changed, and cursors make it exact.
import { z } from 'zod';
import {
  ActivityItem,
  ApiError,
  Claim,
  Cursor,
  type Interaction,
  MAX_BATCH,
  PushInteractionsResult,
  PushItemsResult,
  type SeenItem,
  TeamCue,
  type TeamCueInput,
  TeamWithSettings,
  Template,
  Voice,
} from '../shared/schemas';
import type { Connection } from './connection';
import {
  applyActivityChanges,
  applyCueChanges,
  applyTemplateChanges,
  type ChorusDb,
  getCursor,
  guardQuota,
  type LocalInteraction,
  type LocalItem,
  markDead,
  markSent,
  noteFailedAttempt,
  type OutboxKind,
  outboxId,
  pendingBatch,
  type PullStream,
  saveTeamSettings,
  saveVoice,
  StorageFullError,
} from './db';

export type TeamConnection = Pick<Connection, 'serverUrl' | 'token' | 'team'>;

/** A held lock; `renew` answers false once someone else has taken it over. */
export interface Lease {
  renew(): Promise<boolean>;
  release(): Promise<void>;
}
export interface SyncLock {
  /** Undefined while someone else holds an unexpired lease on `name`. */
  acquire(name: string, ttlMs: number): Promise<Lease | undefined>;
}

export interface SyncOptions {
  /** Records per push; the server takes at most 500. */
  batchSize: number;
  /** Full-jitter exponential backoff: a random delay below min(cap, base · 2^(failures−1)). */
  baseDelayMs: number;
  capDelayMs: number;
  /** A Retry-After beyond this is taken as a broken proxy rather than obeyed for days. */
  maxRetryAfterMs: number;
  /** Short waits are slept through within one flush (alarms cannot fire sooner than 30 s);
   * longer ones are handed back to the background as `retryAt`. */
  inlineRetries: number;
  inlineRetryMaxMs: number;
  /** Longer than a request may take, so a live flush keeps its lease between renewals. */
  leaseMs: number;
  requestTimeoutMs: number;
  pageLimit: number;
  /** A pull stops after this many pages and continues at the next poll. */
  maxPages: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  batchSize: MAX_BATCH,
  baseDelayMs: 1000,
  capDelayMs: 5 * 60_000,
  maxRetryAfterMs: 3600_000,
  inlineRetries: 2,
  inlineRetryMaxMs: 5000,
  leaseMs: 60_000,
  requestTimeoutMs: 30_000,
  pageLimit: 200,
  maxPages: 50,
};

export interface SyncDeps {
  db: ChorusDb;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** In [0, 1), as Math.random. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  lock: SyncLock;
  options?: Partial<SyncOptions>;
}

/** What the background needs in the browser: the real clock, fetch and a Dexie lease. */
export function browserSyncDeps(db: ChorusDb): SyncDeps {
  return {
    db,
    fetch: (url, init) => fetch(url, init),
    now: Date.now,
    random: Math.random,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    lock: dexieLock(db, Date.now),
  };
}

// ---------- lease ----------

const LeaseValue = z.object({ holder: z.string(), expiresAt: z.number() });

/** A lease in the `settings` table. It survives service-worker restarts (unlike a variable),
 * and it expires, so a worker that died holding it blocks the others only until then. */
export function dexieLock(db: ChorusDb, now: () => number): SyncLock {
  const read = async (key: string) => LeaseValue.safeParse((await db.settings.get(key))?.value).data;
  return {
    async acquire(name, ttlMs) {
      const key = `lease:${name}`;
      // Unique per acquisition: two flushes in one worker exclude each other too.
      const holder = crypto.randomUUID();
      const took = await guardQuota(() =>
        db.transaction('rw', db.settings, async () => {
          const current = await read(key);
          if (current && current.expiresAt > now()) return false;
          await db.settings.put({ key, value: { holder, expiresAt: now() + ttlMs } });
          return true;
        }),
      );
      if (!took) return undefined;
      return {
        renew: () =>
          guardQuota(() =>
            db.transaction('rw', db.settings, async () => {
              if ((await read(key))?.holder !== holder) return false;
              await db.settings.put({ key, value: { holder, expiresAt: now() + ttlMs } });
              return true;
            }),
          ),
        release: () =>
          db.transaction('rw', db.settings, async () => {
            if ((await read(key))?.holder === holder) await db.settings.delete(key);
          }),
      };
    },
  };
}

// ---------- backoff ----------

const BackoffValue = z.object({ failures: z.number().int(), retryAt: z.number(), error: z.string().optional() });
type Backoff = z.infer<typeof BackoffValue>;

/** Backoff is stored, not kept in memory: a restarted worker must still wait it out. */
async function loadBackoff(db: ChorusDb, name: string): Promise<Backoff> {
  return BackoffValue.safeParse((await db.settings.get(`backoff:${name}`))?.value).data ?? { failures: 0, retryAt: 0 };
}

function nextDelay(opts: SyncOptions, failures: number, random: () => number, retryAfterMs: number | undefined): number {
  const ceiling = Math.min(opts.capDelayMs, opts.baseDelayMs * 2 ** Math.min(failures - 1, 30));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, opts.maxRetryAfterMs));
}

/** Records one more failure and returns when to try again. */
async function backOff(deps: SyncDeps, opts: SyncOptions, name: string, failure: Transient): Promise<Backoff> {
  const previous = await loadBackoff(deps.db, name);
  const failures = previous.failures + 1;
  const next: Backoff = {
    failures,
    retryAt: deps.now() + nextDelay(opts, failures, deps.random, failure.retryAfterMs),
    error: failure.error,
  };
  await guardQuota(() => deps.db.settings.put({ key: `backoff:${name}`, value: next }));
  return next;
}

const clearBackoff = (db: ChorusDb, name: string) => db.settings.delete(`backoff:${name}`);

/** Retry-After is seconds (what this API sends) or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// ---------- requests ----------

interface Transient {
  kind: 'transient';
  error: string;
  retryAfterMs?: number;
}
type Answer =
  | { kind: 'ok'; body: unknown }
  | Transient
  | { kind: 'unauthorized'; error: string }
  | { kind: 'too-large' };

async function request(conn: TeamConnection, deps: SyncDeps, opts: SyncOptions, path: string, body?: unknown): Promise<Answer> {
  // The browser's clock when sending: the server corrects recorded times by its error.
  const headers: Record<string, string> = { authorization: `Bearer ${conn.token}`, 'x-chorus-sent-at': String(deps.now()) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  let text: string;
  try {
    response = await deps.fetch(`${conn.serverUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(opts.requestTimeoutMs),
    });
    text = await response.text();
  } catch (err) {
    // The request may well have reached the server: pushes are idempotent, so retrying is safe.
    return { kind: 'transient', error: `network: ${err instanceof Error ? err.message : String(err)}` };
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const message = ApiError.safeParse(json).data?.error.message ?? `HTTP ${response.status}`;
  if (response.ok) {
    return json === undefined ? { kind: 'transient', error: `HTTP ${response.status}: not JSON` } : { kind: 'ok', body: json };
  }
  if (response.status === 401 || response.status === 403) return { kind: 'unauthorized', error: message };
  if (response.status === 413) return { kind: 'too-large' };
  // 429 and 5xx are expected to pass. Other 4xx mean a client or server bug; retrying them
  // slowly keeps the records (never dropped) without hammering the server.
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), deps.now());
  return { kind: 'transient', error: `HTTP ${response.status}: ${message}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}

// ---------- push ----------

export interface PushCounts {
  accepted: number;
  duplicate: number;
  rejected: number;
}

export type SyncStatus =
  /** Finished: the outbox is empty, or the pull reached the newest cursor. */
  | 'done'
  /** Another flush or pull of this team holds the lease; it reports on its own. */
  | 'busy'
  /** Still backing off from an earlier failure; nothing was sent. Try at `retryAt`. */
  | 'waiting'
  /** Failed for now (network, 5xx, 429); records are kept. Try at `retryAt`. */
  | 'retry'
  /** The token was refused: the member must connect again. No automatic retry. */
  | 'unauthorized'
  /** The local store is full: show the StorageFullError message. */
  | 'storage-full';

export interface FlushResult {
  status: SyncStatus;
  counts: Record<OutboxKind, PushCounts>;
  /** Epoch ms before which another flush is pointless (for a one-shot alarm). */
  retryAt?: number;
  error?: string;
}

type Ack = { accepted: string[]; duplicate: string[]; rejected: { id: string | null; reason: string }[] };

function toWireInteraction(record: LocalInteraction): Interaction {
  const { teamId: _team, state: _state, attempts: _attempts, lastError: _error, rev: _rev, ...wire } = record;
  return wire;
}
function toWireItem(record: LocalItem): SeenItem {
  const { teamId: _team, state: _state, attempts: _attempts, lastError: _error, rev: _rev, ...wire } = record;
  return wire;
}

async function pushBatch(
  conn: TeamConnection,
  deps: SyncDeps,
  opts: SyncOptions,
  kind: OutboxKind,
  batch: (LocalInteraction | LocalItem)[],
): Promise<Exclude<Answer, { kind: 'ok' }> | { kind: 'acked'; ack: Ack }> {
  const body =
    kind === 'interactions'
      ? { interactions: (batch as LocalInteraction[]).map(toWireInteraction) }
      : { items: (batch as LocalItem[]).map(toWireItem) };
  const answer = await request(conn, deps, opts, `/v1/${kind}`, body);
  if (answer.kind !== 'ok') return answer;
  if (kind === 'interactions') {
    const parsed = PushInteractionsResult.safeParse(answer.body);
    return parsed.success ? { kind: 'acked', ack: parsed.data } : { kind: 'transient', error: 'unexpected answer from the server' };
  }
  const parsed = PushItemsResult.safeParse(answer.body);
  if (!parsed.success) return { kind: 'transient', error: 'unexpected answer from the server' };
  const { accepted, duplicate, rejected } = parsed.data;
  return { kind: 'acked', ack: { accepted, duplicate, rejected: rejected.map((r) => ({ id: r.itemKey, reason: r.reason })) } };
}

const emptyCounts = (): Record<OutboxKind, PushCounts> => ({
  interactions: { accepted: 0, duplicate: 0, rejected: 0 },
  items: { accepted: 0, duplicate: 0, rejected: 0 },
});

/**
 * Pushes this team's outbox, interactions first, in batches of at most 500. A record is
 * marked sent only once the server acknowledged it (accepted or duplicate); records the
 * server refused go to the dead letters with its reason. Transient failures keep every
 * record and back off (full jitter, honouring Retry-After); `retryAt` says when to call
 * again. `force` ignores a stored backoff (the member pressed "Sync now").
 */
export async function flush(conn: TeamConnection, deps: SyncDeps, flags: { force?: boolean } = {}): Promise<FlushResult> {
  const opts: SyncOptions = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
  const teamId = conn.team.id;
  const name = `flush:${teamId}`;
  const counts = emptyCounts();
  let lease: Lease | undefined;
  try {
    lease = await deps.lock.acquire(name, opts.leaseMs);
    if (!lease) return { status: 'busy', counts };
    const waiting = await loadBackoff(deps.db, name);
    if (!flags.force && waiting.retryAt > deps.now()) {
      return { status: 'waiting', counts, retryAt: waiting.retryAt, ...(waiting.error ? { error: waiting.error } : {}) };
    }
    let inlineRetries = 0;
    for (const kind of ['interactions', 'items'] as const) {
      let batchSize = Math.min(opts.batchSize, MAX_BATCH);
      for (;;) {
        if (!(await lease.renew())) return { status: 'busy', counts };
        const batch = await pendingBatch(deps.db, teamId, kind, batchSize);
        if (batch.length === 0) break;
        const answer = await pushBatch(conn, deps, opts, kind, batch);
        if (answer.kind === 'acked') {
          if (!(await settle(deps, teamId, kind, batch, answer.ack, counts[kind]))) {
            // The server answered but named none of our records: a contract break. Keep them,
            // and back off rather than send the same batch in a tight loop.
            const failure: Transient = { kind: 'transient', error: 'the server acknowledged none of the records sent' };
            const next = await backOff(deps, opts, name, failure);
            return { status: 'retry', counts, retryAt: next.retryAt, error: failure.error };
          }
          await clearBackoff(deps.db, name);
          inlineRetries = 0;
          continue;
        }
        if (answer.kind === 'too-large') {
          if (batch.length > 1) {
            batchSize = Math.ceil(batch.length / 2);
            continue;
          }
          const only = batch[0]!;
          const reason = 'too large for the server to accept';
          await markDead(deps.db, teamId, kind, [{ id: outboxId(only), rev: only.rev, reason }], new Date(deps.now()).toISOString());
          counts[kind].rejected++;
          continue;
        }
        if (answer.kind === 'unauthorized') return { status: 'unauthorized', counts, error: answer.error };
        await noteFailedAttempt(deps.db, teamId, kind, batch.map(outboxId), answer.error);
        const next = await backOff(deps, opts, name, answer);
        const delay = next.retryAt - deps.now();
        if (inlineRetries < opts.inlineRetries && delay <= opts.inlineRetryMaxMs) {
          inlineRetries++;
          await deps.sleep(delay);
          continue;
        }
        return { status: 'retry', counts, retryAt: next.retryAt, error: answer.error };
      }
    }
    return { status: 'done', counts };
  } catch (err) {
    if (err instanceof StorageFullError) return { status: 'storage-full', counts, error: err.message };
    throw err;
  } finally {
    await lease?.release();
  }
}

/** Applies the server's answer to a batch; false when it named none of the records. */
async function settle(
  deps: SyncDeps,
  teamId: string,
  kind: OutboxKind,
  batch: (LocalInteraction | LocalItem)[],
  ack: Ack,
  counts: PushCounts,
): Promise<boolean> {
  const revs = new Map(batch.map((r) => [outboxId(r), r.rev]));
  const known = [...ack.accepted, ...ack.duplicate].filter((id) => revs.has(id));
  const refused = ack.rejected.flatMap((r) => (r.id !== null && revs.has(r.id) ? [{ id: r.id, rev: revs.get(r.id)!, reason: r.reason }] : []));
  await markSent(
    deps.db,
    teamId,
    kind,
    known.map((id) => ({ id, rev: revs.get(id)! })),
  );
  await markDead(deps.db, teamId, kind, refused, new Date(deps.now()).toISOString());
  counts.accepted += ack.accepted.filter((id) => revs.has(id)).length;
  counts.duplicate += ack.duplicate.filter((id) => revs.has(id)).length;
  counts.rejected += refused.length;
  return known.length + refused.length > 0;
}

// ---------- pull ----------

const TemplatePage = z.object({ items: z.array(Template), cursor: Cursor, hasMore: z.boolean() });
const ActivityPage = z.object({ items: z.array(ActivityItem), claims: z.array(Claim), cursor: Cursor, hasMore: z.boolean() });
const CuePage = z.object({ items: z.array(TeamCue), cursor: Cursor, hasMore: z.boolean() });
const CueAnswer = z.object({ cue: TeamCue });
const VoiceAnswer = z.object({ voice: Voice });
const TeamAnswer = z.object({ team: TeamWithSettings });

export interface PullResult {
  status: SyncStatus;
  /** Changes saved this pull (tombstones included). */
  templates: number;
  activity: number;
  cues: number;
  voice: boolean;
  retryAt?: number;
  error?: string;
}

type Step = { kind: 'ok' } | Transient | { kind: 'unauthorized'; error: string };

function asStep(answer: Answer): Step {
  if (answer.kind === 'too-large') return { kind: 'transient', error: 'HTTP 413' };
  if (answer.kind === 'ok') return { kind: 'transient', error: 'unexpected answer from the server' };
  return answer;
}

/** Pages one stream from its saved cursor; each page and its cursor are saved together. */
async function pullStream(conn: TeamConnection, deps: SyncDeps, opts: SyncOptions, stream: PullStream, result: PullResult): Promise<Step> {
  const teamId = conn.team.id;
  let cursor = await getCursor(deps.db, teamId, stream);
  for (let page = 0; page < opts.maxPages; page++) {
    const query = new URLSearchParams({ limit: String(opts.pageLimit) });
    if (cursor) query.set('since', cursor);
    const answer = await request(conn, deps, opts, `/v1/${stream}?${query}`);
    if (answer.kind !== 'ok') return asStep(answer);
    let hasMore: boolean;
    let next: string;
    if (stream === 'templates') {
      const parsed = TemplatePage.safeParse(answer.body);
      if (!parsed.success) return asStep(answer);
      await applyTemplateChanges(deps.db, teamId, parsed.data.items, parsed.data.cursor);
      result.templates += parsed.data.items.length;
      ({ hasMore, cursor: next } = parsed.data);
    } else if (stream === 'cues') {
      const parsed = CuePage.safeParse(answer.body);
      if (!parsed.success) return asStep(answer);
      await applyCueChanges(deps.db, teamId, parsed.data.items, parsed.data.cursor);
      result.cues += parsed.data.items.length;
      ({ hasMore, cursor: next } = parsed.data);
    } else {
      const parsed = ActivityPage.safeParse(answer.body);
      if (!parsed.success) return asStep(answer);
      await applyActivityChanges(deps.db, teamId, parsed.data.items, parsed.data.claims, parsed.data.cursor);
      result.activity += parsed.data.items.length;
      ({ hasMore, cursor: next } = parsed.data);
    }
    // A cursor that did not move would page forever; the next poll tries again.
    if (!hasMore || next === cursor) break;
    cursor = next;
  }
  return { kind: 'ok' };
}

/**
 * Pulls templates, team activity and the team's classifier cues from their saved cursors (looping while the server has
 * more), then the brand voice. Safe to call often: it skips while another pull runs or while
 * backing off after a failure (429 included, so polling every 3 s never hammers the server).
 */
/** `force` ignores a stored backoff, as for flush ("Sync now"). */
export async function pull(conn: TeamConnection, deps: SyncDeps, flags: { force?: boolean } = {}): Promise<PullResult> {
  const opts: SyncOptions = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
  const teamId = conn.team.id;
  const name = `pull:${teamId}`;
  const result: PullResult = { status: 'done', templates: 0, activity: 0, cues: 0, voice: false };
  let lease: Lease | undefined;
  try {
    lease = await deps.lock.acquire(name, opts.leaseMs);
    if (!lease) return { ...result, status: 'busy' };
    const waiting = await loadBackoff(deps.db, name);
    if (!flags.force && waiting.retryAt > deps.now()) return { ...result, status: 'waiting', retryAt: waiting.retryAt };

    let step = await pullStream(conn, deps, opts, 'templates', result);
    if (step.kind === 'ok') step = await pullStream(conn, deps, opts, 'activity', result);
    if (step.kind === 'ok') step = await pullStream(conn, deps, opts, 'cues', result);
    if (step.kind === 'ok') {
      const answer = await request(conn, deps, opts, '/v1/voice');
      const parsed = answer.kind === 'ok' ? VoiceAnswer.safeParse(answer.body) : undefined;
      if (parsed?.success) {
        await saveVoice(deps.db, teamId, parsed.data.voice);
        result.voice = true;
      } else {
        step = asStep(answer);
      }
    }
    if (step.kind === 'ok') {
      // Business hours and SLA targets: the content script shows each item's SLA state.
      const answer = await request(conn, deps, opts, '/v1/team');
      const parsed = answer.kind === 'ok' ? TeamAnswer.safeParse(answer.body) : undefined;
      if (parsed?.success) await saveTeamSettings(deps.db, teamId, parsed.data.team.settings);
      else step = asStep(answer);
    }
    if (step.kind === 'unauthorized') return { ...result, status: 'unauthorized', error: step.error };
    if (step.kind === 'transient') {
      const next = await backOff(deps, opts, name, step);
      return { ...result, status: 'retry', retryAt: next.retryAt, error: step.error };
    }
    await clearBackoff(deps.db, name);
    return result;
  } catch (err) {
    if (err instanceof StorageFullError) return { ...result, status: 'storage-full', error: err.message };
    throw err;
  } finally {
    await lease?.release();
  }
}

// ---------- team cues ----------

export type CueWriteResult = { ok: true; cue: TeamCue } | { ok: false; message: string };

/**
 * Sends a manager's category correction as a team cue (POST /v1/cues). Not queued: the
 * manager is at the badge and should hear at once when the server refuses (a member gets
 * the server's "Only a team manager can do this"). The cue reaches the local store with
 * the next pull, like every member's.
 */
export async function postCue(conn: TeamConnection, deps: SyncDeps, cue: TeamCueInput): Promise<CueWriteResult> {
  const opts: SyncOptions = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
  const answer = await request(conn, deps, opts, '/v1/cues', cue);
  if (answer.kind === 'ok') {
    const parsed = CueAnswer.safeParse(answer.body);
    return parsed.success ? { ok: true, cue: parsed.data.cue } : { ok: false, message: 'unexpected answer from the server' };
  }
  if (answer.kind === 'too-large') return { ok: false, message: 'The correction is too large for the server' };
  return { ok: false, message: answer.error };
}

// ---------- claims ----------

/** How long a claim lasts; the composer renews it while the member keeps writing. */
export const CLAIM_TTL_SECONDS = 120;

/**
 * Tells the team "I am replying to this item" (POST /v1/claims, TTL 120 s). Not queued: a
 * claim is only worth anything now; the teammates' badges show it after their next pull.
 */
export async function postClaim(conn: TeamConnection, deps: SyncDeps, itemKey: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const opts: SyncOptions = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
  const answer = await request(conn, deps, opts, '/v1/claims', { itemKey, ttlSeconds: CLAIM_TTL_SECONDS });
  if (answer.kind === 'ok') return { ok: true };
  if (answer.kind === 'too-large') return { ok: false, message: 'The claim is too large for the server' };
  return { ok: false, message: answer.error };
}
