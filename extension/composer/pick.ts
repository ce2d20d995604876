// Which template a typed shortcut names, and the picker's search.
import { primarySubtag as primary } from '../../shared/constants';
import type { Category, Platform } from '../../shared/schemas';
import type { LocalTemplate } from '../db';


/**
 * The template a shortcut names. Shortcuts are unique per language (and a member's private
 * one may override a shared one), so: the member's own first, then the page's language,
 * then a template for any language, then any.
 */
export function templateForShortcut(templates: readonly LocalTemplate[], shortcut: string, pageLang: string | undefined): LocalTemplate | undefined {
  const wanted = `;${shortcut}`.toLowerCase();
  const matches = templates.filter((t) => t.shortcut?.toLowerCase() === wanted);
  const lang = primary(pageLang);
  const rank = (t: LocalTemplate) => (t.private ? 0 : 4) + (primary(t.lang) === lang ? 0 : t.lang === null ? 1 : 2);
  return matches.sort((a, b) => rank(a) - rank(b))[0];
}

/** Search folding: case, accents, Hebrew points and Arabic vowel marks dropped; the Arabic
 * and Persian forms of yeh and kaf (ي ى / ی, ك / ک) and teh marbuta (ة / ه) made one, and
 * tatweel and the zero-width non-joiner (ـ, U+200C) ignored — a Persian keyboard finds a
 * template written with Arabic letters and the other way round. */
export const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u064A\u0649]/gu, '\u06CC')
    .replace(/\u0643/gu, '\u06A9')
    .replace(/\u0629/gu, '\u0647')
    .replace(/[\u0640\u200C]/gu, '')
    .toLowerCase();

/** Subsequence match of the query in the text; earlier and tighter matches score higher. */
export function fuzzyScore(query: string, text: string): number {
  const q = fold(query).replace(/\s+/g, '');
  if (!q) return 1;
  const t = fold(text);
  const direct = t.indexOf(q);
  if (direct >= 0) return 100 - Math.min(direct, 50);
  let at = -1;
  let gaps = 0;
  for (const ch of q) {
    const next = t.indexOf(ch, at + 1);
    if (next < 0) return 0;
    if (at >= 0) gaps += next - at - 1;
    at = next;
  }
  return Math.max(1, 50 - gaps);
}

/** Templates for the picker: matching the query, the item's category, language and platform first. */
export function rankTemplates(
  templates: readonly LocalTemplate[],
  query: string,
  item: { category?: Category; lang?: string; platform: Platform },
): LocalTemplate[] {
  const lang = primary(item.lang === 'und' ? undefined : item.lang);
  return templates
    .filter((t) => t.platforms.length === 0 || t.platforms.includes(item.platform))
    .map((t) => {
      const match = fuzzyScore(query, `${t.shortcut ?? ''} ${t.title} ${t.body}`);
      const fit =
        (item.category && t.categories.includes(item.category) ? 30 : 0) +
        (lang && primary(t.lang) === lang ? 20 : t.lang === null ? 5 : 0) +
        (t.private ? 3 : 0);
      return { t, score: match === 0 ? -1 : match + fit };
    })
    .filter((x) => x.score >= 0)
    .sort((a, b) => b.score - a.score || a.t.title.localeCompare(b.t.title))
    .map((x) => x.t);
}
