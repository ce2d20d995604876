// Team cues: a manager's correction of an item's category, shared with the whole team as
// a phrase → category rule the classifier checks first. Pulled by every member with a
// cursor like templates (tombstones included); written by managers and the owner only.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { PageQuery, type TeamCue, TeamCueInput } from '../../shared/schemas.ts';
import { type Deps, type Env, requireRole, valid } from '../context.ts';
import { changedAfter, decodeCursor, encodeCursor, restamp } from '../db/cursor.ts';
import { rowsOf } from '../db/index.ts';
import { teamCues } from '../db/schema.ts';
import { fail } from '../errors.ts';

type CueRow = typeof teamCues.$inferSelect;
const toCue = (r: CueRow): TeamCue => ({
  id: r.id,
  phrase: r.phrase,
  category: r.category,
  lang: r.lang,
  deleted: r.deleted,
  updatedAt: r.updatedAt.toISOString(),
});

const CueId = z.object({ id: z.uuid() });

export function cueRoutes(deps: Deps) {
  const { db } = deps.database;

  return new Hono<Env>()
    .get('/v1/cues', valid('query', PageQuery), async (c) => {
      const me = c.get('caller');
      const { since, limit } = c.req.valid('query');
      const after = decodeCursor(since);
      if (!after) throw fail.badRequest('since: not a cursor issued by this server', 'since');
      const rows = await db
        .select()
        .from(teamCues)
        .where(and(eq(teamCues.teamId, me.teamId), changedAfter(teamCues.changeXid, teamCues.changeSeq, after)))
        .orderBy(asc(teamCues.changeXid), asc(teamCues.changeSeq))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return c.json({
        items: page.map(toCue),
        cursor: encodeCursor(last ? { xid: last.changeXid, seq: last.changeSeq } : after),
        hasMore: rows.length > limit,
      });
    })
    .post('/v1/cues', valid('json', TeamCueInput), async (c) => {
      const me = c.get('caller');
      requireRole(me, 'manager');
      const { phrase, category, lang } = c.req.valid('json');
      // One statement, so that two managers correcting the same phrase at once cannot both
      // insert: the live cue with this phrase (any case) and language takes the new
      // category. Restamped only when the category changes, so a repeated correction is a
      // no-op that members do not pull again. xmax = 0 only on a freshly inserted row.
      const [written] = rowsOf<{ id: string; inserted: boolean }>(
        await db.execute(sql`
          INSERT INTO team_cues (team_id, id, phrase, category, lang, created_by, updated_by)
          VALUES (${me.teamId}::uuid, ${randomUUID()}::uuid, ${phrase}, ${category}, ${lang ?? null}, ${me.memberId}::uuid, ${me.memberId}::uuid)
          ON CONFLICT (team_id, lower(phrase), coalesce(lang, '')) WHERE NOT deleted
          DO UPDATE SET
            category = EXCLUDED.category,
            updated_by = CASE WHEN team_cues.category = EXCLUDED.category THEN team_cues.updated_by ELSE EXCLUDED.updated_by END,
            updated_at = CASE WHEN team_cues.category = EXCLUDED.category THEN team_cues.updated_at ELSE now() END,
            change_xid = CASE WHEN team_cues.category = EXCLUDED.category THEN team_cues.change_xid
              ELSE pg_current_xact_id()::text::bigint END,
            change_seq = CASE WHEN team_cues.category = EXCLUDED.category THEN team_cues.change_seq
              ELSE nextval('change_seq') END
          RETURNING id, (xmax = 0) AS inserted`),
      );
      if (!written) throw new Error('upsert of a team cue returned no row');
      const [row] = await db
        .select()
        .from(teamCues)
        .where(and(eq(teamCues.teamId, me.teamId), eq(teamCues.id, written.id)));
      if (!row) throw new Error('team cue vanished after its upsert');
      return c.json({ cue: toCue(row) }, written.inserted ? 201 : 200);
    })
    .delete('/v1/cues/:id', valid('param', CueId), async (c) => {
      const me = c.get('caller');
      requireRole(me, 'manager');
      const { id } = c.req.valid('param');
      // A tombstone: pulled like any other change. Deleting it again changes nothing.
      const [row] = await db
        .update(teamCues)
        .set({ deleted: true, updatedAt: sql`now()`, updatedBy: me.memberId, ...restamp })
        .where(and(eq(teamCues.teamId, me.teamId), eq(teamCues.id, id), eq(teamCues.deleted, false)))
        .returning();
      if (row) return c.json({ cue: toCue(row) });
      const [gone] = await db
        .select()
        .from(teamCues)
        .where(and(eq(teamCues.teamId, me.teamId), eq(teamCues.id, id)));
      if (!gone) throw fail.notFound('No such cue in this team');
      return c.json({ cue: toCue(gone) });
    });
}
