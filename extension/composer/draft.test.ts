import { describe, expect, it } from 'vitest';
import type { VoiceRules } from '../../shared/schemas';
import { checkDraft, mastodonLimit } from './draft';
import { newTeammateAnswer } from './traffic';

const voice: VoiceRules = {
  bannedTerms: [{ term: 'cheap', preferred: 'affordable' }],
  signOff: '— Chorus',
  emojiPolicy: 'none',
  maxExclamations: 1,
  formality: 'formal',
  lengthByPlatform: {},
};

describe('checkDraft', () => {
  it('checks a draft against the team’s voice with a one-click fix for a banned term', () => {
    const result = checkDraft('So cheap!! lol', voice, { platform: 'reddit', lang: 'en' });
    expect(result.issues.map((i) => i.kind).sort()).toEqual(['banned-term', 'exclamations', 'formality', 'missing-sign-off']);
    expect(result.issues[0]).toMatchObject({ kind: 'banned-term', preferred: 'affordable', start: 3, end: 8 });
    expect(result.score).toBeLessThan(60);
  });

  it('without a team voice checks only the platform’s length: Bluesky in graphemes, Mastodon at the instance’s limit', () => {
    expect(checkDraft('Cheap!!! 😀😀😀 lol', undefined, { platform: 'bluesky' })).toEqual({ score: 100, issues: [] });
    const family = '👨‍👩‍👧'.repeat(300);
    expect(checkDraft(family, undefined, { platform: 'bluesky' }).issues).toEqual([]);
    expect(checkDraft(`${family}!`, undefined, { platform: 'bluesky' }).issues).toEqual([{ kind: 'too-long', length: 301, limit: 300, unit: 'graphemes' }]);
    expect(checkDraft('a'.repeat(501), undefined, { platform: 'mastodon' }).issues[0]).toMatchObject({ limit: 500 });
    expect(checkDraft('a'.repeat(501), undefined, { platform: 'mastodon', maxLength: 1000 }).issues).toEqual([]);
  });

  it('counts X replies the way X does when the weighted counter is loaded', () => {
    const text = '日本'.repeat(71); // 142 CJK characters weigh 284
    expect(checkDraft(text, undefined, { platform: 'x' }).issues).toEqual([]);
    expect(checkDraft(text, undefined, { platform: 'x', countWeighted: (t) => [...t].length * 2 }).issues[0]).toMatchObject({ kind: 'too-long', length: 284, limit: 280 });
  });
});

describe('mastodonLimit', () => {
  it('reads the instance’s limit from its initial state, in the shapes versions use', () => {
    expect(mastodonLimit(JSON.stringify({ server: { configuration: { statuses: { max_characters: 1000 } } } }))).toBe(1000);
    expect(mastodonLimit(JSON.stringify({ max_toot_chars: 5000 }))).toBe(5000);
    expect(mastodonLimit('{broken')).toBeUndefined();
    expect(mastodonLimit(JSON.stringify({ max_toot_chars: -1 }))).toBeUndefined();
    expect(mastodonLimit(null)).toBeUndefined();
  });
});

describe('newTeammateAnswer', () => {
  const noa = { memberName: 'Noa', at: '2026-11-22T07:00:00.000Z', kind: 'reply', self: false };
  it('is the teammate’s answer that arrived while the member was writing', () => {
    expect(newTeammateAnswer(undefined, noa)).toBe(noa);
    expect(newTeammateAnswer({ ...noa, memberName: 'Ana', at: '2026-11-22T06:00:00.000Z' }, noa)).toBe(noa);
  });
  it('is nothing for the member’s own answer or the one already there when writing began', () => {
    expect(newTeammateAnswer(undefined, { ...noa, self: true })).toBeUndefined();
    expect(newTeammateAnswer(noa, { ...noa })).toBeUndefined();
    expect(newTeammateAnswer(undefined, undefined)).toBeUndefined();
  });
});
