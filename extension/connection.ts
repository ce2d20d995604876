import { browser } from 'wxt/browser';
import { z } from 'zod';
import { ApiError, JoinAnswer } from '../shared/schemas';

/** Key in browser.storage.local that holds the teams (brands) this browser is connected to. */
export const CONNECTIONS_KEY = 'chorus:connections';
/** Where one connection was kept before several teams were possible; read once and moved. */
const LEGACY_CONNECTION_KEY = 'chorus:connection';
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

export const Connection = JoinAnswer.extend({ serverUrl: z.string() });
export type Connection = z.infer<typeof Connection>;

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
  const joined = JoinAnswer.safeParse(body);
  if (response.ok && joined.success) {
    const { team, member, token } = joined.data;
    return { ok: true, connection: { serverUrl, token, team, member } };
  }
  const failed = ApiError.safeParse(body);
  if (!response.ok && failed.success) {
    const { code: errorCode, message } = failed.data.error;
    return { ok: false, failure: { kind: 'api', code: errorCode, message } };
  }
  return { ok: false, failure: { kind: 'unexpected', status: response.status } };
}

/** Every team this browser is connected to, in the order they were added (the first is the
 * default brand). A stored entry that no longer parses is dropped rather than breaking all. */
export async function loadConnections(): Promise<Connection[]> {
  const stored = await browser.storage.local.get([CONNECTIONS_KEY, LEGACY_CONNECTION_KEY]);
  const list: unknown = stored[CONNECTIONS_KEY];
  if (Array.isArray(list)) return list.flatMap((entry) => Connection.safeParse(entry).data ?? []);
  const legacy = Connection.safeParse(stored[LEGACY_CONNECTION_KEY]);
  if (!legacy.success) return [];
  await browser.storage.local.set({ [CONNECTIONS_KEY]: [legacy.data] });
  await browser.storage.local.remove(LEGACY_CONNECTION_KEY);
  return [legacy.data];
}

/** Adds a team, or replaces the connection to the same team (a new token after a revoke). */
export async function saveConnection(connection: Connection): Promise<void> {
  const all = await loadConnections();
  const existing = all.findIndex((c) => c.team.id === connection.team.id);
  const next = existing < 0 ? [...all, connection] : all.with(existing, connection);
  await browser.storage.local.set({ [CONNECTIONS_KEY]: next });
}

/** Disconnects one team. Its local records stay (teamId-scoped) and go out if it reconnects. */
export async function removeConnection(teamId: string): Promise<void> {
  const next = (await loadConnections()).filter((c) => c.team.id !== teamId);
  await browser.storage.local.set({ [CONNECTIONS_KEY]: next });
}

export async function findConnection(teamId: string | undefined): Promise<Connection | undefined> {
  const all = await loadConnections();
  return teamId ? all.find((c) => c.team.id === teamId) : all[0];
}
