// Where the work went: by platform, by category (each with its own colour) and by language.
import { i18n } from '#i18n';
import { CATEGORY_NAMES } from '../../ui/categories';
import { formatCount, languageName } from '../../ui/format';
import { PLATFORM_NAMES } from '../../../shared/platforms';
import type { Summary } from './summary';

interface Row {
  key: string;
  name: string;
  count: number;
  colour?: string;
}

export function Breakdowns({ summary, locale }: { summary: Summary; locale: string }) {
  const platforms: Row[] = summary.byPlatform.map((p) => ({ key: p.platform, name: PLATFORM_NAMES[p.platform as keyof typeof PLATFORM_NAMES] ?? p.platform, count: p.interactions }));
  const categories: Row[] = summary.byCategory.map((c) => ({
    key: c.category,
    name: CATEGORY_NAMES[c.category as keyof typeof CATEGORY_NAMES]?.() ?? c.category,
    count: c.interactions,
    colour: c.category,
  }));
  const languages: Row[] = summary.byLanguage.map((l) => ({
    key: l.lang,
    name: languageName(l.lang, locale) ?? i18n.t('languageUnknown'),
    count: l.interactions,
  }));
  return (
    <>
      <Breakdown title={i18n.t('byPlatform')} rows={platforms} locale={locale} />
      <Breakdown title={i18n.t('byCategory')} rows={categories} locale={locale} />
      <Breakdown title={i18n.t('byLanguage')} rows={languages} locale={locale} />
    </>
  );
}

function Breakdown({ title, rows, locale }: { title: string; rows: Row[]; locale: string }) {
  if (rows.length === 0) return null;
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <div class="block">
      <h3>{title}</h3>
      <ul class="breakdown">
        {rows.map((row) => (
          <li key={row.key} data-key={row.key}>
            <span class="breakdown-name">
              {row.colour && <span class={`swatch cat-${row.colour}`} aria-hidden="true" />}
              {row.name}
            </span>
            <span class="breakdown-track" aria-hidden="true">
              <span class={`breakdown-fill ${row.colour ? `cat-${row.colour}` : ''}`} style={{ inlineSize: `${(row.count / max) * 100}%` }} />
            </span>
            <span class="breakdown-count">{formatCount(row.count, locale)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
