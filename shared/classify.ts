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
// Method: lexicons and rules per language (./classify-lexicon.ts), then, once it is set
// (setClassifierModel), a trained model (./classify-model.ts) that chooses among the
// categories the rules found evidence for (step 5). Measured instead
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
//    are set aside first. Entries are folded the same way ahead of time
//    (shared/classify-build.ts writes ./classify-data.ts from ./classify-lexicon.ts), so both
//    sides meet; entries that would fold onto a common word (Vietnamese "nguội" → "người")
//    are left out. Cues quote entries folded ('khong nhan duoc'), as they are stored.
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
// 5. The model (logistic regression on hashed words, word pairs, letter n-grams, emoji and
//    the rules' scores; weights in ./classify-model.json, `npm run train:classify`) picks
//    among the rules' answer, every category with a phrase or a hint, "other", and complaint
//    and purchase when the comment asks something: it settles "question or purchase?",
//    sarcasm and weak cues; any other category only with a lead of 2 logits (3 in a long
//    post; see predict). When it overrules the rules the first cue says so ("purchase: model
//    ('kaufen', 'zwei')"). Without a model (the content script before the background has
//    handed it over) the rules alone decide. German written without umlauts ("groesse")
//    meets the lexicon as if it had them.
// `cues` says, in a few short strings, what decided — shown in the badge's hover card.
// Speed: the text is folded once (whole and clause by clause in one pass) and split into
// words; entries are looked up by their first word (stems by their letters) in one index of
// every loaded language, per word candidates cached, instead of searching the text for each
// entry. A language's lexicon is loaded on first use (detecting the language of Latin or
// Arabic script needs them all; a given `lang` loads that one and English). Patterns for
// links, money, phones, durations… run only when a cheap test says they may match.
// Size: the lexicons are most of the bundle (`npx esbuild shared/classify.ts --bundle
// --minify | gzip`); see bench/classify-results.json for the figure, the speed and the accuracy.
import type { Category, Platform, Sentiment } from './schemas.ts';
import type { LangLexicon } from './classify-lexicon.ts';
import type { ClassifierLexicon, LexLang } from './classify-data.ts';
import { fold, foldClauses, plainUmlauts } from './classify-fold.ts';
import { type ClassifierModel, type LoadedModel, loadModel, type ModelInput, predict, topWords } from './classify-model.ts';

export { fold };

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

/** The languages of the word lists, in their order (a unit test checks it is theirs). */
export const CLASSIFY_LANGS: LexLang[] = ['en', 'es', 'fr', 'de', 'pt', 'vi', 'he', 'fa', 'ar', 'sw', 'id', 'tr'];

/**
 * The word lists (./classify-data.ts). Not imported here: the extension keeps them in its
 * background, which hands them to each content script (setClassifierLexicon), so the script
 * a page loads carries the rules but not their ~30 KB of words; Node code imports
 * ./classify-full.ts, which sets them. classify() without them is an error.
 */
let ALPHABETS: ClassifierLexicon['alphabets'] = {};
let CODES = '';
let LEXICON: ClassifierLexicon['lexicon'] | undefined;

/** Sets the word lists classify() reads from now on (what was built from earlier ones is dropped). */
export function setClassifierLexicon(data: ClassifierLexicon): void {
  ALPHABETS = data.alphabets;
  CODES = data.codes;
  LEXICON = data.lexicon;
  compiledCache.clear();
  candidateCache.clear();
  stopWords = undefined;
  INDEX.first.clear();
  INDEX.stems.clear();
  INDEX.minStem = Infinity;
  INDEX.maxStem = 0;
}

export function hasClassifierLexicon(): boolean {
  return LEXICON !== undefined;
}

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
/** Cheap tests that rule a pattern out, so the big patterns run (and compile) only when they may match. */
const MAYBE_URL = /:\/\/|www\.|\.[a-zA-Z\u017f\u212a]/i;
const MAYBE_MONEY = /[0-9$€£₺₫₦₪💰💸🤑💵]/u;

/** The text without links and @mentions (the links found pushed onto `urls`). */
function stripLinks(text: string, urls?: string[]): string {
  let out = text;
  if (MAYBE_URL.test(out)) {
    out = out.replace(URL, (url) => {
      urls?.push(url);
      return ' ';
    });
  }
  return out.includes('@') ? out.replace(MENTION, ' ') : out;
}

const SHOUT = /(?<![\p{L}\p{N}\p{M}])\p{Lu}{4,}(?![\p{L}\p{N}\p{M}])/u;


// ---------- folding ----------

/** Greetings and forms of address a question may follow: "hi, how do i…", "min, kapan…". */
const GREETINGS = new Set(
  fold(
    'hi hello hey dear hola buenas bonjour salut coucou hallo oi olá gente chào shop ad admin ơi nha nhé שלום היי הי سلام درود مرحبا هلا اهلا habari jambo mambo halo hai min kak gan sis merhaba selam please pls plz porfa svp bitte lütfen لطفا tafadhali tolong mohon',
  )
    .trim()
    .split(' '),
);

// ---------- compiled lexicons ----------

/** Lists matched anywhere in the text (the others are matched per clause or removed). */
const FOUND = ['question', 'spam', 'purchase_intent', 'complaint', 'praise', 'qw', 'again', 'bait'] as const;
type Found = (typeof FOUND)[number];
/** Lists whose hits are evidence of the language (detection). */
const EVIDENCE: ReadonlySet<string> = new Set(['complaint', 'purchase_intent', 'praise', 'question', 'spam', 'qw']);

interface Entry {
  /** Folded, without the markers; also what cues quote. */
  key: string;
  /** `key` split into words when it has several. */
  words: string[] | undefined;
  prefix: boolean;
  suffix: boolean;
  weight: number;
  list: Found | 'why' | 'qe' | 'mask' | 'neg';
  lang: LexLang;
  /** Position in the language's lists, in scoring order: hits are scored in this order. */
  ord: number;
  /** Weight as evidence of the language: 1.5 a phrase, 0.75 a word, 0 not evidence. */
  evidence: number;
}

/** What a clause starts with when it starts with this entry ("why", "qw"). */
function head(e: Entry): string {
  return e.prefix ? ` ${e.key}` : ` ${e.key} `;
}

/**
 * Where matchers look entries up, all compiled languages together: by first word, and
 * single-word stems by their letters. Filled as languages are compiled.
 */
interface Index {
  first: Map<string, Entry[]>;
  stems: Map<string, Entry[]>;
  minStem: number;
  maxStem: number;
}

const INDEX: Index = { first: new Map(), stems: new Map(), minStem: Infinity, maxStem: 0 };

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addToIndex(index: Index, e: Entry): void {
  if (e.suffix) return;
  if (e.prefix && !e.words) {
    push(index.stems, e.key, e);
    index.minStem = Math.min(index.minStem, e.key.length);
    index.maxStem = Math.max(index.maxStem, e.key.length);
  } else push(index.first, e.words ? e.words[0]! : e.key, e);
}

/**
 * Entries of a list as ./classify-build.ts wrote it (folded, markers kept). `stems`: a single
 * word of 6+ letters also matches longer words it starts ("decepcion" → "decepcionado",
 * "kecewa" → "kecewanya", "rezalet" → "rezaletsiniz"): inflection and agglutination without
 * a stemmer per language.
 */
/** A generated list with its letters back (Hebrew and Arabic script are stored as ASCII stand-ins). */
const CODE_RE = /[A-Z!#&()+,.:;<=>?@[\]^_{}~]/gu;
function decode(lang: LexLang, text: string): string {
  const alphabet = ALPHABETS[lang];
  return alphabet ? text.replace(CODE_RE, (ch) => alphabet[CODES.indexOf(ch)] ?? ch) : text;
}

function entries(lang: LexLang, list: Entry['list'], encoded: string | undefined, stems = false, into: Entry[] = []): Entry[] {
  if (!encoded) return into;
  const text = decode(lang, encoded);
  const countsAsEvidence = EVIDENCE.has(list);
  const indexed = list !== 'why' && list !== 'qe' && list !== 'mask' && list !== 'neg';
  const raws = text.split('|');
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    let start = 0;
    const weight = raw.charCodeAt(0) === 45 /* - */ ? 0.5 : 1;
    if (weight < 1) start++;
    const suffix = raw.charCodeAt(start) === 42; /* * */
    if (suffix) start++;
    const explicit = raw.charCodeAt(raw.length - 1) === 42;
    const key = start || explicit ? raw.slice(start, explicit ? raw.length - 1 : raw.length) : raw;
    const multi = key.includes(' ');
    const e: Entry = {
      key,
      words: multi ? key.split(' ') : undefined,
      prefix: explicit || (stems && !multi && key.length >= 6),
      suffix,
      weight,
      list,
      lang,
      ord: into.length,
      evidence: suffix || !countsAsEvidence ? 0 : multi ? 1.5 : 0.75,
    };
    into.push(e);
    if (indexed) addToIndex(INDEX, e);
  }
  return into;
}

/** Clitics written onto the next word: Hebrew ו ה ב ל ש כ מ, Arabic و ف ب ل ال (folded). */
const CLITICS: Partial<Record<LexLang, string[]>> = {
  he: ['ו', 'ה', 'ב', 'ל', 'ש', 'כ', 'מ', 'וה', 'שה', 'וב', 'ול', 'כש', 'לה', 'מה', 'בה'],
  ar: ['و', 'ف', 'ب', 'ل', 'ال', 'وال', 'بال', 'لل', 'فال', 'ك'],
};

interface Compiled {
  lang: LexLang;
  stop: Set<string>;
  qw: Entry[];
  /** What a clause starts with when it starts with each qw entry. */
  qwHeads: string[];
  qe: Entry[];
  qeTails: string[];
  why: Entry[];
  whyHeads: string[];
  /** Idioms removed before matching, as ` words `. */
  masks: string[];
  neg: Set<string>;
  /** Entries found anywhere, in scoring order. */
  found: Entry[];
  /** Entries with a leading `*`: few, found by substring. */
  suffixes: Entry[];
  clitics: string[] | undefined;
}

/** Built on first use, one language at a time. */
const compiledCache = new Map<LexLang, Compiled>();
function compiled(lang: LexLang): Compiled {
  let c = compiledCache.get(lang);
  if (!c) {
    if (!LEXICON) throw new Error('The classifier has no word lists yet (setClassifierLexicon).');
    const lex: LangLexicon = LEXICON[lang];
    // In scoring order (FOUND), numbered as they come.
    const found: Entry[] = [];
    entries(lang, 'question', lex.question, true, found);
    entries(lang, 'spam', lex.spam, true, found);
    entries(lang, 'purchase_intent', lex.purchase, true, found);
    entries(lang, 'complaint', lex.complaint, true, found);
    entries(lang, 'praise', lex.praise, true, found);
    const qwStart = found.length;
    entries(lang, 'qw', lex.qw, false, found);
    const qw = found.slice(qwStart);
    entries(lang, 'again', lex.again, false, found);
    entries(lang, 'bait', lex.bait, false, found);
    candidateCache.clear();
    const why = entries(lang, 'why', lex.why);
    const qe = entries(lang, 'qe', lex.qe);
    c = {
      lang,
      stop: new Set(decode(lang, lex.stop).split(' ')),
      qw,
      qwHeads: qw.map(head),
      qe,
      qeTails: qe.map((e) => ` ${e.key} `),
      why,
      whyHeads: why.map(head),
      masks: entries(lang, 'mask', lex.mask).map((e) => ` ${e.key} `),
      neg: new Set(entries(lang, 'neg', lex.neg).map((e) => e.key)),
      found,
      suffixes: found.filter((e) => e.suffix),
      clitics: CLITICS[lang],
    };
    compiledCache.set(lang, c);
  }
  return c;
}

/** Whether the entry found by its first word (or its stem) at `i` goes on to match. */
function restMatches(tokens: string[], i: number, e: Entry): boolean {
  const words = e.words;
  if (!words) return true;
  const n = words.length;
  for (let j = 1; j < n; j++) {
    const t = tokens[i + j];
    if (t === undefined) return false;
    if (j === n - 1 && e.prefix ? !t.startsWith(words[j]!) : t !== words[j]) return false;
  }
  return true;
}

/**
 * Entries that may start at a word: those whose first word it is, and stems it starts with.
 * Cached per word (words recur from comment to comment); emptied when a language is added.
 */
const candidateCache = new Map<string, Entry[]>();
function candidates(index: Index, word: string): Entry[] {
  let found = candidateCache.get(word);
  if (found === undefined) {
    found = [...(index.first.get(word) ?? [])];
    const max = Math.min(word.length, index.maxStem);
    for (let n = index.minStem; n <= max; n++) {
      const stems = index.stems.get(n === word.length ? word : word.slice(0, n));
      if (stems) found.push(...stems);
    }
    if (candidateCache.size >= 20_000) candidateCache.clear();
    candidateCache.set(word, found);
  }
  return found;
}

/** Calls `hit` for every entry of `index` starting at each token (`head` stands in for tokens[i]). */
function lookup(index: Index, tokens: string[], i: number, head: string, hit: (e: Entry) => void): void {
  for (const e of candidates(index, head)) if (restMatches(tokens, i, e)) hit(e);
}

/** Text folded once and split into words, shared by every language's matcher. */
interface Text {
  folded: string;
  tokens: string[];
}

function textOf(folded: string): Text {
  const inner = folded.trim();
  return { folded, tokens: inner ? inner.split(' ') : [] };
}

/** The word before the first occurrence of each entry found anywhere, clitics tried when it is absent. */
function findAll(text: Text, c: Compiled): Map<Entry, string> {
  const { tokens } = text;
  const out = new Map<Entry, string>();
  for (let i = 0; i < tokens.length; i++) {
    lookup(INDEX, tokens, i, tokens[i]!, (e) => {
      if (e.lang === c.lang && !out.has(e)) out.set(e, tokens[i - 1] ?? '');
    });
  }
  for (const e of c.suffixes) {
    const at = findSuffix(text.folded, e);
    if (at >= 0) out.set(e, wordBefore(text.folded, at));
  }
  const clitics = c.clitics;
  if (clitics) {
    const plain = new Set(out.keys());
    const best = new Map<Entry, number>();
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      clitics.forEach((clitic, ci) => {
        if (t.length <= clitic.length || !t.startsWith(clitic)) return;
        lookup(INDEX, tokens, i, t.slice(clitic.length), (e) => {
          if (e.lang !== c.lang || plain.has(e) || e.key.length < 4 || e.list === 'again' || e.list === 'bait' || e.list === 'qw') return;
          const prev = best.get(e);
          if (prev === undefined || ci < prev) {
            best.set(e, ci);
            out.set(e, tokens[i - 1] ?? '');
          }
        });
      });
    }
  }
  return out;
}

function findSuffix(folded: string, e: Entry): number {
  const at = folded.indexOf(e.prefix ? e.key : `${e.key} `);
  if (at < 0) return -1;
  return folded.lastIndexOf(' ', at) + 1;
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

/** Every language's function words, built on first detection (which compiles every lexicon). */
let stopWords: Map<string, LexLang[]> | undefined;
function detectionIndex(): { index: Index; stop: Map<string, LexLang[]> } {
  if (!stopWords) {
    const stop = new Map<string, LexLang[]>();
    for (const lang of CLASSIFY_LANGS) for (const w of compiled(lang).stop) push(stop, w, lang);
    stopWords = stop;
  }
  return { index: INDEX, stop: stopWords };
}

/**
 * Hits of each language's words and phrases in folded text, its evidence for detection:
 * 1 a function word (each time), 1.5 a phrase, 0.75 a word (each entry once).
 */
function lexiconEvidence(folded: string): Map<LexLang, number> {
  const { index, stop } = detectionIndex();
  const { tokens } = textOf(folded);
  const score = new Map<LexLang, number>();
  const add = (lang: LexLang, n: number) => score.set(lang, (score.get(lang) ?? 0) + n);
  const seen = new Set<Entry>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const langs = stop.get(t);
    if (langs) for (const lang of langs) add(lang, 1);
    lookup(index, tokens, i, t, (e) => {
      if (!e.evidence || seen.has(e)) return;
      seen.add(e);
      add(e.lang, e.evidence);
    });
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
  const body = stripLinks(text.slice(0, MAX_CHARS));
  return rankLangs(body, fold(body))[0] ?? 'und';
}

/**
 * Candidate languages, best first: one for Hebrew and Arabic script; for Latin script the
 * best and, when it scores at least 60% of the best, the runner-up (Spanish/Portuguese,
 * Indonesian/Swahili look alike in short comments); none when there is nothing to go on.
 */
function rankLangs(sample: string, folded: string): LexLang[] {
  // oxlint-disable-next-line no-control-regex
  const ascii = !/[^\x00-\x7f]/u.test(sample);
  const scripts = ascii ? { hebrew: 0, arabic: 0, latin: count(sample, /[a-zA-Z]/gu), other: 0 } : scriptCounts(sample);
  const top = Math.max(scripts.hebrew, scripts.arabic, scripts.latin, scripts.other);
  if (top === 0) return [];
  if (top === scripts.hebrew) return ['he'];
  if (top === scripts.other && top !== scripts.arabic) return [];
  const evidence = lexiconEvidence(folded);
  if (top === scripts.arabic) {
    const fa = 3 * count(sample, PERSIAN_LETTERS) + 0.5 * count(sample, PERSIAN_KEYBOARD) + 2 * (evidence.get('fa') ?? 0);
    const ar = 1 * count(sample, ARABIC_ONLY) + 2 * (evidence.get('ar') ?? 0);
    return [fa > ar ? 'fa' : 'ar'];
  }
  const scores = new Map<LexLang, number>();
  const add = (lang: LexLang, n: number) => scores.set(lang, (scores.get(lang) ?? 0) + n);
  if (!ascii) {
    add('vi', 3 * count(sample, VI_LETTERS));
    for (const [re, lang, weight] of LATIN_HINTS) add(lang, weight * count(sample, re));
  }
  if (/[235789]/u.test(sample)) add('ar', 1.5 * count(sample, ARABIZI));
  for (const [re, lang] of LAUGHS) add(lang, count(sample, re));
  add('sw', 0.5 * count(sample, SWAHILI_VERB));
  for (const [lang, n] of evidence) add(lang, n);
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
  const words = fold(stripLinks(text)).trim().split(' ').filter(Boolean);
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

/** A clause without its leading and trailing greetings, as ` words `: for "why", qw and qe. */
interface Clause {
  start: string;
  end: string;
}

function clauses(folded: string[]): Clause[] {
  return folded.map((clause) => {
    const words = clause.trim().split(' ');
    // Skip up to two greetings or forms of address: "hi team, how…", "min, kapan…".
    let skip = 0;
    while (skip < 2 && skip < words.length - 1 && GREETINGS.has(words[skip]!)) skip++;
    // Skip up to two trailing forms of address: "… vậy shop", "… gak kak".
    let end = words.length;
    while (end > 1 && words.length - end < 2 && GREETINGS.has(words[end - 1]!)) end--;
    return {
      start: skip ? ` ${words.slice(skip).join(' ')} ` : clause,
      end: end < words.length ? ` ${words.slice(0, end).join(' ')} ` : clause,
    };
  });
}

function quote(s: string): string {
  return `'${s}'`;
}

/** Scores one language's lexicon into `ev`; returns its entries found anywhere, in list order. */
function scoreLexicon(text: Text, clauseList: Clause[], c: Compiled, ev: Evidence): Entry[] {
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
  const why = c.why.find((_, i) => clauseList.some((cl) => cl.start.startsWith(c.whyHeads[i]!)));
  if (why) {
    add('complaint', 1, `complaint: question starting with ${quote(why.key)}`);
    ev.negative += 1;
  }
  const found = findAll(text, c);
  const hits = [...found.keys()].sort((x, y) => x.ord - y.ord);
  if (hits.some((e) => e.list === 'bait')) ev.bait = true;
  const qw = c.qw.find((_, i) => clauseList.some((cl) => cl.start.startsWith(c.qwHeads[i]!)));
  if (qw) add('question', 1, `question: starts with ${quote(qw.key)}`);
  const qe = c.qe.find((_, i) => clauseList.some((cl) => cl.end.endsWith(c.qeTails[i]!)));
  if (qe) add('question', 1, `question: ends with ${quote(qe.key)}`);
  for (const e of hits) {
    const cat = e.list;
    if (cat === 'praise') {
      const before = found.get(e)!;
      if (c.neg.has(before)) {
        add('complaint', 1, `complaint: ${quote(`${before} ${e.key}`)}`);
        ev.negative += 1;
      } else {
        add('praise', e.weight, `praise: ${quote(e.key)}`);
        ev.positive += 1;
      }
    } else if (cat === 'question' || cat === 'spam' || cat === 'purchase_intent' || cat === 'complaint') {
      if (cat === 'complaint' && c.neg.has(found.get(e)!)) continue;
      add(cat, e.weight, `${cat === 'purchase_intent' ? 'purchase' : cat}: ${quote(e.key)}`);
      if (cat === 'complaint') ev.negative += 1;
    }
  }
  return hits;
}

function removeMasks(folded: string, c: Compiled): string {
  let out = folded;
  for (const pattern of c.masks) if (out.includes(pattern)) out = out.split(pattern).join(' ');
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

/** The trained model (./classify-model.ts), once set; without it the rules decide alone. */
let model: LoadedModel | null = null;

/** Sets (or, with null, removes) the trained model classify() uses from now on. */
export function setClassifierModel(m: ClassifierModel | null): void {
  model = m ? loadModel(m) : null;
}

export function hasClassifierModel(): boolean {
  return model !== null;
}

/** What the model reads of a text (the rules run to find it): for training. */
export function modelInputOf(text: string, opts: ClassifyOptions = {}): ModelInput | null {
  let input: ModelInput | null = null;
  run(text, opts, (i) => {
    input = i;
  });
  return input;
}

export function classify(text: string, opts: ClassifyOptions = {}): Classification {
  return run(text, opts);
}

function run(text: string, opts: ClassifyOptions, capture?: (input: ModelInput) => void): Classification {
  const raw = text.slice(0, MAX_CHARS);
  const urls: string[] = [];
  const body = stripLinks(raw, urls);
  const split = foldClauses(body);
  const given = primaryTag(opts.lang);
  const ranked = given ? [given] : rankLangs(body, split.folded);
  const lang = ranked[0] ?? 'und';
  const langs: LexLang[] = ranked.length ? [...new Set<LexLang>([...ranked, 'en'])] : CLASSIFY_LANGS;

  let folded = split.folded;
  for (const l of langs) folded = removeMasks(folded, compiled(l));
  const de = lang === 'de';
  const words = textOf(de ? plainUmlauts(folded) : folded);

  if (opts.teamCues?.length) {
    const cue = matchTeamCue(folded, lang, opts.teamCues);
    if (cue) {
      const ev = emptyEvidence();
      for (const l of langs) scoreLexicon(words, [], compiled(l), ev);
      return { category: cue.category, sentiment: sentimentOf(cue.category, ev), lang, cues: [`team: ${quote(cue.phrase)}`] };
    }
  }

  const ev = emptyEvidence();
  const clauseList = clauses(de ? split.clauses.map(plainUmlauts) : split.clauses);
  const hits = langs.flatMap((l) => scoreLexicon(words, clauseList, compiled(l), ev));

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
  if (/\d/u.test(body) && PHONE.test(body)) {
    ev.score.spam += 0.5;
    ev.cues.spam.push('spam: phone number');
  }
  const money = MAYBE_MONEY.test(body) ? body.match(MONEY) : null;
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
  const contact = raw.includes('@') ? raw.match(CONTACT_MENTION) : null;
  if (contact) {
    ev.score.spam += 1;
    ev.cues.spam.unshift(`spam: ${quote(contact[0])}`);
  }
  const perDay = money ? body.match(PER_DAY) : null;
  if (perDay && money) {
    ev.score.spam += 0.5;
    ev.cues.spam.push(`spam: ${quote(perDay[0])}`);
  }
  const gift = urls.length ? body.match(GIFT) : null;
  if (gift && urls.length) {
    ev.score.spam += 0.5;
    ev.cues.spam.push(`spam: ${quote(gift[0])} with a link`);
  }
  const duration = ev.score.complaint < 1 && ev.score.complaint + ev.score.question > 0 ? body.match(DURATION) : null;
  if (duration) {
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
    const again = hits.find((e) => e.list === 'again');
    const shoutedAgain = shout && again && fold(shout[0]).trim() === again.key;
    const negator = langs.some((l) => words.tokens.some((w) => compiled(l).neg.has(w)));
    const reason = roll
      ? `${roll[0]} after praise word`
      : /(?:^|\s)\/s\b/u.test(body)
        ? "'/s' after praise word"
        : shoutedAgain
          ? `shouted ${quote(shout[0])} after praise word`
          : again && (negator || ev.score.complaint > 0)
            ? `${quote(again.key)} after praise word`
            : null;
    if (reason) {
      ev.score.complaint += 1;
      ev.cues.complaint.unshift(`sarcasm: ${reason}`);
      ev.negative += ev.positive + 1;
    }
  }

  const ruled: Category = PRECEDENCE.find((cat) => ev.score[cat] >= 1) ?? 'other';
  const ruleCues = (cat: Category) => (cat === 'other' ? ['other: no question, complaint, purchase, spam or praise cue'] : ev.cues[cat].slice(0, 3));
  if (model || capture) {
    const input: ModelInput = {
      tokens: words.tokens,
      lang,
      rule: ruled,
      scores: ev.score,
      body,
      links: urls.length,
      mentions: raw.includes('@') ? (raw.match(MENTION)?.length ?? 0) : 0,
    };
    capture?.(input);
    if (model) {
      const { category } = predict(model, input);
      if (category !== ruled) {
        const words = topWords(model, input, category);
        const cues = [`${category === 'purchase_intent' ? 'purchase' : category}: model${words.length ? ` (${words.map(quote).join(', ')})` : ''}`, ...(category === 'other' ? [] : ev.cues[category].slice(0, 2))];
        return { category, sentiment: sentimentOf(category, ev), lang, cues };
      }
    }
  }
  return { category: ruled, sentiment: sentimentOf(ruled, ev), lang, cues: ruleCues(ruled) };
}
