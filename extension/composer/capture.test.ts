// @vitest-environment happy-dom
// Which keys send a reply: Ctrl/⌘+Enter everywhere; a plain Enter only where the site sends on
// Enter (Facebook, Instagram, TikTok comment boxes); Shift+Enter (a new line) never.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageContext } from '../messaging';
import type { SiteAdapter, SiteItem } from '../sites/types';

const sent: { type: string; data: unknown }[] = [];
vi.mock('../messaging', () => ({
  sendMessage: async (type: string, data: unknown) => {
    sent.push({ type, data });
    return type === 'itemStatus' ? {} : undefined;
  },
}));
const { watchSubmits } = await import('./capture');

const item = { itemKey: 'facebook:1122334455667788', kind: 'comment', author: { name: 'Noa Levi' }, text: 'Do you ship to Haifa?' } as SiteItem;
const controllers: AbortController[] = [];

afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  sent.length = 0;
  document.body.innerHTML = '';
});

/** A reply box on a site that sends on Enter or not; the site empties the box when it takes a reply. */
function setUp(enterSends: boolean) {
  document.body.innerHTML = '<article><textarea></textarea></article>';
  const box = document.querySelector('textarea')!;
  const adapter = {
    platform: 'facebook',
    composers: (root: ParentNode) => [...root.querySelectorAll('textarea')],
    ...(enterSends ? { enterSends: () => true } : {}),
  } as unknown as SiteAdapter;
  const page = { enabled: true, teamId: 't', teamName: 'T', memberName: 'Ben', settings: undefined, templates: [], teamCues: [] } as unknown as Extract<PageContext, { enabled: true }>;
  const controller = new AbortController();
  controllers.push(controller);
  watchSubmits({
    adapter,
    platform: 'facebook',
    page: () => page,
    account: undefined,
    signal: controller.signal,
    templateOf: () => undefined,
    itemFor: () => ({ element: document.querySelector('article')!, item }),
    describe: () => ({ category: 'question', sentiment: 'neutral', lang: 'en' }),
  });
  box.value = 'We do! Delivery takes two days.';
  return {
    press(init: KeyboardEventInit) {
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init }));
      box.value = ''; // the box empties (the site took it, or the member cleared it)
    },
  };
}

const recorded = () => sent.filter((m) => m.type === 'recordInteraction').length;

describe('keys that send a reply', () => {
  it('a plain Enter records the reply where the site sends on Enter', async () => {
    setUp(true).press({});
    await vi.waitFor(() => expect(recorded()).toBe(1), { timeout: 3000 });
  });

  it('Ctrl+Enter records it on any site', async () => {
    setUp(false).press({ ctrlKey: true });
    await vi.waitFor(() => expect(recorded()).toBe(1), { timeout: 3000 });
  });

  it.each([
    ['a plain Enter where Enter is a new line', false, {}],
    ['Shift+Enter (a new line) where Enter sends', true, { shiftKey: true }],
    ['Enter while an input method is composing', true, { isComposing: true }],
  ])('%s records nothing', async (_what, enterSends, init) => {
    setUp(enterSends).press(init);
    await new Promise((r) => setTimeout(r, 400));
    expect(recorded()).toBe(0);
  });
});
