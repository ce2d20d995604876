// Metric definitions: the one place that says how Chorus counts. The API computes the team
// summary with this code; the extension computes a member's own day with it too.
//
// - Interactions: every recorded action (reply, comment, dm, like, share) whose actedAt falls
//   in the range [from 00:00, to 24:00) of the requested time zone.
// - Replies: interactions of kind reply, comment or dm (RESPONSE_KINDS).
// - Reply time: per item, from the clock start to the team's FIRST reply to that item.
//   The clock starts when the item was posted (itemPostedAt, from the item record or the
//   reply) and, where the site shows no time, when the team first saw it (seenAt, from the
//   item record or the reply). A reply time counts on the day and member of that first
//   reply, and on the item's platform, category and language (the item record's, else the
//   reply's), when that reply falls in the range. Later replies to the same item do not
//   count again. Excluded: items with neither a posted time nor a recorded sighting;
//   negative times (the reply is stamped before the clock start: clock skew); stale items,
//   first seen more than STALE_AFTER_MS after they were posted (old threads a member
//   scrolls through are not the team's backlog; with no sighting recorded, the reply is
//   taken as the moment it was seen).
// - Business reply time: the same span counting only the team's business hours (weekdays
//   and open–close wall-clock times in the team's time zone).
// - Median and p90: linear interpolation between closest ranks (like PostgreSQL's
//   percentile_cont and Excel's PERCENTILE.INC): sort the n values, take rank h = (n-1)·p,
//   value = x[⌊h⌋] + (h-⌊h⌋)·(x[⌊h⌋+1]-x[⌊h⌋]), rounded to the millisecond.
// - Response rate: of the actionable items (questions and complaints) first seen in the
//   range, the share answered within the team's SLA for their category, the SLA measured in
//   business time from the clock start. Items still unanswered whose SLA has not run out yet
//   are not due and left out; items left out of reply time for having no clock start or for
//   being stale are left out here too. Null when nothing is due.
//   By member: the items that member saw first. By day: the day the item was first seen.
// - Clocks: actedAt and seenAt are the member's browser clock; itemPostedAt is the site's.
import { ACTIONABLE_CATEGORIES, type Category, type Kind, RESPONSE_KINDS, type TeamSettings } from './schemas.ts';

export const STALE_AFTER_MS = 7 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;
const MINUTE_MS = 60_000;

export interface FactInteraction {
  id: string;
  memberId: string;
  itemKey: string;
  platform: string;
  kind: Kind;
  actedAt: number;
  itemPostedAt: number | null;
  seenAt: number | null;
  category: Category | null;
  lang: string | null;
}

export interface FactItem {
  itemKey: string;
  platform: string;
  category: Category | null;
  lang: string | null;
  itemPostedAt: number | null;
  seenAt: number;
  seenBy: string | null;
}

export interface Quantiles {
  median: number | null;
  p90: number | null;
  count: number;
}

export interface GroupStats {
  interactions: number;
  replies: number;
  replyTimeMs: Quantiles;
  businessReplyTimeMs: Quantiles;
  /** Actionable items due (answered, or unanswered past their SLA). */
  due: number;
  answeredInSla: number;
  responseRate: number | null;
}

export interface Summary {
  from: string;
  to: string;
  tz: string;
  generatedAt: string;
  totals: GroupStats;
  byMember: (GroupStats & { memberId: string; name: string })[];
  byPlatform: (GroupStats & { platform: string })[];
  byCategory: (GroupStats & { category: string })[];
  byLanguage: (GroupStats & { lang: string })[];
  byDay: (GroupStats & { day: string })[];
}

// ---------- percentiles ----------

/** Percentile p (0–1) of ascending `sorted` by linear interpolation between closest ranks. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, n - 1)]!;
  return Math.round(a + (h - lo) * (b - a));
}

export function quantiles(values: ArrayLike<number>): Quantiles {
  const sorted = Float64Array.from(values).sort();
  return { median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), count: sorted.length };
}

// ---------- time zones ----------

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of the zone's wall clock from UTC at instant t, in ms (Tehran: +3.5 h). */
export function zoneOffsetMs(timeZone: string, t: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(t / 1000) * 1000;
}

/** Offsets of a zone, memoised per quarter hour (every zone's transitions fall on one). */
export function offsetLookup(timeZone: string): (t: number) => number {
  const cache = new Map<number, number>();
  return (t) => {
    const q = Math.floor(t / (15 * MINUTE_MS));
    let off = cache.get(q);
    if (off === undefined) {
      off = zoneOffsetMs(timeZone, q * 15 * MINUTE_MS);
      cache.set(q, off);
    }
    return off;
  };
}

/**
 * The UTC instant of local midnight starting the ISO date `day` in the zone: the first instant
 * of that local date. Where the clocks jump over midnight (Santiago, Havana: 24:00 → 01:00)
 * the day starts at the jump; where midnight happens twice, at the first one.
 */
export function zonedMidnight(timeZone: string, day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  // The offsets in force around that date; midnight under offset o is the instant wall − o,
  // a real midnight when the zone does use o at that instant.
  const offsets = [...new Set([-DAY_MS, 0, DAY_MS].map((dt) => zoneOffsetMs(timeZone, wall + dt)))];
  let start = Number.POSITIVE_INFINITY;
  for (const o of offsets) if (zoneOffsetMs(timeZone, wall - o) === o) start = Math.min(start, wall - o);
  if (start !== Number.POSITIVE_INFINITY) return start;
  // Midnight falls in a gap: the first instant whose wall clock is at or past it.
  let lo = wall - Math.max(...offsets);
  let hi = wall - Math.min(...offsets);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + zoneOffsetMs(timeZone, mid) >= wall) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Local calendar date (YYYY-MM-DD) of instant t in the zone. */
export function localDate(timeZone: string, t: number): string {
  return new Date(t + zoneOffsetMs(timeZone, t)).toISOString().slice(0, 10);
}

export interface DayRange {
  start: number;
  end: number;
  days: string[];
  /** Index into `days` of instant t, or -1 outside the range. */
  dayOf(t: number): number;
}

/** The local days from `from` to `to` inclusive in the zone, with their UTC boundaries. */
export function dayRange(timeZone: string, from: string, to: string): DayRange {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  const bounds = [...days, next].map((d) => zonedMidnight(timeZone, d));
  const start = bounds[0]!;
  const end = bounds[bounds.length - 1]!;
  return {
    start,
    end,
    days,
    dayOf(t) {
      if (t < start || t >= end) return -1;
      let lo = 0;
      let hi = days.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (bounds[mid]! <= t) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

// ---------- business hours ----------

const clockMs = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return (h * 60 + m) * MINUTE_MS;
};

export interface BusinessClock {
  /** Business time between two instants, in ms (0 when t1 ≤ t0). */
  between(t0: number, t1: number): number;
}

/**
 * Business time is counted on the wall clock of the team's zone: Monday 09:00–17:00 is
 * eight business hours even on a day the clocks change at night.
 */
export function businessClock(settings: Pick<TeamSettings, 'timeZone' | 'businessHours'>): BusinessClock {
  const offset = offsetLookup(settings.timeZone);
  const open = clockMs(settings.businessHours.open);
  const close = clockMs(settings.businessHours.close);
  const length = Math.max(0, close - open);
  const openDays = new Set(settings.businessHours.days);
  // Day 0 of the Unix epoch was a Thursday (ISO weekday 4).
  const isoWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;
  // prefix[j]: business ms in the first j days of a 7-day cycle starting on a Thursday.
  const prefix = [0];
  for (let j = 0; j < 7; j++) prefix.push(prefix[j]! + (openDays.has(isoWeekday(j)) ? length : 0));
  const perWeek = prefix[7]!;
  /** Business ms from the epoch's wall clock to wall-clock instant w. */
  const cumulative = (w: number) => {
    const day = Math.floor(w / DAY_MS);
    const week = Math.floor(day / 7);
    const inDay = w - day * DAY_MS;
    const today = openDays.has(isoWeekday(day)) ? Math.min(Math.max(inDay - open, 0), length) : 0;
    return week * perWeek + prefix[day - week * 7]! + today;
  };
  return {
    between(t0, t1) {
      if (t1 <= t0) return 0;
      return Math.max(0, cumulative(t1 + offset(t1)) - cumulative(t0 + offset(t0)));
    },
  };
}

// ---------- the fact store ----------

const isResponse = (kind: Kind) => (RESPONSE_KINDS as readonly string[]).includes(kind);
const isActionable = (c: Category | null): c is 'question' | 'complaint' =>
  c !== null && (ACTIONABLE_CATEGORIES as readonly string[]).includes(c);
/** Languages are grouped by their primary subtag: pt-BR and pt-PT are "pt". */
export const primaryLanguage = (lang: string | null | undefined) => (lang ? lang.split('-')[0]!.toLowerCase() : 'und');

/** Everything a summary is computed from: interactions (immutable) and items seen. */
export class FactStore {
  readonly interactions: FactInteraction[] = [];
  readonly items = new Map<string, FactItem>();
  /** The team's first reply to each item. */
  readonly firstResponse = new Map<string, FactInteraction>();

  addInteraction(i: FactInteraction): void {
    this.interactions.push(i);
    if (!isResponse(i.kind)) return;
    const first = this.firstResponse.get(i.itemKey);
    if (!first || i.actedAt < first.actedAt || (i.actedAt === first.actedAt && i.id < first.id)) {
      this.firstResponse.set(i.itemKey, i);
    }
  }

  putItem(item: FactItem): void {
    this.items.set(item.itemKey, item);
  }

  get size(): number {
    return this.interactions.length + this.items.size;
  }
}

interface Accumulator {
  interactions: number;
  replies: number;
  replyTimes: number[];
  businessTimes: number[];
  due: number;
  answeredInSla: number;
}
const emptyAccumulator = (): Accumulator => ({
  interactions: 0,
  replies: 0,
  replyTimes: [],
  businessTimes: [],
  due: 0,
  answeredInSla: 0,
});
const finish = (a: Accumulator): GroupStats => ({
  interactions: a.interactions,
  replies: a.replies,
  replyTimeMs: quantiles(a.replyTimes),
  businessReplyTimeMs: quantiles(a.businessTimes),
  due: a.due,
  answeredInSla: a.answeredInSla,
  responseRate: a.due === 0 ? null : a.answeredInSla / a.due,
});

/** When an item's clock starts and when the team first saw it; null when there is no clock
 * start (no posted time, no recorded sighting) or the item is stale. */
export function itemClock(item: FactItem | undefined, first: FactInteraction | undefined): { start: number; seen: number } | null {
  const posted = item?.itemPostedAt ?? first?.itemPostedAt ?? null;
  const sighting = item?.seenAt ?? first?.seenAt ?? null;
  if (posted === null && sighting === null) return null;
  // Without a recorded sighting, the reply is the latest moment the item was seen.
  const seen = sighting ?? first!.actedAt;
  if (posted !== null && seen - posted > STALE_AFTER_MS) return null;
  return { start: posted ?? seen, seen };
}

export interface SummaryRequest {
  from: string;
  to: string;
  tz: string;
  settings: TeamSettings;
  now: number;
  /** Names for byMember. */
  memberNames: Map<string, string>;
  /** Only this member's work (a member asking for their own summary). */
  onlyMember?: string;
}

export function summarize(store: FactStore, req: SummaryRequest): Summary {
  const range = dayRange(req.tz, req.from, req.to);
  const clock = businessClock(req.settings);
  const total = emptyAccumulator();
  const groups = {
    member: new Map<string, Accumulator>(),
    platform: new Map<string, Accumulator>(),
    category: new Map<string, Accumulator>(),
    lang: new Map<string, Accumulator>(),
    day: range.days.map(emptyAccumulator),
  };
  const at = (map: Map<string, Accumulator>, key: string) => {
    let a = map.get(key);
    if (!a) map.set(key, (a = emptyAccumulator()));
    return a;
  };
  const targets = (member: string, platform: string, category: Category | null, lang: string | null, day: number) => [
    total,
    at(groups.member, member),
    at(groups.platform, platform),
    at(groups.category, category ?? 'other'),
    at(groups.lang, primaryLanguage(lang)),
    groups.day[day]!,
  ];
  const only = req.onlyMember;

  // Volume.
  for (const i of store.interactions) {
    if (i.actedAt < range.start || i.actedAt >= range.end || (only && i.memberId !== only)) continue;
    const item = store.items.get(i.itemKey);
    const response = isResponse(i.kind);
    for (const a of targets(i.memberId, i.platform, item?.category ?? i.category, item?.lang ?? i.lang, range.dayOf(i.actedAt))) {
      a.interactions++;
      if (response) a.replies++;
    }
  }

  // Reply times: the first reply to each item.
  for (const first of store.firstResponse.values()) {
    if (first.actedAt < range.start || first.actedAt >= range.end || (only && first.memberId !== only)) continue;
    const item = store.items.get(first.itemKey);
    const clockStart = itemClock(item, first)?.start;
    if (clockStart === undefined || first.actedAt < clockStart) continue;
    const start = clockStart;
    const calendar = first.actedAt - start;
    const business = clock.between(start, first.actedAt);
    const category = item?.category ?? first.category;
    for (const a of targets(first.memberId, first.platform, category, item?.lang ?? first.lang, range.dayOf(first.actedAt))) {
      a.replyTimes.push(calendar);
      a.businessTimes.push(business);
    }
  }

  // Response rate: actionable items first seen in the range, recorded or only replied to.
  const consider = (
    item: FactItem | undefined,
    first: FactInteraction | undefined,
    platform: string,
    category: Category | null,
    lang: string | null,
    seenBy: string,
  ) => {
    if (!isActionable(category)) return;
    const known = itemClock(item, first);
    if (!known) return;
    const { start, seen } = known;
    if (seen < range.start || seen >= range.end || (only && seenBy !== only)) return;
    const sla = req.settings.slaMinutes[category] * MINUTE_MS;
    let inSla: boolean;
    if (first) inSla = clock.between(start, first.actedAt) <= sla;
    else if (clock.between(start, req.now) <= sla) return; // not due yet
    else inSla = false;
    for (const a of targets(seenBy, platform, category, lang, range.dayOf(seen))) {
      a.due++;
      if (inSla) a.answeredInSla++;
    }
  };
  for (const item of store.items.values()) {
    const first = store.firstResponse.get(item.itemKey);
    consider(
      item,
      first,
      item.platform,
      item.category ?? first?.category ?? null,
      item.lang ?? first?.lang ?? null,
      item.seenBy ?? first?.memberId ?? '',
    );
  }
  for (const first of store.firstResponse.values()) {
    if (store.items.has(first.itemKey)) continue;
    consider(undefined, first, first.platform, first.category, first.lang, first.memberId);
  }

  const sortByVolume = <T extends GroupStats>(rows: T[]) =>
    rows.sort((a, b) => b.interactions - a.interactions || b.replyTimeMs.count - a.replyTimeMs.count || b.due - a.due);
  const list = <K extends string>(map: Map<string, Accumulator>, key: K) =>
    sortByVolume([...map].map(([k, a]) => ({ [key]: k, ...finish(a) }) as GroupStats & Record<K, string>));

  return {
    from: req.from,
    to: req.to,
    tz: req.tz,
    generatedAt: new Date(req.now).toISOString(),
    totals: finish(total),
    byMember: sortByVolume(
      [...groups.member].map(([memberId, a]) => ({
        memberId,
        name: req.memberNames.get(memberId) ?? 'Former member',
        ...finish(a),
      })),
    ),
    byPlatform: list(groups.platform, 'platform'),
    byCategory: list(groups.category, 'category'),
    byLanguage: list(groups.lang, 'lang'),
    byDay: range.days.map((day, i) => ({ day, ...finish(groups.day[i]!) })),
  };
}
