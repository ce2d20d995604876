// The team summary for the popup: fetched from the server with the member's token, and the
// last good answer per period kept in storage so the popup still shows figures offline.
import { browser } from 'wxt/browser';
import type { Summary } from '../../../shared/metrics';
import type { Connection } from '../../connection';
import { lastDays } from '../../ui/format';

export type { Summary };

export const PERIODS = [
  { id: 'today', days: 1 },
  { id: 'week', days: 7 },
  { id: 'month', days: 30 },
] as const;
export type PeriodId = (typeof PERIODS)[number]['id'];

export interface SummaryQuery {
  from: string;
  to: string;
  tz: string;
}

export type SummaryFailure = { kind: 'unreachable' } | { kind: 'http'; status: number };
export type SummaryResult = { ok: true; summary: Summary } | { ok: false; failure: SummaryFailure };

/** What was last shown for a period, kept for when the server cannot be reached. */
export interface SavedSummary {
  summary: Summary;
  savedAt: string;
}

const CACHE_KEY = 'chorus:popupSummary';

export function queryFor(period: PeriodId, now: number = Date.now()): SummaryQuery {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const days = PERIODS.find((p) => p.id === period)?.days ?? 1;
  return { ...lastDays(days, tz, now), tz };
}

export async function fetchSummary(connection: Connection, query: SummaryQuery, signal?: AbortSignal): Promise<SummaryResult> {
  const params = new URLSearchParams({ from: query.from, to: query.to, tz: query.tz });
  let response: Response;
  try {
    response = await fetch(`${connection.serverUrl}/v1/summary?${params}`, {
      headers: { authorization: `Bearer ${connection.token}` },
      signal,
    });
  } catch {
    return { ok: false, failure: { kind: 'unreachable' } };
  }
  if (!response.ok) return { ok: false, failure: { kind: 'http', status: response.status } };
  const summary = (await response.json().catch(() => undefined)) as Summary | undefined;
  if (!summary?.totals || !Array.isArray(summary.byDay)) return { ok: false, failure: { kind: 'http', status: response.status } };
  return { ok: true, summary };
}

/** Saved summaries belong to one member on one server: another connection never sees them. */
const ownerOf = (connection: Connection) => `${connection.serverUrl} ${connection.member.id}`;

export async function loadSaved(connection: Connection, period: PeriodId): Promise<SavedSummary | undefined> {
  const stored = (await browser.storage.local.get(CACHE_KEY))[CACHE_KEY] as
    | { owner: string; periods: Partial<Record<PeriodId, SavedSummary>> }
    | undefined;
  return stored?.owner === ownerOf(connection) ? stored.periods[period] : undefined;
}

export async function save(connection: Connection, period: PeriodId, summary: Summary): Promise<void> {
  const stored = (await browser.storage.local.get(CACHE_KEY))[CACHE_KEY] as
    | { owner: string; periods: Partial<Record<PeriodId, SavedSummary>> }
    | undefined;
  const owner = ownerOf(connection);
  const periods = stored?.owner === owner ? stored.periods : {};
  periods[period] = { summary, savedAt: new Date().toISOString() };
  await browser.storage.local.set({ [CACHE_KEY]: { owner, periods } });
}
