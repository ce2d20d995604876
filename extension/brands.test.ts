import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_PREFS, forgetTeam, normalizeHandle, normalizeInstance, resolveTeam, siteEnabled, type SitePrefs } from './brands';

const northwind = { team: { id: 'team-northwind' }, name: 'Northwind' };
const kahawa = { team: { id: 'team-kahawa' }, name: 'Kahawa Bora' };
const prefs = (p: Partial<SitePrefs>): SitePrefs => ({ ...DEFAULT_SITE_PREFS, ...p });

describe('resolveTeam', () => {
  it('uses the first team connected when no rule applies', () => {
    expect(resolveTeam([northwind, kahawa], DEFAULT_SITE_PREFS, { platform: 'x' })).toEqual({ connection: northwind, source: 'default' });
  });

  it('uses the brand chosen for the site', () => {
    const p = prefs({ siteTeams: { instagram: 'team-kahawa' } });
    expect(resolveTeam([northwind, kahawa], p, { platform: 'instagram' })?.connection).toBe(kahawa);
    expect(resolveTeam([northwind, kahawa], p, { platform: 'x' })?.connection).toBe(northwind);
  });

  it('prefers the signed-in account rule over the site, whatever the handle is written like', () => {
    const p = prefs({
      siteTeams: { x: 'team-northwind' },
      accounts: [{ platform: 'x', handle: 'kahawabora', teamId: 'team-kahawa' }],
    });
    expect(resolveTeam([northwind, kahawa], p, { platform: 'x', account: '@KahawaBora ' })).toEqual({ connection: kahawa, source: 'account' });
    expect(resolveTeam([northwind, kahawa], p, { platform: 'x', account: '@northwind' })?.connection).toBe(northwind);
    // The same handle on another site is another account.
    expect(resolveTeam([northwind, kahawa], p, { platform: 'threads', account: 'kahawabora' })?.connection).toBe(northwind);
  });

  it('skips rules that name a team no longer connected', () => {
    const p = prefs({ siteTeams: { x: 'team-gone' }, accounts: [{ platform: 'x', handle: 'a', teamId: 'team-gone' }] });
    expect(resolveTeam([kahawa], p, { platform: 'x', account: 'a' })).toEqual({ connection: kahawa, source: 'default' });
    expect(resolveTeam([], p, { platform: 'x' })).toBeUndefined();
  });

  it('forgets a disconnected team\'s rules', () => {
    const p = prefs({
      siteTeams: { x: 'team-kahawa', reddit: 'team-northwind' },
      accounts: [{ platform: 'x', handle: 'a', teamId: 'team-kahawa' }],
    });
    expect(forgetTeam(p, 'team-kahawa')).toEqual(prefs({ siteTeams: { reddit: 'team-northwind' }, accounts: [] }));
  });
});

describe('site switches and names', () => {
  it('has every site on until switched off', () => {
    expect(siteEnabled(DEFAULT_SITE_PREFS, 'tiktok')).toBe(true);
    expect(siteEnabled(prefs({ disabled: ['tiktok'] }), 'tiktok')).toBe(false);
  });

  it('normalises handles', () => {
    expect(normalizeHandle('  @@Ana_Lopez ')).toBe('ana_lopez');
  });

  it('accepts Mastodon instances as people type them and refuses what is not a public https host', () => {
    expect(normalizeInstance('mastodon.social')).toBe('mastodon.social');
    expect(normalizeInstance('https://Mastodon.Social/@ana')).toBe('mastodon.social');
    expect(normalizeInstance(' fosstodon.org ')).toBe('fosstodon.org');
    for (const bad of ['', 'localhost', 'http://mastodon.social', '192.168.1.1', 'https://a.b:8443', 'not a host', 'ftp://x.org']) {
      expect(normalizeInstance(bad), bad).toBeUndefined();
    }
  });
});
