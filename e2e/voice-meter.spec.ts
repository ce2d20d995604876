// Beside a recognized reply box (real Lexical, served where Facebook shows its comment box):
// the brand-voice meter follows the draft (score, issues, a one-click fix that edits the
// editor's own state), the Chorus button opens the picker and inserts where the caret was
// (mouse or keyboard), and the picker's shortcut is the one chosen on the options page, where
// a plain letter is refused. Also renders docs/screenshots/composer-{en,fa}.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { buildEditors } from './editors/build.ts';
import { chromiumPath, expect, extensionDir, servePage, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';

const URL_ = 'https://www.facebook.com/chorus.coffee/posts/pfbid02Hq7xWkDuU4bLm3ZcKqVtR9sYpA1nEoF6gJiT8hX2wBzN5dQ3vCl';

const VOICE = {
  bannedTerms: [{ term: 'cheap', preferred: 'affordable' }],
  signOff: '— Amani',
  emojiPolicy: 'sparing',
  maxExclamations: 1,
  formality: 'formal',
  lengthByPlatform: {},
};

test('the voice meter checks the draft, fixes a banned term in the editor, and the Chorus button inserts at the caret', async ({ api, context, extensionId }) => {
  const pages = await buildEditors();
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  await api.call('PUT', '/v1/voice', { token: team.token, ifMatch: 1, body: VOICE });
  await api.call('POST', '/v1/templates', { token: team.token, body: { title: 'Asante', body: 'Asante sana! ', shortcut: ';asante' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect.poll(async () => ((await options.send('pageContext', { platform: 'facebook' })) as { voice?: { signOff?: string } }).voice?.signOff).toBe('— Amani');
  await expect.poll(async () => (await options.listTemplates()).length).toBe(1);

  await context.route(URL_, (route) => route.fulfill({ body: pages.lexical, contentType: 'text/html; charset=utf-8' }));
  const page = await context.newPage();
  await page.goto(URL_);
  const state = () => page.evaluate(() => window.__editorState!().replace(/\u00a0/g, ' '));
  const editor = page.locator('[data-lexical-editor]');
  await editor.click();
  const bar = page.locator('chorus-composer');
  const meter = bar.getByTestId('voice-meter');
  await expect(meter).toHaveAccessibleName('Voice check: start typing');

  // Banned term, two exclamation marks, a casual word, no sign-off: four issues.
  await page.keyboard.type('This blend is cheap!! lol');
  await expect(meter).toHaveAccessibleName(/^Voice score \d+ of 100\. To fix: 4$/);
  await meter.click();
  const issues = bar.getByTestId('voice-issues').locator('li');
  await expect(issues).toHaveCount(4);
  await expect(issues.filter({ hasText: 'words to avoid' })).toContainText('affordable');
  // The editor keeps the focus: typing goes on where it was.
  await bar.getByRole('button', { name: /Use .?affordable/ }).click();
  await expect.poll(state).toBe('This blend is affordable!! lol');
  await expect(issues).toHaveCount(3);
  await expect(page.locator('#reply')).toBeEnabled();

  // Fix the rest by typing: the meter follows.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('This blend is affordable. — Amani');
  await expect(meter).toHaveAccessibleName('Voice score 100 of 100. This reply fits the brand voice.');

  // The Chorus button (mouse): the picker opens and the pick goes where the caret was.
  await page.keyboard.press('Home');
  await bar.getByTestId('chorus-button').click();
  const picker = page.locator('chorus-picker');
  await expect(picker.getByRole('dialog', { name: 'Reply templates' })).toBeVisible();
  // The search box takes the focus as the picker opens: Enter picks from there.
  await expect(picker.getByRole('combobox', { name: 'Search templates' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect.poll(state).toBe('Asante sana! This blend is affordable. — Amani');

  // From the keyboard: Tab from the reply box reaches the bar; its button is named for screen readers.
  await page.keyboard.press('End');
  await page.keyboard.press('Tab');
  await expect(meter).toBeFocused();
  await page.keyboard.press('Tab');
  const button = bar.getByRole('button', { name: 'Reply templates (Ctrl+Shift+Space)' });
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('combobox', { name: 'Search templates' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(state).toBe('Asante sana! This blend is affordable. — AmaniAsante sana! ');
});

test('the picker shortcut is the one chosen on the options page; a plain letter is refused', async ({ api, context, extensionId }) => {
  const pages = await buildEditors();
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  await api.call('POST', '/v1/templates', { token: team.token, body: { title: 'Asante', body: 'Asante sana!', shortcut: ';asante' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect.poll(async () => (await options.listTemplates()).length).toBe(1);

  const section = options.page.locator('section.picker-shortcut');
  await expect(section.getByTestId('picker-key')).toHaveText('Ctrl+Shift+Space');
  await section.getByRole('button', { name: 'Change' }).click();
  await options.page.keyboard.press('t');
  await expect(section.getByRole('alert')).toHaveText('T types text in a reply box (with Alt alone or Ctrl+Alt, some keyboards type characters). Hold Ctrl or ⌘ with the key.');
  await section.getByRole('button', { name: 'Change' }).click();
  // Option+. (macOS) and AltGr (Ctrl+Alt) type characters too.
  await options.page.keyboard.press('Alt+Period');
  await expect(section.getByRole('alert')).toContainText('types text in a reply box');
  await expect(section.getByTestId('picker-key')).toHaveText('Ctrl+Shift+Space');
  await section.getByRole('button', { name: 'Change' }).click();
  await options.page.keyboard.press('Control+v');
  await expect(section.getByRole('alert')).toContainText("Ctrl+V is the editor's own command");
  await section.getByRole('button', { name: 'Change' }).click();
  await options.page.keyboard.press('Control+Period');
  await expect(section.getByRole('status')).toHaveText('Saved: Ctrl+. opens the template picker.');
  await expect(section.getByTestId('picker-key')).toHaveText('Ctrl+.');

  await context.route(URL_, (route) => route.fulfill({ body: pages.lexical, contentType: 'text/html; charset=utf-8' }));
  const page = await context.newPage();
  await page.goto(URL_);
  await page.locator('[data-lexical-editor]').click();
  await page.keyboard.type('Hi ');
  const picker = page.locator('chorus-picker');
  // The old combination is the editor's again; the new one opens the picker.
  await page.keyboard.press('Control+Shift+Space');
  await expect(page.locator('chorus-composer').getByTestId('chorus-button')).toHaveAccessibleName('Reply templates (Ctrl+.)');
  await expect(picker).toHaveCount(0);
  await page.keyboard.press('Control+Period');
  await expect(picker.getByRole('dialog', { name: 'Reply templates' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__editorState!().replace(/\u00a0/g, ' '))).toBe('Hi Asante sana!');

  // Back to the default from the options page.
  await section.getByRole('button', { name: 'Use the default (Ctrl+Shift+Space)' }).click();
  await expect(section.getByTestId('picker-key')).toHaveText('Ctrl+Shift+Space');
});

for (const lang of ['en', 'fa'] as const) {
  test(`screenshot: the meter and the Chorus button beside a reply box, ${lang}`, async ({ api }) => {
    const pages = await buildEditors();
    const fa = lang === 'fa';
    const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
    await api.call('PUT', '/v1/voice', {
      token: team.token,
      ifMatch: 1,
      body: { ...VOICE, bannedTerms: [fa ? { term: 'ارزان', preferred: 'مقرون‌به‌صرفه' } : VOICE.bannedTerms[0]], signOff: fa ? '— تیم کاهاوا' : '— Team Kahawa' },
    });
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath,
      headless: true,
      locale: lang,
      deviceScaleFactor: 2,
      viewport: { width: 640, height: 420 },
      env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` },
      args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, `--lang=${lang}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const options = await OptionsPage.open(context, new URL(worker.url()).host);
      await options.page.locator('#server-url').fill(api.url);
      await options.page.locator('#invite-code').fill(team.invites.member);
      await options.page.locator('#member-name').fill(fa ? 'امانی' : 'Amani');
      await options.page.locator('form button[type="submit"]').click();
      await expect.poll(async () => ((await options.send('pageContext', { platform: 'facebook' })) as { voice?: { signOff?: string } }).voice?.signOff).toBe(fa ? '— تیم کاهاوا' : '— Team Kahawa');

      await context.route(URL_, (route) => route.fulfill({ body: pages.lexical, contentType: 'text/html; charset=utf-8' }));
      const page = await context.newPage();
      await page.goto(URL_);
      if (fa) await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
      await page.locator('[data-lexical-editor]').evaluate((el) => Object.assign((el as HTMLElement).style, { minHeight: '90px', border: '1px solid #ccd', padding: '8px', borderRadius: '8px' }));
      await page.locator('[data-lexical-editor]').click();
      await page.keyboard.type(fa ? 'سلام! قهوهٔ ارزان ما را امتحان کنید!!' : 'Hi! Try our cheap beans, you will love them!!');
      const bar = page.locator('chorus-composer');
      await expect(bar.getByTestId('voice-meter')).toHaveAccessibleName(/[\d۰-۹]/);
      await bar.getByTestId('voice-meter').click();
      await expect(bar.getByTestId('voice-issues').locator('li').first()).toBeVisible();
      const dir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, `composer-${lang}.png`), animations: 'disabled' });
    } finally {
      await context.close();
    }
  });
}

test('on X the meter counts length as X does (twitter-text, loaded into X tabs only)', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  const html = readFileSync('extension/sites/snapshots/x/home-feed.html', 'utf8');
  await context.route('https://x.com/**', servePage(html));
  const page = await context.newPage();
  await page.goto('https://x.com/home');
  const box = page.locator('[data-testid="tweetTextarea_0"]');
  await box.click();
  // 141 CJK characters: 141 characters, but 282 of X's 280.
  await page.keyboard.insertText('好'.repeat(141));
  const bar = page.locator('chorus-composer');
  await expect(bar.getByTestId('voice-meter')).toHaveAccessibleName('Voice score 70 of 100. To fix: 1');
  await bar.getByTestId('voice-meter').click();
  await expect(bar.getByTestId('voice-issues')).toHaveText('Too long for X: 282 of 280.');
});
