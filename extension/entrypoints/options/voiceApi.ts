// The team's brand voice on its server: read by every member, replaced by owners and
// managers with If-Match, so two managers editing at once cannot silently overwrite.
import { z } from 'zod';
import { ApiError, Voice, type VoiceRules } from '../../../shared/schemas';
import type { Connection } from '../../connection';
import type { TeamFailure } from './teamApi';

export type VoiceResult =
  | { ok: true; voice: Voice }
  /** 409: someone saved the voice since `version`; `current` is what they saved. */
  | { ok: false; conflict: Voice; message: string }
  | { ok: false; conflict?: undefined; failure: TeamFailure };

const Conflict = ApiError.extend({ current: Voice });

async function call(connection: Connection, init: RequestInit & { version?: number }, signal?: AbortSignal): Promise<VoiceResult> {
  const { version, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(`${connection.serverUrl}/v1/voice`, {
      ...rest,
      signal: signal ?? null,
      headers: {
        authorization: `Bearer ${connection.token}`,
        ...(rest.body ? { 'content-type': 'application/json' } : {}),
        ...(version === undefined ? {} : { 'if-match': String(version) }),
      },
    });
  } catch {
    return { ok: false, failure: { kind: 'unreachable' } };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const parsed = z.object({ voice: Voice }).safeParse(body);
    if (parsed.success) return { ok: true, voice: parsed.data.voice };
  } else {
    const conflict = Conflict.safeParse(body);
    if (conflict.success && conflict.data.error.code === 'version_conflict') {
      return { ok: false, conflict: conflict.data.current, message: conflict.data.error.message };
    }
    const failed = ApiError.safeParse(body);
    if (failed.success) {
      const { code, message, field } = failed.data.error;
      return { ok: false, failure: field ? { kind: 'api', code, message, field } : { kind: 'api', code, message } };
    }
  }
  return { ok: false, failure: { kind: 'unexpected', status: response.status } };
}

export function fetchVoice(connection: Connection, signal?: AbortSignal): Promise<VoiceResult> {
  return call(connection, { method: 'GET' }, signal);
}

/** Replaces the rules; `version` is the one the editor started from (0 before the first save). */
export function saveVoice(connection: Connection, version: number, rules: VoiceRules): Promise<VoiceResult> {
  return call(connection, { method: 'PUT', version, body: JSON.stringify(rules) });
}
