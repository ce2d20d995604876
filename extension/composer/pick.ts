// Which template a typed shortcut names.
import { primarySubtag as primary } from '../../shared/constants';
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
