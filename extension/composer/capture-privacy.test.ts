// @vitest-environment happy-dom
// What leaves the browser when a reply is sent (docs/SECURITY.md, "What leaves the browser"):
// the interaction the capture puts in the outbox carries the listed fields only; the reply's
// words only when the team turned syncReplyText on; never the page's markup.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Interaction, TeamSettings } from '../../shared/schemas';
import { DEFAULT_TEAM_SETTINGS } from '../../shared/schemas';
import type { PageContext } from '../messaging';
import type { SiteAdapter, SiteItem } from '../sites/types';

const sent: { type: string; data: unknown }[] = [];
vi.mock('../messaging', () => ({
  sendMessage: async (type: string, data: unknown) => {
    sent.push({ type, data });
    return type === 'itemStatus' ? { 'x:1890000000000000001': { firstSeenAt: new Date(Date.now() - 90_000).toISOString() } } : undefined;
  },
}));
const { watchSubmits } = await import('./capture');

/** The fields an interaction may carry to the server; `text` only with syncReplyText. */
const LISTED = ['id', 'itemKey', 'platform', 'kind', 'actedAt', 'category', 'sentiment', 'textLength', 'itemUrl', 'itemAuthor', 'itemPostedAt', 'seenAt', 'responseMs', 'lang', 'templateId'];
const REPLY = 'Thanks <b>Ana</b>, your order ships today!';
const ITEM_HTML = '<article data-item><p class="text">Where is my <img src=x onerror="alert(1)"> order?</p><textarea></textarea><button>Reply</button></article>';

afterEach(() => {
  sent.length = 0;
  document.body.innerHTML = '';
});

async function sendReply(settings: TeamSettings | undefined): Promise<Interaction> {
  document.body.innerHTML = ITEM_HTML;
  const article = document.querySelector('article')!;
  const box = document.querySelector('textarea')!;
  const item: SiteItem = {
    itemKey: 'x:1890000000000000001',
    kind: 'post',
    author: { handle: 'ana_customer' },
    text: 'Where is my order?',
    url: 'https://x.com/ana_customer/status/1890000000000000001',
    postedAt: { iso: new Date(Date.now() - 120_000).toISOString(), precision: 'minute', source: 'datetime' },
  } as SiteItem;
  const adapter = { platform: 'x', composers: (root: ParentNode) => [...root.querySelectorAll('textarea')] } as unknown as SiteAdapter;
  const page = { enabled: true, teamId: 't', teamName: 'T', memberName: 'Ben', memberId: 'm', role: 'member', settings, source: 'first', templates: [], teamCues: [] } as unknown as Extract<PageContext, { enabled: true }>;
  const controller = new AbortController();
  watchSubmits({
    adapter,
    platform: 'x',
    page: () => page,
    account: undefined,
    signal: controller.signal,
    templateOf: () => undefined,
    itemFor: () => ({ element: article, item }),
    describe: () => ({ category: 'question', sentiment: 'neutral', lang: 'en' }),
  });
  box.value = REPLY;
  document.querySelector('button')!.click();
  box.value = ''; // the site took the reply
  await vi.waitFor(() => expect(sent.some((m) => m.type === 'recordInteraction')).toBe(true), { timeout: 5000 });
  controller.abort();
  return (sent.find((m) => m.type === 'recordInteraction')!.data as { interaction: Interaction }).interaction;
}

describe('the interaction a sent reply puts in the outbox', () => {
  it.each([
    ['the default team settings', DEFAULT_TEAM_SETTINGS],
    ['settings not pulled yet', undefined],
  ])('with %s: the listed fields, no reply text, no markup', async (_what, settings) => {
    const interaction = await sendReply(settings);
    expect(Object.keys(interaction).every((k) => LISTED.includes(k)), Object.keys(interaction).join()).toBe(true);
    expect(interaction).not.toHaveProperty('text');
    expect(interaction.textLength).toBe([...REPLY].length);
    const wire = JSON.stringify(interaction);
    for (const leak of ['Thanks', 'Ana</b>', 'Where is my', '<img', 'onerror', '<article', '<p']) expect(wire).not.toContain(leak);
    expect(interaction).toMatchObject({ itemKey: 'x:1890000000000000001', platform: 'x', kind: 'reply', itemAuthor: 'ana_customer' });
  });

  it('with syncReplyText on: the reply text too (as plain text), still no page markup', async () => {
    const interaction = await sendReply({ ...DEFAULT_TEAM_SETTINGS, syncReplyText: true });
    expect(interaction.text).toBe(REPLY);
    const wire = JSON.stringify(interaction);
    for (const leak of ['Where is my', '<img', 'onerror', '<article']) expect(wire).not.toContain(leak);
  });
});
