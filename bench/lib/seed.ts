// Bulk seeding for the summary benchmark, in SQL (INSERT … SELECT … generate_series): items
// seen and two interactions per item (the first usually the reply that answers it), spread
// over the last 89 days across the given members, 10 platforms, 6 categories and 12
// languages. Each statement writes one chunk of items and their interactions together.
import { PLATFORM_MIX, CATEGORY_MIX, LANGUAGE_MIX } from './data.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A weighted table as a SQL array literal with each value repeated by its weight. */
function weightedArray(table: readonly (readonly [string, number])[]): { sql: string; n: number } {
  const values = table.flatMap(([v, w]) => Array.from({ length: w }, () => v));
  return { sql: `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`, n: values.length };
}

export interface SeedChunk {
  teamId: string;
  memberIds: string[];
  /** Interactions to write in all (items: half of that, rounded up). */
  total: number;
  /** This chunk's item numbers: [firstItem, endItem). */
  firstItem: number;
  endItem: number;
  /** Makes generated ids and keys unique to this run. */
  salt: string;
}

export function seedChunkSql(c: SeedChunk): string {
  if (!UUID.test(c.teamId) || !c.memberIds.every((m) => UUID.test(m)) || !/^[a-z0-9]+$/.test(c.salt)) {
    throw new Error('seedChunkSql: bad identifiers');
  }
  const platforms = weightedArray(PLATFORM_MIX);
  const categories = weightedArray(CATEGORY_MIX);
  const langs = weightedArray(LANGUAGE_MIX);
  const members = `ARRAY[${c.memberIds.map((m) => `'${m}'`).join(',')}]::uuid[]`;
  const nMembers = c.memberIds.length;
  const pick = (arr: { sql: string; n: number }, r: string) => `(${arr.sql})[1 + floor(${r} * ${arr.n})::int]`;
  return `
WITH s AS MATERIALIZED (
  SELECT k, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6,
         random() AS r7, random() AS r8, random() AS r9, random() AS r10, md5('${c.salt}' || k) AS h
  FROM generate_series(${c.firstItem}, ${c.endItem - 1}) AS k
),
a AS (
  SELECT k, h, r8, r9,
         ${pick(platforms, 'r1')} AS platform,
         ${pick(categories, 'r2')} AS category,
         ${pick(langs, 'r3')} AS lang,
         now() - interval '1 hour' - r4 * interval '89 days' AS base,
         r5 < 0.05 AS no_posted,
         CASE WHEN r6 < 0.01 THEN interval '8 days' + r6 * 1000 * interval '1 day' ELSE r6 * r6 * interval '3 hours' END AS seen_delay,
         (${members})[1 + floor(r7 * ${nMembers})::int] AS seen_by,
         'user' || floor(r10 * 50000)::int AS author
  FROM s
),
b AS MATERIALIZED (
  SELECT a.*,
         CASE WHEN no_posted THEN NULL ELSE base END AS posted,
         least(base + seen_delay, now() - interval '1 minute') AS seen,
         platform || ':' || native AS item_key,
         'https://' || CASE platform
           WHEN 'x' THEN 'x.com/' || author || '/status/' || native
           WHEN 'reddit' THEN 'www.reddit.com/r/support/comments/' || substr(h, 20, 6) || '/comment/' || substr(native, 4) || '/'
           WHEN 'youtube' THEN 'www.youtube.com/watch?v=' || substr(h, 1, 11) || '&lc=' || native
           WHEN 'linkedin' THEN 'www.linkedin.com/feed/update/urn:li:activity:' || (7200000000000000000 + k) || '/'
           WHEN 'facebook' THEN 'www.facebook.com/' || author || '/posts/pfbid0' || h
           WHEN 'instagram' THEN 'www.instagram.com/p/' || substr(h, 1, 11) || '/c/' || native || '/'
           WHEN 'tiktok' THEN 'www.tiktok.com/@' || author || '/video/' || (7300000000000000000 + k)
           WHEN 'threads' THEN 'www.threads.net/@' || author || '/post/' || native
           WHEN 'bluesky' THEN 'bsky.app/profile/' || author || '.bsky.social/post/' || native
           ELSE 'mastodon.social/@' || author || '/' || native END AS url
  FROM (
    SELECT a.*, CASE platform
             WHEN 'x' THEN (1790000000000000000 + k)::text
             WHEN 'reddit' THEN 't1_' || to_hex(1700000000 + k)
             WHEN 'youtube' THEN 'Ugx' || substr(h, 1, 21) || '4AaABAg'
             WHEN 'linkedin' THEN 'urn:li:comment:(activity:' || (7200000000000000000 + k) || ',' || (7200000000000000000 + 2 * k) || ')'
             WHEN 'facebook' THEN h || md5(h)
             WHEN 'instagram' THEN (17900000000000000 + k)::text
             WHEN 'tiktok' THEN (7310000000000000000 + k)::text
             WHEN 'threads' THEN 'C' || substr(h, 1, 10)
             WHEN 'bluesky' THEN '3l' || substr(h, 1, 11)
             ELSE (112000000000000000 + k)::text END AS native
    FROM a
  ) a
),
new_items AS (
  INSERT INTO items (team_id, item_key, platform, category, lang, item_posted_at, seen_at, seen_by)
  SELECT '${c.teamId}', item_key, platform, category, lang, posted, seen, seen_by FROM b
),
x AS (
  SELECT b.*, j,
         CASE WHEN j = 0
           THEN least(seen + -ln(1 - r8) * interval '40 minutes', now() - interval '30 seconds')
           ELSE least(seen + -ln(1 - r8) * interval '40 minutes' + -ln(1 - r9) * interval '6 hours', now() - interval '20 seconds')
         END AS acted,
         CASE WHEN j = 0
           THEN (ARRAY['reply','reply','reply','reply','reply','comment','comment','comment','dm','like','share'])[1 + floor(random() * 11)::int]
           ELSE (ARRAY['reply','reply','reply','comment','comment','dm','like','like','like','share','share'])[1 + floor(random() * 11)::int]
         END AS kind,
         CASE WHEN j = 0 AND random() < 0.7 THEN seen_by ELSE (${members})[1 + floor(random() * ${nMembers})::int] END AS member_id,
         md5('${c.salt}:' || k || ':' || j) AS u
  FROM b CROSS JOIN generate_series(0, 1) AS j
  WHERE 2 * k + j < ${c.total}
),
y AS (
  SELECT x.*, lpad(to_hex(floor(extract(epoch FROM acted) * 1000)::bigint), 12, '0') AS ms,
         kind IN ('reply', 'comment', 'dm') AS answers
  FROM x
)
INSERT INTO interactions (team_id, id, member_id, item_key, platform, kind, item_url, item_author, item_posted_at,
  seen_at, acted_at, response_ms, category, sentiment, lang, template_id, voice_score, text_length)
SELECT '${c.teamId}',
       (substr(ms, 1, 8) || '-' || substr(ms, 9, 4) || '-7' || substr(u, 1, 3) || '-' || substr('89ab', 1 + (k + j)::int % 4, 1)
         || substr(u, 4, 3) || '-' || substr(u, 7, 12))::uuid,
       member_id, item_key, platform, kind, url, author, posted, seen, acted,
       CASE WHEN answers THEN floor(extract(epoch FROM acted - coalesce(posted, seen)) * 1000)::bigint END,
       category,
       CASE category WHEN 'complaint' THEN CASE WHEN random() < 0.85 THEN 'negative' ELSE 'neutral' END
                     WHEN 'praise' THEN 'positive'
                     ELSE (ARRAY['neutral','neutral','neutral','positive','negative'])[1 + floor(random() * 5)::int] END,
       lang,
       CASE WHEN answers AND random() < 0.35 THEN ('0193a4c2-' || (4096 + floor(random() * 12))::int || '-4abc-8def-000000000000')::uuid END,
       CASE WHEN answers THEN 55 + floor(random() * 46)::int END,
       CASE WHEN answers THEN 12 + floor(random() * 268)::int END
FROM y`;
}

/** Statements that seed `total` interactions (and ⌈total/2⌉ items), `perChunk` interactions each. */
export function seedStatements(opts: Omit<SeedChunk, 'firstItem' | 'endItem'> & { perChunk: number }): string[] {
  const items = Math.ceil(opts.total / 2);
  const step = Math.max(1, Math.floor(opts.perChunk / 2));
  const out: string[] = [];
  for (let first = 0; first < items; first += step) {
    out.push(seedChunkSql({ ...opts, firstItem: first, endItem: Math.min(items, first + step) }));
  }
  return out;
}
