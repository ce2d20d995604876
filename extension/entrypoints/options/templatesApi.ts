// Writes to the team's reply templates on its server (owners and managers). Reading goes
// through the background's synced copy instead (see Templates.tsx).
import { z } from 'zod';
import { ApiError, Template, type TemplateInput } from '../../../shared/schemas';
import type { Connection } from '../../connection';
import type { TeamFailure } from './teamApi';

export type TemplateResult =
  | { ok: true; template: Template }
  /** 409 version_conflict: someone changed the template since `If-Match`; `current` is theirs. */
  | { ok: false; conflict: Template; message: string }
  | { ok: false; conflict?: undefined; failure: TeamFailure };

const Conflict = ApiError.extend({ current: Template });

async function call(connection: Connection, path: string, init: RequestInit & { version?: number }): Promise<TemplateResult> {
  const { version, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(`${connection.serverUrl}/v1/templates${path}`, {
      ...rest,
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
    const parsed = z.object({ template: Template }).safeParse(body);
    if (parsed.success) return { ok: true, template: parsed.data.template };
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
