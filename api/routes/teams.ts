// Teams, members, invite codes and tokens.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { CreateTeamBody, InviteRole, JoinBody, TeamSettings, UpdateMemberBody, UpdateTeamBody } from '../../shared/schemas.ts';
import { type Deps, type Env, requireRole, valid } from '../context.ts';
import { members, teams, templates, tokens } from '../db/schema.ts';
import { ApiFailure, fail, fromZod } from '../errors.ts';
import { createTeam, joinTeam, mergeSettings, rotateInvite } from '../teams.ts';

const MemberId = z.object({ id: z.uuid() });

export function publicTeamRoutes(deps: Deps) {
  const { db } = deps.database;
  return new Hono<Env>()
    .post('/v1/teams', valid('json', CreateTeamBody), async (c) => {
      if (!deps.config.signupOpen) {
        throw new ApiFailure(403, 'signup_closed', 'Creating teams is closed on this server; ask its operator');
      }
      const created = await createTeam(db, c.req.valid('json'));
      return c.json(created, 201);
    })
    .post('/v1/join', valid('json', JoinBody), async (c) => {
      const joined = await joinTeam(db, c.req.valid('json'));
      if (!joined) throw fail.notFound('This invite code is unknown or was replaced by a newer one');
      return c.json(joined, 201);
    });
}

export function teamRoutes(deps: Deps) {
  const { db } = deps.database;
  const loadTeam = async (teamId: string) => {
    const [team] = await db
      .select({ id: teams.id, name: teams.name, settings: teams.settings, settingsVersion: teams.settingsVersion })
      .from(teams)
      .where(eq(teams.id, teamId));
    if (!team) throw fail.notFound('Team not found');
    return team;
  };
  const loadMember = async (teamId: string, id: string) => {
    const [row] = await db
      .select({ id: members.id, name: members.name, role: members.role })
      .from(members)
      .where(and(eq(members.teamId, teamId), eq(members.id, id), isNull(members.removedAt)));
    if (!row) throw fail.notFound('No such member in this team');
    return row;
  };

  return new Hono<Env>()
    .get('/v1/me', (c) => {
      const me = c.get('caller');
      return c.json({
        team: { id: me.teamId, name: me.teamName },
        member: { id: me.memberId, name: me.memberName, role: me.role },
      });
    })
    .get('/v1/team', async (c) => c.json({ team: await loadTeam(c.get('caller').teamId) }))
    .patch('/v1/team', valid('json', UpdateTeamBody), async (c) => {
      const me = c.get('caller');
      requireRole(me, 'manager');
      const body = c.req.valid('json');
      const current = await loadTeam(me.teamId);
      const settings = mergeSettings(current.settings, body.settings);
      const checked = TeamSettings.safeParse(settings);
      if (!checked.success) throw fromZod(checked.error, 'settings');
      const [team] = await db
        .update(teams)
        .set({
          name: body.name ?? current.name,
          settings: checked.data,
          settingsVersion: sql`${teams.settingsVersion} + 1`,
        })
        .where(eq(teams.id, me.teamId))
        .returning({ id: teams.id, name: teams.name, settings: teams.settings, settingsVersion: teams.settingsVersion });
      return c.json({ team });
    })
    .get('/v1/members', async (c) => {
      const me = c.get('caller');
      requireRole(me, 'manager');
      const rows = await db
        .select({ id: members.id, name: members.name, role: members.role, createdAt: members.createdAt })
        .from(members)
        .where(and(eq(members.teamId, me.teamId), isNull(members.removedAt)))
        .orderBy(asc(members.createdAt));
      return c.json({ members: rows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) });
    })
    .patch('/v1/members/:id', valid('param', MemberId), valid('json', UpdateMemberBody), async (c) => {
      const me = c.get('caller');
      requireRole(me, 'owner');
      const target = await loadMember(me.teamId, c.req.valid('param').id);
      if (target.role === 'owner') throw fail.forbidden("The owner's role cannot be changed");
      const [member] = await db
        .update(members)
        .set({ role: c.req.valid('json').role })
        .where(eq(members.id, target.id))
        .returning({ id: members.id, name: members.name, role: members.role });
      return c.json({ member });
    })
    .delete('/v1/members/:id', valid('param', MemberId), async (c) => {
      const me = c.get('caller');
      requireRole(me, 'manager');
      const target = await loadMember(me.teamId, c.req.valid('param').id);
      if (target.role === 'owner') throw fail.forbidden('The owner cannot be removed');
      if (target.role === 'manager' && me.role !== 'owner') throw fail.forbidden('Only the owner can remove a manager');
      // Their past work stays in the team's figures; their tokens stop working at once.
      // Their private templates go: nobody else could ever see them.
      await db.transaction(async (tx) => {
        await tx.update(members).set({ removedAt: deps.now() }).where(eq(members.id, target.id));
        await tx.delete(templates).where(and(eq(templates.teamId, me.teamId), eq(templates.ownerId, target.id)));
        await tx
          .update(tokens)
          .set({ revokedAt: deps.now() })
          .where(and(eq(tokens.memberId, target.id), isNull(tokens.revokedAt)));
      });
      return c.json({ member: target });
    })
    .post('/v1/members/:id/revoke', valid('param', MemberId), async (c) => {
      const me = c.get('caller');
      requireRole(me, 'manager');
      const target = await loadMember(me.teamId, c.req.valid('param').id);
      if (target.role === 'owner' && me.role !== 'owner') throw fail.forbidden("Only the owner can revoke the owner's tokens");
      const revoked = await db
        .update(tokens)
        .set({ revokedAt: deps.now() })
        .where(and(eq(tokens.memberId, target.id), isNull(tokens.revokedAt)))
        .returning({ hash: tokens.hash });
      return c.json({ revoked: revoked.length });
    })
    .delete('/v1/tokens/current', async (c) => {
      await db.update(tokens).set({ revokedAt: deps.now() }).where(eq(tokens.hash, c.get('caller').tokenHash));
      return c.json({ revoked: 1 });
    })
    .post('/v1/invites/:role/rotate', valid('param', z.object({ role: InviteRole })), async (c) => {
      const me = c.get('caller');
      const { role } = c.req.valid('param');
      requireRole(me, role === 'manager' ? 'owner' : 'manager');
      const code = await rotateInvite(db, me.teamId, role);
      return c.json({ role, code }, 201);
    });
}
