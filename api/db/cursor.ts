// Change cursors that never skip a late commit.
//
// A sequence value alone is not enough: transaction A may take seq 10 and commit after
// transaction B took seq 11 and committed, so a reader that saw 11 would skip 10 forever.
// Every change-tracked row therefore also records the id of the transaction that wrote it
// (change_xid). A reader only returns rows whose change_xid is below the oldest
// transaction still running in its own snapshot (pg_snapshot_xmin): those transactions
// have all finished, and any transaction that commits later has a larger id. Ordering
// by (change_xid, change_seq) and paging past the last row returned is then final:
// nothing can ever appear behind the cursor. A row that is written again gets a new
// (change_xid, change_seq) and moves ahead of the cursor, so its newest state is pulled.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export interface ChangePosition {
  xid: number;
  seq: number;
}

export const START: ChangePosition = { xid: 0, seq: 0 };

export function encodeCursor(p: ChangePosition): string {
  return Buffer.from(`${p.xid}.${p.seq}`).toString('base64url');
}

/** Undefined for a cursor this API never issued. */
export function decodeCursor(cursor: string | undefined): ChangePosition | undefined {
  if (!cursor) return START;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(text);
  if (!m) return undefined;
  return { xid: Number(m[1]), seq: Number(m[2]) };
}

/** WHERE fragment: changed after `after`, and written by a transaction known to be finished. */
export function changedAfter(xid: AnyPgColumn, seq: AnyPgColumn, after: ChangePosition): SQL {
  return sql`(${xid}, ${seq}) > (${after.xid}, ${after.seq}) AND ${xid} < (pg_snapshot_xmin(pg_current_snapshot())::text::bigint)`;
}

/** SET fragment for a row being written again. */
export const restamp = {
  changeXid: sql`(pg_current_xact_id()::text::bigint)`,
  changeSeq: sql`nextval('change_seq')`,
};
