// The team's brand voice on its server: read by every member, replaced by owners and
// managers with If-Match, so two managers editing at once cannot silently overwrite.
import { z } from 'zod';
import { ApiError, Voice, type VoiceRules } from '../../../shared/schemas';
import type { Connection } from '../../connection';
import { callServer, type TeamFailure } from './teamApi';

export type VoiceResult =
  | { ok: true; voice: Voice }
  /** 409: someone saved the voice since `version`; `current` is what they saved. */
  | { ok: false; conflict: Voice; message: string }
  | { ok: false; conflict?: undefined; failure: TeamFailure };

const Conflict = ApiError.extend({ current: Voice });

async function call(connection: Connection, init: { method: string; body?: string; version?: number; signal?: AbortSignal }): Promise<VoiceResult> {
  const answer = await callServer(connection, '/v1/voice', init);
  if (answer.ok) {
    const parsed = z.object({ voice: Voice }).safeParse(answer.body);
    return parsed.success ? { ok: true, voice: parsed.data.voice } : { ok: false, failure: { kind: 'unexpected', status: answer.status } };
  }
  const conflict = Conflict.safeParse(answer.body);
  if (conflict.success && conflict.data.error.code === 'version_conflict') {
    return { ok: false, conflict: conflict.data.current, message: conflict.data.error.message };
  }
  return { ok: false, failure: answer.failure };
}

export function fetchVoice(connection: Connection, signal?: AbortSignal): Promise<VoiceResult> {
  return call(connection, { method: 'GET', ...(signal ? { signal } : {}) });
}

/** Replaces the rules; `version` is the one the editor started from (0 before the first save). */
export function saveVoice(connection: Connection, version: number, rules: VoiceRules): Promise<VoiceResult> {
  return call(connection, { method: 'PUT', version, body: JSON.stringify(rules) });
}
