// One error shape for every failure: {error: {code, message, field?}}.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { ApiError, ErrorCode } from '../shared/schemas.ts';

export class ApiFailure extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const fail = {
  badRequest: (message: string, field?: string) => new ApiFailure(400, 'bad_request', message, field),
  unauthorized: (message = 'A valid bearer token is required') => new ApiFailure(401, 'unauthorized', message),
  forbidden: (message: string) => new ApiFailure(403, 'forbidden', message),
  notFound: (message = 'Not found') => new ApiFailure(404, 'not_found', message),
  conflict: (message: string, field?: string) => new ApiFailure(409, 'conflict', message, field),
};

export function errorBody(code: ErrorCode, message: string, field?: string): ApiError {
  return { error: field ? { code, message, field } : { code, message } };
}

/** Names the first failing field of a zod error as a dotted path. */
export function fromZod(err: ZodError, prefix?: string): ApiFailure {
  const issue = err.issues[0];
  const path = [prefix, ...(issue?.path ?? [])].filter((p) => p !== undefined && p !== '').join('.');
  const message = issue ? (path ? `${path}: ${issue.message}` : issue.message) : 'Invalid input';
  return fail.badRequest(message, path || undefined);
}

/** PostgreSQL class 22 "data exception" (a NUL character in text or JSON, a value out of
 * range, …): the database refused a value that came from the request, so it is the
 * caller's error, and the failed statement wrote nothing. */
function isDataException(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++, e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}

export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiFailure) {
    return c.json({ ...errorBody(err.code, err.message, err.field), ...err.extra }, err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code: ErrorCode =
      status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : status === 404 ? 'not_found' : 'bad_request';
    return c.json(errorBody(code, err.message || 'Bad request'), status < 500 ? status : 400);
  }
  if (err instanceof SyntaxError) return c.json(errorBody('bad_request', 'The body is not valid JSON'), 400);
  if (isDataException(err)) {
    return c.json(errorBody('bad_request', 'A value in the request cannot be stored (for example a NUL character); nothing was written'), 400);
  }
  console.error(`[chorus] ${c.req.method} ${c.req.routePath}: ${describeForLog(err)}`);
  return c.json(errorBody('internal', 'Something went wrong on the server; nothing was half-written'), 500);
}

/**
 * What the server log says about an unexpected error: never request data. Drizzle's
 * "Failed query" messages carry the statement's parameters (reply text, token hashes),
 * so for those only the database's own code and message are kept.
 */
export function describeForLog(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  if (err.message.startsWith('Failed query:')) {
    if (cause instanceof Error) {
      const code = (cause as { code?: unknown }).code;
      return `database error${typeof code === 'string' ? ` ${code}` : ''}: ${cause.message}`;
    }
    return 'database error';
  }
  return `${err.name}: ${err.message}`;
}
