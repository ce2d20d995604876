// Engagement classifier: what a comment, reply or DM asks of the team. Pure, synchronous,
// no DOM; the same code runs in the content script, the tests and the benchmark
// (`npm run bench:classify`).
//
// Categories, and which wins when several apply — what a team acts on first:
//   spam > complaint > purchase_intent > question > praise > other
// - spam first: it is hidden or reported, never answered, whatever else it says.
// - complaint before anything a customer asks: an unhappy customer is answered first, so
//   "why is my order STILL not here?" is a complaint, not a question.
// - purchase_intent before question: "how much is shipping to Lyon?" is a sale to close.
// - question before praise: "love it! does it come in red?" still needs an answer.
// - praise is thanked when there is time; other needs nothing.
//
// Method: lexicons and rules per language (./classify-lexicon.ts), no model: with ~35 labeled
// comments per language a model would learn the dev set, not the language. Measured instead
// of franc-min for language detection: franc-min alone is ~56 KB gzip, has no Hebrew, and
// got 60% of the dev comments right (73% restricted to our 12 languages) against ~98% here.
// 1. Language: opts.lang wins when it is one we support; else the script decides (Hebrew;
//    Arabic script → Persian when پ چ ژ گ ک ی or Persian function words outweigh Arabic
//    ones and the article ال); Latin script is scored by language-specific letters
//    (Vietnamese ơ ư đ and tone marks, Turkish ş ğ ı, …), laughs ("jajaja", "kkkk", "wkwk"),
//    Swahili verb shapes, Arabizi digits ("3ayez", "7elw") and hits of each language's
//    function words and phrases — which also recognises Vietnamese without tones and
//    Finglish ("kheili khoob"). The runner-up's lexicon is used too when it scores ≥ 60% of
//    the best (Spanish/Portuguese look alike in a short comment).
// 2. Folding for matching: NFKC, lowercase, diacritics and tones removed (đ→d, ı→i, ß→ss),
//    Arabic/Persian letter variants unified (ي/ی, ك/ک, ة→ه, أ/إ/آ→ا), Persian ZWNJ and
//    tatweel dropped, apostrophes dropped ("don't" = "dont"), elongations collapsed
//    ("sooooo" = "so", "!!!!" = "!"), punctuation becomes word breaks. @mentions and URLs
//    are set aside first. Entries are folded the same way, so both sides meet; entries that
//    would fold onto a common word (Vietnamese "nguội" → "người") are left out.
// 3. Scores: phrases of the detected language plus English (code-switching is common) on
//    word boundaries; single words of 6+ letters also match as stems ("kecewa" →
//    "kecewanya"), Hebrew and Arabic ones after a clitic (ו ה ב ל / و ب ل ال). A praise word
//    right after a negator ("not good", "no es bueno") counts for complaint; idioms in
//    `mask` ("no worries", greetings) are removed first; banter ("who else is watching",
//    "tag a friend") cancels question and praise.
//    Questions: '?', Arabic '؟', an interrogative starting a clause (after a greeting such
//    as "hi" or "min"), a question particle ending one (Vietnamese "không", Turkish "mı").
//    A clause starting with "why" ("por qué", "چرا", "kenapa", …) is a complaint.
//    Emoji: 🙄 😡 👎 🤬 … count for complaint, 😍 🔥 👏 ❤️ … for praise.
//    Sarcasm: praise with an eye-roll-type emoji (🙄 😒 🙃 🤡), with "/s", with a shouted
//    repetition ("AGAIN"), or with a repetition next to a negation or complaint ("genial, otra
//    vez sin internet") is a complaint.
//    Universal hints: links, phone numbers, money with "per day"/"from home", "free" with a
//    link, "contact @someone" (spam); an amount of time next to another complaint hint.
//    A category applies at score ≥ 1: a phrase counts 1, a hint 0.5 (hints of one lexicon
//    add up to 0.5 at most, so a hint decides only with a phrase or a universal signal);
//    the precedence above picks among those that apply.
// 4. Team cues (corrections a manager made from a badge) are checked before all of this:
//    the longest matching phrase decides.
// `cues` says, in a few short strings, what decided — shown in the badge's hover card.
// Size: the lexicons are most of the bundle (`npx esbuild shared/classify.ts --bundle
// --minify | gzip`); see bench/classify-results.json for the figure and the accuracy.
import type { Category, Platform, Sentiment } from './schemas.ts';
import { LEXICON, type LangLexicon, type LexLang } from './classify-lexicon.ts';

export type TeamCue = { phrase: string; category: Category; lang?: string };

export interface ClassifyOptions {
  /** BCP 47 tag from the page (`lang` attribute); wins when it is a supported language. */
  lang?: string;
  platform?: Platform;
  teamCues?: TeamCue[];
}

export interface Classification {
  category: Category;
  sentiment: Sentiment;
  /** BCP 47 primary tag of a supported language, or 'und'. */
  lang: string;
  cues: string[];
}

export const CLASSIFY_LANGS = Object.keys(LEXICON) as LexLang[];

/** Precedence, first wins. */
const PRECEDENCE = ['spam', 'complaint', 'purchase_intent', 'question', 'praise'] as const;
type Scored = (typeof PRECEDENCE)[number];

/** Only the start of a long text is read: comments are short, and this bounds the work. */
const MAX_CHARS = 4000;

const COMPLAINT_EMOJI = /🙄|😡|👎|🤬|😤|😠|😒|🤮|💩|🖕|😑|🤡|😾/u;
const SARCASM_EMOJI = /🙄|😒|🙃|🤡|😑/u;
const PRAISE_EMOJI = /🤤|😍|🔥|👏|❤|🥰|😘|💯|🙌|👌|👍|🤩|💕|💖|💗|💓|💞|💙|💚|💜|🧡|💛|🖤|🤍|⭐|🌟|✨|😊|☺|💪|🏆|🥳|🎉|😻|🤗|😋|🫶|💝|🙏/u;
const SAD_EMOJI = /😢|😭|😞|😔|💔|😩|😫|😣|😖|☹|🙁|😕/u;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[a-z0-9-]+\.(?:com|net|org|io|ly|me|co|xyz|shop|link|site|top|info|biz|click|online|store|live|vip|club|win|app|gg|to|cc|tk|ml|id|br|tr|ir|de|fr|es|vn)(?:\/\S*)?(?![\p{L}\p{N}])/giu;
const PHONE = /(?:\+|\b00)\d[\d\s-]{7,}\d|\b0\d{9,10}\b/u;
/** "contact @someone", "escribe a @…": sending readers to another account. */
const CONTACT_MENTION = /(?:contact|dm|message|write to|reach out to|escribe a|escríbele a|contacta|contactez|écrivez à|écris à|schreib|kontaktiere|fale com|chama|liên hệ|nhắn|פנו ל|כתבו ל|پیام بدید|پیام بده|كلم|راسل|تواصل مع|wasiliana|hubungi)[\s,:]*@[\p{L}\p{N}_.]+|@[\p{L}\p{N}_.]+\s+ile iletişime/iu;
const MENTION = /(?<![\p{L}\p{N}])@[\p{L}\p{N}_.]+/gu;
const MONEY = /\d\s?%|[$€£₺₫₦₪]\s?\d|\d\s?(?:[$€£₺₫₦₪]|k\b|rb\b|ribu|jt\b|juta|tl\b|lira|usd|usdt|btc|eur|reais|dollars?|bucks|שקל|ש"ח|ريال|جنيه|درهم|دولار|تومان|تومن|shilingi|ksh|tsh)|💰|💸|🤑|💵|\${2,}/iu;
/** "per day", "from home" in the supported languages: with an amount of money, a get-rich-quick offer. */
const PER_DAY = /weekly|daily|monthly|a month|last month|\/month|\/tháng|al mes|par mois|im monat|por mês|ماهانه|شهريا|شهرياً|kwa mwezi|per bulan|sebulan|aylık|en una semana|in einer woche|em 7 dias|kila wiki|per week|per month|monthly|from home|desde casa|de casa|von zuhause|à la maison|depuis chez|tại nhà|\/ngày|\/ngay|מהבית|از خونه|از خانه|من البيت|من المنزل|nyumbani|dari rumah|evden|per day|a day|\/day|\/hari|per hari|sehari|al día|al dia|por día|por dia|par jour|pro tag|am tag|mỗi ngày|1 ngày|ביום|در روز|روزانه|يوميا|يومياً|باليوم|في اليوم|kwa siku|günlük|günde|a week|por semana|par semaine/iu;
const GIFT = /🎁|free iphone|iphone gratis|gratis|gratuit|grátis|miễn phí|חינם|رایگان|مجانا|مجاني|bure|bedava|ücretsiz|free/iu;
/** An amount of time ("9 tagen", "40 דקות", "۴ روز"): waiting, in a complaint. */
const DURATION = /an hour|una hora|une heure|eine stunde|uma hora|một tiếng|שעה|یک ساعت|ساعة كاملة|saa moja|sejam|bir saat|\d+\s?(?:-?\s?)(?:days?|weeks?|hours?|hrs?|months?|mins?|minutes?|d[ií]as|jours|tage[n]?|wochen|stunden|minuten|semanas?|semaines?|heures|horas|minutos|mois|meses|ngày|tuần|tiếng|giờ|tháng|phút|ימים|שבועות|שעות|דקות|חודשים|روز|هفته|ساعت|دقیقه|ماه|يوم|ايام|أيام|اسبوع|أسابيع|ساعات?|ساعة|دقيقة|دقائق|شهر|siku|wiki|saa|hari|minggu|jam|bulan|menit|g[üu]n|gündür|hafta|saat|dakika)(?![\p{L}])/iu;
const SHOUT = /(?<![\p{L}\p{N}\p{M}])\p{Lu}{4,}(?![\p{L}\p{N}\p{M}])/u;


// ---------- folding ----------

const LETTER_MAP: Record<string, string> = {
  ی: 'ي', ى: 'ي', ئ: 'ي', ک: 'ك', ة: 'ه', ۀ: 'ه', ؤ: 'و', أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا',
  đ: 'd', ı: 'i', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l',
};
const LETTER_MAP_RE = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'gu');

/** Text folded for matching: words separated by single spaces, with a space at each end. */
export function fold(text: string): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\u200c|\u200d|\u0640/gu, '')
    .replace(/[\u06f0-\u06f9]/gu, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/gu, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(LETTER_MAP_RE, (ch) => LETTER_MAP[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(LETTER_MAP_RE, (ch) => LETTER_MAP[ch] ?? ch)
    .replace(/['’`ʼ´]/gu, '')
    .replace(/[^\p{L}\p{N}$%/]+/gu, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .trim();
  return folded ? ` ${folded} ` : ' ';
}

/** Greetings and forms of address a question may follow: "hi, how do i…", "min, kapan…". */
const GREETINGS = new Set(
  fold(
    'hi hello hey dear hola buenas bonjour salut coucou hallo oi olá gente chào shop ad admin ơi nha nhé שלום היי הי سلام درود مرحبا هلا اهلا habari jambo mambo halo hai min kak gan sis merhaba selam please pls plz porfa svp bitte lütfen لطفا tafadhali tolong mohon',
  )
    .trim()
    .split(' '),
);

// ---------- compiled lexicons ----------

interface Entry {
  /** As written in the lexicon, for cues. */
  label: string;
  /** Folded, without the markers. */
  key: string;
  prefix: boolean;
  suffix: boolean;
  weight: number;
}

/**
 * `stems`: a single word of 6+ letters also matches longer words it starts ("decepcion" →
 * "decepcionado", "kecewa" → "kecewanya", "rezalet" → "rezaletsiniz"): inflection and
 * agglutination without a stemmer per language.
 */
function entries(list: string | undefined, stems = false): Entry[] {
  if (!list) return [];
  const out: Entry[] = [];
  for (const raw of list.split('|')) {
    let label = raw.trim();
    let weight = 1;
    if (label.startsWith('-')) {
      weight = 0.5;
      label = label.slice(1);
    }
    const suffix = label.startsWith('*');
    label = label.replace(/^\*|\*$/gu, '');
    const key = fold(label).trim();
    const prefix = raw.trim().endsWith('*') || (stems && key.length >= 6 && !key.includes(' '));
    if (key) out.push({ label, key, prefix, suffix, weight });
  }
  return out;
}

interface Compiled {
  stop: Set<string>;
  qw: Entry[];
  qe: Entry[];
  question: Entry[];
  complaint: Entry[];
  purchase_intent: Entry[];
  spam: Entry[];
  praise: Entry[];
  neg: Set<string>;
  again: Entry[];
  mask: Entry[];
  why: Entry[];
  bait: Entry[];
  clitics: string[] | undefined;
}

const compiledCache = new Map<LexLang, Compiled>();
function compiled(lang: LexLang): Compiled {
  let c = compiledCache.get(lang);
  if (!c) {
    const lex: LangLexicon = LEXICON[lang];
    c = {
      stop: new Set(fold(lex.stop).trim().split(' ')),
      qw: entries(lex.qw),
      qe: entries(lex.qe),
      question: entries(lex.question, true),
      complaint: entries(lex.complaint, true),
      purchase_intent: entries(lex.purchase, true),
      spam: entries(lex.spam, true),
      praise: entries(lex.praise, true),
      neg: new Set(entries(lex.neg).map((e) => e.key)),
      again: entries(lex.again),
      mask: entries(lex.mask),
      why: entries(lex.why),
      bait: entries(lex.bait),
      clitics: CLITICS[lang],
    };
    compiledCache.set(lang, c);
  }
  return c;
}

/** Index in `folded` where the entry starts (at a word start unless `suffix`), or -1. */
/** Clitics written onto the next word: Hebrew ו ה ב ל ש כ מ, Arabic و ف ب ل ال (folded). */
const CLITICS: Partial<Record<LexLang, string[]>> = {
  he: ['ו', 'ה', 'ב', 'ל', 'ש', 'כ', 'מ', 'וה', 'שה', 'וב', 'ול', 'כש', 'לה', 'מה', 'בה'],
  ar: ['و', 'ف', 'ب', 'ل', 'ال', 'وال', 'بال', 'لل', 'فال', 'ك'],
};

function find(folded: string, e: Entry, clitics?: string[]): number {
  const at = findPlain(folded, e);
  if (at >= 0 || !clitics || e.suffix || e.key.length < 4) return at;
  for (const clitic of clitics) {
    const i = folded.indexOf(e.prefix ? ` ${clitic}${e.key}` : ` ${clitic}${e.key} `);
    if (i >= 0) return i + 1;
  }
  return -1;
}

function findPlain(folded: string, e: Entry): number {
  if (e.suffix) {
    const at = folded.indexOf(e.prefix ? e.key : `${e.key} `);
    if (at < 0) return -1;
    return folded.lastIndexOf(' ', at) + 1;
  }
  const at = folded.indexOf(e.prefix ? ` ${e.key}` : ` ${e.key} `);
  return at < 0 ? -1 : at + 1;
}

function wordBefore(folded: string, at: number): string {
  const end = at - 1;
  const start = folded.lastIndexOf(' ', end - 1) + 1;
  return folded.slice(start, end);
}

// ---------- language detection ----------

const VI_LETTERS = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const LATIN_HINTS: [RegExp, LexLang, number][] = [
  [/[şğı]|İ/gu, 'tr', 3],
  [/[ñ¿¡]/gu, 'es', 2],
  [/[ãõ]/gu, 'pt', 2],
  [/ß/gu, 'de', 2],
  [/[äöü]/gu, 'de', 0.5],
  [/[öüç]/gu, 'tr', 0.5],
  [/[çâ]/gu, 'pt', 0.3],
  [/[èëïœîûùçêàâ]/gu, 'fr', 0.6],
  [/[áéíóú]/gu, 'es', 0.3],
  [/[áéíóúê]/gu, 'pt', 0.3],
];
const ARABIZI = /(?<![\p{L}\p{N}])(?:[a-wyz]*[235789](?!am|pm|nd|rd|th|st)[a-wyz]{2,}|[a-z]{2,}[235789][a-z]*)(?![\p{L}\p{N}])/giu;
/** Swahili verbs: subject + tense prefix + stem ("nimeipenda", "inakataa", "mnafanya"). */
const SWAHILI_VERB = /(?<![\p{L}])(?:ni|u|a|tu|m|wa|i|ki|vi|zi|ku|ha|hu)(?:na|ta|li|me|ja|ka)\p{L}{4,}/giu;
const LAUGHS: [RegExp, LexLang][] = [
  [/\b(?:ja){2,}/giu, 'es'],
  [/\bk{4,}\b/giu, 'pt'],
  [/\b(?:wk){2,}/giu, 'id'],
  [/\b(?:mdr+|ptdr+)\b/giu, 'fr'],
  [/\b(?:lol|lmao|lmfao)\b/giu, 'en'],
  [/(?:ه){4,}/gu, 'ar'],
  [/(?:خ){3,}/gu, 'fa'],
];
const PERSIAN_LETTERS = /[پچژگ]/gu;
const PERSIAN_KEYBOARD = /[یک]/gu;
const ARABIC_ONLY = /[ةىأإؤ]|(?<![\p{L}])ال(?!ان|کی|بته)\p{L}{3,}/gu;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Hits of a language's words and phrases in folded text: its evidence for detection. */
function lexiconEvidence(folded: string, lang: LexLang): number {
  const c = compiled(lang);
  let score = 0;
  const words = folded.trim().split(' ');
  for (const w of words) if (c.stop.has(w)) score += 1;
  for (const list of [c.complaint, c.purchase_intent, c.praise, c.question, c.spam, c.qw]) {
    for (const e of list) if (!e.suffix && find(folded, e) >= 0) score += e.key.includes(' ') ? 1.5 : 0.75;
  }
  return score;
}

function scriptCounts(text: string): { hebrew: number; arabic: number; latin: number; other: number } {
  return {
    hebrew: count(text, /\p{Script=Hebrew}/gu),
    arabic: count(text, /\p{Script=Arabic}/gu),
    latin: count(text, /\p{Script=Latin}/gu),
    other: count(text, /[\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Greek}]/gu),
  };
}

/** Language of a text: a supported primary tag, or 'und'. */
export function detectLang(text: string): string {
  return rankLangs(text)[0] ?? 'und';
}

/**
 * Candidate languages, best first: one for Hebrew and Arabic script; for Latin script the
 * best and, when it scores at least 60% of the best, the runner-up (Spanish/Portuguese,
 * Indonesian/Swahili look alike in short comments); none when there is nothing to go on.
 */
function rankLangs(text: string): LexLang[] {
  const sample = text.slice(0, MAX_CHARS).replace(URL, ' ').replace(MENTION, ' ');
  const scripts = scriptCounts(sample);
  const top = Math.max(scripts.hebrew, scripts.arabic, scripts.latin, scripts.other);
  if (top === 0) return [];
  if (top === scripts.hebrew) return ['he'];
  const folded = fold(sample);
  if (top === scripts.arabic) {
    const fa = 3 * count(sample, PERSIAN_LETTERS) + 0.5 * count(sample, PERSIAN_KEYBOARD) + 2 * lexiconEvidence(folded, 'fa');
    const ar = 1 * count(sample, ARABIC_ONLY) + 2 * lexiconEvidence(folded, 'ar');
    return [fa > ar ? 'fa' : 'ar'];
  }
  if (top === scripts.other) return [];
  const scores = new Map<LexLang, number>();
  const add = (lang: LexLang, n: number) => scores.set(lang, (scores.get(lang) ?? 0) + n);
  add('vi', 3 * count(sample, VI_LETTERS));
  for (const [re, lang, weight] of LATIN_HINTS) add(lang, weight * count(sample, re));
  add('ar', 1.5 * count(sample, ARABIZI));
  for (const [re, lang] of LAUGHS) add(lang, count(sample, re));
  add('sw', 0.5 * count(sample, SWAHILI_VERB));
  for (const lang of CLASSIFY_LANGS) add(lang, lexiconEvidence(folded, lang));
  const ranked = CLASSIFY_LANGS.filter((lang) => (scores.get(lang) ?? 0) > 0).sort((x, y) => (scores.get(y) ?? 0) - (scores.get(x) ?? 0));
  const [first, second] = ranked;
  if (!first) return [];
  return second && (scores.get(second) ?? 0) >= 0.6 * (scores.get(first) ?? 0) ? [first, second] : [first];
}

function primaryTag(tag: string | undefined): LexLang | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/u)[0];
  return primary && (CLASSIFY_LANGS as string[]).includes(primary) ? (primary as LexLang) : null;
}

// ---------- team cues ----------

function matchTeamCue(folded: string, lang: string, cues: TeamCue[]): TeamCue | null {
  let best: TeamCue | null = null;
  let bestLength = 0;
  for (const cue of cues) {
    if (cue.lang && primaryTag(cue.lang) !== null && primaryTag(cue.lang) !== lang) continue;
    const key = fold(cue.phrase).trim();
    if (!key || !folded.includes(` ${key} `)) continue;
    if (key.length > bestLength) {
      best = cue;
      bestLength = key.length;
    }
  }
  return best;
}

/**
 * A team cue from a manager's correction. Short texts (≤ 4 words) are taken whole; from
 * longer ones, the two adjacent words that are not function words of the language and are
 * longest together (longer words are rarer, so the phrase recurs in similar comments without
 * matching everything). Folded (lowercase, no diacritics), as matching compares folded text.
 */
export function cueFromCorrection(text: string, category: Category, lang?: string): TeamCue {
  const tag = primaryTag(lang) ?? primaryTag(detectLang(text));
  const words = fold(text.replace(URL, ' ').replace(MENTION, ' ')).trim().split(' ').filter(Boolean);
  const cue = (phrase: string): TeamCue => (tag ? { phrase, category, lang: tag } : { phrase, category });
  if (words.length <= 4) return cue(words.join(' '));
  const stop = new Set([...compiled('en').stop, ...(tag ? compiled(tag).stop : [])]);
  const weight = (w: string) => (stop.has(w) || /^\d+$/u.test(w) ? 0 : w.length);
  const pairScore = (i: number) => {
    const a = weight(words[i]!);
    const b = weight(words[i + 1]!);
    return a && b ? a + b : 0;
  };
  let best = 0;
  for (let i = 1; i + 1 < words.length; i++) if (pairScore(i) > pairScore(best)) best = i;
  return cue(words.slice(best, best + 2).join(' '));
}

// ---------- classification ----------

interface Evidence {
  score: Record<Scored, number>;
  cues: Record<Scored, string[]>;
  positive: number;
  negative: number;
  /** Banter such as "who else is watching this?", "tag a friend who…": no question, no praise. */
  bait: boolean;
}

function clauses(text: string): string[] {
  return text
    .split(/[.!?¡¿؟\n…;:,،]+/u)
    .map(fold)
    .filter((c) => c.trim());
}

function startsWith(clause: string, e: Entry): boolean {
  const words = clause.trim().split(' ');
  // Skip up to two greetings or forms of address: "hi team, how…", "min, kapan…".
  let skip = 0;
  while (skip < 2 && skip < words.length - 1 && GREETINGS.has(words[skip]!)) skip++;
  const rest = ` ${words.slice(skip).join(' ')} `;
  return rest.startsWith(e.prefix ? ` ${e.key}` : ` ${e.key} `);
}

function endsWith(clause: string, e: Entry): boolean {
  const words = clause.trim().split(' ');
  // Skip up to two trailing forms of address: "… vậy shop", "… gak kak".
  let end = words.length;
  while (end > 1 && words.length - end < 2 && GREETINGS.has(words[end - 1]!)) end--;
  return ` ${words.slice(0, end).join(' ')} `.endsWith(` ${e.key} `);
}

function quote(s: string): string {
  return `'${s}'`;
}

function scoreLexicon(folded: string, clauseList: string[], c: Compiled, ev: Evidence): void {
  // Hints (weight < 1) add up to half a point per category: two hints of one kind are
  // still one hint; a hint decides only together with a phrase or a universal signal.
  const hints = { spam: 0, complaint: 0, purchase_intent: 0, question: 0, praise: 0 };
  const add = (cat: Scored, n: number, cue: string) => {
    if (n < 1) {
      if (hints[cat] >= 0.5) return;
      hints[cat] += n;
    }
    ev.score[cat] += n;
    // Phrases are named before hints in the hover card.
    const cues = ev.cues[cat];
    if (cues.length >= 4) return;
    if (n >= 1) cues.unshift(cue);
    else cues.push(cue);
  };
  for (const e of c.why) {
    if (clauseList.some((cl) => startsWith(cl, e))) {
      add('complaint', 1, `complaint: question starting with ${quote(e.label)}`);
      ev.negative += 1;
      break;
    }
  }
  if (c.bait.some((e) => find(folded, e) >= 0)) ev.bait = true;
  for (const e of c.qw) {
    if (clauseList.some((cl) => startsWith(cl, e))) {
      add('question', 1, `question: starts with ${quote(e.label)}`);
      break;
    }
  }
  for (const e of c.qe) {
    if (clauseList.some((cl) => endsWith(cl, e))) {
      add('question', 1, `question: ends with ${quote(e.label)}`);
      break;
    }
  }
  for (const cat of ['question', 'spam', 'purchase_intent', 'complaint'] as const) {
    for (const e of c[cat]) {
      const at = find(folded, e, c.clitics);
      if (at < 0) continue;
      if (cat === 'complaint' && c.neg.has(wordBefore(folded, at))) continue;
      add(cat, e.weight, `${cat === 'purchase_intent' ? 'purchase' : cat}: ${quote(e.label)}`);
      if (cat === 'complaint') ev.negative += 1;
    }
  }
  for (const e of c.praise) {
    const at = find(folded, e, c.clitics);
    if (at < 0) continue;
    const before = wordBefore(folded, at);
    if (c.neg.has(before)) {
      add('complaint', 1, `complaint: ${quote(`${before} ${e.label}`)}`);
      ev.negative += 1;
    } else {
      add('praise', e.weight, `praise: ${quote(e.label)}`);
      ev.positive += 1;
    }
  }
}

function removeMasks(folded: string, c: Compiled): string {
  let out = folded;
  for (const e of c.mask) out = out.split(` ${e.key} `).join(' ');
  return out;
}

function emptyEvidence(): Evidence {
  const zero = () => ({ spam: 0, complaint: 0, purchase_intent: 0, question: 0, praise: 0 });
  return { score: zero(), cues: { spam: [], complaint: [], purchase_intent: [], question: [], praise: [] }, positive: 0, negative: 0, bait: false };
}

function sentimentOf(category: Category, ev: Evidence): Sentiment {
  if (category === 'complaint') return 'negative';
  if (category === 'praise') return 'positive';
  if (category === 'spam') return 'neutral';
  if (ev.negative > ev.positive) return 'negative';
  if (ev.positive > ev.negative) return 'positive';
  return 'neutral';
}

export function classify(text: string, opts: ClassifyOptions = {}): Classification {
  const raw = text.slice(0, MAX_CHARS);
  const given = primaryTag(opts.lang);
  const ranked = given ? [given] : rankLangs(raw);
  const lang = ranked[0] ?? 'und';
  const urls = raw.match(URL) ?? [];
  const body = raw.replace(URL, ' ').replace(MENTION, ' ');
  const langs: LexLang[] = ranked.length ? [...new Set<LexLang>([...ranked, 'en'])] : CLASSIFY_LANGS;

  let folded = fold(body);
  for (const l of langs) folded = removeMasks(folded, compiled(l));

  if (opts.teamCues?.length) {
    const cue = matchTeamCue(folded, lang, opts.teamCues);
    if (cue) {
      const ev = emptyEvidence();
      for (const l of langs) scoreLexicon(folded, [], compiled(l), ev);
      return { category: cue.category, sentiment: sentimentOf(cue.category, ev), lang, cues: [`team: ${quote(cue.phrase)}`] };
    }
  }

  const ev = emptyEvidence();
  const clauseList = clauses(body);
  for (const l of langs) scoreLexicon(folded, clauseList, compiled(l), ev);

  // Universal signals.
  const mark = body.match(/[?？؟]/u);
  if (mark) {
    ev.score.question += 1;
    ev.cues.question.unshift(`question: ${quote(mark[0])}`);
  }
  if (urls.length) {
    ev.score.spam += 0.5 * Math.min(urls.length, 2);
    ev.cues.spam.push(`spam: link ${quote(urls[0]!.slice(0, 40))}`);
  }
  if (PHONE.test(body)) {
    ev.score.spam += 0.5;
    ev.cues.spam.push('spam: phone number');
  }
  const money = body.match(MONEY);
  if (money) {
    ev.score.spam += 0.5;
    ev.cues.spam.push(`spam: ${quote(money[0])}`);
  }
  const angry = body.match(COMPLAINT_EMOJI);
  if (angry) {
    ev.score.complaint += 1;
    ev.negative += 1;
    ev.cues.complaint.push(`complaint: ${angry[0]}`);
  }
  const happy = body.match(PRAISE_EMOJI);
  if (happy) {
    ev.score.praise += 1;
    ev.positive += 1;
    ev.cues.praise.push(`praise: ${happy[0]}`);
  }
  if (SAD_EMOJI.test(body)) ev.negative += 1;
  const contact = raw.match(CONTACT_MENTION);
  if (contact) {
    ev.score.spam += 1;
    ev.cues.spam.unshift(`spam: ${quote(contact[0])}`);
  }
  const perDay = body.match(PER_DAY);
  if (perDay && money) {
    ev.score.spam += 0.5;
    ev.cues.spam.push(`spam: ${quote(perDay[0])}`);
  }
  const gift = body.match(GIFT);
  if (gift && urls.length) {
    ev.score.spam += 0.5;
    ev.cues.spam.push(`spam: ${quote(gift[0])} with a link`);
  }
  const duration = body.match(DURATION);
  if (duration && ev.score.complaint < 1 && ev.score.complaint + ev.score.question > 0) {
    ev.score.complaint += 0.5;
    ev.cues.complaint.push(`complaint: waiting ${quote(duration[0])}`);
  }
  if (ev.bait) {
    ev.score.question = 0;
    ev.score.praise = 0;
  }

  // Sarcasm: praise undercut by an eye-roll, "/s", or a shouted repetition.
  if (ev.score.praise > 0) {
    const roll = body.match(SARCASM_EMOJI);
    const shout = body.match(SHOUT);
    const again = langs.flatMap((l) => compiled(l).again).find((e) => find(folded, e) >= 0);
    const shoutedAgain = shout && again && fold(shout[0]).trim() === again.key;
    const negator = langs.some((l) => folded.split(' ').some((w) => compiled(l).neg.has(w)));
    const reason = roll
      ? `${roll[0]} after praise word`
      : /(?:^|\s)\/s\b/u.test(body)
        ? "'/s' after praise word"
        : shoutedAgain
          ? `shouted ${quote(shout[0])} after praise word`
          : again && (negator || ev.score.complaint > 0)
            ? `${quote(again.label)} after praise word`
            : null;
    if (reason) {
      ev.score.complaint += 1;
      ev.cues.complaint.unshift(`sarcasm: ${reason}`);
      ev.negative += ev.positive + 1;
    }
  }

  const category: Category = PRECEDENCE.find((cat) => ev.score[cat] >= 1) ?? 'other';
  const cues = category === 'other' ? ['other: no question, complaint, purchase, spam or praise cue'] : ev.cues[category].slice(0, 3);
  return { category, sentiment: sentimentOf(category, ev), lang, cues };
}
