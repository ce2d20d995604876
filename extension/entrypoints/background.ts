import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { Interaction, SeenItem } from '../../shared/schemas';
import { CONNECTION_KEY, loadConnection } from '../connection';
import { ChorusDb, countPending, liveTemplates, recordInteraction, recordItemSeen } from '../db';
import { onMessage, type SyncRun, type SyncState } from '../messaging';
import { browserSyncDeps, flush, pull, type SyncDeps, type SyncStatus } from '../sync';

const SYNC_ALARM = 'chorus-sync';
const RETRY_ALARM = 'chorus-sync-retry';
const SYNC_PERIOD_MINUTES = 1;
/** Records made in a burst (a reply plus its item sighting) go out in one push. */
const FLUSH_DEBOUNCE_MS = 2000;
/** Kept in the settings table, not in memory: the service worker is stopped between events. */
const STATE_KEY = 'sync:state';

type StoredState = Omit<SyncState, 'connected' | 'pending'>;

export default defineBackground(() => {
  // Created here, not at module level: WXT imports this file in Node at build time.
  const db = new ChorusDb();
  const deps = browserSyncDeps(db);
  const sync = new Scheduler(db, deps);

  // Listeners are registered synchronously so a woken service worker sees the event that woke it.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void sync.run({ force: false });
  });
  browser.storage.onChanged.addListener((changes, area) => {
    // A newly connected member should see the team's templates at once, not within a minute.
    if (area === 'local' && changes[CONNECTION_KEY]?.newValue) void sync.onConnected();
  });

  onMessage('recordInteraction', async ({ data }) => {
    const conn = await requireConnection();
    // Content scripts run next to untrusted pages: check the shape before storing it.
    await recordInteraction(db, conn.team.id, Interaction.parse(data));
    sync.flushSoon();
  });
  onMessage('recordItemSeen', async ({ data }) => {
    const conn = await requireConnection();
    await recordItemSeen(db, conn.team.id, SeenItem.parse(data));
    sync.flushSoon();
  });
  onMessage('syncNow', () => sync.run({ force: true }));
  onMessage('syncState', () => sync.state());
  onMessage('listTemplates', async () => {
    const conn = await loadConnection();
    return conn ? liveTemplates(db, conn.team.id) : [];
  });

  void ensureSyncAlarm();
  // Without it the browser may evict the outbox under storage pressure, losing unsent records.
  void navigator.storage?.persisted?.().then((persisted) => persisted || navigator.storage.persist());
});

async function requireConnection() {
  const conn = await loadConnection();
  if (!conn) throw new Error('Chorus is not connected to a team');
  return conn;
}

/** Creates the sync alarm once; re-creating it on every wake-up would keep pushing it back. */
async function ensureSyncAlarm(): Promise<void> {
  if (await browser.alarms.get(SYNC_ALARM)) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
}

/** Worse statuses win when push and pull disagree; the one shown is the one to act on. */
const SEVERITY: SyncStatus[] = ['done', 'busy', 'waiting', 'retry', 'storage-full', 'unauthorized'];
const worse = (a: SyncStatus, b: SyncStatus) => (SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b);

class Scheduler {
  /** Runs in this worker go one after another, so a forced run never comes back 'busy'
   * because the debounced flush holds the lease (the lease still guards other contexts). */
  private queue: Promise<unknown> = Promise.resolve();
  private debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: ChorusDb,
    private readonly deps: SyncDeps,
  ) {}

  /** Flush then pull, so the team's activity already includes what was just pushed. */
  run({ force }: { force: boolean }): Promise<SyncRun> {
    const next = this.queue.then(async (): Promise<SyncRun> => {
      const conn = await loadConnection();
      if (!conn) return { connected: false };
      const flushed = await flush(conn, this.deps, { force });
      const pulled = await pull(conn, this.deps, { force });
      await this.record(worse(flushed.status, pulled.status), flushed.error ?? pulled.error, [flushed.retryAt, pulled.retryAt]);
      return { connected: true, flush: flushed, pull: pulled };
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** If the worker is stopped before the timer fires, the records stay pending and the
   * minute alarm sends them; the timer only makes the common case quick. */
  flushSoon(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      const next = this.queue.then(async () => {
        const conn = await loadConnection();
        if (!conn) return;
        const flushed = await flush(conn, this.deps);
        await this.record(flushed.status, flushed.error, [flushed.retryAt]);
      });
      this.queue = next.catch(() => undefined);
    }, FLUSH_DEBOUNCE_MS);
  }

  async onConnected(): Promise<void> {
    // A new token replaces whatever the old one's errors were ("reconnect" included).
    await this.db.settings.delete(STATE_KEY);
    await this.run({ force: true });
  }

  async state(): Promise<SyncState> {
    const conn = await loadConnection();
    const stored = ((await this.db.settings.get(STATE_KEY))?.value ?? {}) as StoredState;
    if (!conn) return { connected: false, pending: { interactions: 0, items: 0 } };
    const [interactions, items] = await Promise.all([
      countPending(this.db, conn.team.id, 'interactions'),
      countPending(this.db, conn.team.id, 'items'),
    ]);
    return { ...stored, connected: true, pending: { interactions, items } };
  }

  private async record(status: SyncStatus, error: string | undefined, retryAts: (number | undefined)[]): Promise<void> {
    // 'busy' means another run is reporting; it must not overwrite that run's outcome.
    if (status === 'busy') return;
    const previous = ((await this.db.settings.get(STATE_KEY))?.value ?? {}) as StoredState;
    const next: StoredState = previous.lastSyncAt ? { lastSyncAt: previous.lastSyncAt } : {};
    if (status === 'done') {
      next.lastSyncAt = new Date(this.deps.now()).toISOString();
    } else {
      next.lastStatus = status;
      if (error) next.lastError = error;
    }
    // 'unauthorized' and 'storage-full' carry no retryAt: retrying cannot help until the member acts.
    const retryAt = Math.min(...retryAts.filter((t): t is number => t !== undefined));
    if (Number.isFinite(retryAt)) {
      next.retryAt = retryAt;
      // Alarms fire no sooner than about 30 s in Chrome; earlier retries wait for it.
      await browser.alarms.create(RETRY_ALARM, { when: retryAt });
    }
    await this.db.settings.put({ key: STATE_KEY, value: next });
  }
}
