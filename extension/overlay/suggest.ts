// Which templates fit an item: its category, its language and the platform. Used by the
// badge's card and by the composer's picker.
import { primarySubtag as primary } from '../../shared/constants';
import type { Category, Platform, Template } from '../../shared/schemas';


/**
 * Templates for this category (or for any), in this language (or any), on this platform
 * (or any), best first: a named category or language match counts more than "any"; a
 * template in another language or for other categories or platforms is left out.
 */
export function suggestTemplates<T extends Pick<Template, 'categories' | 'platforms' | 'lang' | 'title'>>(
  templates: readonly T[],
  item: { category: Category; lang: string; platform: Platform },
  limit = 3,
): T[] {
  const lang = primary(item.lang === 'und' ? undefined : item.lang);
  const scored: { template: T; score: number }[] = [];
  for (const template of templates) {
    if (template.categories.length > 0 && !template.categories.includes(item.category)) continue;
    if (template.platforms.length > 0 && !template.platforms.includes(item.platform)) continue;
    const templateLang = primary(template.lang);
    if (templateLang && lang && templateLang !== lang) continue;
    const score = (template.categories.length > 0 ? 4 : 0) + (templateLang && templateLang === lang ? 2 : 0) + (template.platforms.length > 0 ? 1 : 0);
    scored.push({ template, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.template.title.localeCompare(b.template.title))
    .slice(0, limit)
    .map((s) => s.template);
}
