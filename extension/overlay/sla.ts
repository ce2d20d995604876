// How long an item has waited and where it stands against the team's reply target, in
// business time (the same clock as the summary's response rate).
import { businessClock } from '../../shared/metrics';
import type { Category, TeamSettings } from '../../shared/schemas';

export type SlaState = 'within' | 'due-soon' | 'breached';

/** Share of the target after which an item is "due soon". */
const DUE_SOON_SHARE = 0.75;

export interface Wait {
  /** Wall-clock wait since the item was posted (or first seen), in ms. */
  waitedMs: number;
  /** Only for questions and complaints, when the team's settings are known. */
  sla?: { state: SlaState; targetMs: number; businessMs: number };
}

/** The clock starts when the item was posted, or when Chorus first saw it if the site shows no time. */
export function waitOf(
  category: Category,
  since: number,
  now: number,
  settings: Pick<TeamSettings, 'timeZone' | 'businessHours' | 'slaMinutes'> | undefined,
): Wait {
  const waitedMs = Math.max(0, now - since);
  if (!settings || (category !== 'question' && category !== 'complaint')) return { waitedMs };
  const targetMs = settings.slaMinutes[category] * 60_000;
  const businessMs = businessClock(settings).between(since, now);
  const state: SlaState = businessMs >= targetMs ? 'breached' : businessMs >= targetMs * DUE_SOON_SHARE ? 'due-soon' : 'within';
  return { waitedMs, sla: { state, targetMs, businessMs } };
}
