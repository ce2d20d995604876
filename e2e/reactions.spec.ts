// Likes and shares on the X, Bluesky and YouTube snapshots: the member turns a like (or a
// repost) on, the site shows it on, and exactly one interaction of kind like (or share) reaches
// the API for that item; turning it off, or on again, records nothing more. The pages' own
// scripts are stood in for by a few lines that flip the controls as the sites do.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, servePage, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';

interface Site {
  name: string;
  url: string;
  snapshot: string;
  /** Stands in for the site's script: a click flips the control (after a moment). */
  toggles(page: Page): Promise<void>;
  like: string;
  share?: string;
}

const SITES: Site[] = [
  {
    name: 'X',
    url: 'https://x.com/home',
    snapshot: 'extension/sites/snapshots/x/home-feed.html',
    like: '[data-testid="like"], [data-testid="unlike"]',
    share: '[data-testid="retweet"]',
    toggles: (page) =>
      page.evaluate(() => {
        const swap: Record<string, string> = { like: 'unlike', unlike: 'like', retweet: 'unretweet', unretweet: 'retweet' };
        document.addEventListener('click', (event) => {
          const button = (event.target as Element).closest('[data-testid]');
          const id = button?.getAttribute('data-testid');
          // X asks "Repost or Quote?" first: the repost shows on a moment later.
          if (button && id && swap[id]) setTimeout(() => button.setAttribute('data-testid', swap[id]!), id === 'retweet' ? 600 : 50);
        });
      }),
  },
  {
    name: 'Bluesky',
    url: 'https://bsky.app/',
    snapshot: 'extension/sites/snapshots/bluesky/home-feed.html',
    like: '[data-testid="likeBtn"]',
    share: '[data-testid="repostBtn"][aria-label^="Repost"]',
    toggles: (page) =>
      page.evaluate(() => {
        document.addEventListener('click', (event) => {
          const button = (event.target as Element).closest('[data-testid="likeBtn"], [data-testid="repostBtn"]');
          if (!button) return;
          const label = button.getAttribute('aria-label') ?? '';
          const next = label.startsWith('Like') ? label.replace('Like', 'Unlike') : label.startsWith('Unlike') ? label.replace('Unlike', 'Like') : label.startsWith('Repost') ? 'Undo repost (1 repost)' : 'Repost or quote post (0 reposts)';
          setTimeout(() => button.setAttribute('aria-label', next), 50);
        });
      }),
  },
  {
    name: 'YouTube',
    url: 'https://www.youtube.com/watch?v=Kx3pWq9LmZs',
    snapshot: 'extension/sites/snapshots/youtube/watch.html',
    like: '#like-button button',
    toggles: (page) =>
      page.evaluate(() => {
        for (const button of document.querySelectorAll('#like-button button')) {
          button.setAttribute('aria-pressed', 'false');
          button.addEventListener('click', () => setTimeout(() => button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true')), 50));
        }
      }),
  },
];

for (const site of SITES) {
  test(`${site.name}: a like (and a share) turned on is recorded once; turning it off records nothing`, async ({ api, context, extensionId }) => {
    const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
    const options = await OptionsPage.open(context, extensionId);
    await options.connect(api.url, team.invites.member, 'Amani');
    const html = readFileSync(site.snapshot, 'utf8');
    const origin = new URL(site.url).origin;
    await context.route(`${origin}/**`, servePage(html));
    const page = await context.newPage();
    await page.goto(site.url);
    await expect(page.locator('chorus-hint').first()).toBeAttached();
    await site.toggles(page);

    const like = page.locator(site.like).first();
    const state = () => like.evaluate((el) => ['data-testid', 'aria-label', 'aria-pressed'].map((name) => el.getAttribute(name)).join(' '));
    const on = /unlike|Unlike|true/;
    await like.click(); // on
    await expect.poll(state).toMatch(on);
    await like.click(); // off
    await expect.poll(state).not.toMatch(on);
    await like.click(); // on again: the same like, not recorded twice
    if (site.share) await page.locator(site.share).first().click();

    const day = new Date().toISOString().slice(0, 10);
    const rows = async () => {
      const [header, ...lines] = (await api.text(`/v1/export/interactions.csv?from=${day}&to=${day}`, team.token)).trim().split(/\r?\n/);
      return lines.map((line) => Object.fromEntries(header!.split(',').map((name, i) => [name, line.split(',')[i]])));
    };
    const expected = site.share ? ['like', 'share'] : ['like'];
    await expect.poll(async () => (await rows()).map((r) => r.kind).sort(), { timeout: 30_000 }).toEqual(expected);
    const recorded = await rows();
    const platform = site.name.toLowerCase();
    expect(recorded.every((r) => r.platform === platform && r.item_key!.startsWith(`${platform}:`) && r.member === 'Amani')).toBe(true);
  });
}
