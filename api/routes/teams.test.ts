import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/index.ts';
import { type TestApp, testApp } from '../test/harness.ts';

let t: TestApp;
// One database per file; every test makes its own team, so tests stay independent.
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.dispose());

describe('teams, members and invites', () => {
  it('creates a team: owner token, both invite codes, and /v1/me resolves the token', async () => {
    const r = await t.call('POST', '/v1/teams', { body: { name: 'Northwind Coffee', ownerName: 'Ana' } });
    expect(r.status).toBe(201);
    expect(r.json.team.name).toBe('Northwind Coffee');
    expect(r.json.member).toMatchObject({ name: 'Ana', role: 'owner' });
    expect(r.json.token).toMatch(/^chorus_[A-Za-z0-9_-]{43}$/);
    expect(r.json.invites.manager).toMatch(/^MANAGER-/);
    expect(r.json.invites.member).toMatch(/^MEMBER-/);
    const me = await t.call('GET', '/v1/me', { token: r.json.token });
    expect(me.status).toBe(200);
    expect(me.json).toEqual({ team: r.json.team, member: r.json.member });
  });

  it('stores only the SHA-256 of tokens and invite codes', async () => {
    const r = await t.call('POST', '/v1/teams', { body: { name: 'Hashed', ownerName: 'Ana' } });
    const dump = JSON.stringify(rowsOf(await t.database.db.execute(sql`SELECT hash FROM tokens UNION ALL SELECT code_hash FROM invites`)));
    expect(dump).not.toContain(r.json.token);
    expect(dump).not.toContain(r.json.invites.member);
    expect(dump).toMatch(/[0-9a-f]{64}/);
  });

  it('joins with a code typed loosely (case, spaces), with the role of the code', async () => {
    const team = await t.call('POST', '/v1/teams', { body: { name: 'Northwind', ownerName: 'Ana' } });
    const code = ` ${team.json.invites.member.toLowerCase().replace(/-/g, ' ')} `;
    const joined = await t.call('POST', '/v1/join', { body: { code, name: 'Ben' } });
    expect(joined.status).toBe(201);
    expect(joined.json.member).toMatchObject({ name: 'Ben', role: 'member' });
    expect(joined.json.team).toEqual(team.json.team);
    const asManager = await t.call('POST', '/v1/join', { body: { code: team.json.invites.manager, name: 'Maya' } });
    expect(asManager.json.member.role).toBe('manager');
  });

  it('refuses unknown codes with 404 and bad bodies with 400 naming the field', async () => {
    expect((await t.call('POST', '/v1/join', { body: { code: 'MEMBER-0000-0000-0000-0000', name: 'X' } })).status).toBe(404);
    const bad = await t.call('POST', '/v1/teams', { body: { name: '', ownerName: 'Ana' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'bad_request', field: 'name' });
  });

  it('rotating a code retires the old one', async () => {
    const team = await t.team();
    const rotated = await t.call('POST', '/v1/invites/member/rotate', { token: team.manager.token });
    expect(rotated.status).toBe(201);
    expect(rotated.json.code).toMatch(/^MEMBER-/);
    expect((await t.call('POST', '/v1/join', { body: { code: team.invites.member, name: 'Old' } })).status).toBe(404);
    expect((await t.call('POST', '/v1/join', { body: { code: rotated.json.code, name: 'New' } })).status).toBe(201);
    // Members cannot rotate; managers cannot rotate the manager code (only the owner can).
    expect((await t.call('POST', '/v1/invites/member/rotate', { token: team.member.token })).status).toBe(403);
    expect((await t.call('POST', '/v1/invites/manager/rotate', { token: team.manager.token })).status).toBe(403);
    expect((await t.call('POST', '/v1/invites/manager/rotate', { token: team.owner.token })).status).toBe(201);
  });

  it('signup can be closed by configuration', async () => {
    const closed = await testApp({ signupOpen: false });
    try {
      const r = await closed.call('POST', '/v1/teams', { body: { name: 'Nope', ownerName: 'Ana' } });
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('signup_closed');
    } finally {
      await closed.dispose();
    }
  });

  it('revoking tokens and removing members locks them out at once, their work stays', async () => {
    const team = await t.team();
    expect((await t.call('GET', '/v1/me', { token: team.member.token })).status).toBe(200);
    const revoked = await t.call('POST', `/v1/members/${team.member.id}/revoke`, { token: team.manager.token });
    expect(revoked.json).toEqual({ revoked: 1 });
    expect((await t.call('GET', '/v1/me', { token: team.member.token })).status).toBe(401);

    const own = await t.call('DELETE', '/v1/tokens/current', { token: team.manager.token });
    expect(own.status).toBe(200);
    expect((await t.call('GET', '/v1/me', { token: team.manager.token })).status).toBe(401);
  });

  it('managers remove members; only the owner removes managers; nobody removes the owner', async () => {
    const team = await t.team();
    expect((await t.call('DELETE', `/v1/members/${team.owner.id}`, { token: team.manager.token })).status).toBe(403);
    expect((await t.call('DELETE', `/v1/members/${team.manager.id}`, { token: team.manager.token })).status).toBe(403);
    expect((await t.call('DELETE', `/v1/members/${team.manager.id}`, { token: team.member.token })).status).toBe(403);
    const removed = await t.call('DELETE', `/v1/members/${team.member.id}`, { token: team.manager.token });
    expect(removed.status).toBe(200);
    expect((await t.call('GET', '/v1/me', { token: team.member.token })).status).toBe(401);
    const list = await t.call('GET', '/v1/members', { token: team.manager.token });
    expect(list.json.members.map((m: { name: string }) => m.name)).toEqual(['Ana', 'Maya']);
    expect((await t.call('DELETE', `/v1/members/${team.manager.id}`, { token: team.owner.token })).status).toBe(200);
  });

  it('the owner changes roles; team settings are read by all, changed by managers', async () => {
    const team = await t.team();
    const promoted = await t.call('PATCH', `/v1/members/${team.member.id}`, { token: team.owner.token, body: { role: 'manager' } });
    expect(promoted.json.member.role).toBe('manager');
    expect((await t.call('PATCH', `/v1/members/${team.owner.id}`, { token: team.owner.token, body: { role: 'member' } })).status).toBe(403);

    const read = await t.call('GET', '/v1/team', { token: team.member.token });
    expect(read.json.team.settings.slaMinutes).toEqual({ question: 60, complaint: 30 });
    const patched = await t.call('PATCH', '/v1/team', {
      token: team.manager.token,
      body: { settings: { timeZone: 'Asia/Tehran', slaMinutes: { complaint: 15 } } },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.team.settings).toMatchObject({ timeZone: 'Asia/Tehran', slaMinutes: { question: 60, complaint: 15 } });
    expect(patched.json.team.settingsVersion).toBe(2);
    const badZone = await t.call('PATCH', '/v1/team', { token: team.manager.token, body: { settings: { timeZone: 'Mars/Olympus' } } });
    expect(badZone.status).toBe(400);
    expect(badZone.json.error.field).toBe('settings.timeZone');
    const demoted = await t.call('PATCH', `/v1/members/${team.member.id}`, { token: team.owner.token, body: { role: 'member' } });
    expect(demoted.json.member.role).toBe('member');
    expect((await t.call('PATCH', '/v1/team', { token: team.member.token, body: { name: 'Mine' } })).status).toBe(403);
  });
});
