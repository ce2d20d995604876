// The team's settings on its server: read by every member, changed by owners and managers.
import { i18n } from '#i18n';
import { ApiError, TeamWithSettings, type TeamSettings } from '../../../shared/schemas';
import type { Connection } from '../../connection';

export type TeamFailure =
  | { kind: 'api'; code: string; message: string; field?: string }
  | { kind: 'unreachable' }
  | { kind: 'unexpected'; status: number };

export type TeamResult = { ok: true; team: TeamWithSettings } | { ok: false; failure: TeamFailure };

async function call(connection: Connection, init: RequestInit, signal?: AbortSignal): Promise<TeamResult> {
  let response: Response;
  try {
    response = await fetch(`${connection.serverUrl}/v1/team`, {
      ...init,
      signal: signal ?? null,
      headers: { authorization: `Bearer ${connection.token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    });
  } catch {
    return { ok: false, failure: { kind: 'unreachable' } };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const parsed = TeamWithSettings.safeParse((body as { team?: unknown } | undefined)?.team);
    if (parsed.success) return { ok: true, team: parsed.data };
  } else {
    const failed = ApiError.safeParse(body);
    if (failed.success) {
      const { code, message, field } = failed.data.error;
      return { ok: false, failure: field ? { kind: 'api', code, message, field } : { kind: 'api', code, message } };
    }
  }
  return { ok: false, failure: { kind: 'unexpected', status: response.status } };
}

export function fetchTeam(connection: Connection, signal?: AbortSignal): Promise<TeamResult> {
  return call(connection, { method: 'GET' }, signal);
}

/** Sends the whole settings object: the server replaces business hours as a whole anyway. */
export function saveTeamSettings(connection: Connection, settings: TeamSettings): Promise<TeamResult> {
  return call(connection, { method: 'PATCH', body: JSON.stringify({ settings }) });
}

/** What to tell the person when a call to the team's server failed. */
export function failureText(failure: TeamFailure): string {
  switch (failure.kind) {
    case 'api':
      return failure.message;
    case 'unreachable':
      return i18n.t('summaryUnreachable');
    case 'unexpected':
      return i18n.t('errorUnexpected', { status: failure.status });
  }
}
