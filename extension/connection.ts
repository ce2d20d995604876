import { browser } from 'wxt/browser';
import { z } from 'zod';
import { ApiError, JoinAnswer } from '../shared/schemas';

/** Key in browser.storage.local that holds the member's connection to a team. */
export const CONNECTION_KEY = 'chorus:connection';
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

export async function loadConnection(): Promise<Connection | undefined> {
  const stored = await browser.storage.local.get(CONNECTION_KEY);
  const connection: unknown = stored[CONNECTION_KEY];
  const parsed = Connection.safeParse(connection);
  return parsed.success ? parsed.data : undefined;
}

export async function saveConnection(connection: Connection): Promise<void> {
  await browser.storage.local.set({ [CONNECTION_KEY]: connection });
}
