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
import { ACTIONABLE_CATEGORIES, CATEGORIES, KINDS, RESPONSE_KINDS } from './constants.ts';
import type { Category, Kind, TeamSettings } from './schemas.ts';

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

/**
 * Rearranges a[left..right] so that a[k] holds the value it would have if sorted, smaller or
 * equal values before it and greater or equal after (quickselect, Hoare partition).
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const mid = (left + right) >> 1;
    // Median of three as the pivot.
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Median and p90 exactly as `percentile` defines them, by selection rather than a full sort. */
export function quantiles(values: ArrayLike<number>): Quantiles {
  return quantilesInPlace(Float64Array.from(values));
}

/** `quantiles`, reordering `a` (a scratch array) as it goes. */
function quantilesInPlace(a: Float64Array): Quantiles {
  const n = a.length;
  if (n === 0) return { median: null, p90: null, count: 0 };
  let from = 0;
  const at = (p: number) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    // Ranks only grow (median, then p90), so each selection works on what lies above the last.
    select(a, lo, from, n - 1);
    from = lo;
    const x = a[lo]!;
    if (h === lo) return Math.round(x);
    let y = Infinity;
    for (let i = lo + 1; i < n; i++) if (a[i]! < y) y = a[i]!;
    return Math.round(x + (h - lo) * (y - x));
  };
  const median = at(0.5);
  return { median, p90: at(0.9), count: n };
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
const QUARTER_MS = 15 * MINUTE_MS;
/** Quarter hours from 2000 to 2040 are memoised in a flat array per zone (2.8 MB) once a zone
 * has been asked for many of them (a summary over months), in a map before: a page's badges
 * ask for a handful, and a content script should not allocate megabytes for them. */
const DENSE_FROM = Date.UTC(2000, 0, 1) / QUARTER_MS;
const DENSE_QUARTERS = (Date.UTC(2040, 0, 1) - Date.UTC(2000, 0, 1)) / QUARTER_MS;
const DENSE_AFTER = 512;
const UNKNOWN = -32768;
const offsetCaches = new Map<string, { dense: Int16Array | undefined; sparse: Map<number, number> }>();
/**
 * A zone's offsets over a span as the instants each starts at, made where Intl's time-zone
 * data is loaded already (the extension's background): a content script given them needs no
 * Intl formatter of its own, whose first making costs it 10-20 ms on every page load.
 */
export interface ZoneOffsets {
  timeZone: string;
  from: number;
  to: number;
  /** [instant (a quarter hour), offset in ms from then on], in order; the first is at `from`. */
  changes: [number, number][];
}

/** Sampled once a day, a change found to the quarter hour (no zone changes twice in a day). */
export function zoneOffsets(timeZone: string, from: number, to: number): ZoneOffsets {
  const step = DAY_MS;
  const quarter = (t: number) => Math.floor(t / QUARTER_MS) * QUARTER_MS;
  const start = quarter(from);
  const changes: [number, number][] = [[start, zoneOffsetMs(timeZone, start)]];
  let before = start;
  let offset = changes[0]![1];
  while (before < to) {
    const next = Math.min(quarter(before + step), quarter(to) + QUARTER_MS);
    const nextOffset = zoneOffsetMs(timeZone, next);
    if (nextOffset !== offset) {
      // offset(lo) is the old one, offset(hi) the new one: halve until a quarter hour apart.
      let [lo, hi] = [before, next];
      while (hi - lo > QUARTER_MS) {
        const mid = quarter((lo + hi) / 2);
        if (zoneOffsetMs(timeZone, mid) === offset) lo = mid;
        else hi = mid;
      }
      changes.push([hi, nextOffset]);
      offset = nextOffset;
    }
    before = next;
  }
  return { timeZone, from: start, to: before, changes };
}

/** Offsets handed over (zoneOffsets), used by offsetLookup for instants they cover;
 * undefined forgets every zone's. */
const givenOffsets = new Map<string, ZoneOffsets>();
export function useZoneOffsets(offsets: ZoneOffsets | undefined): void {
  if (offsets) givenOffsets.set(offsets.timeZone, offsets);
  else givenOffsets.clear();
}

export function offsetLookup(timeZone: string): (t: number) => number {
  const given = givenOffsets.get(timeZone);
  if (given) {
    const intl = intlOffsetLookup(timeZone);
    const { changes } = given;
    return (t) => {
      const q = Math.floor(t / QUARTER_MS) * QUARTER_MS;
      if (q < given.from || q > given.to) return intl(t);
      let i = changes.length - 1;
      while (i > 0 && changes[i]![0] > q) i--;
      return changes[i]![1];
    };
  }
  return intlOffsetLookup(timeZone);
}

function intlOffsetLookup(timeZone: string): (t: number) => number {
  let cache = offsetCaches.get(timeZone);
  if (!cache) {
    cache = { dense: undefined, sparse: new Map() };
    offsetCaches.set(timeZone, cache);
  }
  const memo = cache;
  return (t) => {
    const q = Math.floor(t / QUARTER_MS);
    const i = q - DENSE_FROM;
    const inRange = i >= 0 && i < DENSE_QUARTERS;
    if (inRange && !memo.dense && memo.sparse.size >= DENSE_AFTER) {
      memo.dense = new Int16Array(DENSE_QUARTERS).fill(UNKNOWN);
      for (const [quarter, off] of memo.sparse) {
        const at = quarter - DENSE_FROM;
        if (at >= 0 && at < DENSE_QUARTERS) memo.dense[at] = off / MINUTE_MS;
      }
    }
    if (inRange && memo.dense) {
      let minutes = memo.dense[i]!;
      if (minutes === UNKNOWN) memo.dense[i] = minutes = zoneOffsetMs(timeZone, q * QUARTER_MS) / MINUTE_MS;
      return minutes * MINUTE_MS;
    }
    let off = memo.sparse.get(q);
    if (off === undefined) memo.sparse.set(q, (off = zoneOffsetMs(timeZone, q * QUARTER_MS)));
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
  // Every zone's midnights fall on a quarter hour, so a table per quarter hour finds the day.
  const dayOfQuarter = new Int16Array(Math.ceil((end - start) / QUARTER_MS));
  for (let d = 0; d < days.length; d++) {
    dayOfQuarter.fill(d, Math.floor((bounds[d]! - start) / QUARTER_MS), Math.ceil((bounds[d + 1]! - start) / QUARTER_MS));
  }
  return {
    start,
    end,
    days,
    dayOf(t) {
      if (t < start || t >= end) return -1;
      return dayOfQuarter[Math.floor((t - start) / QUARTER_MS)]!;
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

/** Languages are grouped by their primary subtag: pt-BR and pt-PT are "pt". */
export const primaryLanguage = (lang: string | null | undefined) => (lang ? lang.split('-')[0]!.toLowerCase() : 'und');

const NONE = -1;
const KIND_IS_RESPONSE = KINDS.map((k) => (RESPONSE_KINDS as readonly string[]).includes(k));
const categoryIndex = (c: Category | null) => (c === null ? NONE : CATEGORIES.indexOf(c));
const OTHER = CATEGORIES.indexOf('other');
const ACTIONABLE = CATEGORIES.map((c) => (ACTIONABLE_CATEGORIES as readonly string[]).includes(c));
const orNaN = (n: number | null) => (n === null ? NaN : n);

/** Small integer ids for repeated strings (members, platforms, languages, item keys). */
class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
  find(value: string): number {
    return this.ids.get(value) ?? NONE;
  }
}

/**
 * Everything a summary is computed from: interactions (immutable) and items seen, kept as
 * columns of small numbers so that a summary over a million interactions is a few passes
 * over arrays (strings are interned once, when a fact arrives). NaN and -1 mean unknown.
 */
export class FactStore {
  private readonly members = new Interner();
  private readonly platforms = new Interner();
  private readonly langs = new Interner();
  private readonly itemKeys = new Interner();
  /** Per item (by interned key): its record, when one was pushed, and its first reply. */
  private readonly item = {
    recorded: [] as number[],
    platform: [] as number[],
    category: [] as number[],
    lang: [] as number[],
    posted: [] as number[],
    seen: [] as number[],
    seenBy: [] as number[],
    /** Index of the team's first reply to the item, or -1. */
    first: [] as number[],
  };
  /** Per interaction. */
  private readonly ix = {
    id: [] as string[],
    item: [] as number[],
    member: [] as number[],
    platform: [] as number[],
    response: [] as number[],
    acted: [] as number[],
    posted: [] as number[],
    seen: [] as number[],
    category: [] as number[],
    lang: [] as number[],
  };

  private itemIndex(key: string, platform: number): number {
    const id = this.itemKeys.id(key);
    if (id === this.item.first.length) {
      const it = this.item;
      it.recorded.push(0);
      it.platform.push(platform);
      it.category.push(NONE);
      it.lang.push(NONE);
      it.posted.push(NaN);
      it.seen.push(NaN);
      it.seenBy.push(NONE);
      it.first.push(NONE);
    }
    return id;
  }

  addInteraction(i: FactInteraction): void {
    const ix = this.ix;
    const k = ix.id.length;
    const platform = this.platforms.id(i.platform);
    const item = this.itemIndex(i.itemKey, platform);
    const response = KIND_IS_RESPONSE[KINDS.indexOf(i.kind)] ? 1 : 0;
    ix.id.push(i.id);
    ix.item.push(item);
    ix.member.push(this.members.id(i.memberId));
    ix.platform.push(platform);
    ix.response.push(response);
    ix.acted.push(i.actedAt);
    ix.posted.push(orNaN(i.itemPostedAt));
    ix.seen.push(orNaN(i.seenAt));
    ix.category.push(categoryIndex(i.category));
    ix.lang.push(i.lang === null ? NONE : this.langs.id(primaryLanguage(i.lang)));
    if (!response) return;
    const first = this.item.first[item]!;
    if (first === NONE || i.actedAt < ix.acted[first]! || (i.actedAt === ix.acted[first]! && i.id < ix.id[first]!)) {
      this.item.first[item] = k;
    }
  }

  putItem(record: FactItem): void {
    const platform = this.platforms.id(record.platform);
    const id = this.itemIndex(record.itemKey, platform);
    const it = this.item;
    it.recorded[id] = 1;
    it.platform[id] = platform;
    it.category[id] = categoryIndex(record.category);
    it.lang[id] = record.lang === null ? NONE : this.langs.id(primaryLanguage(record.lang));
    it.posted[id] = orNaN(record.itemPostedAt);
    it.seen[id] = record.seenAt;
    it.seenBy[id] = record.seenBy === null ? NONE : this.members.id(record.seenBy);
  }

  get size(): number {
    return this.ix.id.length + this.item.first.length;
  }

  /**
   * When an item's clock starts and when the team first saw it: the item record's values
   * first, else its first reply's; NaN start when there is no clock start (no posted time,
   * no recorded sighting) or the item is stale. Without a recorded sighting, the reply is the
   * latest moment the item was seen.
   */
  private clockOf(it: number, first: number, out: { start: number; seen: number }): boolean {
    const item = this.item;
    const ix = this.ix;
    const recorded = item.recorded[it] === 1;
    let posted = recorded ? item.posted[it]! : NaN;
    if (Number.isNaN(posted) && first !== NONE) posted = ix.posted[first]!;
    const sighting = recorded ? item.seen[it]! : first !== NONE ? ix.seen[first]! : NaN;
    if (Number.isNaN(posted) && Number.isNaN(sighting)) return false;
    const seen = Number.isNaN(sighting) ? ix.acted[first]! : sighting;
    if (!Number.isNaN(posted) && seen - posted > STALE_AFTER_MS) return false;
    out.start = Number.isNaN(posted) ? seen : posted;
    out.seen = seen;
    return true;
  }

  /**
   * Business time from each item's clock start to its first reply, remembered between
   * summaries: it depends on neither the range nor "now", only on the two instants and the
   * team's hours, so each entry is kept with the instants it was computed for.
   */
  private buffers = sampleBuffers(0);
  private readonly businessMemo = { hours: '', start: [] as number[], acted: [] as number[], value: [] as number[] };
  private businessToFirstReply(it: number, start: number, acted: number, clock: BusinessClock, hours: string): number {
    const memo = this.businessMemo;
    if (memo.hours !== hours) {
      memo.hours = hours;
      memo.start.length = memo.acted.length = memo.value.length = 0;
    }
    if (memo.start[it] === start && memo.acted[it] === acted) return memo.value[it]!;
    // Holes are filled first so that the arrays stay dense (fast) as items arrive.
    for (let i = memo.start.length; i < it; i++) {
      memo.start.push(NaN);
      memo.acted.push(NaN);
      memo.value.push(NaN);
    }
    const value = clock.between(start, acted);
    memo.start[it] = start;
    memo.acted[it] = acted;
    memo.value[it] = value;
    return value;
  }

  summarize(req: SummaryRequest): Summary {
    const range = dayRange(req.tz, req.from, req.to);
    const clock = businessClock(req.settings);
    const hours = JSON.stringify([req.settings.timeZone, req.settings.businessHours]);
    const und = this.langs.id('und');
    const nobody = this.members.id('');
    const only = req.onlyMember === undefined ? -2 : this.members.find(req.onlyMember);
    const filtered = req.onlyMember !== undefined;
    const { start, end } = range;
    // Columns as locals: this loop runs over every interaction.
    const { acted: ixActed, member: ixMember, platform: ixPlatform, response: ixResponse, item: ixItem } = this.ix;
    const { category: ixCategory, lang: ixLang } = this.ix;
    const { recorded, category: itCategory, lang: itLang, first: itFirst, seenBy: itSeenBy, platform: itPlatform } = this.item;
    // Sample buffers are kept between summaries (a summary runs start to end synchronously).
    if (this.buffers.calendar.length < itFirst.length) this.buffers = sampleBuffers(Math.ceil(itFirst.length * 1.25) + 1024);
    const sizes = [this.members.values.length, this.platforms.values.length, CATEGORIES.length, this.langs.values.length, range.days.length];
    const dims = new Dimensions(sizes, this.buffers);
    const categoryOf = (it: number, k: number) => {
      const own = recorded[it] === 1 ? itCategory[it]! : NONE;
      const c = own !== NONE ? own : k === NONE ? NONE : ixCategory[k]!;
      return c === NONE ? OTHER : c;
    };
    const langOf = (it: number, k: number) => {
      const own = recorded[it] === 1 ? itLang[it]! : NONE;
      const l = own !== NONE ? own : k === NONE ? NONE : ixLang[k]!;
      return l === NONE ? und : l;
    };

    // Volume: the hottest loop (every interaction), so the five counters are written directly.
    const [byMemberN, byPlatformN, byCategoryN, byLangN, byDayN] = dims.interactions as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    const [byMemberR, byPlatformR, byCategoryR, byLangR, byDayR] = dims.replies as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    let volume = 0;
    let replies = 0;
    for (let k = 0; k < ixActed.length; k++) {
      const acted = ixActed[k]!;
      if (acted < start || acted >= end || (filtered && ixMember[k] !== only)) continue;
      const it = ixItem[k]!;
      const member = ixMember[k]!;
      const platform = ixPlatform[k]!;
      const category = categoryOf(it, k);
      const lang = langOf(it, k);
      const day = range.dayOf(acted);
      volume++;
      byMemberN[member]!++;
      byPlatformN[platform]!++;
      byCategoryN[category]!++;
      byLangN[lang]!++;
      byDayN[day]!++;
      if (ixResponse[k]) {
        replies++;
        byMemberR[member]!++;
        byPlatformR[platform]!++;
        byCategoryR[category]!++;
        byLangR[lang]!++;
        byDayR[day]!++;
      }
    }
    dims.addTotals(volume, replies);

    const known = { start: 0, seen: 0 };
    for (let it = 0; it < itFirst.length; it++) {
      const first = itFirst[it]!;
      const isRecorded = recorded[it] === 1;
      if (!isRecorded && first === NONE) continue;
      const hasClock = this.clockOf(it, first, known);

      // Reply time: the first reply to each item, counted where that reply falls.
      if (first !== NONE && hasClock) {
        const acted = ixActed[first]!;
        const inRange = acted >= start && acted < end && (!filtered || ixMember[first] === only);
        if (inRange && acted >= known.start) {
          dims.route(ixMember[first]!, ixPlatform[first]!, categoryOf(it, first), langOf(it, first), range.dayOf(acted));
          dims.sample(acted - known.start, this.businessToFirstReply(it, known.start, acted, clock, hours));
        }
      }

      // Response rate: actionable items first seen in the range, recorded or only replied to.
      const category = categoryOf(it, first);
      if (!ACTIONABLE[category] || !hasClock) continue;
      const seenBy = isRecorded && itSeenBy[it] !== NONE ? itSeenBy[it]! : first !== NONE ? ixMember[first]! : nobody;
      if (known.seen < start || known.seen >= end || (filtered && seenBy !== only)) continue;
      const sla = req.settings.slaMinutes[CATEGORIES[category] as 'question' | 'complaint'] * MINUTE_MS;
      let inSla: boolean;
      if (first !== NONE) inSla = this.businessToFirstReply(it, known.start, ixActed[first]!, clock, hours) <= sla;
      else if (clock.between(known.start, req.now) <= sla) continue; // not due yet
      else inSla = false;
      dims.route(seenBy, isRecorded ? itPlatform[it]! : ixPlatform[first]!, category, langOf(it, first), range.dayOf(known.seen));
      dims.count(dims.due, 1);
      if (inSla) dims.count(dims.answeredInSla, 1);
    }

    const [byMember, byPlatform, byCategory, byLanguage, byDay] = dims.finish();
    const sortByVolume = <T extends GroupStats>(rows: T[]) =>
      rows.sort((a, b) => b.interactions - a.interactions || b.replyTimeMs.count - a.replyTimeMs.count || b.due - a.due);
    const named = <K extends string>(rows: Map<number, GroupStats>, names: readonly string[], key: K) =>
      sortByVolume([...rows].map(([id, stats]) => ({ [key]: names[id]!, ...stats }) as GroupStats & Record<K, string>));
    return {
      from: req.from,
      to: req.to,
      tz: req.tz,
      generatedAt: new Date(req.now).toISOString(),
      totals: dims.totals(),
      byMember: sortByVolume(
        [...byMember!].map(([id, stats]) => {
          const memberId = this.members.values[id]!;
          return { memberId, name: req.memberNames.get(memberId) ?? 'Former member', ...stats };
        }),
      ),
      byPlatform: named(byPlatform!, this.platforms.values, 'platform'),
      byCategory: named(byCategory!, CATEGORIES, 'category'),
      byLanguage: named(byLanguage!, this.langs.values, 'lang'),
      byDay: range.days.map((day, i) => ({ day, ...(byDay!.get(i) ?? dims.empty()) })),
    };
  }
}

/**
 * Counters and reply-time samples per group of each dimension (member, platform, category,
 * language, day) and in total. `route` picks the groups of the fact at hand; `count` and
 * `sample` add to them. Samples are kept once, with their groups, and sorted into groups
 * only at the end (counting sort), so no per-group arrays grow while facts are read.
 */
interface SampleBuffers {
  calendar: Float64Array;
  business: Float64Array;
  calendarBins: Uint16Array;
  businessBins: Uint16Array;
  groups: Int32Array[];
}
function sampleBuffers(capacity: number): SampleBuffers {
  return {
    calendar: new Float64Array(capacity),
    business: new Float64Array(capacity),
    calendarBins: new Uint16Array(capacity),
    businessBins: new Uint16Array(capacity),
    groups: Array.from({ length: 5 }, () => new Int32Array(capacity)),
  };
}

class Dimensions {
  readonly interactions: Int32Array[];
  readonly replies: Int32Array[];
  readonly due: Int32Array[];
  readonly answeredInSla: Int32Array[];
  private readonly totalsCount = { interactions: 0, replies: 0, due: 0, answeredInSla: 0 };
  private readonly current: number[];
  private readonly calendar: Float64Array;
  private readonly business: Float64Array;
  private readonly groupsOf: Int32Array[];
  private readonly calendarBins: Uint16Array;
  private readonly businessBins: Uint16Array;
  private samples = 0;

  /** `buffers` hold at least one sample per item (a summary takes one per first reply). */
  constructor(
    private readonly sizes: number[],
    buffers: SampleBuffers,
  ) {
    const counters = () => sizes.map((n) => new Int32Array(n));
    this.interactions = counters();
    this.replies = counters();
    this.due = counters();
    this.answeredInSla = counters();
    this.current = sizes.map(() => 0);
    ({ calendar: this.calendar, business: this.business, calendarBins: this.calendarBins, businessBins: this.businessBins } = buffers);
    this.groupsOf = buffers.groups;
  }

  route(member: number, platform: number, category: number, lang: number, day: number): void {
    const c = this.current;
    c[0] = member;
    c[1] = platform;
    c[2] = category;
    c[3] = lang;
    c[4] = day;
  }

  addTotals(interactions: number, replies: number): void {
    this.totalsCount.interactions += interactions;
    this.totalsCount.replies += replies;
  }

  count(counter: Int32Array[], n: number): void {
    for (let d = 0; d < counter.length; d++) counter[d]![this.current[d]!]! += n;
    const t = this.totalsCount;
    if (counter === this.interactions) t.interactions += n;
    else if (counter === this.replies) t.replies += n;
    else if (counter === this.due) t.due += n;
    else t.answeredInSla += n;
  }

  sample(calendarMs: number, businessMs: number): void {
    const s = this.samples++;
    this.calendar[s] = calendarMs;
    this.business[s] = businessMs;
    for (let d = 0; d < this.groupsOf.length; d++) this.groupsOf[d]![s] = this.current[d]!;
  }

  empty(): GroupStats {
    return stats(0, 0, 0, 0, EMPTY_QUANTILES, EMPTY_QUANTILES);
  }

  private binned = false;
  private bins() {
    if (!this.binned) {
      for (let s = 0; s < this.samples; s++) {
        this.calendarBins[s] = binOf(this.calendar[s]!);
        this.businessBins[s] = binOf(this.business[s]!);
      }
      this.binned = true;
    }
    return { calendar: this.calendarBins, business: this.businessBins };
  }

  totals(): GroupStats {
    const t = this.totalsCount;
    const n = this.samples;
    const all = new Int32Array(n);
    const { calendar, business } = this.bins();
    return stats(t.interactions, t.replies, t.due, t.answeredInSla,
      groupQuantiles(this.calendar, calendar, all, n, 1)[0]!, groupQuantiles(this.business, business, all, n, 1)[0]!);
  }

  /** Per dimension, the groups that have anything, with their figures. */
  finish(): Map<number, GroupStats>[] {
    const n = this.samples;
    const bins = this.bins();
    return this.sizes.map((size, d) => {
      const groups = this.groupsOf[d]!;
      const calendar = groupQuantiles(this.calendar, bins.calendar, groups, n, size);
      const business = groupQuantiles(this.business, bins.business, groups, n, size);
      const out = new Map<number, GroupStats>();
      for (let g = 0; g < size; g++) {
        const count = this.interactions[d]![g]! + this.due[d]![g]!;
        if (calendar[g]!.count === 0 && count === 0) continue;
        out.set(g, stats(this.interactions[d]![g]!, this.replies[d]![g]!, this.due[d]![g]!, this.answeredInSla[d]![g]!,
          calendar[g]!, business[g]!));
      }
      return out;
    });
  }
}

// ---------- exact percentiles of many groups at once ----------

/** Bins that only grow with the value (16 per doubling), so a rank's bin is found by counting. */
const BINS = 16 * 48;
export const binOf = (v: number) => (v <= 0 ? 0 : Math.min(BINS - 1, 1 + Math.floor(Math.log2(v) * 16)));

/**
 * Median and p90 of every group of samples, exactly as `percentile` defines them, in two
 * passes and without sorting: the first counts samples per (group, bin); the ranks needed
 * (those of the median and p90 and their upper neighbours) are located in their bins; the
 * second pass gathers only the samples of those few bins, where selection finishes the job.
 */
export function groupQuantiles(values: Float64Array, bins: Uint16Array, groups: Int32Array, n: number, size: number): Quantiles[] {
  const hist = new Int32Array(size * BINS);
  for (let s = 0; s < n; s++) hist[groups[s]! * BINS + bins[s]!]!++;
  const counts = new Int32Array(size);
  /** For each wanted (group, bin): samples of the group in earlier bins. */
  const before = new Map<number, number>();
  const ranks: number[][] = [];
  for (let g = 0; g < size; g++) {
    let c = 0;
    for (let b = 0; b < BINS; b++) c += hist[g * BINS + b]!;
    counts[g] = c;
    const wanted: number[] = [];
    for (const p of [0.5, 0.9]) {
      const h = (c - 1) * p;
      wanted.push(Math.floor(h));
      if (h > Math.floor(h)) wanted.push(Math.floor(h) + 1);
    }
    ranks.push(c === 0 ? [] : wanted);
    let cum = 0;
    let w = 0;
    const sorted = [...new Set(wanted)].sort((a, b) => a - b);
    for (let b = 0; b < BINS && w < sorted.length; b++) {
      const inBin = hist[g * BINS + b]!;
      while (w < sorted.length && sorted[w]! < cum + inBin) {
        before.set(g * BINS + b, cum);
        w++;
      }
      cum += inBin;
    }
  }
  const gathered = new Map<number, number[]>();
  const isWanted = new Uint8Array(size * BINS);
  for (const key of before.keys()) {
    // Bin 0 holds zeros only (replies outside business hours: often most of them).
    if (key % BINS === 0) continue;
    gathered.set(key, []);
    isWanted[key] = 1;
  }
  for (let s = 0; s < n; s++) {
    const key = groups[s]! * BINS + bins[s]!;
    if (isWanted[key]) gathered.get(key)!.push(values[s]!);
  }
  const selected = new Map<number, Float64Array>();
  const valueAt = (g: number, rank: number) => {
    // The bin holding this rank: the last wanted bin of the group starting at or below it.
    let key = -1;
    let base = 0;
    for (const [k, cum] of before) if (Math.floor(k / BINS) === g && cum <= rank && cum >= base) [key, base] = [k, cum];
    if (key % BINS === 0) return 0;
    let arr = selected.get(key);
    if (!arr) selected.set(key, (arr = Float64Array.from(gathered.get(key)!)));
    select(arr, rank - base, 0, arr.length - 1);
    return arr[rank - base]!;
  };
  const out: Quantiles[] = [];
  for (let g = 0; g < size; g++) {
    const c = counts[g]!;
    if (c === 0) {
      out.push({ median: null, p90: null, count: 0 });
      continue;
    }
    const at = (p: number) => {
      const h = (c - 1) * p;
      const lo = Math.floor(h);
      const x = valueAt(g, lo);
      if (h === lo) return Math.round(x);
      return Math.round(x + (h - lo) * (valueAt(g, lo + 1) - x));
    };
    out.push({ median: at(0.5), p90: at(0.9), count: c });
  }
  return out;
}

const EMPTY_QUANTILES: Quantiles = { median: null, p90: null, count: 0 };
const stats = (
  interactions: number,
  replies: number,
  due: number,
  answeredInSla: number,
  replyTimeMs: Quantiles,
  businessReplyTimeMs: Quantiles,
): GroupStats => ({
  interactions,
  replies,
  replyTimeMs,
  businessReplyTimeMs,
  due,
  answeredInSla,
  responseRate: due === 0 ? null : answeredInSla / due,
});

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
  return store.summarize(req);
}
