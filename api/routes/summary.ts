// The team summary (managers: whole team; members: their own work) and CSV exports.
import { and, asc, eq, gt, gte, lt, or } from 'drizzle-orm';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { type Summary, localDate, summarize, zonedMidnight } from '../../shared/metrics.ts';
import { SummaryQuery } from '../../shared/schemas.ts';
import { type Caller, type Deps, type Env, isManager, requireRole, valid } from '../context.ts';
import { interactions, members, teams } from '../db/schema.ts';
import { csvRow } from '../csv.ts';
import { fail } from '../errors.ts';

const EXPORT_PAGE = 5000;

export function summaryRoutes(deps: Deps) {
  const { db } = deps.database;

  const buildSummary = async (caller: Caller, q: SummaryQuery): Promise<Summary> => {
    const [team] = await db.select({ settings: teams.settings }).from(teams).where(eq(teams.id, caller.teamId));
    if (!team) throw fail.notFound('Team not found');
    const roster = await db.select({ id: members.id, name: members.name }).from(members).where(eq(members.teamId, caller.teamId));
    const store = await deps.facts.forTeam(caller.teamId);
    return summarize(store, {
      ...q,
      settings: team.settings,
      now: deps.now().getTime(),
      memberNames: new Map(roster.map((m) => [m.id, m.name])),
      onlyMember: isManager(caller) ? undefined : caller.memberId,
    });
  };

  const attachment = (name: string, q: SummaryQuery) => ({
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="chorus-${name}-${q.from}-to-${q.to}.csv"`,
  });

  return new Hono<Env>()
    .get('/v1/summary', valid('query', SummaryQuery), async (c) => c.json(await buildSummary(c.get('caller'), c.req.valid('query'))))
    .get('/v1/export/summary.csv', valid('query', SummaryQuery), async (c) => {
      const me = c.get('caller');
      requireRole(me, 'manager');
      const q = c.req.valid('query');
      const s = await buildSummary(me, q);
      const header = ['dimension', 'key', 'name', 'interactions', 'replies', 'reply_time_median_ms', 'reply_time_p90_ms',
        'business_reply_time_median_ms', 'business_reply_time_p90_ms', 'actionable_due', 'answered_in_sla', 'response_rate'];
      type Row = Summary['totals'];
      const line = (dimension: string, key: string, name: string, r: Row) =>
        csvRow([dimension, key, name, r.interactions, r.replies, r.replyTimeMs.median, r.replyTimeMs.p90,
          r.businessReplyTimeMs.median, r.businessReplyTimeMs.p90, r.due, r.answeredInSla,
          r.responseRate === null ? '' : r.responseRate.toFixed(4)]);
      let body = csvRow(header) + line('total', '', '', s.totals);
      for (const r of s.byMember) body += line('member', r.memberId, r.name, r);
      for (const r of s.byPlatform) body += line('platform', r.platform, '', r);
      for (const r of s.byCategory) body += line('category', r.category, '', r);
      for (const r of s.byLanguage) body += line('language', r.lang, '', r);
      for (const r of s.byDay) body += line('day', r.day, '', r);
      return c.body(body, 200, attachment('summary', q));
    })
    .get('/v1/export/interactions.csv', valid('query', SummaryQuery), async (c) => {
      const me = c.get('caller');
      requireRole(me, 'manager');
      const q = c.req.valid('query');
      const start = new Date(zonedMidnight(q.tz, q.from));
      const nextDay = new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const end = new Date(zonedMidnight(q.tz, nextDay));
      const [team] = await db.select({ settings: teams.settings }).from(teams).where(eq(teams.id, me.teamId));
      if (!team) throw fail.notFound('Team not found');
      // Reply text only while the team syncs it: turning syncing off also keeps it out of exports.
      const withText = team.settings.syncReplyText === true;
      const roster = await db.select({ id: members.id, name: members.name }).from(members).where(eq(members.teamId, me.teamId));
      const names = new Map(roster.map((m) => [m.id, m.name]));
      for (const [k, v] of Object.entries(attachment('interactions', q))) c.header(k, v);
      return stream(c, async (out) => {
        await out.write(csvRow(['id', 'acted_at', 'local_date', 'member', 'platform', 'kind', 'item_key', 'item_url',
          'item_author', 'item_posted_at', 'seen_at', 'category', 'sentiment', 'lang', 'response_ms', 'template_id',
          'voice_score', 'text_length', ...(withText ? ['text'] : [])]));
        // Keyset pagination over (acted_at, id): constant memory for any range.
        let after: { actedAt: Date; id: string } | undefined;
        for (;;) {
          const page = await db
            .select()
            .from(interactions)
            .where(
              and(
                eq(interactions.teamId, me.teamId),
                gte(interactions.actedAt, start),
                lt(interactions.actedAt, end),
                after
                  ? or(gt(interactions.actedAt, after.actedAt), and(eq(interactions.actedAt, after.actedAt), gt(interactions.id, after.id)))
                  : undefined,
              ),
            )
            .orderBy(asc(interactions.actedAt), asc(interactions.id))
            .limit(EXPORT_PAGE);
          let chunk = '';
          for (const r of page) {
            chunk += csvRow([r.id, r.actedAt, localDate(q.tz, r.actedAt.getTime()), names.get(r.memberId) ?? r.memberId,
              r.platform, r.kind, r.itemKey, r.itemUrl, r.itemAuthor, r.itemPostedAt, r.seenAt, r.category, r.sentiment,
              r.lang, r.responseMs, r.templateId, r.voiceScore, r.textLength, ...(withText ? [r.text] : [])]);
          }
          if (chunk) await out.write(chunk);
          const last = page.at(-1);
          if (!last || page.length < EXPORT_PAGE) break;
          after = { actedAt: last.actedAt, id: last.id };
        }
      });
    });
}
