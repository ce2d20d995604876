// Reading helpers every adapter shares: an item's visible text, its language and direction,
// links, and when it was posted (machine attributes, accessible labels, relative text in many
// languages). Content-script code: no layout reads, no dependencies, linear time.
import type { PostedAt, TimePrecision } from './types';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Elements whose content is never text a reader sees. */
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg', 'textarea', 'select', 'head']);

/** Elements a browser lays out as blocks by default: each starts and ends a line. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const SCREEN_READER_CLASS = /sr-only|visually-?hidden|screen-?reader|a11y-hidden/i;
const HIDING_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|clip\s*:\s*rect\(\s*0|clip-path\s*:\s*inset\(\s*50%/i;
const ONE_PIXEL = /(?:^|;)\s*(?:width|height)\s*:\s*[01]px/gi;

/** "…more" and friends, lowercased, without ellipsis: a button or link whose whole text is one of these. */
const MORE_LABELS = new Set([
  'more', 'see more', 'read more', 'show more', 'view more', 'see less', 'show less', 'read less',
  'see translation', 'show translation', 'show original',
  'ver más', 'leer más', 'mostrar más', 'más', 'ver menos', 'ver traducción',
  'voir plus', 'plus', 'lire la suite', 'afficher la suite', 'voir moins', 'voir la traduction',
  'mehr anzeigen', 'mehr', 'weiterlesen', 'mehr ansehen', 'weniger anzeigen', 'übersetzung anzeigen',
  'ver mais', 'mostrar mais', 'ler mais', 'mais', 'ver tradução',
  'xem thêm', 'thêm', 'ẩn bớt', 'xem bản dịch',
  'عرض المزيد', 'المزيد', 'قراءة المزيد', 'عرض أقل', 'عرض الترجمة',
  'نمایش بیشتر', 'بیشتر', 'ادامه', 'مشاهده بیشتر', 'نمایش کمتر', 'دیدن ترجمه',
  'ראה עוד', 'עוד', 'הצג עוד', 'קרא עוד', 'הצג פחות', 'ראה תרגום',
  'devamını gör', 'devamını oku', 'daha fazla', 'daha fazla göster', 'daha az göster', 'çevirisini gör',
  'lihat selengkapnya', 'selengkapnya', 'lainnya', 'lihat lebih banyak', 'lihat terjemahan',
  'zaidi', 'ona zaidi', 'soma zaidi', 'onyesha zaidi', 'tazama zaidi', 'ona tafsiri',
]);

/** Bidi controls sites wrap around names and links: invisible, and noise for matching. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function tagOf(element: Element): string {
  return (element.localName || element.tagName).toLowerCase();
}

function isMoreButton(element: Element, tag: string): boolean {
  const role = element.getAttribute('role');
  if (tag !== 'button' && role !== 'button' && role !== 'link') return false;
  const label = (element.textContent ?? '')
    .replace(BIDI_CONTROLS, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.…·]+|[\s.…·]+$/g, '')
    .toLowerCase();
  return label !== '' && MORE_LABELS.has(label);
}

function isHidden(element: Element, tag: string): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true' && !(tag === 'img' && element.getAttribute('alt'))) return true;
  const className = element.getAttribute('class');
  if (className && SCREEN_READER_CLASS.test(className)) return true;
  const style = element.getAttribute('style');
  if (style) {
    if (HIDING_STYLE.test(style)) return true;
    if ((style.match(ONE_PIXEL) ?? []).length >= 2 && /overflow\s*:\s*hidden|position\s*:\s*absolute/i.test(style)) {
      return true;
    }
  }
  return false;
}

/**
 * The text a reader sees in `element`: text nodes and `<img alt>` (emoji drawn as images);
 * blocks and `<br>` start new lines; whitespace collapsed per line; empty lines dropped.
 * Leaves out hidden and screen-reader-only content, "…more"/"See translation" buttons and
 * whatever matches `options.exclude`. A newline inside a text node counts as a line break
 * (sites with `white-space: pre-wrap` keep them there), except the indentation of
 * pretty-printed markup. Iterative: any depth, linear time, no layout.
 */
export function itemText(element: Element, options?: { exclude?: string }): string {
  const exclude = options?.exclude;
  const lines: string[] = [];
  let line = '';
  const breakLine = () => {
    const collapsed = line.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
    if (collapsed) lines.push(collapsed);
    line = '';
  };
  const appendText = (data: string) => {
    // Indentation after a newline, and whitespace-only runs with a newline, are markup layout.
    const parts = data.replace(/^\s*\n\s*|\s*\n\s*$/g, ' ').replace(/\n[ \t]+/g, ' ').split('\n');
    parts.forEach((part, index) => {
      if (index > 0) breakLine();
      line += part;
    });
  };

  let node: Node | null = element.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      appendText((node as Text).data);
    } else if (node.nodeType === ELEMENT_NODE) {
      const child = node as Element;
      const tag = tagOf(child);
      if (SKIPPED_TAGS.has(tag) || isHidden(child, tag) || isMoreButton(child, tag) || (exclude && child.matches(exclude))) {
        // skipped with its subtree
      } else if (tag === 'br') {
        breakLine();
      } else if (tag === 'img') {
        const alt = child.getAttribute('alt');
        if (alt) line += alt;
      } else {
        if (BLOCK_TAGS.has(tag)) breakLine();
        descend = child.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Next node in document order, closing the blocks we climb out of.
    while (node && node !== element && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== element && node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has(tagOf(node as Element))) {
        breakLine();
      }
    }
    node = node && node !== element ? node.nextSibling : null;
  }
  breakLine();
  return lines.join('\n');
}

function isDocumentElement(element: Element): boolean {
  return element.ownerDocument?.documentElement === element;
}

/** Language tags that say "no single language" (X marks emoji-only posts `und`, media-only `qme`). */
const NO_LANGUAGE = /^(?:und|zxx|mul|mis|q[a-t][a-z])(?:-|$)/i;

/**
 * The nearest `lang` on the element or its ancestors, canonical BCP 47; the page's own
 * `<html lang>` is not used (that is the interface's language, ReadContext.pageLang).
 */
export function langOf(element: Element): string | undefined {
  for (let current: Element | null = element; current && !isDocumentElement(current); current = current.parentElement) {
    const lang = current.getAttribute('lang');
    if (lang === null) continue;
    const tag = lang.trim();
    if (!tag || NO_LANGUAGE.test(tag)) return undefined;
    try {
      return Intl.getCanonicalLocales(tag)[0];
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The nearest `dir` on the element or its ancestors (not `<html dir>`); `auto` says nothing. */
export function dirOf(element: Element): 'ltr' | 'rtl' | undefined {
  for (let current: Element | null = element; current && !isDocumentElement(current); current = current.parentElement) {
    const dir = current.getAttribute('dir');
    if (dir === null) continue;
    const value = dir.trim().toLowerCase();
    return value === 'ltr' || value === 'rtl' ? value : undefined;
  }
  return undefined;
}

/** `href` resolved against `base`, if it is an https URL. */
export function absoluteUrl(href: string | null | undefined, base: URL): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// ---- Dates -------------------------------------------------------------------------------

const MIN_TIME = Date.UTC(1990, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);

function postedAt(ms: number, precision: TimePrecision, source: PostedAt['source']): PostedAt | undefined {
  if (!Number.isFinite(ms) || ms < MIN_TIME || ms > MAX_TIME) return undefined;
  return { iso: new Date(ms).toISOString(), precision, source };
}

/** Eastern Arabic and Persian digits to ASCII. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String((digit.charCodeAt(0) - 0x0660) % 0x90));
}

/** `time[datetime]`, ISO 8601 or epoch seconds/milliseconds. A date without a time is precise to the day. */
export function postedAtFromDatetime(value: string | null | undefined): PostedAt | undefined {
  const text = value ? asciiDigits(value.trim()) : '';
  if (/^\d{9,13}$/.test(text)) {
    const number = Number(text);
    return postedAt(text.length <= 11 ? number * 1000 : number, 'exact', 'datetime');
  }
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (dateOnly) {
    return postedAt(Date.UTC(+dateOnly[1]!, +dateOnly[2]! - 1, +dateOnly[3]!), 'day', 'datetime');
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return undefined;
  return postedAt(Date.parse(text.replace(' ', 'T')), 'exact', 'datetime');
}

/** Arabic-script and Hebrew spelling variants folded, marks and bidi controls removed, lowercased. */
function fold(text: string): string {
  return asciiDigits(text.normalize('NFC'))
    .toLowerCase()
    .replace(/\u0307/g, '')
    .replace(BIDI_CONTROLS, '')
    // Hebrew points, Arabic harakat and tatweel: optional in writing.
    .replace(/\p{Mn}/gu, (mark) => ((mark >= '\u0591' && mark <= '\u05c7') || (mark >= '\u064b' && mark <= '\u0670') ? '' : mark))
    .replace(/\u0640/g, '')
    .replace(/ۀ/g, 'ه')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ی/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ک/g, 'ك');
}

const MONTH_NAMES: Record<string, string[][]> = {
  en: [['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
    ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec']],
  es: [['enero', 'ene'], ['febrero', 'feb'], ['marzo', 'mar'], ['abril', 'abr'], ['mayo', 'may'], ['junio', 'jun'],
    ['julio', 'jul'], ['agosto', 'ago'], ['septiembre', 'setiembre', 'sept', 'sep'], ['octubre', 'oct'], ['noviembre', 'nov'], ['diciembre', 'dic']],
  fr: [['janvier', 'janv'], ['février', 'févr', 'fevrier'], ['mars'], ['avril', 'avr'], ['mai'], ['juin'],
    ['juillet', 'juil'], ['août', 'aout'], ['septembre', 'sept'], ['octobre', 'oct'], ['novembre', 'nov'], ['décembre', 'déc', 'decembre']],
  de: [['januar', 'jan', 'jänner'], ['februar', 'feb'], ['märz', 'mär', 'maerz'], ['april', 'apr'], ['mai'], ['juni', 'jun'],
    ['juli', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['oktober', 'okt'], ['november', 'nov'], ['dezember', 'dez']],
  pt: [['janeiro', 'jan'], ['fevereiro', 'fev'], ['março', 'mar'], ['abril', 'abr'], ['maio', 'mai'], ['junho', 'jun'],
    ['julho', 'jul'], ['agosto', 'ago'], ['setembro', 'set'], ['outubro', 'out'], ['novembro', 'nov'], ['dezembro', 'dez']],
  he: [['ינואר', 'ינו'], ['פברואר', 'פבר'], ['מרץ', 'מרס'], ['אפריל', 'אפר'], ['מאי'], ['יוני'],
    ['יולי'], ['אוגוסט', 'אוג'], ['ספטמבר', 'ספט'], ['אוקטובר', 'אוק'], ['נובמבר', 'נוב'], ['דצמבר', 'דצמ']],
  fa: [['ژانویه', 'ژانویهٔ'], ['فوریه', 'فوریهٔ'], ['مارس'], ['آوریل'], ['مه', 'مهٔ', 'می'], ['ژوئن'],
    ['ژوئیه', 'ژوئیهٔ', 'جولای'], ['اوت', 'آگوست'], ['سپتامبر'], ['اکتبر'], ['نوامبر'], ['دسامبر']],
  ar: [['يناير', 'كانون الثاني'], ['فبراير', 'شباط'], ['مارس', 'آذار'], ['أبريل', 'إبريل', 'نيسان'], ['مايو', 'أيار'], ['يونيو', 'يونيه', 'حزيران'],
    ['يوليو', 'يوليه', 'تموز'], ['أغسطس', 'آب'], ['سبتمبر', 'أيلول'], ['أكتوبر', 'تشرين الأول'], ['نوفمبر', 'تشرين الثاني'], ['ديسمبر', 'كانون الأول']],
  tr: [['ocak', 'oca'], ['şubat', 'şub'], ['mart', 'mar'], ['nisan', 'nis'], ['mayıs', 'may'], ['haziran', 'haz'],
    ['temmuz', 'tem'], ['ağustos', 'ağu'], ['eylül', 'eyl'], ['ekim', 'eki'], ['kasım', 'kas'], ['aralık', 'ara']],
  id: [['januari', 'jan'], ['februari', 'feb'], ['maret', 'mar'], ['april', 'apr'], ['mei'], ['juni', 'jun'],
    ['juli', 'jul'], ['agustus', 'agu', 'agt'], ['september', 'sep'], ['oktober', 'okt'], ['november', 'nov'], ['desember', 'des']],
  sw: [['januari', 'jan'], ['februari', 'feb'], ['machi', 'mac'], ['aprili', 'apr'], ['mei'], ['juni'],
    ['julai', 'jul'], ['agosti', 'ago'], ['septemba', 'sep'], ['oktoba', 'okt'], ['novemba', 'nov'], ['desemba', 'des']],
};

function baseLanguage(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Month names (folded) → month index, for the label's language and English (all languages if unknown). */
function monthTable(lang: string): Map<string, number> {
  const base = baseLanguage(lang);
  const languages = MONTH_NAMES[base] ? [base, 'en'] : Object.keys(MONTH_NAMES);
  const table = new Map<string, number>();
  for (const language of languages) {
    MONTH_NAMES[language]!.forEach((names, month) => {
      for (const name of names) if (!table.has(fold(name))) table.set(fold(name), month);
    });
  }
  return table;
}

const PM_WORDS = new Set(['pm', 'p.m.', 'p. m.', 'م', 'ب.ظ', 'بعدازظهر', 'بعد از ظهر', 'ch', 'ös']);
const AM_WORDS = new Set(['am', 'a.m.', 'a. m.', 'ص', 'ق.ظ', 'قبل از ظهر', 'قبلازظهر', 'sa', 'öö']);
const TIME = /(\d{1,2})\s*(?::|h(?=\d{2}))\s*(\d{2})(?::\d{2})?(?:\s*(a\.\s?m\.|p\.\s?m\.|am|pm|ق\.ظ|ب\.ظ|ص|م|sa|ch|öö|ös)(?![\p{L}]))?/u;

interface Clock {
  hour: number;
  minute: number;
}

/** Finds a clock time, returns it and the text without it. */
function takeTime(text: string): { clock?: Clock; rest: string } {
  const match = TIME.exec(text);
  if (!match) return { rest: text };
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const meridiem = match[3]?.replace(/\s+/g, ' ');
  if (meridiem && PM_WORDS.has(meridiem) && hour < 12) hour += 12;
  if (meridiem && AM_WORDS.has(meridiem) && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return { rest: text };
  return { clock: { hour, minute }, rest: text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length) };
}

function localDate(year: number, month: number, day: number, clock: Clock | undefined): number | undefined {
  const date = new Date(year, month, day, clock?.hour ?? 0, clock?.minute ?? 0);
  return date.getFullYear() === year && date.getMonth() === month && date.getDate() === day ? date.getTime() : undefined;
}

/** Month-first numeric dates (3/4/2025 is March 4th) in these locales. */
const MONTH_FIRST = /^en(?:-(?:us|ca|ph))?$/i;

/**
 * An absolute date from an accessible label or title ("March 3, 2025 at 10:15 AM",
 * "3 mars 2025", "3. März 2025", "Thứ Hai, 3 tháng 3, 2025", "3 במרץ 2025", "۳ مارس ۲۰۲۵"),
 * read in the user's time zone (sites write labels in local time). Without a year, the
 * latest such date not after `now`. Precision minute with a time, day without.
 */
export function postedAtFromLabel(label: string | null | undefined, lang: string, now: number): PostedAt | undefined {
  // "5 hours ago" is no date, whatever "ago" means in Spanish (agosto).
  if (!label || parseRelativeTime(label, lang, now)) return undefined;
  const folded = fold(label);
  const { clock, rest } = takeTime(folded);
  const precision: TimePrecision = clock ? 'minute' : 'day';
  const build = (year: number | undefined, month: number, day: number) => {
    let ms: number | undefined;
    if (year !== undefined) {
      ms = localDate(year, month, day, clock);
    } else {
      const thisYear = new Date(now).getFullYear();
      ms = localDate(thisYear, month, day, clock);
      if (ms !== undefined && ms > now + 86_400_000) ms = localDate(thisYear - 1, month, day, clock);
    }
    return ms === undefined ? undefined : postedAt(ms, precision, 'label');
  };

  const cjk = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/.exec(rest);
  if (cjk) return build(+cjk[1]!, +cjk[2]! - 1, +cjk[3]!);
  const iso = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(rest);
  if (iso) return build(+iso[1]!, +iso[2]! - 1, +iso[3]!);
  const numeric = /(\d{1,2})[/.](\d{1,2})[/.](\d{4})/.exec(rest);
  if (numeric) {
    let first = +numeric[1]!;
    let second = +numeric[2]!;
    const monthFirst = first > 12 ? false : second > 12 ? true : MONTH_FIRST.test(lang.trim());
    if (!monthFirst) [first, second] = [second, first];
    return build(+numeric[3]!, first - 1, second);
  }

  let month: number | undefined;
  let remaining = rest;
  const vietnamese = /tháng\s*(\d{1,2})/.exec(rest);
  if (vietnamese) {
    month = +vietnamese[1]! - 1;
    remaining = rest.replace(vietnamese[0], ' ');
  } else {
    const table = monthTable(lang);
    const words = rest.match(/[\p{L}\p{M}]+/gu) ?? [];
    for (let i = 0; i < words.length && month === undefined; i++) {
      const word = words[i]!;
      const pair = i + 1 < words.length ? `${word} ${words[i + 1]}` : undefined;
      month = (pair !== undefined ? table.get(pair) : undefined) ?? table.get(word);
      // Hebrew "במרץ" (in March), Arabic "وآذار".
      if (month === undefined && /^[בו]/.test(word)) month = table.get(word.slice(1));
    }
  }
  if (month === undefined || month > 11 || month < 0) return undefined;
  const numbers = (remaining.match(/\d+/g) ?? []).map(Number);
  const year = numbers.find((n) => n >= 1990 && n <= 2100);
  const day = numbers.find((n) => n >= 1 && n <= 31);
  if (day === undefined) return undefined;
  return build(year, month, day);
}

// ---- Relative times ----------------------------------------------------------------------

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const UNIT_PRECISION: Record<Unit, TimePrecision> = {
  second: 'minute', minute: 'minute', hour: 'hour', day: 'day', week: 'week', month: 'month', year: 'year',
};

const UNIT_WORDS: Record<Unit, string[]> = {
  second: ['s', 'sec', 'secs', 'second', 'seconds', 'seg', 'segs', 'segundo', 'segundos', 'seconde', 'secondes',
    'sek', 'sekunde', 'sekunden', 'giây', 'שנייה', 'שניה', 'שניות', 'ثانیه', 'ثانيه', 'ثوان', 'ثواني', 'ثانيتين', 'saniye', 'sn', 'detik', 'dtk'],
  minute: ['m', 'min', 'mins', 'minute', 'minutes', 'minuto', 'minutos', 'minuten', 'phút', 'דקה', 'דקות',
    'دقیقه', 'دقيقه', 'دقائق', 'د', 'dakika', 'dk', 'menit', 'mnt'],
  hour: ['h', 'hr', 'hrs', 'hour', 'hours', 'hora', 'horas', 'heure', 'heures', 'std', 'stunde', 'stunden', 'giờ', 'tiếng',
    'שעה', 'שעות', 'ساعت', 'ساعه', 'ساعات', 'س', 'saa', 'masaa', 'saat', 'sa', 'jam'],
  day: ['d', 'day', 'days', 'día', 'días', 'dia', 'dias', 'jour', 'jours', 'tag', 'tage', 'tagen', 'tg', 'ngày',
    'יום', 'ימים', 'روز', 'يوم', 'ايام', 'ي', 'siku', 'gün', 'g', 'hari'],
  week: ['w', 'wk', 'wks', 'week', 'weeks', 'semana', 'semanas', 'sem', 'semaine', 'semaines', 'woche', 'wochen', 'wo',
    'tuần', 'שבוע', 'שבועות', 'هفته', 'اسبوع', 'اسابيع', 'wiki', 'hafta', 'hf', 'minggu', 'mgg'],
  month: ['mo', 'mos', 'month', 'months', 'mes', 'meses', 'mois', 'monat', 'monate', 'monaten', 'mon', 'tháng',
    'חודש', 'חודשים', 'ماه', 'شهر', 'اشهر', 'شهور', 'mwezi', 'miezi', 'ay', 'bulan', 'bln'],
  year: ['y', 'yr', 'yrs', 'year', 'years', 'año', 'años', 'ano', 'anos', 'an', 'ans', 'année', 'années', 'jahr', 'jahre',
    'jahren', 'năm', 'שנה', 'שנים', 'سال', 'سنه', 'سنوات', 'سنين', 'عام', 'اعوام', 'mwaka', 'miaka', 'yıl', 'tahun', 'thn'],
};

/** Abbreviations whose unit depends on the language. */
const UNIT_WORDS_BY_LANGUAGE: Record<string, Record<string, Unit>> = {
  fr: { j: 'day' },
  id: { j: 'hour', mg: 'week' },
  ms: { j: 'hour' },
  de: { j: 'year' },
  es: { a: 'year' },
  pt: { a: 'year' },
};

/** Swahili puts the unit first ("saa 5 zilizopita"). */
const UNIT_FIRST = new Set(['saa', 'masaa', 'dakika', 'sekunde', 'siku', 'wiki', 'mwezi', 'miezi', 'mwaka', 'miaka']);
UNIT_WORDS.second.push('sekunde');

/** Singular forms that mean "one" on their own: "לפני שעה", "منذ ساعة". */
const IMPLICIT_ONE = new Set(['שעה', 'דקה', 'יום', 'שבוע', 'חודש', 'שנה', 'ساعه', 'دقيقه', 'يوم', 'اسبوع', 'شهر', 'سنه', 'عام', 'ثانيه']);

/** Words with the count built in: Hebrew and Arabic duals, Indonesian se- forms. */
const COUNTED_WORDS: Record<string, [number, Unit]> = {
  'שעתיים': [2, 'hour'], 'יומיים': [2, 'day'], 'שבועיים': [2, 'week'], 'חודשיים': [2, 'month'], 'שנתיים': [2, 'year'],
  'ساعتين': [2, 'hour'], 'ساعتان': [2, 'hour'], 'دقيقتين': [2, 'minute'], 'دقيقتان': [2, 'minute'], 'يومين': [2, 'day'],
  'يومان': [2, 'day'], 'اسبوعين': [2, 'week'], 'شهرين': [2, 'month'], 'سنتين': [2, 'year'], 'عامين': [2, 'year'],
  'ثانيتين': [2, 'second'],
  sejam: [1, 'hour'], sehari: [1, 'day'], seminggu: [1, 'week'], sebulan: [1, 'month'], setahun: [1, 'year'], semenit: [1, 'minute'],
};

const ONE_WORDS = new Set(['a', 'an', 'one', 'un', 'une', 'una', 'uno', 'ein', 'eine', 'einer', 'einem', 'einen', 'um', 'uma',
  'một', 'bir', 'يك', 'یک', 'واحد', 'واحده', 'moja', 'satu', 'אחת', 'אחד']);

/** Words that may surround a relative time: "ago" in each language, "edited" marks, connectors. */
const FILLER_WORDS = new Set([
  'ago', 'about', 'hace', 'il', 'y', 'a', 'vor', 'há', 'ha', 'atrás', 'trước', 'cách', 'đây', 'khoảng', 'לפני', 'כ',
  'پیش', 'قبل', 'منذ', 'مضت', 'حوالي', 'zilizopita', 'iliyopita', 'uliopita', 'yaliyopita', 'lililopita', 'kilichopita',
  'iliopita', 'önce', 'yang', 'lalu', 'yg', 'sekitar',
]);

/** "(edited)" and its translations, ignored wherever they are. */
const EDITED_WORDS = new Set(['edited', 'editado', 'editada', 'modifié', 'modifiée', 'bearbeitet', 'đã', 'chỉnh', 'sửa',
  'נערך', 'ערוך', 'ویرایش', 'شده', 'معدل', 'تم', 'التعديل', 'تعديل', 'imehaririwa', 'düzenlendi', 'diedit', 'disunting']);

const NOW_PHRASES = new Set([
  'just now', 'now', 'right now', 'a moment ago', 'moments ago', 'ahora', 'ahora mismo', 'justo ahora', 'hace un momento',
  'à l instant', 'a l instant', 'maintenant', 'gerade eben', 'gerade', 'jetzt', 'soeben', 'agora', 'agora mesmo',
  'vừa xong', 'vừa mới', 'bây giờ', 'עכשיו', 'הרגע', 'ממש עכשיו', 'همين الان', 'همين حالا', 'اكنون', 'الان', 'الآن',
  'لحظاتي پيش', 'sasa hivi', 'sasa', 'hivi punde', 'şimdi', 'az önce', 'baru saja', 'sekarang',
].map((phrase) => fold(phrase)));

const YESTERDAY_WORDS = new Set(['yesterday', 'ayer', 'hier', 'gestern', 'ontem', 'hôm qua', 'אתמול', 'ديروز', 'دیروز', 'امس',
  'أمس', 'البارحه', 'jana', 'dün', 'kemarin'].map((word) => fold(word)));

const unitTables = new Map<string, Map<string, Unit>>();
function unitTable(lang: string): Map<string, Unit> {
  const base = baseLanguage(lang);
  let table = unitTables.get(base);
  if (!table) {
    table = new Map();
    for (const [unit, words] of Object.entries(UNIT_WORDS) as [Unit, string[]][]) {
      for (const word of words) table.set(fold(word), unit);
    }
    for (const [word, unit] of Object.entries(UNIT_WORDS_BY_LANGUAGE[base] ?? {})) table.set(word, unit);
    unitTables.set(base, table);
  }
  return table;
}
const COUNTED = new Map(Object.entries(COUNTED_WORDS).map(([word, value]) => [fold(word), value] as const));
const FILLERS = new Set([...FILLER_WORDS].map((word) => fold(word)));
const EDITED = new Set([...EDITED_WORDS].map((word) => fold(word)));
const ONES = new Set([...ONE_WORDS].map((word) => fold(word)));
const IMPLICIT = new Set([...IMPLICIT_ONE].map((word) => fold(word)));

function minus(now: number, amount: number, unit: Unit): number {
  const date = new Date(now);
  switch (unit) {
    case 'second': return now - amount * 1000;
    case 'minute': return now - amount * 60_000;
    case 'hour': return now - amount * 3_600_000;
    case 'day': return now - amount * 86_400_000;
    case 'week': return now - amount * 7 * 86_400_000;
    case 'month': date.setUTCMonth(date.getUTCMonth() - amount); return date.getTime();
    case 'year': date.setUTCFullYear(date.getUTCFullYear() - amount); return date.getTime();
  }
}

/**
 * A relative time as sites print it ("5h", "5 hours ago", "hace 5 horas", "il y a 5 h",
 * "לפני שעה", "۵ ساعت پیش", "منذ ساعتين", "saa 5 zilizopita", "just now", "yesterday"…),
 * in any of the languages Chorus supports; `lang` settles the few abbreviations that differ
 * ("5 j" is days in French, hours in Indonesian). Every word must be understood: anything
 * else gives undefined rather than a guess.
 */
export function parseRelativeTime(text: string, lang: string, now: number): PostedAt | undefined {
  const tokens = fold(text).match(/\d+|[\p{L}\p{M}]+/gu) ?? [];
  // "(edited)", "· Edited" and the like are ignored wherever they are.
  const words = tokens.filter((token) => !EDITED.has(token));
  if (words.length === 0) return undefined;
  const phrase = words.join(' ');
  if (NOW_PHRASES.has(phrase)) return postedAt(now, 'minute', 'relative');
  if (YESTERDAY_WORDS.has(phrase)) return postedAt(now - 86_400_000, 'day', 'relative');

  const units = unitTable(lang);
  let found: { amount: number; unit: Unit } | undefined;
  const used = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const counted = COUNTED.get(word);
    let amount: number | undefined;
    let unit: Unit | undefined = counted?.[1];
    if (counted) {
      amount = counted[0];
      used.add(i);
    } else if (units.has(word)) {
      const before = words[i - 1];
      const after = words[i + 1];
      if (before !== undefined && /^\d+$/.test(before) && !used.has(i - 1)) {
        amount = Number(before);
        used.add(i - 1);
      } else if (UNIT_FIRST.has(word) && after !== undefined && (/^\d+$/.test(after) || ONES.has(after))) {
        amount = /^\d+$/.test(after) ? Number(after) : 1;
        used.add(i + 1);
      } else if (before !== undefined && ONES.has(before) && !used.has(i - 1)) {
        amount = 1;
        used.add(i - 1);
      } else if (IMPLICIT.has(word)) {
        amount = 1;
      }
      if (amount !== undefined) {
        unit = units.get(word);
        used.add(i);
      }
    }
    if (amount === undefined || unit === undefined) continue;
    if (found) return undefined; // two amounts: not a plain relative time
    found = { amount, unit };
  }
  if (!found) return undefined;
  for (let i = 0; i < words.length; i++) {
    if (!used.has(i) && !FILLERS.has(words[i]!)) return undefined;
  }
  return postedAt(minus(now, found.amount, found.unit), UNIT_PRECISION[found.unit], 'relative');
}

/** Node.DOCUMENT_POSITION_FOLLOWING, without relying on a global Node (tests run the adapters on happy-dom documents). */
export const FOLLOWING = 4;
