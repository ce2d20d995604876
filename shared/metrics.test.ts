// Metric definitions (shared/metrics.ts) against values computed by hand. Every expected
// number below has its arithmetic next to it; none is copied from the code's output.
import { describe, expect, it } from 'vitest';
import {
  binOf,
  groupQuantiles,
  type FactInteraction,
  type FactItem,
  FactStore,
  type GroupStats,
  type Summary,
  STALE_AFTER_MS,
  businessClock,
  dayRange,
  localDate,
  offsetLookup,
  useZoneOffsets,
  zoneOffsets,
  percentile,
  zoneOffsetMs,
  primaryLanguage,
  quantiles,
  summarize,
  zonedMidnight,
} from './metrics.ts';
import type { TeamSettings } from './schemas.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);

describe('groupQuantiles: exact median and p90 of many groups at once', () => {
  it('agrees with sorting each group, on random data with zeros, ties, and values over years', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 30; round++) {
      const n = 1 + Math.floor(random() * 3000);
      const size = 1 + Math.floor(random() * 12);
      const values = new Float64Array(n);
      const groups = new Int32Array(n);
      for (let s = 0; s < n; s++) {
        const r = random();
        // A third zeros, some heavy ties, the rest spread from 1 ms to about 3 years.
        values[s] = r < 0.33 ? 0 : r < 0.5 ? 60_000 : Math.floor(Math.exp(random() * 25));
        groups[s] = Math.floor(random() * size);
      }
      const bins = Uint16Array.from(values, binOf);
      const got = groupQuantiles(values, bins, groups, n, size);
      for (let g = 0; g < size; g++) {
        expect(got[g]).toEqual(quantiles(values.filter((_, s) => groups[s] === g)));
      }
    }
  });
});

describe('percentile (linear interpolation between closest ranks, rounded to the ms)', () => {
  it('interpolates: [1,2,3,4] p90 = 3.7 → 4, median = 2.5 → 3', () => {
    // n = 4, p90: h = 3·0.9 = 2.7 → x[2] + 0.7·(x[3] − x[2]) = 3 + 0.7 = 3.7 → 4
    expect(percentile([1, 2, 3, 4], 0.9)).toBe(4);
    // median: h = 3·0.5 = 1.5 → 2 + 0.5·(3 − 2) = 2.5 → Math.round → 3
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(3);
    // [0, 1]: p40 → h = 0.4 → 0.4 → 0; p90 → 0.9 → 1
    expect(percentile([0, 1], 0.4)).toBe(0);
    expect(percentile([0, 1], 0.9)).toBe(1);
    // [1000, 2000, 4000] p90: h = 2·0.9 = 1.8 → 2000 + 0.8·2000 = 3600
    expect(percentile([1000, 2000, 4000], 0.9)).toBe(3600);
  });

  it('hits a rank exactly when (n−1)·p is whole: n = 11, p90 → h = 9', () => {
    const xs = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110];
    expect(percentile(xs, 0.9)).toBe(100); // x[9]
    expect(percentile(xs, 0.5)).toBe(60); // h = 5 → x[5]
    expect(percentile(xs, 0)).toBe(10);
    expect(percentile(xs, 1)).toBe(110);
  });

  it('n = 1 is that value; empty is null', () => {
    expect(percentile([42], 0.5)).toBe(42);
    expect(percentile([42], 0.9)).toBe(42);
    expect(percentile([], 0.5)).toBeNull();
    expect(quantiles([])).toEqual({ median: null, p90: null, count: 0 });
  });

  it('quantiles sorts numerically, not as strings', () => {
    // sorted [30, 200, 1000] (as strings it would be [1000, 200, 30])
    // median x[1] = 200; p90 h = 1.8 → 200 + 0.8·800 = 840
    expect(quantiles([1000, 200, 30])).toEqual({ median: 200, p90: 840, count: 3 });
  });
});

describe('time zones: zonedMidnight, localDate, dayRange', () => {
  it('UTC', () => {
    expect(zonedMidnight('UTC', '2026-03-08')).toBe(at('2026-03-08T00:00:00Z'));
    expect(localDate('UTC', at('2026-03-08T23:59:59.999Z'))).toBe('2026-03-08');
    expect(localDate('UTC', at('2026-03-09T00:00:00Z'))).toBe('2026-03-09');
    const r = dayRange('UTC', '2026-02-27', '2026-03-02');
    // 2026 is not a leap year: Feb 27, Feb 28, Mar 1, Mar 2
    expect(r.days).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(r.end - r.start).toBe(4 * DAY);
  });

  it('Asia/Tehran: +03:30 all year (no DST since 2022)', () => {
    // local midnight 2026-03-21 (Nowruz, once a DST start) = 2026-03-20 24:00 − 3:30 = 20:30 UTC
    expect(zonedMidnight('Asia/Tehran', '2026-03-21')).toBe(at('2026-03-20T20:30:00Z'));
    // in summer, still +03:30
    expect(zonedMidnight('Asia/Tehran', '2026-06-21')).toBe(at('2026-06-20T20:30:00Z'));
    expect(localDate('Asia/Tehran', at('2026-03-20T20:29:59Z'))).toBe('2026-03-20');
    expect(localDate('Asia/Tehran', at('2026-03-20T20:30:00Z'))).toBe('2026-03-21');
    // 22:00 UTC is already 01:30 the next day in Tehran
    expect(localDate('Asia/Tehran', at('2026-03-09T22:00:00Z'))).toBe('2026-03-10');
    const r = dayRange('Asia/Tehran', '2026-03-21', '2026-03-22');
    expect(r.start).toBe(at('2026-03-20T20:30:00Z'));
    expect(r.end).toBe(at('2026-03-22T20:30:00Z')); // 48 h: no 23-hour day any more
    expect(r.dayOf(at('2026-03-21T20:29:59.999Z'))).toBe(0);
    expect(r.dayOf(at('2026-03-21T20:30:00Z'))).toBe(1);
  });

  it('Asia/Kathmandu: +05:45', () => {
    // 2026-06-01 00:00 local = 2026-05-31 24:00 − 5:45 = 18:15 UTC
    expect(zonedMidnight('Asia/Kathmandu', '2026-06-01')).toBe(at('2026-05-31T18:15:00Z'));
    expect(localDate('Asia/Kathmandu', at('2026-05-31T18:14:59Z'))).toBe('2026-05-31');
    expect(localDate('Asia/Kathmandu', at('2026-05-31T18:15:00Z'))).toBe('2026-06-01');
    const r = dayRange('Asia/Kathmandu', '2026-06-01', '2026-06-01');
    expect([r.start, r.end]).toEqual([at('2026-05-31T18:15:00Z'), at('2026-06-01T18:15:00Z')]);
  });

  it('America/New_York: 2026-03-08 has 23 hours, 2026-11-01 has 25', () => {
    // Mar 8 starts in EST (−5): 05:00 UTC; Mar 9 starts in EDT (−4): 04:00 UTC
    expect(zonedMidnight('America/New_York', '2026-03-08')).toBe(at('2026-03-08T05:00:00Z'));
    expect(zonedMidnight('America/New_York', '2026-03-09')).toBe(at('2026-03-09T04:00:00Z'));
    const spring = dayRange('America/New_York', '2026-03-07', '2026-03-09');
    expect(spring.days).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(spring.start).toBe(at('2026-03-07T05:00:00Z'));
    expect(spring.end).toBe(at('2026-03-10T04:00:00Z'));
    expect(spring.end - spring.start).toBe((24 + 23 + 24) * HOUR);
    expect(spring.dayOf(spring.start - 1)).toBe(-1);
    expect(spring.dayOf(at('2026-03-08T05:00:00Z'))).toBe(1);
    expect(spring.dayOf(at('2026-03-09T03:59:59.999Z'))).toBe(1); // 23:59:59.999 EDT on Mar 8
    expect(spring.dayOf(at('2026-03-09T04:00:00Z'))).toBe(2);
    expect(spring.dayOf(spring.end)).toBe(-1);

    // Nov 1 starts in EDT (−4): 04:00 UTC; Nov 2 starts in EST (−5): 05:00 UTC → 25 h
    const fall = dayRange('America/New_York', '2026-11-01', '2026-11-01');
    expect(fall.start).toBe(at('2026-11-01T04:00:00Z'));
    expect(fall.end).toBe(at('2026-11-02T05:00:00Z'));
    expect(fall.end - fall.start).toBe(25 * HOUR);
    // 04:30 UTC on Nov 2 is 23:30 EST on Nov 1: still that day
    expect(localDate('America/New_York', at('2026-11-02T04:30:00Z'))).toBe('2026-11-01');
    expect(fall.dayOf(at('2026-11-02T04:30:00Z'))).toBe(0);
  });

  it('Pacific/Chatham: +13:45 in (southern) summer, +12:45 in winter', () => {
    // 2026-01-15 00:00 +13:45 = 2026-01-14 10:15 UTC; 2026-07-15 00:00 +12:45 = 2026-07-14 11:15 UTC
    expect(zonedMidnight('Pacific/Chatham', '2026-01-15')).toBe(at('2026-01-14T10:15:00Z'));
    expect(zonedMidnight('Pacific/Chatham', '2026-07-15')).toBe(at('2026-07-14T11:15:00Z'));
    expect(localDate('Pacific/Chatham', at('2026-01-14T10:14:59Z'))).toBe('2026-01-14');
    expect(localDate('Pacific/Chatham', at('2026-01-14T10:15:00Z'))).toBe('2026-01-15');
    // DST ends Sunday 2026-04-05 03:45 → 02:45: a 25-hour day
    const april = dayRange('Pacific/Chatham', '2026-04-05', '2026-04-05');
    expect([april.start, april.end]).toEqual([at('2026-04-04T10:15:00Z'), at('2026-04-05T11:15:00Z')]);
    // DST starts Sunday 2026-09-27 02:45 → 03:45: a 23-hour day
    const september = dayRange('Pacific/Chatham', '2026-09-27', '2026-09-27');
    expect([september.start, september.end]).toEqual([at('2026-09-26T11:15:00Z'), at('2026-09-27T10:15:00Z')]);
  });

  it('a day whose midnight does not exist starts when the clocks jump (Santiago, Havana)', () => {
    // Santiago: Sat 2026-09-05 24:00 (−04) → Sun 01:00 (−03). Sep 5 starts 00:00 −04 = 04:00Z and lasts
    // 24 h; Sep 6 starts at the jump, 2026-09-06 04:00Z (= 01:00 −03), and ends 00:00 −03 = Sep 7 03:00Z: 23 h.
    expect(zonedMidnight('America/Santiago', '2026-09-06')).toBe(at('2026-09-06T04:00:00Z'));
    const chile = dayRange('America/Santiago', '2026-09-05', '2026-09-06');
    expect([chile.start, chile.end]).toEqual([at('2026-09-05T04:00:00Z'), at('2026-09-07T03:00:00Z')]);
    // 03:30Z on Sep 6 is 23:30 on Saturday Sep 5 in Santiago
    expect(localDate('America/Santiago', at('2026-09-06T03:30:00Z'))).toBe('2026-09-05');
    expect(chile.dayOf(at('2026-09-06T03:30:00Z'))).toBe(0);
    expect(chile.dayOf(at('2026-09-06T04:00:00Z'))).toBe(1);
    // Havana: Sun 2026-03-08 00:00 (−05) → 01:00 (−04): the day starts 05:00Z, ends Mar 9 00:00 −04 = 04:00Z
    const havana = dayRange('America/Havana', '2026-03-08', '2026-03-08');
    expect([havana.start, havana.end]).toEqual([at('2026-03-08T05:00:00Z'), at('2026-03-09T04:00:00Z')]);
    // Santiago falls back Sun 2026-04-05 00:00 (−03) → Sat 23:00 (−04): Apr 4 has 25 h, Apr 5 starts 04:00Z
    const april = dayRange('America/Santiago', '2026-04-04', '2026-04-05');
    expect(april.start).toBe(at('2026-04-04T03:00:00Z'));
    expect(april.dayOf(at('2026-04-05T03:30:00Z'))).toBe(0); // the second 23:30 of Apr 4
    expect(april.dayOf(at('2026-04-05T04:00:00Z'))).toBe(1);
  });
});

describe('businessClock', () => {
  const madrid = (days: number[], open = '09:00', close = '17:00') =>
    businessClock({ timeZone: 'Europe/Madrid', businessHours: { days, open, close } });
  const weekdays = madrid([1, 2, 3, 4, 5]);
  // March 2026 before the 29th is CET (+1): local = UTC + 1 h.

  it('Friday 16:00 → Monday 10:00 is 2 business hours', () => {
    // Fri 2026-03-06 16:00–17:00 (1 h) + Mon 2026-03-09 09:00–10:00 (1 h)
    expect(weekdays.between(at('2026-03-06T15:00:00Z'), at('2026-03-09T09:00:00Z'))).toBe(2 * HOUR);
  });

  it('spans over a weekend and several days', () => {
    // Fri 10:00 → Tue 12:00: Fri 7 h + (Sat, Sun 0) + Mon 8 h + Tue 3 h = 18 h
    expect(weekdays.between(at('2026-03-06T09:00:00Z'), at('2026-03-10T11:00:00Z'))).toBe(18 * HOUR);
    // a whole week Mon 00:00 → next Mon 00:00 = 5 × 8 h
    expect(weekdays.between(at('2026-03-01T23:00:00Z'), at('2026-03-08T23:00:00Z'))).toBe(40 * HOUR);
    // Sat 10:00 → Sun 16:00: weekend only
    expect(weekdays.between(at('2026-03-07T09:00:00Z'), at('2026-03-08T15:00:00Z'))).toBe(0);
  });

  it('a span entirely at night is 0; inside a day it is the plain difference; reversed is 0', () => {
    // Tue 18:00 → Wed 08:59
    expect(weekdays.between(at('2026-03-10T17:00:00Z'), at('2026-03-11T07:59:00Z'))).toBe(0);
    // Wed 10:15 → Wed 10:52
    expect(weekdays.between(at('2026-03-11T09:15:00Z'), at('2026-03-11T09:52:00Z'))).toBe(37 * MIN);
    // Wed 08:30 → 09:20: only 09:00–09:20 counts
    expect(weekdays.between(at('2026-03-11T07:30:00Z'), at('2026-03-11T08:20:00Z'))).toBe(20 * MIN);
    expect(weekdays.between(at('2026-03-11T09:52:00Z'), at('2026-03-11T09:15:00Z'))).toBe(0);
  });

  it('weekend-only teams (days [6, 7])', () => {
    const weekend = madrid([6, 7]);
    // Fri 12:00 → Mon 12:00: Sat 8 h + Sun 8 h
    expect(weekend.between(at('2026-03-06T11:00:00Z'), at('2026-03-09T11:00:00Z'))).toBe(16 * HOUR);
    // Mon → Fri: nothing
    expect(weekend.between(at('2026-03-09T08:00:00Z'), at('2026-03-13T16:00:00Z'))).toBe(0);
  });

  it('counts 8 h per business day across the DST change nights (wall clock)', () => {
    // Spring forward: Sunday 2026-03-29 02:00 CET → 03:00 CEST (a 23-hour day).
    // Fri 2026-03-27 09:00 CET (08:00Z) → Mon 2026-03-30 17:00 CEST (15:00Z):
    // Fri 8 h + Mon 8 h = 16 h (79 h elapsed)
    expect(weekdays.between(at('2026-03-27T08:00:00Z'), at('2026-03-30T15:00:00Z'))).toBe(16 * HOUR);
    // Weekend team, Sat 00:00 CET (Fri 23:00Z) → Mon 00:00 CEST (Sun 22:00Z): Sat 8 h + Sun 8 h
    expect(madrid([6, 7]).between(at('2026-03-27T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(16 * HOUR);
    // Fall back: Sunday 2026-10-25 03:00 CEST → 02:00 CET (a 25-hour day). Every-day team:
    // Sat 12:00 CEST (10:00Z) → Mon 12:00 CET (11:00Z): Sat 5 h + Sun 8 h + Mon 3 h = 16 h (49 h elapsed)
    const everyDay = madrid([1, 2, 3, 4, 5, 6, 7]);
    expect(everyDay.between(at('2026-10-24T10:00:00Z'), at('2026-10-26T11:00:00Z'))).toBe(16 * HOUR);
    // The whole 25-hour Sunday 00:00 CEST (Sat 22:00Z) → Mon 00:00 CET (Sun 23:00Z) is 8 business hours
    expect(everyDay.between(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'))).toBe(8 * HOUR);
  });

  it('Asia/Tehran, Saturday–Wednesday 08:00–16:00 (04:30–12:30 UTC)', () => {
    const tehran = businessClock({ timeZone: 'Asia/Tehran', businessHours: { days: [6, 7, 1, 2, 3], open: '08:00', close: '16:00' } });
    // Wed 2026-03-11 15:00 → Sat 2026-03-14 09:00 local: Wed 1 h + (Thu, Fri closed) + Sat 1 h = 2 h
    expect(tehran.between(at('2026-03-11T11:30:00Z'), at('2026-03-14T05:30:00Z'))).toBe(2 * HOUR);
    // Mon 15:40 → Tue 01:30 local: 20 min
    expect(tehran.between(at('2026-03-09T12:10:00Z'), at('2026-03-09T22:00:00Z'))).toBe(20 * MIN);
  });
});

describe('offsetLookup', () => {
  it('gives every zone offset the same whether memoised in its map or, after many, in its flat array', () => {
    // Quarter hours across both 2026 DST changes in Helsinki and Santiago, and Tehran (+3:30), asked
    // for twice: the first pass fills the map and then the array, the second reads them back.
    // Zones the other tests look up a few times at most, so each starts in its map.
    for (const zone of ['Europe/Helsinki', 'America/Santiago', 'Asia/Tehran']) {
      const lookup = offsetLookup(zone);
      const times = Array.from({ length: 1500 }, (_, i) => at('2026-03-01T00:00:00Z') + i * 5 * HOUR + (i % 4) * 15 * MIN);
      const first = times.map(lookup);
      expect(times.map(lookup)).toEqual(first);
      expect(first).toEqual(times.map((t) => zoneOffsetMs(zone, Math.floor(t / (15 * MIN)) * 15 * MIN)));
      expect(new Set(first).size).toBe(zone === 'Asia/Tehran' ? 1 : 2);
    }
  });
});

describe('zoneOffsets (made in the background, handed to a page)', () => {
  it('give the offset Intl gives at every quarter hour they cover, across DST changes of 1 h and 30 min', () => {
    const from = at('2025-01-01T00:00:00Z');
    const to = at('2026-12-31T00:00:00Z');
    for (const zone of ['Europe/Madrid', 'America/Santiago', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu', 'Asia/Tehran', 'UTC']) {
      const table = zoneOffsets(zone, from, to);
      expect(table.from).toBeLessThanOrEqual(from);
      expect(table.to).toBeGreaterThanOrEqual(to);
      // Two changes a year where the zone has DST (2 years), none where it has not.
      expect(table.changes.length - 1).toBe(['Asia/Kathmandu', 'Asia/Tehran', 'UTC'].includes(zone) ? 0 : 4);
      useZoneOffsets(table);
      const lookup = offsetLookup(zone);
      for (let t = from; t < to; t += 7 * HOUR + 15 * MIN) {
        expect(lookup(t), `${zone} ${new Date(t).toISOString()}`).toBe(zoneOffsetMs(zone, Math.floor(t / (15 * MIN)) * 15 * MIN));
      }
      // Right before and at each change.
      for (const [change] of table.changes.slice(1)) {
        expect(lookup(change - 1)).toBe(zoneOffsetMs(zone, change - 15 * MIN));
        expect(lookup(change)).toBe(zoneOffsetMs(zone, change));
      }
      // Outside what they cover, Intl answers.
      expect(lookup(at('2020-07-01T12:00:00Z'))).toBe(zoneOffsetMs(zone, at('2020-07-01T12:00:00Z')));
    }
    // Forgotten again: the other tests see Intl's answers.
    useZoneOffsets(undefined);
  });
});

describe('primaryLanguage', () => {
  it('groups by primary subtag, lower case; none is "und"', () => {
    expect(primaryLanguage('pt-BR')).toBe('pt');
    expect(primaryLanguage('FA-IR')).toBe('fa');
    expect(primaryLanguage('zh-Hant-TW')).toBe('zh');
    expect(primaryLanguage(null)).toBe('und');
  });
});

// ---------- summarize ----------

const SETTINGS: TeamSettings = {
  timeZone: 'UTC',
  businessHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
  slaMinutes: { question: 60, complaint: 30 },
  syncReplyText: false,
};

let seq = 0;
function act(p: Partial<FactInteraction> & Pick<FactInteraction, 'memberId' | 'itemKey' | 'kind'> & { at: string }): FactInteraction {
  const { at: when, ...rest } = p;
  return {
    id: `i${String(++seq).padStart(3, '0')}`,
    platform: p.itemKey.split(':')[0]!,
    actedAt: at(when),
    itemPostedAt: null,
    seenAt: null,
    category: null,
    lang: null,
    ...rest,
  };
}
function item(p: Omit<FactItem, 'platform'>): FactItem {
  return { platform: p.itemKey.split(':')[0]!, ...p };
}

/*
 * Mon 2026-03-02 … Wed 2026-03-04, UTC; business hours Mon–Fri 09:00–17:00 UTC;
 * SLA question 60 min, complaint 30 min; now = Wed 2026-03-04 12:00 UTC.
 *
 *  item            category   lang   posted           seen (by)          replies
 *  x:a             question   pt-BR  Mon 09:00        Mon 09:10 (ana)    like ana 09:15, reply ana 09:30, comment ben 10:00
 *  linkedin:b      complaint  en     –                Mon 16:30 (ben)    reply ben Tue 09:30
 *  reddit:c        question   en     Feb 20 12:00     Mon 12:00 (ana)    reply ana Mon 12:05        (stale: seen 10 d after posting)
 *  x:d (no item)   praise     he     Mon 11:05        –                  reply ben Mon 11:00        (negative: clock skew)
 *  linkedin:e (–)  question   pt-PT  –                Tue 10:00          dm ana Tue 10:20
 *  x:f             question   sw     Tue 09:55        Tue 10:00 (ben)    none                       (due, late)
 *  x:g             complaint  fa     –                Wed 11:45 (ana)    none                       (not due yet: 15 min < 30)
 *  x:a             share by a former member Tue 08:00
 *  x:z (–)         question   vi     –                Sun 23:00          reply ana Sun 23:59        (before the range in UTC)
 *  x:a             like ben Thu 00:00                                                               (range end is exclusive)
 */
function sampleStore(): FactStore {
  const s = new FactStore();
  s.putItem(item({ itemKey: 'x:a', category: 'question', lang: 'pt-BR', itemPostedAt: at('2026-03-02T09:00:00Z'), seenAt: at('2026-03-02T09:10:00Z'), seenBy: 'ana' }));
  s.putItem(item({ itemKey: 'linkedin:b', category: 'complaint', lang: 'en', itemPostedAt: null, seenAt: at('2026-03-02T16:30:00Z'), seenBy: 'ben' }));
  s.putItem(item({ itemKey: 'reddit:c', category: 'question', lang: 'en', itemPostedAt: at('2026-02-20T12:00:00Z'), seenAt: at('2026-03-02T12:00:00Z'), seenBy: 'ana' }));
  s.putItem(item({ itemKey: 'x:f', category: 'question', lang: 'sw', itemPostedAt: at('2026-03-03T09:55:00Z'), seenAt: at('2026-03-03T10:00:00Z'), seenBy: 'ben' }));
  s.putItem(item({ itemKey: 'x:g', category: 'complaint', lang: 'fa', itemPostedAt: null, seenAt: at('2026-03-04T11:45:00Z'), seenBy: 'ana' }));
  const question = { category: 'question' as const };
  // Added out of time order on purpose: the first reply is found by actedAt.
  s.addInteraction(act({ memberId: 'ben', itemKey: 'x:a', kind: 'comment', at: '2026-03-02T10:00:00Z', ...question, lang: 'pt-BR' }));
  s.addInteraction(act({ memberId: 'ana', itemKey: 'x:a', kind: 'like', at: '2026-03-02T09:15:00Z', ...question, lang: 'pt-BR' }));
  s.addInteraction(act({ memberId: 'ana', itemKey: 'x:a', kind: 'reply', at: '2026-03-02T09:30:00Z', ...question, lang: 'pt-BR',
    itemPostedAt: at('2026-03-02T09:00:00Z'), seenAt: at('2026-03-02T09:10:00Z') }));
  s.addInteraction(act({ memberId: 'ben', itemKey: 'linkedin:b', kind: 'reply', at: '2026-03-03T09:30:00Z', category: 'complaint', lang: 'en',
    seenAt: at('2026-03-02T16:30:00Z') }));
  s.addInteraction(act({ memberId: 'ana', itemKey: 'reddit:c', kind: 'reply', at: '2026-03-02T12:05:00Z', ...question, lang: 'en' }));
  s.addInteraction(act({ memberId: 'ben', itemKey: 'x:d', kind: 'reply', at: '2026-03-02T11:00:00Z', category: 'praise', lang: 'he',
    itemPostedAt: at('2026-03-02T11:05:00Z') }));
  s.addInteraction(act({ memberId: 'ana', itemKey: 'linkedin:e', kind: 'dm', at: '2026-03-03T10:20:00Z', ...question, lang: 'pt-PT',
    seenAt: at('2026-03-03T10:00:00Z') }));
  s.addInteraction(act({ memberId: 'old', itemKey: 'x:a', kind: 'share', at: '2026-03-03T08:00:00Z' }));
  s.addInteraction(act({ memberId: 'ana', itemKey: 'x:z', kind: 'reply', at: '2026-03-01T23:59:00Z', ...question, lang: 'vi',
    seenAt: at('2026-03-01T23:00:00Z') }));
  s.addInteraction(act({ memberId: 'ben', itemKey: 'x:a', kind: 'like', at: '2026-03-05T00:00:00Z' }));
  return s;
}

const request = (over: Partial<Parameters<typeof summarize>[1]> = {}) => ({
  from: '2026-03-02',
  to: '2026-03-04',
  tz: 'UTC',
  settings: SETTINGS,
  now: at('2026-03-04T12:00:00Z'),
  memberNames: new Map([
    ['ana', 'Ana'],
    ['ben', 'Ben'],
  ]),
  ...over,
});

type Row = Summary['byPlatform'][number];
const by = <T extends GroupStats>(rows: T[], key: keyof T) => Object.fromEntries(rows.map((r) => [r[key] as string, r]));
const q = (median: number | null, p90: number | null, count: number) => ({ median, p90, count });

describe('summarize', () => {
  const s = summarize(sampleStore(), request());

  it('totals: volume, replies, first-reply times, response rate', () => {
    // In range (Mon 00:00 – Thu 00:00 UTC): 3 on x:a (like, reply, comment), linkedin:b, reddit:c, x:d,
    // linkedin:e and the share = 8; x:z (Sunday) and Thursday's like are out.
    // Replies (reply/comment/dm): x:a reply + comment, b, c, d, e = 6.
    expect(s.totals.interactions).toBe(8);
    expect(s.totals.replies).toBe(6);
    // Reply times, first reply per item only:
    //  x:a  posted 09:00 → ana 09:30           = 30 min = 1 800 000 (business 30 min)
    //  b    no posted, seen Mon 16:30 → Tue 09:30 = 17 h = 61 200 000 (business 16:30–17:00 + 09:00–09:30 = 3 600 000)
    //  e    seen 10:00 → 10:20                  = 20 min = 1 200 000 (business the same)
    //  c stale, d negative, z outside the range.
    // Calendar sorted [1.2M, 1.8M, 61.2M]: median 1 800 000; p90 h = 1.8 → 1.8M + 0.8·59.4M = 49 320 000
    expect(s.totals.replyTimeMs).toEqual(q(1_800_000, 49_320_000, 3));
    // Business sorted [1.2M, 1.8M, 3.6M]: median 1 800 000; p90 → 1.8M + 0.8·1.8M = 3 240 000
    expect(s.totals.businessReplyTimeMs).toEqual(q(1_800_000, 3_240_000, 3));
    // Actionable, first seen in range: a (30 ≤ 60 in SLA), b (60 > 30 late), f (unanswered,
    // 7 h 05 + 3 h > 60 → due, late), e (20 ≤ 60 in SLA); c stale; g not due yet (15 < 30).
    expect(s.totals).toMatchObject({ due: 4, answeredInSla: 2, responseRate: 0.5 });
    expect(s.from).toBe('2026-03-02');
    expect(s.generatedAt).toBe('2026-03-04T12:00:00.000Z');
  });

  it('byMember with names, a removed member as "Former member", sorted by volume', () => {
    expect(s.byMember.map((m) => [m.memberId, m.name, m.interactions, m.replies])).toEqual([
      ['ana', 'Ana', 4, 3], // like, reply x:a, reply c, dm e
      ['ben', 'Ben', 3, 3], // comment x:a, reply b, reply d
      ['old', 'Former member', 1, 0], // the share
    ]);
    const m = by(s.byMember, 'memberId');
    // ana: x:a 1.8M and e 1.2M → sorted [1.2M, 1.8M]: median 1.5M; p90 1.2M + 0.9·0.6M = 1 740 000
    expect(m.ana!.replyTimeMs).toEqual(q(1_500_000, 1_740_000, 2));
    expect(m.ana!.businessReplyTimeMs).toEqual(q(1_500_000, 1_740_000, 2));
    // ana saw a (in SLA); e was first answered (and seen) by her (in SLA) → 2/2
    expect(m.ana).toMatchObject({ due: 2, answeredInSla: 2, responseRate: 1 });
    expect(m.ben!.replyTimeMs).toEqual(q(61_200_000, 61_200_000, 1));
    expect(m.ben!.businessReplyTimeMs).toEqual(q(3_600_000, 3_600_000, 1));
    // ben saw b (late) and f (late) → 0/2
    expect(m.ben).toMatchObject({ due: 2, answeredInSla: 0, responseRate: 0 });
    expect(m.old).toMatchObject({ due: 0, responseRate: null, replyTimeMs: q(null, null, 0) });
  });

  it('byPlatform and byCategory (category of the item record first)', () => {
    expect(s.byPlatform.map((r: Row) => [r.platform, r.interactions, r.replies, r.due, r.answeredInSla])).toEqual([
      ['x', 5, 3, 2, 1], // x:a ×4 (like, reply, comment, share) + x:d; due a (in), f (late)
      ['linkedin', 2, 2, 2, 1], // b, e; due b (late), e (in)
      ['reddit', 1, 1, 0, 0], // c is stale
    ]);
    const c = by(s.byCategory, 'category');
    // question: x:a ×4 (the share has no category itself: the item's is used) + c + e = 6
    expect(s.byCategory.map((r) => r.category)).toEqual(['question', 'complaint', 'praise']);
    expect(c.question).toMatchObject({ interactions: 6, due: 3, answeredInSla: 2 });
    expect(c.question!.responseRate).toBeCloseTo(2 / 3, 12);
    // question reply times: a 1.8M, e 1.2M
    expect(c.question!.replyTimeMs).toEqual(q(1_500_000, 1_740_000, 2));
    expect(c.complaint).toMatchObject({ interactions: 1, due: 1, answeredInSla: 0, responseRate: 0 });
    expect(c.praise).toMatchObject({ interactions: 1, due: 0, responseRate: null, replyTimeMs: q(null, null, 0) });
  });

  it('byLanguage groups by primary subtag (pt-BR and pt-PT are "pt")', () => {
    expect(s.byLanguage.map((r) => [r.lang, r.interactions, r.due, r.answeredInSla])).toEqual([
      ['pt', 5, 2, 2], // x:a ×4 (pt-BR) + e (pt-PT); due a, e both in SLA
      ['en', 2, 1, 0], // b, c; due b (late)
      ['he', 1, 0, 0], // d
      ['sw', 0, 1, 0], // f: seen, due, never answered
    ]);
    // x:g (fa) is not due yet and x:z (vi) is outside the range: no rows.
    const l = by(s.byLanguage, 'lang');
    expect(l.pt!.replyTimeMs).toEqual(q(1_500_000, 1_740_000, 2));
    expect(l.en!.replyTimeMs).toEqual(q(61_200_000, 61_200_000, 1));
    expect(l.he!.replyTimeMs.count).toBe(0); // negative reply time excluded
  });

  it('byDay: every day of the range, zeros included', () => {
    expect(s.byDay.map((d) => d.day)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    const [mon, tue, wed] = s.byDay;
    // Mon: like, reply, comment on x:a, c, d = 5; Tue: b, e, share = 3
    expect([mon!.interactions, tue!.interactions, wed!.interactions]).toEqual([5, 3, 0]);
    // reply times on the day of the first reply: Mon x:a 1.8M; Tue b 61.2M and e 1.2M
    expect(mon!.replyTimeMs).toEqual(q(1_800_000, 1_800_000, 1));
    // Tue sorted [1.2M, 61.2M]: median 31.2M; p90 1.2M + 0.9·60M = 55 200 000
    expect(tue!.replyTimeMs).toEqual(q(31_200_000, 55_200_000, 2));
    // business Tue [1.2M, 3.6M]: median 2.4M; p90 1.2M + 0.9·2.4M = 3 360 000
    expect(tue!.businessReplyTimeMs).toEqual(q(2_400_000, 3_360_000, 2));
    // response rate on the day first seen: Mon a (in), b (late); Tue f (late), e (in)
    expect(mon).toMatchObject({ due: 2, answeredInSla: 1, responseRate: 0.5 });
    expect(tue).toMatchObject({ due: 2, answeredInSla: 1, responseRate: 0.5 });
    expect(wed).toEqual({
      day: '2026-03-04',
      interactions: 0,
      replies: 0,
      replyTimeMs: q(null, null, 0),
      businessReplyTimeMs: q(null, null, 0),
      due: 0,
      answeredInSla: 0,
      responseRate: null,
    });
  });

  it('onlyMember: a member sees their own work', () => {
    const ben = summarize(sampleStore(), request({ onlyMember: 'ben' }));
    // volume: comment x:a, reply b, reply d; reply times: first replies by ben: b only (d negative;
    // his comment on x:a was not the first reply)
    expect(ben.totals).toMatchObject({ interactions: 3, replies: 3, due: 2, answeredInSla: 0, responseRate: 0 });
    expect(ben.totals.replyTimeMs).toEqual(q(61_200_000, 61_200_000, 1));
    expect(ben.byMember.map((m) => m.name)).toEqual(['Ben']);
    expect(ben.byDay.map((d) => [d.interactions, d.due])).toEqual([
      [2, 1], // Mon: comment x:a, reply d; b seen Mon by ben
      [1, 1], // Tue: reply b; f seen Tue by ben
      [0, 0],
    ]);
  });

  it('a shorter range: the reply of an item seen earlier counts, the item does not', () => {
    const tue = summarize(sampleStore(), request({ from: '2026-03-03', to: '2026-03-03' }));
    // volume Tue: b, e, share = 3; first replies on Tue: b 61.2M, e 1.2M
    expect(tue.totals.interactions).toBe(3);
    expect(tue.totals.replyTimeMs).toEqual(q(31_200_000, 55_200_000, 2));
    // seen on Tue: f (late), e (in SLA); b was seen Monday
    expect(tue.totals).toMatchObject({ due: 2, answeredInSla: 1, responseRate: 0.5 });
  });

  it('another zone moves the range: Sunday 23:59 UTC is Monday 03:29 in Tehran', () => {
    const tehran = summarize(sampleStore(), request({ tz: 'Asia/Tehran' }));
    // Range Sun 20:30 UTC – Wed 20:30 UTC: the 8 above plus x:z (Sun 23:59 UTC); Thursday's like still out
    expect(tehran.totals.interactions).toBe(9);
    expect(tehran.byDay.map((d) => d.interactions)).toEqual([6, 3, 0]);
    // x:z: seen Sun 23:00 → reply 23:59 = 59 min = 3 540 000, business 0 (Sunday) → in SLA
    // calendar sorted [1.2M, 1.8M, 3.54M, 61.2M]: median (1.8M + 3.54M)/2 = 2 670 000;
    // p90 h = 2.7 → 3.54M + 0.7·57.66M = 3 540 000 + 40 362 000 = 43 902 000
    expect(tehran.totals.replyTimeMs).toEqual(q(2_670_000, 43_902_000, 4));
    expect(tehran.totals).toMatchObject({ due: 5, answeredInSla: 3, responseRate: 0.6 });
    expect(by(tehran.byLanguage, 'lang').vi).toMatchObject({ interactions: 1, due: 1, answeredInSla: 1 });
  });

  it('the clock starts at itemPostedAt (item record first, then the reply), else at seenAt', () => {
    const st = new FactStore();
    // 1. no item record; the reply carries posted 09:00 and seen 09:40; reply 10:00 → 60 min, not 20
    st.addInteraction(act({ memberId: 'ana', itemKey: 'x:p1', kind: 'reply', at: '2026-03-02T10:00:00Z',
      itemPostedAt: at('2026-03-02T09:00:00Z'), seenAt: at('2026-03-02T09:40:00Z') }));
    // 2. the item record has no posted time; the reply says 08:00; seen 09:00; reply 09:30 → 90 min
    st.putItem(item({ itemKey: 'x:p2', category: null, lang: null, itemPostedAt: null, seenAt: at('2026-03-02T09:00:00Z'), seenBy: 'ana' }));
    st.addInteraction(act({ memberId: 'ana', itemKey: 'x:p2', kind: 'reply', at: '2026-03-02T09:30:00Z', itemPostedAt: at('2026-03-02T08:00:00Z') }));
    // 3. the item record says posted 07:00, the reply 08:00: the record wins → 09:30 − 07:00 = 150 min
    st.putItem(item({ itemKey: 'x:p3', category: null, lang: null, itemPostedAt: at('2026-03-02T07:00:00Z'), seenAt: at('2026-03-02T09:00:00Z'), seenBy: 'ana' }));
    st.addInteraction(act({ memberId: 'ana', itemKey: 'x:p3', kind: 'reply', at: '2026-03-02T09:30:00Z', itemPostedAt: at('2026-03-02T08:00:00Z') }));
    // 4. no clock start at all: excluded
    st.addInteraction(act({ memberId: 'ana', itemKey: 'x:p4', kind: 'reply', at: '2026-03-02T09:30:00Z' }));
    // 5. seen exactly 7 days after posting: not stale (stale is "more than"); 7 d + 10 min
    st.putItem(item({ itemKey: 'x:p5', category: null, lang: null, itemPostedAt: at('2026-02-23T09:00:00Z'),
      seenAt: at('2026-02-23T09:00:00Z') + STALE_AFTER_MS, seenBy: 'ana' }));
    st.addInteraction(act({ memberId: 'ana', itemKey: 'x:p5', kind: 'reply', at: '2026-03-02T09:10:00Z' }));
    // 6. a reply exactly at the clock start is 0, not negative
    st.addInteraction(act({ memberId: 'ana', itemKey: 'x:p6', kind: 'comment', at: '2026-03-02T11:00:00Z', seenAt: at('2026-03-02T11:00:00Z') }));
    const r = summarize(st, request());
    // sorted [0, 60, 90, 150, 10 090] min; median 90 min = 5 400 000;
    // p90 h = 3.6 → 150 + 0.6·(10 090 − 150) = 150 + 5 964 = 6 114 min = 366 840 000
    expect(r.totals.replyTimeMs).toEqual(q(5_400_000, 366_840_000, 5));
    // business (Mon 09:00 opening): p1 09:00→10:00 60 min; p2 08:00→09:30 30 min; p3 07:00→09:30 30 min;
    // p5 Mon Feb 23 09:00 → Mon Mar 2 09:10 = 5 × 8 h + 10 min = 2 410 min; p6 0
    // sorted [0, 30, 30, 60, 2410] min: median 30 min = 1 800 000; p90 → 60 + 0.6·2350 = 1470 min = 88 200 000
    expect(r.totals.businessReplyTimeMs).toEqual(q(1_800_000, 88_200_000, 5));
  });

  it('response rate: answered within SLA in business time; late answers are due; not-yet-due left out', () => {
    const st = new FactStore();
    const seen = (key: string, category: 'question' | 'complaint', when: string) =>
      st.putItem(item({ itemKey: key, category, lang: null, itemPostedAt: null, seenAt: at(when), seenBy: 'ana' }));
    // Fri 16:30 question, answered Mon 09:20: 30 + 20 = 50 business min ≤ 60 → in SLA (63 h calendar)
    seen('x:r1', 'question', '2026-03-06T16:30:00Z');
    st.addInteraction(act({ memberId: 'ben', itemKey: 'x:r1', kind: 'reply', at: '2026-03-09T09:20:00Z' }));
    // Fri 16:30 complaint, answered Mon 09:20: 50 > 30 → due, late
    seen('x:r2', 'complaint', '2026-03-06T16:30:00Z');
    st.addInteraction(act({ memberId: 'ben', itemKey: 'x:r2', kind: 'reply', at: '2026-03-09T09:20:00Z' }));
    // Fri 16:50 question, never answered; now Mon 09:30 → 10 + 30 = 40 ≤ 60: not due, left out
    seen('x:r3', 'question', '2026-03-06T16:50:00Z');
    // Fri 16:50 complaint, never answered: 40 > 30 → due, late
    seen('x:r4', 'complaint', '2026-03-06T16:50:00Z');
    // a like is not an answer: Fri 10:00 question liked at 10:05 → unanswered, due
    seen('x:r5', 'question', '2026-03-06T10:00:00Z');
    st.addInteraction(act({ memberId: 'ben', itemKey: 'x:r5', kind: 'like', at: '2026-03-06T10:05:00Z' }));
    // praise is not actionable
    st.putItem(item({ itemKey: 'x:r6', category: 'praise', lang: null, itemPostedAt: null, seenAt: at('2026-03-06T10:00:00Z'), seenBy: 'ana' }));
    const r = summarize(st, request({ from: '2026-03-06', to: '2026-03-09', now: at('2026-03-09T09:30:00Z') }));
    // due: r1 (in), r2, r4, r5 → 1/4
    expect(r.totals).toMatchObject({ due: 4, answeredInSla: 1, responseRate: 0.25 });
    // items are counted for the member who saw them first (ana), not who answered
    expect(r.byMember.map((m) => [m.memberId, m.due])).toEqual([
      ['ben', 0],
      ['ana', 4],
    ]);
    expect(r.byDay.map((d) => d.due)).toEqual([4, 0, 0, 0]); // all seen Friday
  });
  it('an item with no clock start, or stale by the reply, is left out of reply time and response rate alike', () => {
    const st = new FactStore();
    // A question replied to with neither a posted time nor a recorded sighting: no clock start.
    st.addInteraction(act({ memberId: 'ana', itemKey: 'x:n1', kind: 'reply', at: '2026-03-02T10:00:00Z', category: 'question' }));
    // A question posted 10 days before the reply, no sighting recorded: the reply is when it
    // was seen, 10 days after posting → stale.
    st.addInteraction(act({ memberId: 'ana', itemKey: 'x:n2', kind: 'reply', at: '2026-03-02T10:00:00Z', category: 'question',
      itemPostedAt: at('2026-02-20T10:00:00Z') }));
    // A question posted 1 h before the reply, no sighting recorded: counted in both (60 min ≤ SLA).
    st.addInteraction(act({ memberId: 'ana', itemKey: 'x:n3', kind: 'reply', at: '2026-03-02T11:00:00Z', category: 'question',
      itemPostedAt: at('2026-03-02T10:00:00Z') }));
    const r = summarize(st, request());
    expect(r.totals.replies).toBe(3);
    expect(r.totals.replyTimeMs).toEqual(q(HOUR, HOUR, 1));
    expect(r.totals).toMatchObject({ due: 1, answeredInSla: 1, responseRate: 1 });
  });
  it('business times follow a change of business hours between two summaries of one store', () => {
    const st = sampleStore();
    const before = summarize(st, request());
    const later = { ...SETTINGS, businessHours: { days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' } };
    const after = summarize(st, request({ settings: later }));
    // Round the clock every day: business time equals calendar time.
    expect(after.totals.businessReplyTimeMs).toEqual(after.totals.replyTimeMs);
    expect(before.totals.businessReplyTimeMs).not.toEqual(before.totals.replyTimeMs);
    // And back: the same figures as the first time.
    expect(summarize(st, request())).toEqual(before);
  });
});
