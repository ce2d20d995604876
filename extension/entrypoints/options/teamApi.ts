// The team's settings on its server: read by every member, changed by owners and managers.
import { i18n } from '#i18n';
import { ApiError, TeamWithSettings, type TeamSettings } from '../../../shared/schemas';
import type { Connection } from '../../connection';

export type TeamFailure =
  | { kind: 'api'; code: string; message: string; field?: string }
  | { kind: 'unreachable' }
  | { kind: 'unexpected'; status: number };

export type TeamResult = { ok: true; team: TeamWithSettings } | { ok: false; failure: TeamFailure };

/** What the team's server answered: the JSON body when it succeeded, else the body (a
 * 409 carries the current record) and what to tell the person. */
export type ServerAnswer = { ok: true; status: number; body: unknown } | { ok: false; body: unknown; failure: TeamFailure };

/**
 * One request to the team's server with the member's token: JSON in and out, `If-Match`
 * when a version is given. Network failures and error bodies in the API's one shape become
 * a TeamFailure; each resource's client checks the successful body with its own schema.
 */
export async function callServer(
  connection: Connection,
  path: string,
  init: { method: string; body?: string; version?: number; signal?: AbortSignal },
): Promise<ServerAnswer> {
  let response: Response;
  try {
    response = await fetch(`${connection.serverUrl}${path}`, {
      method: init.method,
      signal: init.signal ?? null,
      ...(init.body === undefined ? {} : { body: init.body }),
      headers: {
        authorization: `Bearer ${connection.token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.version === undefined ? {} : { 'if-match': String(init.version) }),
      },
    });
  } catch {
    return { ok: false, body: undefined, failure: { kind: 'unreachable' } };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, status: response.status, body };
  const failed = ApiError.safeParse(body);
  if (!failed.success) return { ok: false, body, failure: { kind: 'unexpected', status: response.status } };
  const { code, message, field } = failed.data.error;
  return { ok: false, body, failure: field ? { kind: 'api', code, message, field } : { kind: 'api', code, message } };
}

async function call(connection: Connection, init: { method: string; body?: string }, signal?: AbortSignal): Promise<TeamResult> {
  const answer = await callServer(connection, '/v1/team', { ...init, ...(signal ? { signal } : {}) });
  if (!answer.ok) return { ok: false, failure: answer.failure };
  const parsed = TeamWithSettings.safeParse((answer.body as { team?: unknown } | undefined)?.team);
  return parsed.success ? { ok: true, team: parsed.data } : { ok: false, failure: { kind: 'unexpected', status: answer.status } };
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
