// Writes to the team's reply templates on its server (owners and managers). Reading goes
// through the background's synced copy instead (see Templates.tsx).
import { z } from 'zod';
import { ApiError, Template, type TemplateInput } from '../../../shared/schemas';
import type { Connection } from '../../connection';
import { callServer, type TeamFailure } from './teamApi';

export type TemplateResult =
  | { ok: true; template: Template }
  /** 409 version_conflict: someone changed the template since `If-Match`; `current` is theirs. */
  | { ok: false; conflict: Template; message: string }
  | { ok: false; conflict?: undefined; failure: TeamFailure };

const Conflict = ApiError.extend({ current: Template });

async function call(connection: Connection, path: string, init: { method: string; body?: string; version?: number }): Promise<TemplateResult> {
  const answer = await callServer(connection, `/v1/templates${path}`, init);
  if (answer.ok) {
    const parsed = z.object({ template: Template }).safeParse(answer.body);
    return parsed.success ? { ok: true, template: parsed.data.template } : { ok: false, failure: { kind: 'unexpected', status: answer.status } };
  }
  const conflict = Conflict.safeParse(answer.body);
  if (conflict.success && conflict.data.error.code === 'version_conflict') {
    return { ok: false, conflict: conflict.data.current, message: conflict.data.error.message };
  }
  return { ok: false, failure: answer.failure };
}

export function createTemplate(connection: Connection, input: TemplateInput): Promise<TemplateResult> {
  return call(connection, '', { method: 'POST', body: JSON.stringify(input) });
}

/** PUT replaces the whole template; `version` is the one the editor started from. */
export function updateTemplate(connection: Connection, id: string, version: number, input: TemplateInput): Promise<TemplateResult> {
  return call(connection, `/${encodeURIComponent(id)}`, { method: 'PUT', version, body: JSON.stringify(input) });
}

/** Leaves a tombstone that every member's next pull applies. */
export function deleteTemplate(connection: Connection, id: string, version: number): Promise<TemplateResult> {
  return call(connection, `/${encodeURIComponent(id)}`, { method: 'DELETE', version });
}
