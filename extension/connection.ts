import { browser } from 'wxt/browser';

/** Key in browser.storage.local that holds the member's connection to a team. */
export const CONNECTION_KEY = 'chorus:connection';
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

// Shapes of `POST /v1/join` (DESIGN.md); to be replaced by the zod schemas in shared/ once they exist.
export interface Team {
  id: string;
  name: string;
}
export interface Member {
  id: string;
  name: string;
  role: string;
}
export interface Connection {
  serverUrl: string;
  token: string;
  team: Team;
  member: Member;
}

export type JoinFailure =
  | { kind: 'api'; code: string; message: string }
  | { kind: 'unreachable' }
  | { kind: 'unexpected'; status: number };

export type JoinResult = { ok: true; connection: Connection } | { ok: false; failure: JoinFailure };

/** The server's base URL without a trailing slash, or undefined unless it is an http(s) URL. */
export function normalizeServerUrl(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Redeems an invite code; the server answers with the team, the new member and their token. */
export async function joinTeam(
  serverUrl: string,
  code: string,
  name: string,
  fetchImpl: typeof fetch = fetch,
): Promise<JoinResult> {
  let response: Response;
  try {
    response = await fetchImpl(`${serverUrl}/v1/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name }),
    });
  } catch {
    return { ok: false, failure: { kind: 'unreachable' } };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && isJoinAnswer(body)) {
    const { team, member, token } = body;
    return { ok: true, connection: { serverUrl, token, team, member } };
  }
  if (!response.ok && isErrorAnswer(body)) {
    const { code: errorCode, message } = body.error;
    return { ok: false, failure: { kind: 'api', code: errorCode, message } };
  }
  return { ok: false, failure: { kind: 'unexpected', status: response.status } };
}

export async function loadConnection(): Promise<Connection | undefined> {
  const stored = await browser.storage.local.get(CONNECTION_KEY);
  const connection: unknown = stored[CONNECTION_KEY];
  return isConnection(connection) ? connection : undefined;
}

export async function saveConnection(connection: Connection): Promise<void> {
  await browser.storage.local.set({ [CONNECTION_KEY]: connection });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hasStrings<K extends string>(
  value: unknown,
  ...keys: K[]
): value is Record<string, unknown> & Record<K, string> {
  return isRecord(value) && keys.every((key) => typeof value[key] === 'string');
}

function isJoinAnswer(value: unknown): value is { team: Team; member: Member; token: string } {
  return (
    hasStrings(value, 'token') &&
    hasStrings(value.team, 'id', 'name') &&
    hasStrings(value.member, 'id', 'name', 'role')
  );
}

function isErrorAnswer(value: unknown): value is { error: { code: string; message: string } } {
  return isRecord(value) && hasStrings(value.error, 'code', 'message');
}

function isConnection(value: unknown): value is Connection {
  return hasStrings(value, 'serverUrl', 'token') && isJoinAnswer(value);
}
