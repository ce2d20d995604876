// Folding for matching (see ./classify.ts, step 2): shared by the classifier and by
// ./classify-build.ts, which folds the lexicons the same way ahead of time.

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

