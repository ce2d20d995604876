// The reply box in Firefox: the built Firefox extension on each site's snapshot with the
// site's REAL editor mounted (the pages of composer-sites.spec.ts). Firefox runs content
// scripts in their own compartment, so a paste event and a DataTransfer made there, or
// execCommand from there, are what this checks: `;thanks` + Tab must land in the editor's own
// state (Draft.js by paste, Lexical, Quill, ProseMirror, the React textarea and the plain
// contenteditable by insertText) and enable the site's submit.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BRAND, expected, MEMBER, pageHtml, SITES, TEMPLATE } from './composerSites.ts';
import { buildSiteEditors } from './editors/build.ts';
import { expect, startApi, test } from './fixtures.ts';
import { FirefoxExtensionPage, firefoxExtensionDir, firefoxPath, launchFirefoxWithExtension } from './firefox.ts';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

test('Firefox: a shortcut expands in every site editor and enables its submit', async () => {
  test.skip(!existsSync(firefoxPath), `Firefox not found at ${firefoxPath} (apt-get install firefox-esr, or set FIREFOX_PATH)`);
  test.skip(!existsSync(join(firefoxExtensionDir, 'manifest.json')), 'Build the extension first: npm run build');
  test.setTimeout(240_000);
  const siteEditors = await buildSiteEditors();
  const api = await startApi();
  try {
    const team = await api.call('POST', '/v1/teams', { body: { name: BRAND, ownerName: 'Ana' } });
    await api.call('POST', '/v1/templates', { token: team.token, body: TEMPLATE });
    const ff = await launchFirefoxWithExtension();
    try {
      const options = await FirefoxExtensionPage.open(ff, 'options.html');
      await options.page.locator('#server-url').fill(api.url);
      await options.page.locator('#invite-code').fill(team.invites.member);
      await options.page.locator('#member-name').fill(MEMBER);
      await options.page.locator('button[type="submit"]').click();
      await expect.poll(async () => (await options.send('listTemplates', {})).length, { timeout: 15_000 }).toBe(1);

      const results: string[] = [];
      for (const site of SITES) {
        const want = expected(site);
        const html = pageHtml(site, siteEditors);
        const page = await ff.browser.newPage();
        await page.setRequestInterception(true);
        page.on('request', (request) => {
          if (request.isNavigationRequest() && request.url() === site.url) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
          else if (request.url().startsWith('https://')) void request.respond({ status: 204, body: '' });
          else void request.continue();
        });
        await page.goto(site.url);
        await expect.poll(() => page.evaluate(() => typeof window.__editorState === 'function'), { timeout: 15_000 }).toBe(true);
        // Hints come as items near the viewport; the box's item is then known to the composer.
        await page.evaluate(async () => {
          for (let y = 0; y <= document.documentElement.scrollHeight; y += innerHeight / 2) {
            scrollTo(0, y);
            await new Promise((r) => setTimeout(r, 50));
          }
        });
        const state = async () => plain(await page.evaluate(() => window.__editorState!()));
        const submitUsable = () =>
          page.evaluate((selector) => {
            const el = document.querySelector(selector) as HTMLButtonElement | null;
            return Boolean(el && !el.disabled && el.getAttribute('aria-disabled') !== 'true');
          }, site.mount.submit);
        expect(await submitUsable(), `${site.name}: submit before`).toBe(false);

        // Focusing the box loads the composer, whose bar appears beside the box.
        await page.locator(site.editor).click();
        await expect.poll(() => page.evaluate(() => document.querySelector('chorus-composer') !== null), { timeout: 15_000, message: `${site.name}: composer bar` }).toBe(true);
        await page.keyboard.type(TEMPLATE.shortcut);
        await expect.poll(state, { message: `${site.name}: typed` }).toBe(TEMPLATE.shortcut);
        await page.keyboard.press('Tab');
        await expect.poll(state, { message: `${site.name}: expanded` }).toBe(want.text);
        await expect.poll(submitUsable, { message: `${site.name}: submit after` }).toBe(true);
        results.push(site.name);
        await page.close();
      }
      expect(results).toEqual(SITES.map((s) => s.name));
    } finally {
      await ff.browser.close();
    }
  } finally {
    await api.stop();
  }
});
