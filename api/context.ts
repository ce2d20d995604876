// Request context shared by the routers: who is calling, validation that fails in our shape.
import { zValidator } from '@hono/zod-validator';
import { and, eq, isNull } from 'drizzle-orm';
import type { ValidationTargets } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ZodType } from 'zod';
import { AuthHeader, type Role } from '../shared/schemas.ts';
import type { Config } from './config.ts';
import type { Database } from './db/index.ts';
import { members, teams, tokens } from './db/schema.ts';
import { fail, fromZod } from './errors.ts';
import { hashToken } from './tokens.ts';
import type { FactCache } from './analytics.ts';

export interface Deps {
  database: Database;
  config: Config;
  facts: FactCache;
  now: () => Date;
}

export interface Caller {
  teamId: string;
  teamName: string;
  memberId: string;
  memberName: string;
  role: Role;
  tokenHash: string;
}

export type Env = { Variables: { caller: Caller } };

/** zValidator that answers 400 in the API's error shape, naming the field. A JSON body is
 * required where one is validated: a missing body must not pass as `{}` (which, for a schema
 * with defaults such as the brand voice, would reset it). */
export const valid = <T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result, c) => {
    if (target === 'json' && !/^application\/([\w.-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
      throw fail.badRequest('Send a JSON body (Content-Type: application/json)');
    }
    if (!result.success) throw fromZod(result.error as never);
  });

/** Resolves the bearer token to team and member; the team always comes from the token. */
export const authenticate = (deps: Deps) =>
  createMiddleware<Env>(async (c, next) => {
    const parsed = AuthHeader.safeParse({ authorization: c.req.header('authorization') });
    if (!parsed.success) throw fail.unauthorized('Authorization: Bearer <token> is required');
    // The scheme name is case-insensitive (RFC 9110); the token is not.
    const tokenHash = hashToken(parsed.data.authorization.slice('Bearer '.length));
    const rows = await deps.database.db
      .select({
        teamId: tokens.teamId,
        teamName: teams.name,
        memberId: members.id,
        memberName: members.name,
        role: members.role,
      })
      .from(tokens)
      .innerJoin(members, eq(members.id, tokens.memberId))
      .innerJoin(teams, eq(teams.id, tokens.teamId))
      .where(and(eq(tokens.hash, tokenHash), isNull(tokens.revokedAt), isNull(members.removedAt)))
      .limit(1);
    const row = rows[0];
    if (!row) throw fail.unauthorized('This token is unknown or was revoked');
    c.set('caller', { ...row, tokenHash });
    await next();
  });

const RANK: Record<Role, number> = { member: 0, manager: 1, owner: 2 };
export function requireRole(caller: Caller, role: Role): void {
  if (RANK[caller.role] < RANK[role]) throw fail.forbidden(`Only a team ${role} can do this`);
}
export const isManager = (caller: Caller) => RANK[caller.role] >= RANK.manager;
