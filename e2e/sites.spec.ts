// The built extension on each site's saved snapshots, served at the real sites' URLs: a
// hint on every item with the category the classifier gives its text, and the hint turns
// "answered" within 5 s when a teammate's reply reaches the API.
import { readFileSync } from 'node:fs';
import { expect, servePage, test } from './fixtures.ts';
import { SNAPSHOT_PAGES as SNAPSHOTS } from '../extension/sites/testing.ts';
import { expectedHints as expected, scrollThrough } from './hints.ts';
import { OptionsPage } from './pages/options.ts';
import { v7 as uuidv7 } from 'uuid';


for (const snapshot of SNAPSHOTS) {
  test(`${snapshot.file}: a hint on every item, answered within 5 s of a teammate's reply`, async ({ api, context, extensionId }) => {
    const want = expected(snapshot);
    expect(want.length).toBeGreaterThan(0);
    const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
    const teammate = await api.call('POST', '/v1/join', { body: { code: team.invites.member, name: 'Noa' } });
    const options = await OptionsPage.open(context, extensionId);
    await options.connect(api.url, team.invites.member, 'Amani');
    await expect(options.page.getByText(/Kahawa Bora/)).toBeVisible();
    await expect.poll(async () => (await options.syncState()).lastSyncAt).toBeTruthy();

    const html = readFileSync(`extension/sites/snapshots/${snapshot.file}`, 'utf8');
    const origin = new URL(snapshot.url).origin;
    await context.route(`${origin}/**`, servePage(html));
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(snapshot.url);
    await scrollThrough(page);
    await expect(page.locator('chorus-hint')).toHaveCount(want.length);
    for (const { itemKey, category } of want) {
      const hint = page.locator(`chorus-hint[data-item-key="${itemKey}"]`).first();
      await expect(hint, itemKey).toHaveAttribute('data-category', category);
      await expect(hint).toHaveAttribute('data-status', 'new');
    }
    // The badge is in the shadow root, labelled for screen readers.
    await expect(page.locator('chorus-hint').first().getByRole('button')).toHaveAttribute('aria-label', /.+/);

    // A teammate answers the first item through the API: the hint follows within 5 s.
    const first = want[0]!;
    const platform = first.itemKey.split(':')[0]!;
    const answer = { id: uuidv7(), itemKey: first.itemKey, platform, kind: 'reply', actedAt: new Date().toISOString() };
    const pushed = await api.call('POST', '/v1/interactions', { token: teammate.token, body: { interactions: [answer] } });
    expect(pushed.accepted).toEqual([answer.id]);
    await expect(page.locator(`chorus-hint[data-item-key="${first.itemKey}"]`).first()).toHaveAttribute('data-status', 'answered', { timeout: 5_000 });
    await expect(page.locator(`chorus-hint[data-item-key="${first.itemKey}"]`).first().getByRole('button')).toHaveAttribute('aria-label', /Noa.? answered/);
    expect(dialogs).toEqual([]);
  });
}

test('a manager corrects a category from the badge: the team learns it as a cue', async ({ api, context, extensionId }) => {
  const snapshot = SNAPSHOTS.find((s) => s.file === 'reddit/thread.html')!;
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.manager, 'Mira');
  await expect.poll(async () => (await options.syncState()).lastSyncAt).toBeTruthy();
  const html = readFileSync(`extension/sites/snapshots/${snapshot.file}`, 'utf8');
  await context.route('https://www.reddit.com/**', servePage(html));
  const page = await context.newPage();
  await page.goto(snapshot.url);
  const hint = page.locator('chorus-hint').first();
  await expect(hint).toHaveAttribute('data-category', /.+/);
  const before = await hint.getAttribute('data-category');
  const target = before === 'spam' ? 'other' : 'spam';
  await hint.getByRole('button').click();
  await hint.getByRole('combobox').selectOption(target);
  await expect(hint).toHaveAttribute('data-category', target);
  await expect(hint.getByRole('status')).toContainText('learn');
  const { items } = await api.call('GET', '/v1/cues', { token: team.token });
  expect(items).toEqual([expect.objectContaining({ category: target, deleted: false })]);
});

for (const { lang, file, theme } of [
  { lang: 'en', file: 'x/status-thread.html', theme: 'light' },
  { lang: 'fa', file: 'reddit/thread.html', theme: 'dark' },
] as const) {
  test(`screenshot: hints on ${file}, ${lang}, ${theme}`, async ({ api }) => {
    const { chromium } = await import('@playwright/test');
    const { chromiumPath, extensionDir } = await import('./fixtures.ts');
    const { mkdirSync } = await import('node:fs');
    const snapshot = SNAPSHOTS.find((s) => s.file === file)!;
    const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
    const teammate = await api.call('POST', '/v1/join', { body: { code: team.invites.member, name: lang === 'fa' ? 'نوا' : 'Noa' } });
    for (const body of [
      { title: 'Sorry for the wait', body: 'x', categories: ['complaint'], shortcut: ';late' },
      { title: 'Where to buy', body: 'x', categories: ['question', 'purchase_intent'], shortcut: ';buy' },
      { title: 'Thank you!', body: 'x', categories: ['praise'], shortcut: ';thanks' },
    ]) {
      await api.call('POST', '/v1/templates', { token: team.token, body });
    }
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath,
      headless: true,
      locale: lang,
      deviceScaleFactor: 2,
      colorScheme: theme,
      env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` },
      args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, `--lang=${lang}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const options = await OptionsPage.open(context, new URL(worker.url()).host);
      await options.page.locator('#server-url').fill(api.url);
      await options.page.locator('#invite-code').fill(team.invites.manager);
      await options.page.locator('#member-name').fill(lang === 'fa' ? 'میرا' : 'Mira');
      await options.page.locator('form button[type="submit"]').click();
      await expect.poll(async () => (await options.syncState()).lastSyncAt).toBeTruthy();
      let html = readFileSync(`extension/sites/snapshots/${file}`, 'utf8');
      if (theme === 'dark') html = html.replace('</head>', '<style>html, body { background: #0b1416 !important; color: #d7dadc !important; } a { color: #8ab4f8 !important; }</style></head>');
      await context.route(`${new URL(snapshot.url).origin}/**`, servePage(html));
      const page = await context.newPage();
      await page.setViewportSize({ width: 900, height: file.startsWith('x/') ? 1300 : 760 });
      await page.goto(snapshot.url);
      const hints = page.locator('chorus-hint');
      await expect(hints.nth(1)).toBeVisible();
      // A teammate answered the last item in view.
      const answered = hints.nth((await hints.count()) - 1);
      const key = await answered.getAttribute('data-item-key');
      await api.call('POST', '/v1/interactions', {
        token: teammate.token,
        body: { interactions: [{ id: uuidv7(), itemKey: key, platform: key!.split(':')[0], kind: 'reply', actedAt: new Date(Date.now() - 4 * 60_000).toISOString() }] },
      });
      await expect(answered).toHaveAttribute('data-status', 'answered', { timeout: 10_000 });
      await hints.first().getByRole('button').click();
      await expect(hints.first().getByRole('dialog')).toBeVisible();
      const dir = new URL('../docs/screenshots/', import.meta.url).pathname;
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: `${dir}hints-${lang}-${theme}.png`, animations: 'disabled' });
    } finally {
      await context.close();
    }
  });
}

test('starting a reply claims the item: the team sees who is replying', async ({ api, context, extensionId }) => {
  const snapshot = SNAPSHOTS.find((s) => s.file === 'reddit/thread.html')!;
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect.poll(async () => (await options.syncState()).lastSyncAt).toBeTruthy();
  const html = readFileSync(`extension/sites/snapshots/${snapshot.file}`, 'utf8');
  await context.route('https://www.reddit.com/**', servePage(html));
  const page = await context.newPage();
  await page.goto(snapshot.url);
  const post = page.locator('shreddit-post chorus-hint').first();
  await expect(post).toHaveAttribute('data-status', 'new');
  const postKey = await post.getAttribute('data-item-key');

  // The reply box under the post: focusing it starts a reply to the post.
  await page.locator('comment-composer-host [contenteditable="true"]').first().click();
  await expect
    .poll(async () => (await api.call('GET', '/v1/activity', { token: team.token })).claims.map((c: { itemKey: string; memberName: string }) => [c.itemKey, c.memberName]))
    .toEqual([[postKey, 'Amani']]);
  // This browser's own hint says so too, once the claim is pulled back.
  await expect(post).toHaveAttribute('data-status', 'claimed', { timeout: 5_000 });
  await expect(post.getByRole('button')).toHaveAttribute('aria-label', /You are replying/);
});
