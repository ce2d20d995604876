// Smoke test of the Firefox build: the extension installs in real Firefox ESR, a member joins
// from its options page, and the background's sync reaches a real API and pulls the team's
// templates (the options page only joins; every template fetch is the background's); then a
// Reddit page served at its real address gets its hints.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, startApi, test } from './fixtures.ts';
import { FirefoxExtensionPage, firefoxExtensionDir, firefoxPath, launchFirefoxWithExtension } from './firefox.ts';

test('Firefox: joining from the options page connects the background to the API', async () => {
  test.skip(!existsSync(firefoxPath), `Firefox not found at ${firefoxPath} (apt-get install firefox-esr, or set FIREFOX_PATH)`);
  test.skip(!existsSync(join(firefoxExtensionDir, 'manifest.json')), 'Build the extension first: npm run build');

  const api = await startApi();
  try {
    const team = await api.call('POST', '/v1/teams', { body: { name: 'Northwind Coffee', ownerName: 'Ana' } });
    const welcome = await api.call('POST', '/v1/templates', { token: team.token, body: { title: 'Welcome', body: 'Karibu!' } });
    expect(welcome.template.id).toBeTruthy();

    const ff = await launchFirefoxWithExtension();
    try {
      const options = await FirefoxExtensionPage.open(ff, 'options.html');
      // Nothing stored yet: the background answers, and has no connection.
      expect(await options.send('syncState', {})).toMatchObject({ connected: false });

      // fill() replaces the form's default server URL.
      await options.page.locator('#server-url').fill(api.url);
      await options.page.locator('#invite-code').fill(team.invites.member);
      await options.page.locator('#member-name').fill('Amani');
      await options.page.locator('button[type="submit"]').click();
      await expect.poll(() => options.text()).toContain('Northwind Coffee');

      // The API has the new member, as the owner sees it.
      const { members } = await api.call('GET', '/v1/members', { token: team.token });
      expect(members.map((m: { name: string; role: string }) => [m.name, m.role])).toContainEqual(['Amani', 'member']);

      // The stored connection wakes the background's sync, which pulls the existing template.
      await expect.poll(async () => (await options.send('listTemplates', {})).map((t) => t.id)).toEqual([welcome.template.id]);

      // A template created afterwards arrives on "sync now".
      const thanks = await api.call('POST', '/v1/templates', {
        token: team.token,
        body: { title: 'Thanks', body: 'Asante sana, {{name}}!', shortcut: ';thanks' },
      });
      expect(thanks.template.id).toBeTruthy();
      const run = await options.send('syncNow', {});
      expect(run.connected && run.pull.status).toBe('done');
      await expect
        .poll(async () => (await options.send('listTemplates', {})).map((t) => [t.title, t.shortcut]).sort())
        .toEqual([
          ['Thanks', ';thanks'],
          ['Welcome', null],
        ]);
      const state = await options.send('syncState', {});
      expect(state).toMatchObject({ connected: true, pending: { interactions: 0, items: 0 } });
      expect(state.lastSyncAt).toBeTruthy();
      expect(state.lastStatus).toBeUndefined();

      // On a site: the Reddit snapshot served at Reddit's address gets its hints in Firefox too.
      const html = readFileSync('extension/sites/snapshots/reddit/thread.html', 'utf8');
      const site = await ff.browser.newPage();
      await site.setRequestInterception(true);
      site.on('request', (request) => {
        if (request.url().startsWith('https://www.reddit.com/') && request.isNavigationRequest()) {
          void request.respond({ status: 200, contentType: 'text/html', body: html });
        } else if (request.url().startsWith('https://')) {
          void request.respond({ status: 204, body: '' });
        } else {
          void request.continue();
        }
      });
      await site.goto('https://www.reddit.com/r/MechanicalKeyboards/comments/1gx7k2p/my_first_build_feedback_welcome/');
      await expect
        .poll(() => site.evaluate(() => document.querySelectorAll('chorus-hint[data-item-key^="reddit:"][data-category]').length), { timeout: 15_000 })
        .toBeGreaterThan(2);
      // The badge renders inside its shadow root, labelled.
      const label = await site.evaluate(() => document.querySelector('chorus-hint')?.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '');
      expect(label.length).toBeGreaterThan(5);
    } finally {
      await ff.browser.close();
    }
  } finally {
    await api.stop();
  }
});
