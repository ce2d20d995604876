// Mastodon runs on any instance: a member adds an instance in the options page, the browser
// grants that host, and the background registers the Mastodon content script for it alone.
//
// Headless Chromium cannot accept the browser's permission prompt, so this test loads a copy
// of the built extension whose manifest already holds the instance's host: the options page's
// permissions.request() then resolves at once as it does after the member clicks "Allow". All
// the rest is the product as built: the instance list, the registration by the background,
// the content script on the instance's pages, hints and team status, and removal.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { expect, extensionDir, launchWithExtension, test } from './fixtures.ts';
import { expectedHints, scrollThrough, type Snapshot } from './hints.ts';
import { OptionsPage } from './pages/options.ts';

const INSTANCE = 'mastodon.social';
const SNAPSHOTS: Snapshot[] = [
  { file: 'mastodon/status-thread.html', url: `https://${INSTANCE}/@choruscoffee/113541200000000001` },
  { file: 'mastodon/home-feed.html', url: `https://${INSTANCE}/home` },
];

test('an added Mastodon instance gets hints and team status; a removed one none', async ({ api }) => {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-mastodon-'));
  cpSync(extensionDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  // What the member's "Allow" leaves behind: the instance's origin granted.
  manifest.host_permissions = [...manifest.host_permissions, `https://${INSTANCE}/*`];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const { context, extensionId } = await launchWithExtension(dir);
  try {
    const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
    const teammate = await api.call('POST', '/v1/join', { body: { code: team.invites.member, name: 'Noa' } });
    const options = await OptionsPage.open(context, extensionId);
    await options.connect(api.url, team.invites.member, 'Amani');
    await expect.poll(async () => (await options.syncState()).lastSyncAt).toBeTruthy();
    const pages = new Map(SNAPSHOTS.map((s) => [s.url, readFileSync(`extension/sites/snapshots/${s.file}`, 'utf8')]));
    await context.route(`https://${INSTANCE}/**`, (route) => {
      const body = route.request().isNavigationRequest() ? pages.get(route.request().url()) : undefined;
      return body ? route.fulfill({ contentType: 'text/html', body }) : route.fulfill({ status: 204, body: '' });
    });

    // Before the instance is added, the extension does nothing there.
    const page = await context.newPage();
    await page.goto(SNAPSHOTS[0]!.url);
    await expect(page.locator('.status').first()).toBeVisible();
    await page.waitForTimeout(1_500);
    await expect(page.locator('chorus-hint')).toHaveCount(0);

    // The member adds it in the Sites card (an address with a scheme and a path is cleaned up).
    const sites = options.page.locator('section.sites');
    await sites.getByLabel('Instance').fill(`https://${INSTANCE}/home`);
    await sites.getByRole('button', { name: 'Add instance' }).click();
    await expect(sites.getByRole('button', { name: `Remove ${INSTANCE}` })).toBeVisible();
    await expect(sites.getByRole('alert')).toHaveCount(0);

    for (const snapshot of SNAPSHOTS) {
      const want = expectedHints(snapshot);
      expect(want.length).toBeGreaterThan(0);
      await expect.poll(async () => {
        await page.goto(snapshot.url);
        return page.locator('chorus-hint').first().isVisible();
      }, { timeout: 15_000, intervals: [500] }).toBe(true);
      await scrollThrough(page);
      await expect(page.locator('chorus-hint')).toHaveCount(want.length);
      for (const { itemKey, category } of want) {
        await expect(page.locator(`chorus-hint[data-item-key="${itemKey}"]`).first(), itemKey).toHaveAttribute('data-category', category);
      }
    }

    // A teammate answers an item of the home feed through the API: its hint follows.
    const first = expectedHints(SNAPSHOTS[1]!)[0]!;
    const answer = { id: uuidv7(), itemKey: first.itemKey, platform: 'mastodon', kind: 'reply', actedAt: new Date().toISOString() };
    const pushed = await api.call('POST', '/v1/interactions', { token: teammate.token, body: { interactions: [answer] } });
    expect(pushed.accepted).toEqual([answer.id]);
    await expect(page.locator(`chorus-hint[data-item-key="${first.itemKey}"]`).first()).toHaveAttribute('data-status', 'answered', { timeout: 5_000 });

    // Removed: the script is unregistered, the instance's pages stay untouched.
    await sites.getByRole('button', { name: `Remove ${INSTANCE}` }).click();
    await expect(sites.getByRole('button', { name: `Remove ${INSTANCE}` })).toHaveCount(0);
    await expect.poll(async () => {
      await page.goto(SNAPSHOTS[0]!.url);
      await page.waitForTimeout(1_000);
      return page.locator('chorus-hint').count();
    }, { timeout: 15_000, intervals: [500] }).toBe(0);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
