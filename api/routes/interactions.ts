// Pushes from the browser outbox: interactions (replies and other actions) and items seen.
// Each record is checked on its own; one bad record is rejected alone, the rest are kept.
// Inserts ignore ids already stored, so a replayed batch is harmless.
import { eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  Interaction,
  PushInteractionsBody,
  type PushInteractionsResult,
  PushItemsBody,
  type PushItemsResult,
  SeenItem,
} from '../../shared/schemas.ts';
import { type Deps, type Env, valid } from '../context.ts';
import { interactionRow, itemRow } from '../db/rows.ts';
import { interactions, items, teams } from '../db/schema.ts';

/** Clocks drift; a record stamped further ahead than this is refused rather than skewing figures. */
const MAX_FUTURE_MS = 24 * 3600_000;
/** A sender's clock this close to ours is taken as right (the request's own travel time). */
const SKEW_TOLERANCE_MS = 60_000;
/** A clock further off than this is not a clock error but a broken header, ignored like an
 * unreadable one (X-Chorus-Sent-At: 99999999999999999999 made no date at all: a 500). */
const MAX_SKEW_MS = 366 * 24 * 3600_000;

/**
 * The sender's clock error, from the `X-Chorus-Sent-At` header (its clock when it sent the
 * request; the extension sets it on every request): 0 when absent, unreadable or within
 * SKEW_TOLERANCE_MS. Added to the member's browser-clock instants (actedAt, seenAt) so that a
 * clock an hour off neither dates a reply on a later day nor makes a reply time negative.
 */
export function clockSkewMs(header: string | undefined, now: number): number {
  if (!header) return 0;
  const sent = /^\d+$/.test(header) ? Number(header) : Date.parse(header);
  if (!Number.isFinite(sent)) return 0;
  const skew = now - sent;
  return Math.abs(skew) <= SKEW_TOLERANCE_MS || Math.abs(skew) > MAX_SKEW_MS ? 0 : skew;
}

/** A browser-clock instant on the server's clock: shifted by the sender's skew, and never
 * after the moment the server received it (a fast clock without the header). Later than a
 * day ahead is left as is, for the caller to refuse. */
function onServerClock(iso: string, skew: number, now: number): string {
  const t = Date.parse(iso) + skew;
  if (t > now + MAX_FUTURE_MS) return iso;
  return skew === 0 && t <= now ? iso : new Date(Math.min(t, now)).toISOString();
}

function reason(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

const idOf = (raw: unknown, key: string): string | null => {
  const v = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v.slice(0, 300) : null;
};

/** The database cannot store NUL in text: such a record is refused alone, naming the field. */
function nulField(record: object): string | undefined {
  for (const [key, value] of Object.entries(record)) if (typeof value === 'string' && value.includes('\u0000')) return key;
  return undefined;
}

/** Two sightings of one item in a batch: the earliest instant wins (ISO strings with other
 * offsets or precision do not sort as text), and fields it lacks come from the other. */
function mergeSightings(a: SeenItem, b: SeenItem): SeenItem {
  const [first, other] = Date.parse(b.seenAt) < Date.parse(a.seenAt) ? [b, a] : [a, b];
  return {
    ...first,
    category: first.category ?? other.category,
    lang: first.lang ?? other.lang,
    itemPostedAt: first.itemPostedAt ?? other.itemPostedAt,
  };
}

export function interactionRoutes(deps: Deps) {
  const { db } = deps.database;
  return new Hono<Env>()
    .post('/v1/interactions', valid('json', PushInteractionsBody), async (c) => {
      const me = c.get('caller');
      const result: PushInteractionsResult = { accepted: [], duplicate: [], rejected: [] };
      const now = deps.now().getTime();
      const horizon = now + MAX_FUTURE_MS;
      const skew = clockSkewMs(c.req.header('x-chorus-sent-at'), now);
      const good = new Map<string, Interaction>();
      for (const raw of c.req.valid('json').interactions) {
        const parsed = Interaction.safeParse(raw);
        if (parsed.success) {
          parsed.data.actedAt = onServerClock(parsed.data.actedAt, skew, now);
          if (parsed.data.seenAt) parsed.data.seenAt = onServerClock(parsed.data.seenAt, skew, now);
        }
        const nul = parsed.success ? nulField(parsed.data) : undefined;
        if (!parsed.success) {
          result.rejected.push({ id: idOf(raw, 'id'), reason: reason(parsed.error) });
        } else if (nul) {
          result.rejected.push({ id: parsed.data.id, reason: `${nul}: must not contain NUL characters` });
        } else if (Date.parse(parsed.data.actedAt) > horizon) {
          result.rejected.push({ id: parsed.data.id, reason: 'actedAt: is more than a day in the future' });
        } else if (good.has(parsed.data.id)) {
          result.duplicate.push(parsed.data.id);
        } else {
          good.set(parsed.data.id, parsed.data);
        }
      }
      if (good.size > 0) {
        const [team] = await db.select({ settings: teams.settings }).from(teams).where(eq(teams.id, me.teamId));
        const keepText = team?.settings.syncReplyText === true;
        const rows = [...good.values()].map((i) => interactionRow(i, me.teamId, me.memberId, keepText));
        const inserted = await db
          .insert(interactions)
          .values(rows)
          .onConflictDoNothing({ target: [interactions.teamId, interactions.id] })
          .returning({ id: interactions.id });
        const fresh = new Set(inserted.map((r) => r.id));
        for (const id of good.keys()) (fresh.has(id) ? result.accepted : result.duplicate).push(id);
      }
      return c.json(result);
    })
    .post('/v1/items', valid('json', PushItemsBody), async (c) => {
      const me = c.get('caller');
      const result: PushItemsResult = { accepted: [], duplicate: [], rejected: [] };
      const now = deps.now().getTime();
      const horizon = now + MAX_FUTURE_MS;
      const skew = clockSkewMs(c.req.header('x-chorus-sent-at'), now);
      const good = new Map<string, SeenItem>();
      for (const raw of c.req.valid('json').items) {
        const parsed = SeenItem.safeParse(raw);
        if (!parsed.success) {
          result.rejected.push({ itemKey: idOf(raw, 'itemKey'), reason: reason(parsed.error) });
          continue;
        }
        const item = { ...parsed.data, seenAt: onServerClock(parsed.data.seenAt, skew, now) };
        const nul = nulField(item);
        if (nul) {
          result.rejected.push({ itemKey: idOf(raw, 'itemKey'), reason: `${nul}: must not contain NUL characters` });
          continue;
        }
        if (Date.parse(item.seenAt) > horizon) {
          result.rejected.push({ itemKey: item.itemKey, reason: 'seenAt: is more than a day in the future' });
          continue;
        }
        // Within one batch, too, the earliest sighting wins.
        const earlier = good.get(item.itemKey);
        good.set(item.itemKey, earlier ? mergeSightings(earlier, item) : item);
      }
      if (good.size > 0) {
        const rows = [...good.values()].map((i) => itemRow(i, me.teamId, me.memberId));
        // Earliest seenAt wins with who saw it; known fields are never blanked. Only a row
        // that actually changes is restamped, so an unchanged item is not pulled again.
        const earliest = sql`excluded.seen_at < ${items.seenAt}`;
        const changed = await db
          .insert(items)
          .values(rows)
          .onConflictDoUpdate({
            target: [items.teamId, items.itemKey],
            set: {
              seenAt: sql`least(${items.seenAt}, excluded.seen_at)`,
              seenBy: sql`CASE WHEN ${earliest} THEN excluded.seen_by ELSE ${items.seenBy} END`,
              category: sql`CASE WHEN ${earliest} THEN coalesce(excluded.category, ${items.category}) ELSE coalesce(${items.category}, excluded.category) END`,
              lang: sql`CASE WHEN ${earliest} THEN coalesce(excluded.lang, ${items.lang}) ELSE coalesce(${items.lang}, excluded.lang) END`,
              itemPostedAt: sql`coalesce(${items.itemPostedAt}, excluded.item_posted_at)`,
              changeXid: sql`(pg_current_xact_id()::text::bigint)`,
              changeSeq: sql`nextval('change_seq')`,
            },
            setWhere: sql`${earliest}
              OR (${items.category} IS NULL AND excluded.category IS NOT NULL)
              OR (${items.lang} IS NULL AND excluded.lang IS NOT NULL)
              OR (${items.itemPostedAt} IS NULL AND excluded.item_posted_at IS NOT NULL)`,
          })
          .returning({ itemKey: items.itemKey, inserted: sql<boolean>`(xmax = 0)` });
        const fresh = new Set(changed.filter((r) => r.inserted).map((r) => r.itemKey));
        for (const key of good.keys()) (fresh.has(key) ? result.accepted : result.duplicate).push(key);
      }
      return c.json(result);
    });
}
