// Pieces shared by the template list, the editor and its conflict view: names of categories
// and platforms, the coloured category chips, the body preview and the search.
import { i18n } from '#i18n';
import type { Category, Platform, Template } from '../../../shared/schemas';
import { CATEGORY_NAMES } from '../../ui/categories';
import { languageName } from '../../ui/format';
import { PLATFORM_NAMES } from '../../../shared/platforms';

/** "Swahili (sw)" in the UI language; the bare tag when Intl does not know it. */
export function languageLabel(tag: string | null, locale: string): string {
  if (!tag) return i18n.t('templateAnyLanguage');
  const name = languageName(tag, locale);
  return name && name !== tag ? `${name} (${tag})` : tag;
}

export function CategoryChips({ categories }: { categories: readonly Category[] }) {
  if (categories.length === 0) return null;
  return (
    <ul class="chips" aria-label={i18n.t('templateCategories')}>
      {categories.map((category) => (
        <li key={category} class={`chip cat-${category}`}>
          {CATEGORY_NAMES[category]()}
        </li>
      ))}
    </ul>
  );
}

export function PlatformList({ platforms }: { platforms: readonly Platform[] }) {
  return (
    <span class="platforms" dir="auto">
      {platforms.length === 0 ? i18n.t('templateAllPlatforms') : platforms.map((p) => PLATFORM_NAMES[p]).join(' · ')}
    </span>
  );
}

/** The body as it will be inserted, with `{{variables}}` marked: they are filled in when used. */
export function BodyPreview({ body, lang, id }: { body: string; lang: string | null; id?: string }) {
  const parts = body.split(/(\{\{[^{}]*\}\})/g);
  return (
    <div id={id} class="preview" dir="auto" lang={lang ?? undefined}>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <mark key={index} class="variable" dir="ltr">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </div>
  );
}

/**
 * Folds text for search: no case, no accents or other combining marks (é = e, Hebrew points,
 * Arabic harakat), and the Arabic forms of ye and kaf read as the Persian ones, so a member
 * typing on either keyboard finds the template.
 */
export function fold(text: string, locale: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u064A\u0649]/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9')
    .toLocaleLowerCase(locale);
}

/** Templates whose title, body or shortcut contains every word of the query, sorted by title. */
export function searchTemplates<T extends Template>(templates: readonly T[], query: string, locale: string): T[] {
  const words = fold(query, locale).split(/\s+/).filter(Boolean);
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return templates
    .filter((template) => {
      const haystack = fold([template.title, template.body, template.shortcut ?? ''].join('\n'), locale);
      return words.every((word) => haystack.includes(word));
    })
    .sort((a, b) => collator.compare(a.title, b.title) || a.id.localeCompare(b.id));
}
