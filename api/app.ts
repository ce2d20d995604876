// Builds the Hono app: one router per resource, mounted here.
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { type Config, loadConfig } from './config.ts';
import { authenticate, type Deps, type Env } from './context.ts';
import type { Database } from './db/index.ts';
import { ApiFailure, errorBody, handleError } from './errors.ts';
import { FactCache } from './analytics.ts';
import { RateLimiter } from './ratelimit.ts';
import { activityRoutes } from './routes/activity.ts';
import { cueRoutes } from './routes/cues.ts';
import { interactionRoutes } from './routes/interactions.ts';
import { summaryRoutes } from './routes/summary.ts';
import { publicTeamRoutes, teamRoutes } from './routes/teams.ts';
import { templateRoutes, voiceRoutes } from './routes/templates.ts';
import { hashToken } from './tokens.ts';

export interface AppOptions {
  database: Database;
  config?: Partial<Config>;
  now?: () => Date;
}

const PUBLIC = new Set(['/v1/teams', '/v1/join']);
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const IMPORT_PATH = '/v1/templates/import';
/** POST /v1/templates/import may be this many times CHORUS_BODY_LIMIT. */
export const IMPORT_BODY_FACTOR = 4;

/** The caller's address (app.request() in tests has no socket: "local"). */
function addressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

export function createApp(opts: AppOptions) {
  const config = { ...loadConfig({}), ...opts.config };
  const deps: Deps = {
    database: opts.database,
    config,
    facts: new FactCache(opts.database.db),
    now: opts.now ?? (() => new Date()),
  };
  const limiter = new RateLimiter(config.rateLimitPerMinute);
  // Unknown or revoked tokens per address (each made-up token has its own bucket above).
  const failedAuth = new RateLimiter(config.failedAuthPerMinute, 10);
  /** Hashes of tokens that authenticated lately, oldest first (a revoked one is dropped on its next 401). */
  const goodTokens = new Set<string>();
  const rememberGood = (tokenKey: string) => {
    if (!tokenKey) return;
    goodTokens.delete(tokenKey);
    goodTokens.add(tokenKey);
    if (goodTokens.size > 10_000) goodTokens.delete(goodTokens.values().next().value!);
  };
  const allowed = new Set(config.corsOrigins);

  const app = new Hono<Env>();
  app.onError(handleError);
  app.notFound((c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}`), 404));

  app.use(
    '*',
    cors({
      origin: (origin) => (EXTENSION_ORIGIN.test(origin) || allowed.has(origin) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'X-Chorus-Sent-At'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['Retry-After', 'Content-Disposition'],
      maxAge: 600,
    }),
  );
  app.get('/healthz', (c) => c.json({ ok: true }));

  app.use('/v1/*', async (c, next) => {
    const auth = c.req.header('authorization');
    // The public routes are limited per address whatever the headers say: a made-up bearer
    // token per request would otherwise get a fresh bucket for each guess at an invite code.
    const key = auth && /^bearer /i.test(auth) && !PUBLIC.has(c.req.path) ? `t:${hashToken(auth.slice(7))}` : `a:${addressOf(c)}`;
    const wait = limiter.take(key);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return c.json(errorBody('rate_limited', `Too many requests; try again in ${wait} s`), 429);
    }
    await next();
  });
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => c.json(errorBody('payload_too_large', `The body is larger than ${maxSize} bytes; send smaller batches`), 413),
    });
  const normalBody = limitBody(config.bodyLimitBytes);
  // A template import is one file of up to 500 templates of up to 5000 characters each
  // (more with variants, up to 3 bytes a character in UTF-8); it cannot be split.
  const importBody = limitBody(IMPORT_BODY_FACTOR * config.bodyLimitBytes);
  app.use('/v1/*', (c, next) => (c.req.path === IMPORT_PATH ? importBody(c, next) : normalBody(c, next)));
  const auth = authenticate(deps);
  app.use('/v1/*', async (c, next) => {
    if (PUBLIC.has(c.req.path)) return next();
    // Refused tokens are limited per address. A token that authenticated lately skips the
    // count (members behind one office address are not locked out by someone's guesses);
    // any other request takes its place up front (parallel guesses cannot all slip through)
    // and gives it back once its token proves good.
    const header = c.req.header('authorization') ?? '';
    const tokenKey = /^bearer /i.test(header) ? hashToken(header.slice(7)) : '';
    const failKey = `a:${addressOf(c)}`;
    const known = tokenKey !== '' && goodTokens.has(tokenKey);
    if (!known) {
      const wait = failedAuth.take(failKey);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return c.json(errorBody('rate_limited', `Too many refused tokens from this address; try again in ${wait} s`), 429);
      }
    }
    try {
      await auth(c, async () => {
        if (!known) failedAuth.refund(failKey);
        rememberGood(tokenKey);
        await next();
      });
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) goodTokens.delete(tokenKey);
      throw error;
    }
  });
  // A body that is not JSON is refused: the JSON validators would otherwise read it as `{}`,
  // which some schemas accept (PUT /v1/voice would reset the brand voice to its defaults).
  app.use('/v1/*', async (c, next) => {
    if (BODYLESS_METHODS.has(c.req.method)) return next();
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    if (JSON_MEDIA_TYPE.test(mediaType)) return next();
    const body = c.req.raw.body ? await c.req.text() : '';
    if (body.length > 0) {
      return c.json(errorBody('bad_request', 'Send the body as JSON (Content-Type: application/json)'), 415);
    }
    return next();
  });

  return app
    .route('/', publicTeamRoutes(deps))
    .route('/', teamRoutes(deps))
    .route('/', interactionRoutes(deps))
    .route('/', templateRoutes(deps))
    .route('/', voiceRoutes(deps))
    .route('/', activityRoutes(deps))
    .route('/', cueRoutes(deps))
    .route('/', summaryRoutes(deps));
}

export type App = ReturnType<typeof createApp>;
