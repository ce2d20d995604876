// Team activity for "answered by Ana 5m ago" and "Ana is replying" badges.
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { type ActivityItem, type Claim, ClaimBody, ItemKey, type Kind, PageQuery } from '../../shared/schemas.ts';
import { type Deps, type Env, valid } from '../context.ts';
import { changedAfter, decodeCursor, encodeCursor } from '../db/cursor.ts';
import { claims, interactions, members } from '../db/schema.ts';
import { fail } from '../errors.ts';

/** How far back a first pull (no cursor) reaches. */
const ACTIVITY_WINDOW_MS = 7 * 24 * 3600_000;
const MAX_CLAIMS = 1000;

export function activityRoutes(deps: Deps) {
  const { db } = deps.database;

  const liveClaims = async (teamId: string): Promise<Claim[]> => {
    const rows = await db
      .select({
        itemKey: claims.itemKey,
        memberId: claims.memberId,
        memberName: members.name,
        createdAt: claims.createdAt,
        expiresAt: claims.expiresAt,
      })
      .from(claims)
      .innerJoin(members, eq(members.id, claims.memberId))
      .where(and(eq(claims.teamId, teamId), gt(claims.expiresAt, deps.now())))
      .orderBy(asc(claims.expiresAt))
      .limit(MAX_CLAIMS);
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() }));
  };

  return new Hono<Env>()
    .get('/v1/activity', valid('query', PageQuery), async (c) => {
      const me = c.get('caller');
      const { since, limit } = c.req.valid('query');
      const after = decodeCursor(since);
      if (!after) throw fail.badRequest('since: not a cursor issued by this server', 'since');
      const floor = new Date(deps.now().getTime() - ACTIVITY_WINDOW_MS);
      const rows = await db
        .select({
          itemKey: interactions.itemKey,
          memberId: interactions.memberId,
          memberName: members.name,
          kind: interactions.kind,
          actedAt: interactions.actedAt,
          changeXid: interactions.changeXid,
          changeSeq: interactions.changeSeq,
        })
        .from(interactions)
        .innerJoin(members, eq(members.id, interactions.memberId))
        .where(
          and(
            eq(interactions.teamId, me.teamId),
            changedAfter(interactions.changeXid, interactions.changeSeq, after),
            gt(interactions.actedAt, floor),
          ),
        )
        .orderBy(asc(interactions.changeXid), asc(interactions.changeSeq))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const items: ActivityItem[] = page.map((r) => ({
        itemKey: r.itemKey,
        memberId: r.memberId,
        memberName: r.memberName,
        kind: r.kind as Kind,
        at: r.actedAt.toISOString(),
      }));
      return c.json({
        items,
        claims: await liveClaims(me.teamId),
        cursor: encodeCursor(last ? { xid: last.changeXid, seq: last.changeSeq } : after),
        hasMore: rows.length > limit,
      });
    })
    .post('/v1/claims', valid('json', ClaimBody), async (c) => {
      const me = c.get('caller');
      const { itemKey, ttlSeconds } = c.req.valid('json');
      const now = deps.now();
      const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
      // Claiming again extends one's own claim; others' claims on the item stay visible.
      const [row] = await db
        .insert(claims)
        .values({ teamId: me.teamId, itemKey, memberId: me.memberId, createdAt: now, expiresAt })
        .onConflictDoUpdate({
          target: [claims.teamId, claims.itemKey, claims.memberId],
          set: {
            expiresAt,
            createdAt: sql`CASE WHEN ${claims.expiresAt} <= ${now} THEN ${now} ELSE ${claims.createdAt} END`,
          },
        })
        .returning();
      // Expired claims are dead weight; sweep the team's now and then.
      await db.delete(claims).where(and(eq(claims.teamId, me.teamId), lt(claims.expiresAt, new Date(now.getTime() - 3600_000))));
      const claim: Claim = {
        itemKey,
        memberId: me.memberId,
        memberName: me.memberName,
        createdAt: row!.createdAt.toISOString(),
        expiresAt: row!.expiresAt.toISOString(),
      };
      return c.json({ claim }, 201);
    })
    .delete('/v1/claims', valid('query', z.object({ itemKey: ItemKey })), async (c) => {
      const me = c.get('caller');
      const { itemKey } = c.req.valid('query');
      const released = await db
        .delete(claims)
        .where(and(eq(claims.teamId, me.teamId), eq(claims.memberId, me.memberId), eq(claims.itemKey, itemKey)))
        .returning({ itemKey: claims.itemKey });
      if (released.length === 0) throw fail.notFound('You hold no claim on this item');
      return c.json({ released: itemKey });
    });
}
