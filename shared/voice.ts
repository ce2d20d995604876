// Brand-voice check of a reply, as the member types it (content script) and on template
// previews (options page). Pure; no DOM.
//
// Rules checked (from the team's VoiceRules):
// - Banned terms: case-insensitive, whole words only, with Unicode-aware boundaries (a
//   letter, digit or combining mark on either side means "inside another word", so "ass"
//   is not found in "class" and Vietnamese/Persian/Hebrew words are matched whole). Accents
//   count (Vietnamese "ma" and "má" are different words), but composed and decomposed
//   spellings of the same letter match alike. Multi-word terms match across any whitespace.
// - Sign-off: the text ends with it, ignoring case, whitespace and trailing punctuation or
//   emoji. A sign-off may hold template variables ("— {{agent.firstName}}"): each matches
//   any text.
// - Emoji: counted per grapheme cluster, so 👍🏽, 👨‍👩‍👧 and 🇪🇸 are one each. Text-style symbols
//   (™ © ▶ without an emoji variation selector) are not emoji: brand names carry them.
//   none: any emoji is an issue; sparing: more than SPARING_EMOJI; free: never.
// - Exclamations: each '!', '¡' and full-width '！' counts; more than maxExclamations is an issue.
// - Formality: in a formal voice, casual markers ("lol", "gonna", "thx", "!!", "jaja", …) are
//   an issue. The language's own markers are used when `lang` is given, else English's.
// - Length on the given platform, in that platform's unit (LENGTH_DEFAULTS below).
//
// Score: 100 minus the penalties in PENALTY, clamped to 0–100. Empty text scores 100.
import type { Platform, VoiceRules } from './schemas.ts';

export type LengthUnit = 'weighted' | 'graphemes' | 'characters';

export type VoiceIssue =
  /** `start`/`end`: UTF-16 offsets of the match in the checked text, for a one-click fix. */
  | { kind: 'banned-term'; term: string; preferred: string | null; start: number; end: number }
  | { kind: 'missing-sign-off'; expected: string }
  | { kind: 'emoji'; count: number; max: number; policy: 'none' | 'sparing' }
  | { kind: 'exclamations'; count: number; max: number }
  | { kind: 'formality'; expected: 'formal'; found: string[] }
  | { kind: 'too-long'; length: number; limit: number; unit: LengthUnit };

export interface VoiceCheckOptions {
  platform?: Platform;
  /** BCP 47 tag of the reply's language; picks the casual markers to look for. */
  lang?: string;
  /** The limit the site itself states (a Mastodon instance's); wins over the rules. */
  maxLength?: number;
  /**
   * X's weighted length (twitter-text's parseTweet). Injected because twitter-text is ~35 KB
   * gzipped: `xWeightedLength` from ./voice-x.ts. Without it, X replies are not length-checked.
   */
  countWeighted?: (text: string) => number;
}

export interface VoiceResult {
  score: number;
  issues: VoiceIssue[];
}

export const SPARING_EMOJI = 2;

/**
 * Default length limits, used when the team sets none for the platform.
 * x: 280 weighted (twitter-text). bluesky: 300 graphemes. mastodon: 500, the stock instance
 * limit. linkedin: 1250, comments (posts allow 3000). instagram: 2200, captions and comments.
 * tiktok: 150, comments. threads: 500. facebook: 8000, comments. youtube, reddit: 10000,
 * comments. "characters" are Unicode code points; on Mastodon a URL counts 23 and a
 * remote mention only its @user part, as Mastodon counts.
 */
export const LENGTH_DEFAULTS: Record<Platform, { limit: number; unit: LengthUnit }> = {
  x: { limit: 280, unit: 'weighted' },
  bluesky: { limit: 300, unit: 'graphemes' },
  mastodon: { limit: 500, unit: 'characters' },
  linkedin: { limit: 1250, unit: 'characters' },
  instagram: { limit: 2200, unit: 'characters' },
  tiktok: { limit: 150, unit: 'characters' },
  threads: { limit: 500, unit: 'characters' },
  facebook: { limit: 8000, unit: 'characters' },
  youtube: { limit: 10_000, unit: 'characters' },
  reddit: { limit: 10_000, unit: 'characters' },
};

/**
 * Score penalties. A banned term or an over-long reply is what a manager would reject;
 * style slips cost less, growing with their count up to a cap.
 */
export const PENALTY = {
  bannedTerm: 15, // per occurrence
  tooLong: 30,
  missingSignOff: 10,
  emoji: 5, // per emoji over the allowance, at most emojiCap
  emojiCap: 20,
  exclamation: 5, // per mark over the maximum, at most exclamationCap
  exclamationCap: 20,
  formality: 10, // per distinct casual marker, at most formalityCap
  formalityCap: 30,
} as const;

const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A term as a pattern matching both its composed and decomposed spellings, including the
 * half-composed ones Vietnamese keyboards emit ("ê" + combining acute for "ế").
 */
function spellingPattern(term: string): string {
  let pattern = '';
  for (const char of term.normalize('NFC')) {
    if (/\s/u.test(char)) {
      if (!pattern.endsWith('\\s+')) pattern += '\\s+';
      continue;
    }
    const [base = '', ...marks] = [...char.normalize('NFD')];
    const spellings = new Set([char]);
    for (let i = 0; i <= marks.length; i++) {
      spellings.add((base + marks.slice(0, i).join('')).normalize('NFC') + marks.slice(i).join(''));
    }
    pattern += spellings.size > 1 ? `(?:${[...spellings].map(escapeRegExp).join('|')})` : escapeRegExp(char);
  }
  return pattern;
}

function termRegExp(term: string): RegExp {
  return new RegExp(`(?<!${WORD_CHAR})${spellingPattern(term.trim())}(?!${WORD_CHAR})`, 'giu');
}

type BannedTermIssue = Extract<VoiceIssue, { kind: 'banned-term' }>;

function bannedTermIssues(text: string, rules: VoiceRules): BannedTermIssue[] {
  const issues: BannedTermIssue[] = [];
  for (const { term, preferred } of rules.bannedTerms) {
    if (!term.trim()) continue;
    for (const match of text.matchAll(termRegExp(term))) {
      const start = match.index;
      issues.push({ kind: 'banned-term', term, preferred: preferred || null, start, end: start + match[0].length });
    }
  }
  return issues.sort((a, b) => a.start - b.start);
}

function endsWithSignOff(text: string, signOff: string): boolean {
  const core = signOff.trim().replace(/^[^\p{L}\p{N}{]+|[^\p{L}\p{N}}]+$/gu, '');
  if (!core) return true;
  const pattern = core
    .split(/(\{\{[^}]*\}\})/u)
    .map((part) => (part.startsWith('{{') ? '\\S(?:[\\s\\S]*?\\S)?' : spellingPattern(part)))
    .join('');
  return new RegExp(`(?<!${WORD_CHAR})${pattern}[^\\p{L}\\p{N}]*$`, 'iu').test(text);
}

const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Emoji_Modifier}|\u20E3/u;

export function countEmoji(text: string): number {
  let count = 0;
  for (const { segment } of graphemes.segment(text)) if (EMOJI.test(segment)) count++;
  return count;
}

export function countExclamations(text: string): number {
  return text.match(/[!¡！]/gu)?.length ?? 0;
}

/**
 * Casual markers by primary language subtag; '*' applies to every language. Whole words,
 * case-insensitive, except that NOT_IN_CAPITALS markers written in capitals are names or
 * letters ("Adobe XD", "U-boat"), not slang.
 */
const CASUAL_MARKERS: Record<string, string[]> = {
  '*': ['lol', 'lmao', 'rofl', 'omg', 'wtf', 'xd', 'a?(?:ha){2,}h?', '(?:he){2,}h?'],
  en: ['gonna', 'wanna', 'gotta', 'kinda', 'sorta', 'u', 'ur', 'thx', 'thnx', 'pls', 'plz', 'ya', 'yeah', 'yep', 'yup',
    'nope', 'btw', 'idk', 'tbh', 'imo', 'dude', 'hey', 'cuz', 'coz', 'ain[\'’]t', 'y[\'’]all'],
  es: ['(?:ja){2,}j?', 'porfa', 'q', 'xq', 'tmb', 'tqm', 'bro', 'w?ey', 'güey'],
  pt: ['k{3,}', 'vc', 'blz', 'rs', 'tb', 'pfv'],
  fr: ['mdr', 'ptdr', 'stp', 'bcp', 'jsp', 'ouais', 'wesh'],
  vi: ['ko', 'khum', 'dc', 'đc', 'hihi', 'bn', 'ntn'],
  sw: ['poa', 'niaje', 'mambo\\s+vipi'],
  fa: ['خ{3,}', 'مرسی', 'اوکی', 'داداش'],
  ar: ['ه{3,}', 'يا\\s+جماعة'],
  he: ['ח{3,}', 'סבבה', 'אחלה', 'יאללה', 'אחי'],
};
const NOT_IN_CAPITALS = new Set(['u', 'q', 'xd']);
// Doubled '!'/'?' and text emoticons, which have no word boundaries.
const CASUAL_PUNCTUATION = /[!?¡¿]{2,}|(?<![\p{L}\p{N}])[:;]-?[)DPp(](?![\p{L}\p{N}])/gu;

function casualMarkers(text: string, lang: string | undefined): string[] {
  const primary = lang?.split('-')[0]?.toLowerCase() || 'en';
  const words = [...(CASUAL_MARKERS['*'] ?? []), ...(CASUAL_MARKERS[primary] ?? [])];
  const wordRe = new RegExp(`(?<!${WORD_CHAR})(?:${words.join('|')})(?!${WORD_CHAR})`, 'giu');
  const found = new Set<string>();
  for (const [match] of text.matchAll(wordRe)) {
    const lower = match.toLowerCase();
    if (NOT_IN_CAPITALS.has(lower) && match === match.toUpperCase()) continue;
    found.add(lower);
  }
  for (const [match] of text.matchAll(CASUAL_PUNCTUATION)) found.add(match);
  return [...found];
}

/** Mastodon's count: code points, a URL as 23, a remote mention as its @user part. */
function mastodonLength(text: string): number {
  const countable = text
    .replace(/https?:\/\/\S+/gu, 'x'.repeat(23))
    .replace(/(^|[^\p{L}\p{N}_])(@[\p{L}\p{N}_]+)@[\p{L}\p{N}.-]+\p{L}/gu, '$1$2');
  return [...countable].length;
}

export function measureLength(text: string, unit: LengthUnit, platform: Platform, countWeighted?: (text: string) => number): number | null {
  if (unit === 'weighted') return countWeighted ? countWeighted(text) : null;
  if (unit === 'graphemes') return [...graphemes.segment(text)].length;
  return platform === 'mastodon' ? mastodonLength(text) : [...text].length;
}

function penaltyOf(issue: VoiceIssue): number {
  switch (issue.kind) {
    case 'banned-term':
      return PENALTY.bannedTerm;
    case 'too-long':
      return PENALTY.tooLong;
    case 'missing-sign-off':
      return PENALTY.missingSignOff;
    case 'emoji':
      return Math.min(PENALTY.emojiCap, PENALTY.emoji * (issue.count - issue.max));
    case 'exclamations':
      return Math.min(PENALTY.exclamationCap, PENALTY.exclamation * (issue.count - issue.max));
    case 'formality':
      return Math.min(PENALTY.formalityCap, PENALTY.formality * issue.found.length);
  }
}

export function checkVoice(text: string, rules: VoiceRules, opts: VoiceCheckOptions = {}): VoiceResult {
  if (!text.trim()) return { score: 100, issues: [] };
  const issues: VoiceIssue[] = bannedTermIssues(text, rules);

  if (rules.signOff?.trim() && !endsWithSignOff(text.trimEnd(), rules.signOff)) {
    issues.push({ kind: 'missing-sign-off', expected: rules.signOff });
  }

  if (rules.emojiPolicy !== 'free') {
    const max = rules.emojiPolicy === 'none' ? 0 : SPARING_EMOJI;
    const count = countEmoji(text);
    if (count > max) issues.push({ kind: 'emoji', count, max, policy: rules.emojiPolicy });
  }

  const exclamations = countExclamations(text);
  if (exclamations > rules.maxExclamations) {
    issues.push({ kind: 'exclamations', count: exclamations, max: rules.maxExclamations });
  }

  if (rules.formality === 'formal') {
    const found = casualMarkers(text, opts.lang);
    if (found.length) issues.push({ kind: 'formality', expected: 'formal', found });
  }

  if (opts.platform) {
    const { limit: defaultLimit, unit } = LENGTH_DEFAULTS[opts.platform];
    const limit = opts.maxLength ?? rules.lengthByPlatform[opts.platform] ?? defaultLimit;
    const length = measureLength(text, unit, opts.platform, opts.countWeighted);
    if (length !== null && length > limit) issues.push({ kind: 'too-long', length, limit, unit });
  }

  const penalty = issues.reduce((sum, issue) => sum + penaltyOf(issue), 0);
  return { score: Math.max(0, Math.min(100, Math.round(100 - penalty))), issues };
}

/**
 * The text with a banned term replaced by the preferred one, its first letter capitalised
 * when the original's was ("Cheap" → "Affordable") and all capitals kept ("CHEAP" →
 * "AFFORDABLE"). If the text changed since the check, the term's first occurrence is
 * replaced instead; other issues, and terms without a preferred one, leave the text as is.
 */
export function applyFix(text: string, issue: VoiceIssue): string {
  if (issue.kind !== 'banned-term' || !issue.preferred) return text;
  const exact = new RegExp(`^${spellingPattern(issue.term.trim())}$`, 'iu');
  let { start, end } = issue;
  if (!exact.test(text.slice(start, end))) {
    const match = termRegExp(issue.term).exec(text);
    if (!match) return text;
    start = match.index;
    end = start + match[0].length;
  }
  const original = text.slice(start, end);
  let replacement = issue.preferred;
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    replacement = replacement.toUpperCase();
  } else if (/^\p{Lu}/u.test(original)) {
    replacement = replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return text.slice(0, start) + replacement + text.slice(end);
}
