// The brand-voice editor: a manager sets the rules and saves them with If-Match, a sample
// reply is checked live (with a one-click fix), a conflicting save shows both choices, and
// members get the voice in their browser but cannot change it. `npm run screenshots` also
// renders docs/screenshots/options-voice-{en,fa}.png from here.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumPath, expect, extensionDir, launchWithExtension, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';

test('a manager sets the brand voice, tries a reply against it and a member receives it', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Northwind Coffee', ownerName: 'Ana' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.manager, 'Mira');
  const voice = options.page.locator('section.voice');
  await expect(voice.getByLabel('Sign-off')).toBeVisible();

  await voice.getByRole('button', { name: 'Add a word' }).click();
  await voice.getByLabel('Word to avoid 1').fill('cheap');
  await voice.getByLabel('Say instead 1').fill('affordable');
  await voice.getByLabel('Sign-off').fill('— Mira, Northwind');
  await voice.getByLabel('Formality').selectOption('formal');
  await voice.getByLabel('Emoji').selectOption('none');
  await voice.getByLabel('Exclamation marks per reply').fill('0');
  await voice.getByLabel('Bluesky').fill('200');

  // The sample is checked against the form as it stands, before saving.
  await voice.getByLabel('Sample reply').fill('Cheap beans, gonna love them! 😀');
  const issues = voice.locator('.voice-issues li');
  await expect(issues).toHaveCount(5);
  await expect(voice.getByTestId('voice-score')).toContainText('Voice score');
  await expect(issues.filter({ hasText: 'words to avoid' })).toContainText('affordable');
  await voice.getByRole('button', { name: /Use .?affordable/ }).click();
  await expect(voice.getByLabel('Sample reply')).toHaveValue('Affordable beans, gonna love them! 😀');
  await expect(issues.filter({ hasText: 'words to avoid' })).toHaveCount(0);

  await voice.getByRole('button', { name: 'Save voice' }).click();
  await expect(voice.getByRole('status').filter({ hasText: 'Brand voice saved.' })).toBeVisible();
  const { voice: stored } = await api.call('GET', '/v1/voice', { token: team.token });
  // A team starts with a default voice at version 1; this save made version 2.
  expect(stored).toMatchObject({
    version: 2,
    bannedTerms: [{ term: 'cheap', preferred: 'affordable' }],
    signOff: '— Mira, Northwind',
    formality: 'formal',
    emojiPolicy: 'none',
    maxExclamations: 0,
    lengthByPlatform: { bluesky: 200 },
  });

  // Someone else saves in between: the manager chooses, nothing is silently lost.
  await api.call('PUT', '/v1/voice', { token: team.token, ifMatch: 2, body: { ...stored, signOff: '— Ana' } });
  await voice.getByLabel('Exclamation marks per reply').fill('2');
  await voice.getByRole('button', { name: 'Save voice' }).click();
  await expect(voice.getByRole('alert')).toContainText('Someone else saved the brand voice');
  await voice.getByRole('button', { name: 'Use theirs' }).click();
  await expect(voice.getByLabel('Sign-off')).toHaveValue('— Ana');
  await expect(voice.getByLabel('Exclamation marks per reply')).toHaveValue('0');

  // A blank limit is refused on the field, before anything is sent.
  await voice.getByLabel('Exclamation marks per reply').fill('');
  await voice.getByRole('button', { name: 'Save voice' }).click();
  await expect(voice.getByLabel('Exclamation marks per reply')).toHaveAttribute('aria-invalid', 'true');
  expect((await api.call('GET', '/v1/voice', { token: team.token })).voice.version).toBe(3);

  // A member's browser gets the voice with the next pull, and sees the rules read-only.
  const member = await launchWithExtension();
  try {
    const memberOptions = await OptionsPage.open(member.context, member.extensionId);
    await memberOptions.connect(api.url, team.invites.member, 'Amani');
    await expect
      .poll(async () => ((await memberOptions.send('pageContext', { platform: 'bluesky' })) as { voice?: { signOff?: string } }).voice?.signOff)
      .toBe('— Ana');
    const memberVoice = memberOptions.page.locator('section.voice');
    await expect(memberVoice.getByText('Only the team\'s owner and managers can change the brand voice')).toBeVisible();
    await expect(memberVoice.getByLabel('Sign-off')).toBeDisabled();
    await memberVoice.getByLabel('Sample reply').fill('Thanks for writing');
    await expect(memberVoice.locator('.voice-issues')).toContainText('— Ana');
  } finally {
    await member.context.close();
  }
});

for (const lang of ['en', 'fa'] as const) {
  test(`screenshot: brand voice, ${lang}`, async ({ api }) => {
    const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
    const fa = lang === 'fa';
    await api.call('PUT', '/v1/voice', {
      token: team.token,
      ifMatch: 1,
      body: {
        bannedTerms: fa
          ? [
              { term: 'ارزان', preferred: 'مقرون‌به‌صرفه' },
              { term: 'مشکلی نیست', preferred: 'با کمال میل' },
            ]
          : [
              { term: 'cheap', preferred: 'affordable' },
              { term: 'no problem', preferred: 'happy to help' },
            ],
        signOff: fa ? '— تیم کاهاوا' : '— Team Kahawa',
        emojiPolicy: 'sparing',
        maxExclamations: 1,
        formality: 'formal',
        lengthByPlatform: { bluesky: 280 },
      },
    });
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath,
      headless: true,
      locale: lang,
      deviceScaleFactor: 2,
      viewport: { width: 760, height: 900 },
      env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` },
      args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, `--lang=${lang}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const options = await OptionsPage.open(context, new URL(worker.url()).host);
      await options.page.locator('#server-url').fill(api.url);
      await options.page.locator('#invite-code').fill(team.invites.manager);
      await options.page.locator('#member-name').fill(fa ? 'میرا' : 'Mira');
      await options.page.locator('form button[type="submit"]').click();
      const voice = options.page.locator('section.voice');
      await expect(voice.locator('#voice-sign-off')).toBeVisible();
      await voice.locator('#voice-sample').fill(fa ? 'سلام! قهوهٔ ارزان ما را امتحان کنید!! 😀😀😀' : 'Hi! Try our cheap beans, gonna love them!! 😀😀😀');
      await expect(voice.locator('.voice-issues li').first()).toBeVisible();
      const dir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
      mkdirSync(dir, { recursive: true });
      await voice.screenshot({ path: join(dir, `options-voice-${lang}.png`), animations: 'disabled' });
    } finally {
      await context.close();
    }
  });
}
