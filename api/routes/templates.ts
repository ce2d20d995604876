// Reply templates and the brand voice: pulled by every member, written by managers only,
// except private templates, which each member keeps for themself beside the shared ones.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  IfMatchHeader,
  type ImportProblem,
  ImportTemplatesBody,
  type ImportTemplatesResult,
  PageQuery,
  type Template,
  TemplateInput,
  VoiceRules,
  type Voice,
} from '../../shared/schemas.ts';
import { type Caller, type Deps, type Env, isManager, requireRole, valid } from '../context.ts';
import { changedAfter, decodeCursor, encodeCursor, restamp } from '../db/cursor.ts';
import { rowsOf } from '../db/index.ts';
import { templates, voices } from '../db/schema.ts';
import { ApiFailure, fail } from '../errors.ts';

type TemplateRow = typeof templates.$inferSelect;
type TemplateFields = z.output<typeof TemplateInput>;
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
  private: r.ownerId !== null,
  ownerId: r.ownerId,
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

/** The templates a caller sees: the team's shared ones and their own private ones. Another
 * member's private template is invisible: every route answers 404 for it, as for an id
 * that does not exist, so that its existence does not leak. */
const visibleTo = (me: Caller) =>
  and(eq(templates.teamId, me.teamId), or(isNull(templates.ownerId), eq(templates.ownerId, me.memberId)));

interface Refusal {
  status: 400 | 403;
  field: string;
  message: string;
}
/**
 * Why `me` may not write a template that should end up private (`wantPrivate`) or shared,
 * given the visible record it replaces (if any); undefined when allowed.
 * - shared templates: created, changed and deleted by managers only;
 * - a shared template never becomes private (that would take it away from the team);
 * - a member's own private template: its owner, whatever their role; publishing it
 *   (private → shared) makes it a shared template, so only a manager may.
 */
function refusal(me: Caller, existing: TemplateRow | undefined, wantPrivate: boolean): Refusal | undefined {
  const shared = existing !== undefined && existing.ownerId === null;
  if (shared && !isManager(me)) return { status: 403, field: 'id', message: 'Only a team manager can change shared templates' };
  if (shared && wantPrivate) {
    return { status: 400, field: 'private', message: 'A shared template cannot be made private; create a private copy instead' };
  }
  if (!wantPrivate && !isManager(me)) return { status: 403, field: 'private', message: 'Only managers can share templates' };
  return undefined;
}
const refuse = (r: Refusal) =>
  r.status === 403 ? fail.forbidden(r.message) : fail.badRequest(`${r.field}: ${r.message}`, r.field);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function templateRoutes(deps: Deps) {
  const { db } = deps.database;

  const visibleRow = async (me: Caller, id: string) => {
    const [row] = await db.select().from(templates).where(and(visibleTo(me), eq(templates.id, id)));
    return row;
  };
  const conflict = (row: TemplateRow) =>
    new ApiFailure(409, 'version_conflict', 'This template was changed by someone else', undefined, { current: toTemplate(row) });

  /**
   * Writes a visible template only at the version the client last saw, bumping it, if the
   * caller may give it the privacy `wantPrivate`. 404 when invisible; 403/400 when refused;
   * 409 carrying the current record when the version is stale.
   */
  const versionedWrite = async (
    me: Caller,
    id: string,
    version: number,
    wantPrivate: boolean | 'keep',
    changes: Partial<typeof templates.$inferInsert>,
  ): Promise<Template> => {
    const before = await visibleRow(me, id);
    if (!before) throw fail.notFound('No such template in this team');
    const makePrivate = wantPrivate === 'keep' ? before.ownerId !== null : wantPrivate;
    const refused = refusal(me, before, makePrivate);
    if (refused) throw refuse(refused);
    if (before.version !== version) throw conflict(before);
    // The version in the WHERE makes the checks above hold for the row written: any change
    // since `before` was read (a publish, an edit) has bumped it.
    const [row] = await db
      .update(templates)
      .set({
        ...changes,
        ownerId: makePrivate ? me.memberId : null,
        version: sql`${templates.version} + 1`,
        updatedAt: sql`now()`,
        updatedBy: me.memberId,
        ...restamp,
      })
      .where(and(visibleTo(me), eq(templates.id, id), eq(templates.version, version)))
      .returning();
    if (!row) {
      const now = await visibleRow(me, id);
      if (!now) throw fail.notFound('No such template in this team');
      throw conflict(now);
    }
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
        .where(and(visibleTo(me), changedAfter(templates.changeXid, templates.changeSeq, after)))
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
      const { private: isPrivate, ...input } = c.req.valid('json');
      const refused = refusal(me, undefined, isPrivate);
      if (refused) throw refuse(refused);
      try {
        const [row] = await db
          .insert(templates)
          .values({
            ...input,
            id: input.id ?? randomUUID(),
            teamId: me.teamId,
            ownerId: isPrivate ? me.memberId : null,
            updatedBy: me.memberId,
          })
          .onConflictDoNothing({ target: [templates.teamId, templates.id] })
          .returning();
        if (!row) throw fail.conflict('A template with this id exists already; update it with PUT', 'id');
        return c.json({ template: toTemplate(row) }, 201);
      } catch (err) {
        if (isUniqueViolation(err)) throw shortcutTaken(input);
        throw err;
      }
    })
    .post('/v1/templates/import', valid('json', ImportTemplatesBody), async (c) => {
      const me = c.get('caller');
      try {
        return c.json(await importTemplates(me, c.req.valid('json').templates));
      } catch (err) {
        // The checks below saw no clash, so a concurrent write took a shortcut or an id.
        if (isUniqueViolation(err)) {
          throw fail.conflict('Another change took one of these shortcuts or ids during the import; nothing was imported, try again', 'templates');
        }
        throw err;
      }
    })
    .put('/v1/templates/:id', valid('param', TemplateId), valid('header', IfMatchHeader), valid('json', TemplateInput), async (c) => {
      const { id: _bodyId, private: isPrivate, ...input } = c.req.valid('json');
      try {
        return c.json({
          template: await versionedWrite(c.get('caller'), c.req.valid('param').id, c.req.valid('header')['if-match'], isPrivate, {
            ...input,
            deleted: false,
          }),
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw shortcutTaken(input);
        throw err;
      }
    })
    .delete('/v1/templates/:id', valid('param', TemplateId), valid('header', IfMatchHeader), async (c) =>
      // A tombstone: pulled like any other change, by everyone who saw the template.
      c.json({
        template: await versionedWrite(c.get('caller'), c.req.valid('param').id, c.req.valid('header')['if-match'], 'keep', {
          deleted: true,
        }),
      }),
    );

  /**
   * All or nothing, in one transaction: every entry is checked first (schema, permissions,
   * ids, shortcuts against the file and the team), every problem is reported together, and
   * only a clean file is written.
   */
  async function importTemplates(me: Caller, raw: unknown[]): Promise<ImportTemplatesResult> {
    const problems: ImportProblem[] = [];
    const entries: { index: number; input: TemplateFields }[] = [];
    raw.forEach((value, index) => {
      const parsed = TemplateInput.safeParse(value);
      if (parsed.success) entries.push({ index, input: parsed.data });
      else for (const issue of parsed.error.issues) problems.push({ index, field: issue.path.join('.'), message: issue.message });
    });

    return db.transaction(async (tx) => {
      const ids = [...new Set(entries.flatMap((e) => (e.input.id ? [e.input.id] : [])))];
      const existing = new Map<string, TemplateRow>();
      if (ids.length > 0) {
        // Locked, so that the checks below still hold when the rows are written.
        const rows = await tx
          .select()
          .from(templates)
          .where(and(eq(templates.teamId, me.teamId), inArray(templates.id, ids)))
          .for('update');
        for (const row of rows) existing.set(row.id, row);
      }

      const firstWithId = new Map<string, number>();
      const updates: { index: number; input: TemplateFields; id: string }[] = [];
      const inserts: { index: number; input: TemplateFields; id: string }[] = [];
      for (const { index, input } of entries) {
        const id = input.id;
        if (id !== undefined) {
          const first = firstWithId.get(id);
          if (first !== undefined) {
            problems.push({ index, field: 'id', message: `the same id is used by the entry at index ${first}` });
            continue;
          }
          firstWithId.set(id, index);
        }
        const row = id === undefined ? undefined : existing.get(id);
        if (row && row.ownerId !== null && row.ownerId !== me.memberId) {
          // Someone else's private template: never touched, and not described either.
          problems.push({ index, field: 'id', message: 'this id cannot be used; leave it out to import the template as a new one' });
          continue;
        }
        const refused = refusal(me, row, input.private);
        if (refused) {
          problems.push({ index, field: refused.field, message: refused.message });
          continue;
        }
        (row ? updates : inserts).push({ index, input, id: id ?? randomUUID() });
      }

      // Shortcuts: unique in the file, and free in the team apart from the templates this
      // file replaces. Lowered by the database, as the unique indexes are.
      const withShortcut = [...updates, ...inserts].filter((e) => e.input.shortcut !== null);
      if (withShortcut.length > 0) {
        const values = sql.join(
          withShortcut.map((e) => sql`(${e.index}::int, ${e.input.shortcut}::text, ${e.input.lang}::text, ${e.input.private}::boolean)`),
          sql`, `,
        );
        const found = rowsOf<{ idx: number; key: string; clash: string | null }>(
          await tx.execute(sql`
            WITH e(idx, shortcut, lang, priv) AS (VALUES ${values})
            SELECT e.idx, lower(e.shortcut) AS key, t.id AS clash
            FROM e LEFT JOIN templates t
              ON t.team_id = ${me.teamId}::uuid AND NOT t.deleted AND t.shortcut IS NOT NULL
              AND lower(t.shortcut) = lower(e.shortcut) AND coalesce(t.lang, '') = coalesce(e.lang, '')
              AND CASE WHEN e.priv THEN t.owner_id = ${me.memberId}::uuid ELSE t.owner_id IS NULL END
            ORDER BY e.idx`),
        );
        const replaced = new Set(updates.map((u) => u.id));
        const byIndex = new Map(withShortcut.map((e) => [e.index, e]));
        const firstWithKey = new Map<string, number>();
        const reported = new Set<number>();
        for (const { idx, key, clash } of found) {
          const index = Number(idx);
          const e = byIndex.get(index)!;
          const what = `the shortcut ${e.input.shortcut}`;
          if (clash !== null && !replaced.has(clash) && !reported.has(index)) {
            reported.add(index);
            const scope = e.input.private ? 'one of your private templates' : 'a shared template';
            problems.push({ index, field: 'shortcut', message: `${what} is already used by ${scope} in this language` });
          }
          const fileKey = JSON.stringify([key, e.input.lang ?? '', e.input.private]);
          const first = firstWithKey.get(fileKey);
          if (first === undefined) firstWithKey.set(fileKey, index);
          else if (first !== index && !reported.has(index)) {
            reported.add(index);
            problems.push({ index, field: 'shortcut', message: `${what} is also used by the entry at index ${first} in this language` });
          }
        }
      }

      if (problems.length > 0) {
        problems.sort((a, b) => a.index - b.index);
        const count = new Set(problems.map((p) => p.index)).size;
        throw new ApiFailure(
          400,
          'bad_request',
          `${plural(count, 'template has', 'templates have')} problems; nothing was imported`,
          'templates',
          { problems },
        );
      }

      const fields = (input: TemplateFields) => {
        const { id: _id, private: isPrivate, ...rest } = input;
        return { ...rest, ownerId: isPrivate ? me.memberId : null, updatedBy: me.memberId };
      };
      const updated: Template[] = [];
      if (updates.length > 0) {
        // Shortcuts may move between the replaced templates (a swap): free them all first,
        // since the unique indexes are checked row by row.
        await tx
          .update(templates)
          .set({ shortcut: null })
          .where(and(eq(templates.teamId, me.teamId), inArray(templates.id, updates.map((u) => u.id))));
        for (const u of updates) {
          const [row] = await tx
            .update(templates)
            .set({ ...fields(u.input), deleted: false, version: sql`${templates.version} + 1`, updatedAt: sql`now()`, ...restamp })
            .where(and(eq(templates.teamId, me.teamId), eq(templates.id, u.id)))
            .returning();
          updated.push(toTemplate(row!));
        }
      }
      const created: Template[] = [];
      if (inserts.length > 0) {
        const rows = await tx
          .insert(templates)
          .values(inserts.map((e) => ({ ...fields(e.input), id: e.id, teamId: me.teamId })))
          .returning();
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const e of inserts) created.push(toTemplate(byId.get(e.id)!));
      }
      return { created, updated };
    });
  }
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
