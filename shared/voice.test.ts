import { describe, expect, it } from 'vitest';
import { VoiceRules } from './schemas.ts';
import { applyFix, checkVoice, countEmoji, PENALTY, type VoiceIssue } from './voice.ts';
import { xWeightedLength } from './voice-x.ts';

// Lenient rules so each test switches on only what it checks.
const base = VoiceRules.parse({ emojiPolicy: 'free', maxExclamations: 20 });
const rules = (over: Partial<VoiceRules>): VoiceRules => ({ ...base, ...over });
const kinds = (issues: VoiceIssue[]) => issues.map((i) => i.kind);

describe('checkVoice: banned terms', () => {
  const cheap = rules({ bannedTerms: [{ term: 'cheap', preferred: 'affordable' }, { term: 'ass', preferred: null }] });

  it('finds whole words, case-insensitively, with offsets', () => {
    const text = 'Cheap, yes: our cheap plan.';
    expect(checkVoice(text, cheap).issues).toEqual([
      { kind: 'banned-term', term: 'cheap', preferred: 'affordable', start: 0, end: 5 },
      { kind: 'banned-term', term: 'cheap', preferred: 'affordable', start: 16, end: 21 },
    ]);
  });

  it('does not match inside other words', () => {
    expect(checkVoice('First class, cheapest, passive.', cheap).issues).toEqual([]);
  });

  it('matches multi-word terms across any whitespace', () => {
    const issues = checkVoice('We will reach out\nasap.', rules({ bannedTerms: [{ term: 'reach out', preferred: 'contact you' }] })).issues;
    expect(issues).toEqual([{ kind: 'banned-term', term: 'reach out', preferred: 'contact you', start: 8, end: 17 }]);
  });

  it('Vietnamese: diacritics matter, and composed or decomposed spellings match alike', () => {
    const v = rules({ bannedTerms: [{ term: 'rẻ tiền', preferred: 'tiết kiệm' }] });
    expect(checkVoice('Gói này rẻ tiền lắm.', v).issues).toMatchObject([{ start: 8, end: 15 }]);
    // Fully decomposed, as some keyboards type it.
    const decomposed = 'Gói này rẻ tiền'.normalize('NFD');
    expect(kinds(checkVoice(decomposed, v).issues)).toEqual(['banned-term']);
    // Half-composed: precomposed "ê" followed by a combining grave for "ề".
    expect(kinds(checkVoice('rẻ ti\u00ea\u0300n', v).issues)).toEqual(['banned-term']);
    // "re tien" without tones is other words.
    expect(checkVoice('re tien', v).issues).toEqual([]);
    // Not inside a longer word: "rẻ tiềnx" has a letter after the term.
    expect(checkVoice('rẻ tiềnx', v).issues).toEqual([]);
  });

  it('Persian and Hebrew: whole words only', () => {
    const fa = rules({ bannedTerms: [{ term: 'ارزان', preferred: 'مقرون‌به‌صرفه' }] });
    expect(checkVoice('این طرح ارزان است.', fa).issues).toMatchObject([{ start: 8, end: 13 }]);
    expect(checkVoice('ارزانترین طرح', fa).issues).toEqual([]);
    const he = rules({ bannedTerms: [{ term: 'זול', preferred: 'משתלם' }] });
    expect(checkVoice('המחיר זול מאוד', he).issues).toMatchObject([{ term: 'זול', start: 6, end: 9 }]);
    expect(checkVoice('הזולים', he).issues).toEqual([]);
  });
});

describe('applyFix', () => {
  const issueIn = (text: string, term: string, preferred: string | null) =>
    checkVoice(text, rules({ bannedTerms: [{ term, preferred }] })).issues[0] as VoiceIssue;

  it('replaces the term, keeping the text around it and the case of its first letter', () => {
    const text = 'Cheap and fast. Really cheap!';
    expect(applyFix(text, issueIn(text, 'cheap', 'affordable'))).toBe('Affordable and fast. Really cheap!');
    const second = checkVoice(text, rules({ bannedTerms: [{ term: 'cheap', preferred: 'affordable' }] })).issues[1] as VoiceIssue;
    expect(applyFix(text, second)).toBe('Cheap and fast. Really affordable!');
    expect(applyFix('SO CHEAP', issueIn('SO CHEAP', 'cheap', 'affordable'))).toBe('SO AFFORDABLE');
  });

  it('works on RTL text', () => {
    const text = 'این طرح ارزان است.';
    expect(applyFix(text, issueIn(text, 'ارزان', 'مقرون‌به‌صرفه'))).toBe('این طرح مقرون‌به‌صرفه است.');
  });

  it('falls back to the first occurrence when the text moved, and leaves unfixable issues alone', () => {
    const issue = issueIn('cheap', 'cheap', 'affordable');
    expect(applyFix('Oh, cheap', issue)).toBe('Oh, affordable');
    expect(applyFix('nothing here', issue)).toBe('nothing here');
    expect(applyFix('damn', issueIn('damn', 'damn', null))).toBe('damn');
    expect(applyFix('x', { kind: 'missing-sign-off', expected: '— Ana' })).toBe('x');
  });
});

describe('checkVoice: sign-off', () => {
  const ana = rules({ signOff: '— Ana' });

  it('accepts the sign-off with trailing whitespace, punctuation or emoji, in any case', () => {
    for (const text of ['Thanks!\n— Ana', 'Thanks — ana.  ', 'Thanks -Ana 🙏🏽', 'Thanks, ANA!!']) {
      expect(checkVoice(text, ana).issues, text).toEqual([]);
    }
  });

  it('reports it missing, also when it is only the end of another word', () => {
    expect(checkVoice('Thanks, Diana', ana).issues).toEqual([{ kind: 'missing-sign-off', expected: '— Ana' }]);
    expect(checkVoice('— Ana, thanks', ana).issues).toEqual([{ kind: 'missing-sign-off', expected: '— Ana' }]);
  });

  it('treats template variables in the sign-off as any text', () => {
    const team = rules({ signOff: '{{agent.firstName}}, Chorus team' });
    expect(checkVoice('Thanks! Ana, Chorus Team', team).issues).toEqual([]);
    expect(kinds(checkVoice('Thanks! Ana', team).issues)).toEqual(['missing-sign-off']);
  });

  it('works in RTL scripts', () => {
    expect(checkVoice('ممنون از شما. تیم کورس', rules({ signOff: 'تیم کورس' })).issues).toEqual([]);
  });
});

describe('checkVoice: emoji', () => {
  it('counts grapheme clusters: skin tones, ZWJ families, flags and keycaps once', () => {
    expect(countEmoji('👍🏽')).toBe(1);
    expect(countEmoji('👨‍👩‍👧')).toBe(1);
    expect(countEmoji('🇪🇸 1️⃣ ❤️')).toBe(3);
    expect(countEmoji('Chorus™ © ▶ 2024')).toBe(0);
  });

  it('applies the policy', () => {
    const text = 'Great 👍🏽 👨‍👩‍👧 🎉';
    expect(checkVoice(text, rules({ emojiPolicy: 'none' })).issues).toEqual([{ kind: 'emoji', count: 3, max: 0, policy: 'none' }]);
    expect(checkVoice(text, rules({ emojiPolicy: 'sparing' })).issues).toEqual([{ kind: 'emoji', count: 3, max: 2, policy: 'sparing' }]);
    expect(checkVoice('Great 👍🏽 👨‍👩‍👧', rules({ emojiPolicy: 'sparing' })).issues).toEqual([]);
    expect(checkVoice(text, rules({ emojiPolicy: 'free' })).issues).toEqual([]);
  });
});

describe('checkVoice: exclamations', () => {
  it("counts '!', Spanish '¡' and full-width '！'", () => {
    expect(checkVoice('¡Hola! ¡Gracias!', rules({ maxExclamations: 1 })).issues).toEqual([{ kind: 'exclamations', count: 4, max: 1 }]);
    expect(checkVoice('ありがとう！', rules({ maxExclamations: 0 })).issues).toEqual([{ kind: 'exclamations', count: 1, max: 0 }]);
    expect(checkVoice('شكراً لك!', rules({ maxExclamations: 1 })).issues).toEqual([]);
  });
});

describe('checkVoice: formality', () => {
  const formal = rules({ formality: 'formal' });

  it('flags casual markers in a formal voice', () => {
    expect(checkVoice('Thx, we r gonna fix it lol!! :)', formal).issues).toEqual([
      { kind: 'formality', expected: 'formal', found: ['thx', 'gonna', 'lol', '!!', ':)'] },
    ]);
    expect(checkVoice('Can u check?', formal).issues).toMatchObject([{ found: ['u'] }]);
  });

  it('leaves names and ordinary words alone', () => {
    expect(checkVoice('Our U.S. team uses Adobe XD. Thank you for your patience.', formal).issues).toEqual([]);
    expect(checkVoice('Gonna do it, lol', rules({ formality: 'neutral' })).issues).toEqual([]);
  });

  it('uses the markers of the reply language', () => {
    expect(checkVoice('jajaja gracias porfa', formal, { lang: 'es-MX' }).issues).toMatchObject([{ found: ['jajaja', 'porfa'] }]);
    // Spanish "u" means "or": not slang there.
    expect(checkVoice('siete u ocho días', formal, { lang: 'es' }).issues).toEqual([]);
    expect(checkVoice('ممنون خخخخ', formal, { lang: 'fa' }).issues).toMatchObject([{ found: ['خخخخ'] }]);
    expect(checkVoice('סבבה, נבדוק', formal, { lang: 'he' }).issues).toMatchObject([{ found: ['סבבה'] }]);
  });
});

describe('checkVoice: length', () => {
  it('counts X by weight with the injected counter: URLs 23, CJK 2', () => {
    const url = `See https://example.com/${'a'.repeat(100)}`;
    expect(xWeightedLength(url)).toBe(4 + 23);
    expect(xWeightedLength('日本語')).toBe(6);
    const text = '日本語'.repeat(50); // 150 characters, 300 weighted
    expect(checkVoice(text, base, { platform: 'x', countWeighted: xWeightedLength }).issues).toEqual([
      { kind: 'too-long', length: 300, limit: 280, unit: 'weighted' },
    ]);
    expect(checkVoice(`${url} ${'b'.repeat(250)}`, base, { platform: 'x', countWeighted: xWeightedLength }).issues).toEqual([]);
    // No counter injected: X length is not checked.
    expect(checkVoice(text, base, { platform: 'x' }).issues).toEqual([]);
    expect(checkVoice('a'.repeat(200), rules({ lengthByPlatform: { x: 100 } }), { platform: 'x', countWeighted: xWeightedLength }).issues).toEqual([
      { kind: 'too-long', length: 200, limit: 100, unit: 'weighted' },
    ]);
  });

  it('counts Bluesky in graphemes: an emoji family is one', () => {
    const family = '👨‍👩‍👧'; // 8 UTF-16 units, 5 code points, 1 grapheme
    expect(checkVoice(family.repeat(300), base, { platform: 'bluesky' }).issues).toEqual([]);
    expect(checkVoice(family.repeat(301), base, { platform: 'bluesky' }).issues).toEqual([
      { kind: 'too-long', length: 301, limit: 300, unit: 'graphemes' },
    ]);
  });

  it("Mastodon: the instance's limit wins; URLs count 23 and remote mentions their @user part", () => {
    const text = `@ana@mastodon.social https://example.com/${'x'.repeat(200)} ${'y'.repeat(460)}`;
    // 4 + 1 + 23 + 1 + 460 = 489
    expect(checkVoice(text, base, { platform: 'mastodon' }).issues).toEqual([]);
    expect(checkVoice(text, rules({ lengthByPlatform: { mastodon: 480 } }), { platform: 'mastodon' }).issues).toEqual([
      { kind: 'too-long', length: 489, limit: 480, unit: 'characters' },
    ]);
    expect(checkVoice(text, rules({ lengthByPlatform: { mastodon: 480 } }), { platform: 'mastodon', maxLength: 5000 }).issues).toEqual([]);
  });

  it('uses the default table elsewhere, in code points', () => {
    expect(checkVoice('🎉'.repeat(151), base, { platform: 'tiktok' }).issues).toEqual([
      { kind: 'too-long', length: 151, limit: 150, unit: 'characters' },
    ]);
    expect(checkVoice('a'.repeat(5000), base).issues).toEqual([]);
  });
});

describe('checkVoice: score', () => {
  it('is 100 for empty text and for text with no issues', () => {
    const strict = rules({ signOff: 'Ana', emojiPolicy: 'none', maxExclamations: 0, formality: 'formal' });
    expect(checkVoice('', strict)).toEqual({ score: 100, issues: [] });
    expect(checkVoice('  \n', strict)).toEqual({ score: 100, issues: [] });
    expect(checkVoice('Thank you. Ana', strict)).toEqual({ score: 100, issues: [] });
  });

  it('subtracts the documented penalties and never goes below 0', () => {
    const strict = rules({
      bannedTerms: [{ term: 'cheap', preferred: null }],
      signOff: 'Ana',
      emojiPolicy: 'sparing',
      maxExclamations: 1,
      formality: 'formal',
    });
    // banned 15, sign-off 10, emoji 3 over × 5 = 15, exclamations 2 over × 5 = 10, formality 1 marker ("!!") × 10
    const { score } = checkVoice('cheap 🎉🎉🎉🎉🎉 wow!!!', strict);
    expect(score).toBe(100 - PENALTY.bannedTerm - PENALTY.missingSignOff - 15 - 10 - PENALTY.formality);
    expect(checkVoice('cheap '.repeat(10), strict).score).toBe(0);
  });
});
