// Folding for matching (see ./classify.ts, step 2): shared by the classifier and by
// ./classify-build.ts, which folds the lexicons the same way ahead of time.

const LETTER_MAP: Record<string, string> = {
  ی: 'ي', ى: 'ي', ئ: 'ي', ک: 'ك', ة: 'ه', ۀ: 'ه', ؤ: 'و', أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا',
  đ: 'd', ı: 'i', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l',
};
const LETTER_MAP_RE = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'gu');

const NOT_WORD = /[^\p{L}\p{N}$%/]+/gu;
/** Clause breaks are marked with a private-use character while folding ({@link foldClauses}). */
const CLAUSE = '\ue000';
const NOT_WORD_OR_CLAUSE = /[^\p{L}\p{N}$%/\ue000]+/gu;

function foldCore(text: string, notWord: RegExp): string {
  let s = text;
  // ASCII needs none of the Unicode steps (normalisation, marks, Arabic letters and digits).
  // oxlint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/u.test(s)) {
    s = s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/\u200c|\u200d|\u0640/gu, '')
      .replace(/[\u06f0-\u06f9]/gu, (d) => String(d.charCodeAt(0) - 0x06f0))
      .replace(/[\u0660-\u0669]/gu, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(LETTER_MAP_RE, (ch) => LETTER_MAP[ch] ?? ch)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(LETTER_MAP_RE, (ch) => LETTER_MAP[ch] ?? ch);
  } else s = s.toLowerCase();
  return s
    .replace(/['’`ʼ´]/gu, '')
    .replace(notWord, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1');
}

/** Text folded for matching: words separated by single spaces, with a space at each end. */
export function fold(text: string): string {
  const folded = foldCore(text, NOT_WORD).trim();
  return folded ? ` ${folded} ` : ' ';
}

/**
 * The text folded whole (as {@link fold}) and clause by clause (split at . ! ? ; : , … and
 * line breaks, empty clauses left out), in one pass: each clause is ` words `.
 */
export function foldClauses(text: string): { folded: string; clauses: string[] } {
  const marked = text.replace(/\ue000/gu, ' ').replace(/[.!?¡¿؟\n…;:,،]+/gu, CLAUSE);
  const clauses: string[] = [];
  for (const piece of foldCore(marked, NOT_WORD_OR_CLAUSE).split(CLAUSE)) {
    const words = piece.trim();
    if (words) clauses.push(words);
  }
  return { folded: clauses.length ? ` ${clauses.join(' ')} ` : ' ', clauses: clauses.map((c) => ` ${c} `) };
}

/**
 * German written without umlauts ("rueckerstattung", "groesse"): ae/oe/ue → a/o/u, applied to a
 * German comment's folded words and, ahead of time, to the German lexicon (not its masks), so
 * "rückerstattung" and "rueckerstattung" both meet the entry (stored "ruckerstattung").
 */
export const plainUmlauts = (s: string): string => s.replace(/([aou])e/gu, '$1');
