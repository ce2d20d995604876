// A per-process copy of each team's facts for the summary.
//
// Exact medians and p90s over a million rows take seconds in SQL (every grouping is a
// sort); over an in-memory copy they take tens of milliseconds. The copy is kept current
// with the same never-skip change cursor the clients use (db/cursor.ts): before each
// summary it reads only the rows committed since, so every API process answers from all
// committed data. Interactions never change once stored; items are re-read when they do.
//
// The cursor itself only moves past rows written by transactions older than the snapshot's
// xmin (a transaction still running, in any database of the server, holds it back). Rows
// already committed beyond that point are read and counted too, but the cursor stays behind
// them, so they are read again next time: interactions read that way are remembered in
// `pending` and not counted twice; items are simply put again (the newest state wins).
import { sql } from 'drizzle-orm';
import type { Category, Kind } from '../shared/schemas.ts';
import { FactStore } from '../shared/metrics.ts';
import { type ChangePosition, START } from './db/cursor.ts';
import { type Db, rowsOf } from './db/index.ts';

const PAGE = 20_000;

interface ChangeRow {
  change_xid: string;
  change_seq: string;
  settled: boolean;
}
interface InteractionRow extends ChangeRow {
  id: string;
  member_id: string;
  item_key: string;
  platform: string;
  kind: Kind;
  acted: number;
  posted: number | null;
  seen: number | null;
  category: Category | null;
  lang: string | null;
}
interface ItemRow extends ChangeRow {
  item_key: string;
  platform: string;
  category: Category | null;
  lang: string | null;
  posted: number | null;
  seen: number;
  seen_by: string | null;
}

interface Entry {
  store: FactStore;
  interactionsAt: ChangePosition;
  itemsAt: ChangePosition;
  lastUsed: number;
  /** Ids of interactions in the store that lie ahead of interactionsAt (committed, not yet settled). */
  pending: Set<string>;
  /** Catch-ups of one team run one at a time. */
  queue: Promise<unknown>;
}

export class FactCache {
  private readonly teams = new Map<string, Entry>();

  /** maxRows: facts kept across all teams before the least recently used team is dropped. */
  constructor(
    private readonly db: Db,
    private readonly maxRows = 5_000_000,
  ) {}

  async forTeam(teamId: string): Promise<FactStore> {
    let entry = this.teams.get(teamId);
    if (!entry) {
      entry = {
        store: new FactStore(),
        interactionsAt: START,
        itemsAt: START,
        lastUsed: 0,
        pending: new Set(),
        queue: Promise.resolve(),
      };
      this.teams.set(teamId, entry);
    }
    entry.lastUsed = Date.now();
    const e = entry;
    const run = e.queue.then(() => this.catchUp(teamId, e));
    e.queue = run.catch(() => {});
    await run;
    this.evict(teamId);
    return e.store;
  }

  private async catchUp(teamId: string, e: Entry): Promise<void> {
    e.interactionsAt = await this.readChanges<InteractionRow>(
      'interactions',
      `id, member_id, item_key, platform, kind, category, lang,
       (extract(epoch FROM acted_at) * 1000)::float8 AS acted,
       (extract(epoch FROM item_posted_at) * 1000)::float8 AS posted,
       (extract(epoch FROM seen_at) * 1000)::float8 AS seen`,
      teamId,
      e.interactionsAt,
      (r, settled) => {
        if (e.pending.has(r.id)) {
          if (settled) e.pending.delete(r.id);
          return;
        }
        if (!settled) e.pending.add(r.id);
        e.store.addInteraction({
          id: r.id,
          memberId: r.member_id,
          itemKey: r.item_key,
          platform: r.platform,
          kind: r.kind,
          actedAt: Number(r.acted),
          itemPostedAt: r.posted === null ? null : Number(r.posted),
          seenAt: r.seen === null ? null : Number(r.seen),
          category: r.category,
          lang: r.lang,
        });
      },
    );
    // Items: putting a row again is harmless (the store keeps the newest state read).
    e.itemsAt = await this.readChanges<ItemRow>(
      'items',
      `item_key, platform, category, lang, seen_by,
       (extract(epoch FROM item_posted_at) * 1000)::float8 AS posted,
       (extract(epoch FROM seen_at) * 1000)::float8 AS seen`,
      teamId,
      e.itemsAt,
      (r) =>
        e.store.putItem({
          itemKey: r.item_key,
          platform: r.platform,
          category: r.category,
          lang: r.lang,
          itemPostedAt: r.posted === null ? null : Number(r.posted),
          seenAt: Number(r.seen),
          seenBy: r.seen_by,
        }),
    );
  }

  /**
   * Reads, page by page, every committed row of a change-tracked table after `from`, and
   * hands each to `take` with whether it is settled (written below the snapshot's xmin, so
   * nothing can commit behind it). Returns where the stored cursor may move: past the
   * settled rows only, so unsettled ones are read again next time.
   */
  private async readChanges<R extends ChangeRow>(
    table: 'interactions' | 'items',
    columns: string,
    teamId: string,
    from: ChangePosition,
    take: (row: R, settled: boolean) => void,
  ): Promise<ChangePosition> {
    let read = from;
    let at = from;
    let settled = true;
    for (;;) {
      const rows = rowsOf<R>(
        await this.db.execute(sql`
          SELECT ${sql.raw(columns)}, change_xid, change_seq,
                 change_xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS settled
          FROM ${sql.raw(table)}
          WHERE team_id = ${teamId} AND (change_xid, change_seq) > (${read.xid}, ${read.seq})
          ORDER BY change_xid, change_seq
          LIMIT ${PAGE}`),
      );
      for (const r of rows) {
        settled &&= r.settled;
        read = { xid: Number(r.change_xid), seq: Number(r.change_seq) };
        if (settled) at = read;
        take(r, settled);
      }
      if (rows.length < PAGE) return at;
    }
  }

  private evict(keep: string): void {
    let total = 0;
    for (const e of this.teams.values()) total += e.store.size;
    const byAge = [...this.teams].filter(([id]) => id !== keep).sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [id, e] of byAge) {
      if (total <= this.maxRows) break;
      total -= e.store.size;
      this.teams.delete(id);
    }
  }
}
