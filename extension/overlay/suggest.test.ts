import { describe, expect, it } from 'vitest';
import { suggestTemplates } from './suggest';

const t = (title: string, over: { categories?: string[]; platforms?: string[]; lang?: string | null } = {}) => ({
  title,
  categories: (over.categories ?? []) as never[],
  platforms: (over.platforms ?? []) as never[],
  lang: over.lang ?? null,
});

describe('suggestTemplates', () => {
  const library = [
    t('Any reply'),
    t('Sorry (sw)', { categories: ['complaint'], lang: 'sw' }),
    t('Sorry (en)', { categories: ['complaint'], lang: 'en' }),
    t('Sorry on X', { categories: ['complaint'], platforms: ['x'] }),
    t('Thanks', { categories: ['praise'] }),
    t('Instagram only', { platforms: ['instagram'] }),
  ];

  it('ranks the item\'s category and language first and leaves out the rest', () => {
    expect(suggestTemplates(library, { category: 'complaint', lang: 'sw-KE', platform: 'x' }, 5).map((x) => x.title)).toEqual([
      'Sorry (sw)',
      'Sorry on X',
      'Any reply',
    ]);
  });

  it('offers templates in any language when the item\'s language is unknown', () => {
    expect(suggestTemplates(library, { category: 'praise', lang: 'und', platform: 'instagram' }, 5).map((x) => x.title)).toEqual([
      'Thanks',
      'Instagram only',
      'Any reply',
    ]);
  });
});
