// The options page once connected: the connection, the team's settings (edited by a manager,
// read-only for a member) and the records the server rejected. `npm run screenshots` also
// renders docs/screenshots/options-manager-{en,fa}.png from here.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumPath, expect, extensionDir, launchWithExtension, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';

test('a manager changes the team settings and a member sees them read-only', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Northwind Coffee', ownerName: 'Ana' } });

  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.manager, 'Mira');
  await expect(options.page.getByText(/Northwind Coffee/)).toBeVisible();
  await expect(options.page.getByTestId('connection-role')).toHaveText('Manager');
  await expect(options.page.getByLabel('Time zone')).toHaveValue('UTC');
  await expect(options.page.getByLabel('Monday')).toBeChecked();
  await expect(options.page.getByLabel('Sunday')).not.toBeChecked();
  await expect(options.page.getByLabel('Sync reply text to the team server')).not.toBeChecked();

  await options.setSla('complaint', 15);
  await options.setTimeZone('Asia/Tehran');
  await options.saveSettings();
  await expect(options.page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  const { team: stored } = await api.call('GET', '/v1/team', { token: team.token });
  expect(stored.settings.timeZone).toBe('Asia/Tehran');
  expect(stored.settings.slaMinutes).toEqual({ question: 60, complaint: 15 });

  // A member in a fresh browser sees the new values and cannot change them.
  const fresh = await launchWithExtension();
  try {
    const member = await OptionsPage.open(fresh.context, fresh.extensionId);
    await member.connect(api.url, team.invites.member, 'Amani');
    await expect(member.page.getByTestId('connection-role')).toHaveText('Member');
    await expect(member.page.getByText('Only the team\'s owner and managers can change these settings.')).toBeVisible();
    await expect(member.page.getByLabel('Time zone')).toHaveValue('Asia/Tehran');
    await expect(member.page.locator('#sla-complaint')).toHaveValue('15');
    const inputs = member.settingsInputs();
    expect(await inputs.count()).toBeGreaterThan(10);
    for (const input of await inputs.all()) await expect(input).toBeDisabled();
    await expect(member.page.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  } finally {
    await fresh.context.close();
  }
});

test('the server’s message is shown next to the field it names', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.manager, 'Mira');

  await options.page.getByLabel('Opens at').fill('18:00');
  await options.page.getByLabel('Closes at').fill('09:00');
  await options.saveSettings();
  await expect(options.page.getByRole('alert')).toHaveText(/open must be before close/);
  await expect(options.page.getByLabel('Closes at')).toHaveAttribute('aria-invalid', 'true');
  await expect(options.page.getByLabel('Closes at')).toBeFocused();

  const { team: stored } = await api.call('GET', '/v1/team', { token: team.token });
  expect(stored.settings.businessHours).toEqual({ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' });
});

test('rejected records are listed, and disconnecting asks first', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect(options.page.getByText('Nothing was rejected', { exact: false })).toBeVisible();

  await options.addDeadLetter({
    teamId: team.team.id,
    kind: 'items',
    id: 'x:1790000000000000009',
    reason: 'itemKey: must start with "<platform>:"',
    at: new Date().toISOString(),
  });
  await options.page.getByRole('button', { name: 'Refresh' }).click();
  await expect(options.deadLetterRows()).toHaveCount(1);
  await expect(options.deadLetterRows().first()).toContainText('Post seen');
  await expect(options.deadLetterRows().first()).toContainText('x:1790000000000000009');
  await expect(options.deadLetterRows().first()).toContainText('must start with');

  // Cancelling keeps the connection; confirming removes it.
  await options.page.getByRole('button', { name: 'Disconnect' }).click();
  await options.page.getByRole('button', { name: 'Cancel' }).click();
  await expect(options.page.getByText(/Kahawa Bora/)).toBeVisible();
  await options.disconnect();
  await expect(options.page.getByLabel('Invite code')).toBeVisible();
  await options.page.reload();
  await expect(options.page.getByLabel('Invite code')).toBeVisible();
  await expect(options.page.getByText(/Kahawa Bora/)).toHaveCount(0);
});

for (const lang of ['en', 'fa'] as const) {
  test(`screenshot: manager options, ${lang}`, async ({ api }) => {
    const team = await api.call('POST', '/v1/teams', {
      body: { name: 'Kahawa Bora', ownerName: 'Ana', settings: { timeZone: 'Africa/Nairobi', slaMinutes: { complaint: 20 } } },
    });
    const samples = [
      { title: 'Asante (Kiswahili)', body: 'Asante sana {{author.firstName | "rafiki"}}! Karibu tena.', lang: 'sw', shortcut: ';asante', categories: ['praise'] },
      { title: 'پیگیری سفارش', body: 'سلام {{author.firstName | "دوست عزیز"}}، شماره سفارش {{fill:شماره سفارش}} را در پیام خصوصی بفرستید.', lang: 'fa', shortcut: ';سفارش', categories: ['complaint', 'question'] },
      { title: 'Order delayed', body: 'So sorry {{author.firstName | "there"}}, we are on it. Could you DM us your order number?', lang: 'en', shortcut: ';late', categories: ['complaint'], platforms: ['x', 'instagram'] },
    ];
    for (const body of samples) await api.call('POST', '/v1/templates', { token: team.token, body });
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
      await options.page.locator('#member-name').fill(lang === 'fa' ? 'میرا' : 'Mira');
      await options.page.locator('form button[type="submit"]').click();
      await expect(options.settingsForm()).toBeVisible();
      await expect(options.templatesCard().locator('li.template')).toHaveCount(3);
      await expect(options.page.locator('section.voice #voice-sign-off')).toBeVisible();
      await expect(options.page.locator('html')).toHaveAttribute('lang', lang);
      const dir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
      mkdirSync(dir, { recursive: true });
      await options.page.screenshot({ path: join(dir, `options-manager-${lang}.png`), fullPage: true, animations: 'disabled' });
    } finally {
      await context.close();
    }
  });
}
