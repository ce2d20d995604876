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
import type { Route } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { type Site, expected, MEMBER, pageHtml, TEMPLATE } from './composerSites.ts';
import { buildSiteEditors } from './editors/build.ts';
import { expect, extensionDir, launchWithExtension, test } from './fixtures.ts';
import { expectedHints, scrollThrough, type Snapshot } from './hints.ts';
import { OptionsPage } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';

const INSTANCE = 'mastodon.social';
/** The thread with a reply to Sara's status open in the compose form, in a React-controlled
 * textarea as Mastodon's web UI has it (e2e/editors/sites.tsx). */
const REPLY: Site = {
  name: 'mastodon',
  file: 'mastodon/status-thread.html',
  url: `https://${INSTANCE}/@choruscoffee/113541200000000001`,
  mount: { kind: 'textarea', at: '.compose-form textarea', attrs: { class: 'autosuggest-textarea__textarea', 'aria-label': "What's on your mind?" }, submit: '.compose-form button[type="submit"]' },
  editor: '.compose-form textarea',
  answers: { handle: 'sara@persian.social', kind: 'reply' },
};
const SNAPSHOTS: Snapshot[] = [
  { file: 'mastodon/status-thread.html', url: `https://${INSTANCE}/@choruscoffee/113541200000000001` },
  { file: 'mastodon/home-feed.html', url: `https://${INSTANCE}/home` },
];

test('an added Mastodon instance gets hints, team status and the reply flow (recorded, counted for the manager, answered in their browser); a removed one none', async ({ api }) => {
  test.setTimeout(180_000);
  const siteEditors = await buildSiteEditors();
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
    await options.connect(api.url, team.invites.member, MEMBER);
    await expect.poll(async () => (await options.syncState()).lastSyncAt).toBeTruthy();
    await api.call('POST', '/v1/templates', { token: team.token, body: TEMPLATE });
    const pages = new Map(SNAPSHOTS.map((s) => [s.url, s.url === REPLY.url ? pageHtml(REPLY, siteEditors) : readFileSync(`extension/sites/snapshots/${s.file}`, 'utf8')]));
    const serve = (route: Route) => {
      const body = route.request().isNavigationRequest() ? pages.get(route.request().url()) : undefined;
      return body ? route.fulfill({ contentType: 'text/html', body }) : route.fulfill({ status: 204, body: '' });
    };
    await context.route(`https://${INSTANCE}/**`, serve);

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
        // The script is registered a moment after the instance is added; a page loaded
        // before that has no hints, so load again until one has them (each load waits
        // for its hints as long as a slow machine needs).
        await page.goto(snapshot.url);
        return page.locator('chorus-hint').first().waitFor({ timeout: 5_000 }).then(() => true, () => false);
      }, { timeout: 30_000, intervals: [500] }).toBe(true);
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

    // The reply flow in the compose form: the shortcut expands in the React textarea, Post
    // records one reply for the status the reply indicator shows.
    const want = expected(REPLY);
    await page.goto(REPLY.url);
    await expect(page.locator('chorus-hint').first()).toBeVisible();
    const state = () => page.evaluate(() => window.__editorState!());
    await page.locator(REPLY.editor).click();
    await expect(page.locator('chorus-composer')).toHaveCount(1, { timeout: 15_000 });
    await page.keyboard.type(TEMPLATE.shortcut);
    await expect.poll(state).toBe(TEMPLATE.shortcut);
    await page.keyboard.press('Tab');
    await expect.poll(state).toBe(want.text);
    await page.locator(REPLY.mount.submit).click();
    await expect.poll(state).toBe('');
    const day = new Date().toISOString().slice(0, 10);
    await expect
      .poll(async () => {
        await options.syncNow();
        const rows = (await api.text(`/v1/export/interactions.csv?from=${day}&to=${day}`, team.token)).trim().split(/\r?\n/).slice(1);
        return rows.filter((row) => row.includes(`,${MEMBER},`));
      }, { timeout: 15_000 })
      .toEqual([expect.stringContaining(`,${MEMBER},mastodon,reply,${want.itemKey},`)]);

    // A manager's browser with the instance added: the reply counts in the popup, and Sara's
    // status shows it answered.
    const manager = await launchWithExtension(dir);
    try {
      const managerOptions = await OptionsPage.open(manager.context, manager.extensionId);
      await managerOptions.connect(api.url, team.invites.manager, 'Mira');
      const managerSites = managerOptions.page.locator('section.sites');
      await managerSites.getByLabel('Instance').fill(INSTANCE);
      await managerSites.getByRole('button', { name: 'Add instance' }).click();
      await expect(managerSites.getByRole('button', { name: `Remove ${INSTANCE}` })).toBeVisible();
      await manager.context.route(`https://${INSTANCE}/**`, serve);
      const managerPage = await manager.context.newPage();
      await expect
        .poll(async () => {
          // A load before the script is registered has no hint: load again. A load with the
          // hint is given time for its status (the pull of the team's activity, then the
          // hint's refresh) instead of being read at once.
          await managerPage.goto(REPLY.url);
          const hint = managerPage.locator(`chorus-hint[data-item-key="${want.itemKey}"]`).first();
          return expect(hint)
            .toHaveAttribute('data-status', 'answered', { timeout: 10_000 })
            .then(() => 'answered', () => hint.getAttribute('data-status', { timeout: 1_000 }).catch(() => null));
        }, { timeout: 45_000, intervals: [1_000] })
        .toBe('answered');
      const popup = await PopupPage.open(manager.context, manager.extensionId);
      await popup.syncNowButton().click();
      await expect(popup.memberRow(MEMBER).getByRole('cell').nth(1)).toHaveText('1');
    } finally {
      await manager.context.close();
    }

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
