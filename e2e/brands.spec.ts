// Several teams (brands) in one browser: sites on and off, the brand per site and per
// signed-in account, and templates that reach an open site tab within seconds.
import { expect, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';
import { v7 as uuidv7 } from 'uuid';

/** A bare page at a real site's address, so the content script runs on it. */
const SITE_PAGE = '<!doctype html><html lang="en"><head><title>Home / X</title></head><body><main>Timeline</main></body></html>';

const reply = (platform: 'x' | 'instagram', n: number) => ({
  id: uuidv7(),
  itemKey: `${platform}:1790000000000000${n}`,
  platform,
  kind: 'reply' as const,
  actedAt: new Date().toISOString(),
  responseMs: 60_000,
});

test('a member of two brands records each site\'s work for the right brand', async ({ api, context, extensionId }) => {
  const northwind = await api.call('POST', '/v1/teams', { body: { name: 'Northwind Coffee', ownerName: 'Ana' } });
  const kahawa = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Baraka' } });
  await api.call('POST', '/v1/templates', { token: kahawa.token, body: { title: 'Karibu', body: 'Karibu sana!' } });

  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, northwind.invites.member, 'Amani');
  await expect(options.page.getByText(/Connected to .?Northwind Coffee/)).toBeVisible();
  await options.addTeam(api.url, kahawa.invites.member, 'Amani');
  await expect(options.page.getByText(/Connected to .?Kahawa Bora/)).toBeVisible();
  await expect(options.page.getByRole('heading', { name: 'Teams' })).toBeVisible();

  // Each team's templates stay its own; the page shows the one picked.
  await expect.poll(async () => (await options.listTemplates(kahawa.team.id)).map((t) => t.title)).toEqual(['Karibu']);
  expect(await options.listTemplates(northwind.team.id)).toEqual([]);
  await options.pickTeam('Kahawa Bora');
  await expect(options.templateRow('Karibu')).toBeVisible();

  // Instagram works for Kahawa Bora; X stays with the first team, except for @kahawabora.
  await options.siteBrand('Instagram').selectOption({ label: 'Kahawa Bora' });
  await options.addAccountRule('X', '@KahawaBora', 'Kahawa Bora');
  await expect(options.page.locator('.rules')).toContainText('@kahawabora');

  await expect
    .poll(async () => (await options.send('pageContext', { platform: 'instagram' })) as { teamName?: string })
    .toMatchObject({ enabled: true, teamName: 'Kahawa Bora', source: 'site' });
  expect(await options.send('pageContext', { platform: 'x' })).toMatchObject({ teamName: 'Northwind Coffee', source: 'default' });
  expect(await options.send('pageContext', { platform: 'x', account: '@kahawabora' })).toMatchObject({ teamName: 'Kahawa Bora', source: 'account' });

  const onInstagram = reply('instagram', 1);
  const onXForNorthwind = reply('x', 2);
  const onXForKahawa = reply('x', 3);
  await options.recordInteraction(onInstagram);
  await options.recordInteraction(onXForNorthwind, '@northwind');
  await options.recordInteraction(onXForKahawa, '@kahawabora');
  const run = await options.syncNow();
  expect(run.connected && run.teams.length).toBe(2);
  expect(run.connected && run.flush.counts.interactions.accepted).toBe(3);

  const day = new Date().toISOString().slice(0, 10);
  const byPlatform = async (token: string) => {
    const { byPlatform: rows } = await api.call('GET', `/v1/summary?from=${day}&to=${day}`, { token });
    return (rows as { platform: string; interactions: number }[]).map((r) => [r.platform, r.interactions]).sort();
  };
  expect(await byPlatform(kahawa.token)).toEqual([
    ['instagram', 1],
    ['x', 1],
  ]);
  expect(await byPlatform(northwind.token)).toEqual([['x', 1]]);

  // Switching a site off: its pages get nothing from Chorus.
  await options.siteSwitch('TikTok').uncheck();
  await expect.poll(() => options.send('pageContext', { platform: 'tiktok' })).toEqual({ enabled: false, reason: 'site-off' });
  await options.page.reload();
  await expect(options.siteSwitch('TikTok')).not.toBeChecked();
  await expect(options.siteSwitch('X')).toBeChecked();

  // Disconnecting a brand drops its site and account rules.
  await options.page.locator('li.team').filter({ hasText: 'Kahawa Bora' }).getByRole('button', { name: 'Disconnect' }).click();
  await options.page.getByRole('alertdialog').getByRole('button', { name: 'Disconnect' }).click();
  await expect(options.page.getByText(/Connected to .?Kahawa Bora/)).toHaveCount(0);
  expect(await options.send('pageContext', { platform: 'instagram' })).toMatchObject({ teamName: 'Northwind Coffee', source: 'default' });
  await expect(options.page.getByRole('heading', { name: 'Connection' })).toBeVisible();
});

test('a manager\'s new template reaches a member with a site tab open within 5 s, without "sync now"', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Northwind Coffee', ownerName: 'Ana' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect(options.page.getByText(/Northwind Coffee/)).toBeVisible();
  await expect.poll(async () => (await options.syncState()).lastSyncAt).toBeTruthy();

  await context.route('https://x.com/**', (route) => route.fulfill({ contentType: 'text/html', body: SITE_PAGE }));
  const site = await context.newPage();
  await site.goto('https://x.com/home');
  await site.bringToFront();

  const created = await api.call('POST', '/v1/templates', {
    token: team.token,
    body: { title: 'Asante', body: 'Asante sana, {{author.firstName | "rafiki"}}!', shortcut: ';asante' },
  });
  // The minute alarm is far off: only the site tab's fast polling can bring it this soon.
  await expect.poll(async () => (await options.listTemplates()).map((t) => t.id), { timeout: 5_000 }).toContain(created.template.id);
});
