// Team creation and joining, shared by the HTTP routes and `npm run team`.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  DEFAULT_TEAM_SETTINGS,
  type Member,
  type Team,
  type TeamSettings,
  type TeamSettingsPatch,
  VoiceRules,
} from '../shared/schemas.ts';
import type { Db } from './db/index.ts';
import { invites, members, teams, tokens, voices } from './db/schema.ts';
import { hashInviteCode, hashToken, newInviteCode, newToken } from './tokens.ts';

export interface CreatedTeam {
  team: Team;
  member: Member;
  token: string;
  invites: { manager: string; member: string };
}

export function mergeSettings(base: TeamSettings, patch: TeamSettingsPatch | undefined): TeamSettings {
  if (!patch) return base;
  return {
    ...base,
    ...patch,
    businessHours: patch.businessHours ?? base.businessHours,
    slaMinutes: { ...base.slaMinutes, ...patch.slaMinutes },
  };
}

export async function createTeam(
  db: Db,
  input: { name: string; ownerName: string; settings?: TeamSettingsPatch },
): Promise<CreatedTeam> {
  const team = { id: randomUUID(), name: input.name };
  const member: Member = { id: randomUUID(), name: input.ownerName, role: 'owner' };
  const token = newToken();
  const codes = { manager: newInviteCode('manager'), member: newInviteCode('member') };
  await db.transaction(async (tx) => {
    await tx.insert(teams).values({ ...team, settings: mergeSettings(DEFAULT_TEAM_SETTINGS, input.settings) });
    await tx.insert(members).values({ ...member, teamId: team.id });
    await tx.insert(tokens).values({ hash: hashToken(token), teamId: team.id, memberId: member.id });
    await tx.insert(invites).values([
      { teamId: team.id, role: 'manager', codeHash: hashInviteCode(codes.manager) },
      { teamId: team.id, role: 'member', codeHash: hashInviteCode(codes.member) },
    ]);
    await tx.insert(voices).values({ teamId: team.id, rules: VoiceRules.parse({}), version: 1 });
  });
  return { team, member, token, invites: codes };
}

/** Undefined when the code matches no live invite. */
export async function joinTeam(
  db: Db,
  input: { code: string; name: string },
): Promise<{ team: Team; member: Member; token: string } | undefined> {
  const rows = await db
    .select({ teamId: invites.teamId, role: invites.role, teamName: teams.name })
    .from(invites)
    .innerJoin(teams, eq(teams.id, invites.teamId))
    .where(eq(invites.codeHash, hashInviteCode(input.code)))
    .limit(1);
  const invite = rows[0];
  if (!invite) return undefined;
  const member: Member = { id: randomUUID(), name: input.name, role: invite.role };
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx.insert(members).values({ ...member, teamId: invite.teamId });
    await tx.insert(tokens).values({ hash: hashToken(token), teamId: invite.teamId, memberId: member.id });
  });
  return { team: { id: invite.teamId, name: invite.teamName }, member, token };
}

export async function rotateInvite(db: Db, teamId: string, role: 'manager' | 'member'): Promise<string> {
  const code = newInviteCode(role);
  await db
    .insert(invites)
    .values({ teamId, role, codeHash: hashInviteCode(code) })
    .onConflictDoUpdate({
      target: [invites.teamId, invites.role],
      set: { codeHash: hashInviteCode(code), createdAt: new Date() },
    });
  return code;
}
