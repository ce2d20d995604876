// Reply templates and the brand voice: pulled by every member, written by managers only.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  IfMatchHeader,
  PageQuery,
  type Template,
  TemplateInput,
  VoiceRules,
  type Voice,
} from '../../shared/schemas.ts';
import { type Caller, type Deps, type Env, requireRole, valid } from '../context.ts';
import { changedAfter, decodeCursor, encodeCursor, restamp } from '../db/cursor.ts';
import { templates, voices } from '../db/schema.ts';
import { ApiFailure, fail } from '../errors.ts';

type TemplateRow = typeof templates.$inferSelect;
const toTemplate = (r: TemplateRow): Template => ({
  id: r.id,
  title: r.title,
  body: r.body,
  categories: r.categories as Template['categories'],
  platforms: r.platforms as Template['platforms'],
  lang: r.lang,
  shortcut: r.shortcut,
  variants: r.variants,
  version: r.version,
  deleted: r.deleted,
  updatedAt: r.updatedAt.toISOString(),
});

const TemplateId = z.object({ id: z.uuid() });

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
}
const shortcutTaken = (t: { shortcut: string | null }) =>
  fail.conflict(`The shortcut ${t.shortcut} is already used by another template in this language`, 'shortcut');

export function templateRoutes(deps: Deps) {
  const { db } = deps.database;

  const current = async (teamId: string, id: string) => {
    const [row] = await db.select().from(templates).where(and(eq(templates.teamId, teamId), eq(templates.id, id)));
    return row;
  };
  /** 404 when missing; 409 carrying the current record when the version is stale. */
  const staleOrMissing = async (teamId: string, id: string): Promise<never> => {
    const row = await current(teamId, id);
    if (!row) throw fail.notFound('No such template in this team');
    throw new ApiFailure(409, 'version_conflict', 'This template was changed by someone else', undefined, {
      current: toTemplate(row),
    });
  };

  /** Writes a template only at the version the client last saw, bumping it; a manager's job. */
  const versionedWrite = async (
    me: Caller,
    id: string,
    version: number,
    changes: Partial<typeof templates.$inferInsert>,
  ): Promise<Template> => {
    requireRole(me, 'manager');
    const [row] = await db
      .update(templates)
      .set({ ...changes, version: sql`${templates.version} + 1`, updatedAt: sql`now()`, updatedBy: me.memberId, ...restamp })
      .where(and(eq(templates.teamId, me.teamId), eq(templates.id, id), eq(templates.version, version)))
      .returning();
    if (!row) return staleOrMissing(me.teamId, id);
    return toTemplate(row);
  };

  return new Hono<Env>()
    .get('/v1/templates', valid('query', PageQuery), async (c) => {
      const me = c.get('caller');
      const { since, limit } = c.req.valid('query');
      const after = decodeCursor(since);
      if (!after) throw fail.badRequest('since: not a cursor issued by this server', 'since');
      const rows = await db
        .select()
        .from(templates)
        .where(and(eq(templates.teamId, me.teamId), changedAfter(templates.changeXid, templates.changeSeq, after)))
        .orderBy(asc(templates.changeXid), asc(templates.changeSeq))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return c.json({
        items: page.map(toTemplate),
        cursor: encodeCursor(last ? { xid: last.changeXid, seq: last.changeSeq } : after),
        hasMore: rows.length > limit,
      });
    })
    .post('/v1/templates', valid('json', TemplateInput), async (c) => {
      const me = c.get('caller');
      requireRole(me, 'manager');
      const input = c.req.valid('json');
      try {
        const [row] = await db
          .insert(templates)
          .values({ ...input, id: input.id ?? randomUUID(), teamId: me.teamId, updatedBy: me.memberId })
          .onConflictDoNothing({ target: [templates.teamId, templates.id] })
          .returning();
        if (!row) throw fail.conflict('A template with this id exists already; update it with PUT', 'id');
        return c.json({ template: toTemplate(row) }, 201);
      } catch (err) {
        if (isUniqueViolation(err)) throw shortcutTaken(input);
        throw err;
      }
    })
    .put('/v1/templates/:id', valid('param', TemplateId), valid('header', IfMatchHeader), valid('json', TemplateInput), async (c) => {
      const { id: _bodyId, ...input } = c.req.valid('json');
      try {
        return c.json({ template: await versionedWrite(c.get('caller'), c.req.valid('param').id, c.req.valid('header')['if-match'], { ...input, deleted: false }) });
      } catch (err) {
        if (isUniqueViolation(err)) throw shortcutTaken(input);
        throw err;
      }
    })
    .delete('/v1/templates/:id', valid('param', TemplateId), valid('header', IfMatchHeader), async (c) =>
      // A tombstone: pulled by everyone like any other change.
      c.json({ template: await versionedWrite(c.get('caller'), c.req.valid('param').id, c.req.valid('header')['if-match'], { deleted: true }) }),
    );
}

type VoiceRow = typeof voices.$inferSelect;
const toVoice = (r: VoiceRow): Voice => ({ ...VoiceRules.parse(r.rules), version: r.version, updatedAt: r.updatedAt.toISOString() });

export function voiceRoutes(deps: Deps) {
  const { db } = deps.database;
  const load = async (teamId: string): Promise<Voice> => {
    const [row] = await db.select().from(voices).where(eq(voices.teamId, teamId));
    return row ? toVoice(row) : { ...VoiceRules.parse({}), version: 0, updatedAt: null };
  };
  return new Hono<Env>()
    .get('/v1/voice', async (c) => c.json({ voice: await load(c.get('caller').teamId) }))
    .put('/v1/voice', valid('header', IfMatchHeader), valid('json', VoiceRules), async (c) => {
      const me = c.get('caller');
      requireRole(me, 'manager');
      const version = c.req.valid('header')['if-match'];
      const rules = c.req.valid('json');
      const [row] =
        version === 0
          ? await db
              .insert(voices)
              .values({ teamId: me.teamId, rules, version: 1, updatedBy: me.memberId })
              .onConflictDoNothing()
              .returning()
          : await db
              .update(voices)
              .set({ rules, version: sql`${voices.version} + 1`, updatedAt: sql`now()`, updatedBy: me.memberId })
              .where(and(eq(voices.teamId, me.teamId), eq(voices.version, version)))
              .returning();
      if (!row) {
        throw new ApiFailure(409, 'version_conflict', 'The brand voice was changed by someone else', undefined, {
          current: await load(me.teamId),
        });
      }
      return c.json({ voice: toVoice(row) });
    });
}
