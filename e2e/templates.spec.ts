// Reply templates on the options page: a manager creates and edits one, and a save that
// races a change made elsewhere shows both versions until the manager chooses.
import { expect, launchWithExtension, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';

test('a manager creates and edits a template, and resolves a conflicting save', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const serverCopy = async () => {
    const { items } = await api.call('GET', '/v1/templates', { token: team.token });
    return items.find((t: { shortcut: string | null }) => t.shortcut === ';asante');
  };

  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.manager, 'Mira');
  await expect(options.templatesCard().getByText('Your team has no reply templates yet.')).toBeVisible();

  // Create: the preview follows the text as it is typed, variables marked.
  await options.newTemplate();
  await options.fillTemplate({
    title: 'Asante (Kiswahili)',
    body: 'Asante sana {{author.firstName}}! Karibu tena.',
    shortcut: ';asante',
    lang: 'sw',
    categories: ['Praise'],
    platforms: ['X', 'Instagram'],
  });
  // The preview renders the variables with a sample author.
  await expect(options.templateEditor().getByTestId('template-rendered')).toHaveText('Asante sana Amani! Karibu tena.');
  await options.saveTemplate();
  await expect(options.templatesCard().getByRole('status')).toHaveText('Template saved.');

  const row = options.templateRow(';asante');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('heading')).toHaveText('Asante (Kiswahili)');
  await expect(row.getByTestId('template-lang')).toHaveText('Swahili (sw)');
  await expect(row.locator('.chip.cat-praise')).toHaveText('Praise');
  await expect(row).toContainText('X · Instagram');
  const created = await serverCopy();
  expect(created).toMatchObject({ title: 'Asante (Kiswahili)', lang: 'sw', categories: ['praise'], platforms: ['x', 'instagram'], version: 1 });

  // Search ignores case and accents.
  await options.searchTemplates('KARÍBU');
  await expect(row).toHaveCount(1);
  await options.searchTemplates('habari');
  await expect(options.templatesCard().getByText(/No template matches/)).toBeVisible();
  await options.searchTemplates('');

  // Edit: PUT with If-Match 1.
  await options.editTemplate(';asante');
  await options.fillTemplate({ body: 'Asante sana! Tutakujibu haraka.' });
  await options.saveTemplate();
  await expect(options.templateRow('Tutakujibu haraka')).toHaveCount(1);
  expect(await serverCopy()).toMatchObject({ body: 'Asante sana! Tutakujibu haraka.', version: 2 });

  // The manager opens the editor at version 2; meanwhile the owner saves version 3 elsewhere.
  await options.editTemplate(';asante');
  const theirs = await fetch(`${api.url}/v1/templates/${created.id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${team.token}`, 'content-type': 'application/json', 'if-match': '2' },
    body: JSON.stringify({ ...created, body: 'Asante kutoka kwa Ana.', id: undefined }),
  });
  expect(theirs.status).toBe(200);
  await options.fillTemplate({ body: 'Asante sana, Mira hapa. Karibu!' });
  await options.saveTemplate();

  const { mine, theirs: server } = options.conflictVersions();
  await expect(mine).toContainText('Asante sana, Mira hapa. Karibu!');
  await expect(server).toContainText('Asante kutoka kwa Ana.');
  await expect(server.getByRole('heading')).toContainText('version 3');
  expect((await serverCopy()).body).toBe('Asante kutoka kwa Ana.');

  await options.keepMine();
  await expect(options.templatesCard().getByRole('status')).toHaveText('Template saved.');
  await expect(options.templateEditor()).toHaveCount(0);
  await expect(options.templateRow('Mira hapa')).toHaveCount(1);
  expect(await serverCopy()).toMatchObject({ body: 'Asante sana, Mira hapa. Karibu!', version: 4, lang: 'sw', shortcut: ';asante' });

  // The background's synced copy caught up too.
  await expect.poll(async () => (await options.listTemplates()).find((t) => t.shortcut === ';asante')?.version).toBe(4);
});

test('the server’s message lands on the field it names; delete asks first; members only read', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  await api.call('POST', '/v1/templates', {
    token: team.token,
    body: { title: 'תודה', body: 'תודה רבה על הפנייה!', lang: 'he', shortcut: ';toda', categories: ['question'] },
  });

  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.manager, 'Mira');
  await expect(options.templateRow(';toda')).toHaveCount(1);

  // Same shortcut in the same language: 409 conflict on `shortcut`.
  await options.newTemplate();
  await options.fillTemplate({ title: 'Thanks again', body: 'Thanks!', shortcut: ';TODA', lang: 'he' });
  await options.saveTemplate();
  const shortcut = options.templateEditor().getByLabel('Shortcut', { exact: true });
  await expect(shortcut).toHaveAttribute('aria-invalid', 'true');
  await expect(shortcut).toBeFocused();
  await expect(options.templateEditor().getByRole('alert')).toContainText(/shortcut/i);
  await options.templateEditor().getByRole('button', { name: 'Cancel' }).click();

  // Delete, after an inline confirmation.
  await options.editTemplate(';toda');
  await options.templateEditor().getByRole('button', { name: 'Delete' }).click();
  await expect(options.page.getByRole('alertdialog')).toContainText('for the whole team?');
  await options.page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(options.templatesCard().getByRole('status')).toHaveText('Template deleted.');
  await expect(options.templateRow(';toda')).toHaveCount(0);
  const { items } = await api.call('GET', '/v1/templates', { token: team.token });
  expect(items).toMatchObject([{ shortcut: ';toda', deleted: true, version: 2 }]);

  // A member sees the shared list without any way to change it (private ones are theirs to add).
  await api.call('POST', '/v1/templates', { token: team.token, body: { title: 'Asante', body: 'Asante sana!', lang: 'sw', shortcut: ';asante' } });
  await options.disconnect();
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect(options.templateRow(';asante')).toHaveCount(1);
  await expect(options.templatesCard().getByText('Only the team\'s owner and managers change the shared templates.', { exact: false })).toBeVisible();
  await expect(options.templatesCard().getByRole('button', { name: 'Edit' })).toHaveCount(0);
});

test('wording per platform, fill-in fields and fallbacks in the preview, and private templates', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.manager, 'Mira');
  await expect(options.templatesCard().getByText('Your team has no reply templates yet.')).toBeVisible();

  await options.newTemplate();
  const editor = options.templateEditor();
  await options.fillTemplate({ title: 'Order status', body: 'Hi ', lang: 'en' });
  // Variables go in at the cursor, from the chips.
  await editor.getByRole('button', { name: '{{author.firstName}}' }).click();
  await editor.getByLabel('Text', { exact: true }).press('End');
  await editor.getByLabel('Text', { exact: true }).pressSequentially(', order {{fill:Order number}} ships today. — {{agent.name}}');
  const rendered = editor.getByTestId('template-rendered');
  await expect(rendered).toHaveText('Hi Amani, order  ships today. — Mira');
  await expect(editor.locator('.preview-warnings')).toContainText(/Order number.? is left empty unless the member fills it in\./);
  await editor.getByRole('group', { name: 'Fill-in fields' }).getByLabel('Order number').fill('#4417');
  await expect(rendered).toHaveText('Hi Amani, order #4417 ships today. — Mira');

  // Without the author's name, a variable without fallback is flagged; a fallback fixes it.
  await editor.getByLabel('Author\'s name unknown').check();
  await expect(rendered).toHaveText('Hi , order #4417 ships today. — Mira');
  await expect(editor.locator('.preview-warnings')).toContainText(/\{\{author\.firstName\}\}.? has no fallback/);
  await editor.getByLabel('Text', { exact: true }).fill('Hi {{author.firstName | "there"}}, order {{fill:Order number}} ships today. — {{agent.name}} {{agnet.name}}');
  await expect(rendered).toHaveText('Hi there, order #4417 ships today. — Mira {{agnet.name}}');
  await expect(editor.locator('.preview-warnings')).toContainText(/\{\{agnet\.name\}\}.? is not a variable Chorus knows/);
  await editor.getByLabel('Text', { exact: true }).fill('Hi {{author.firstName | "there"}}, order {{fill:Order number}} ships today.');

  // A shorter wording for X, previewed on X.
  await editor.getByLabel('Choose a platform').selectOption({ label: 'X' });
  await editor.getByRole('button', { name: 'Add wording' }).click();
  await editor.getByLabel('Text on X').fill('{{fill:Order number}} ships today 📦');
  await editor.getByLabel('Preview on').selectOption({ label: 'X' });
  await expect(rendered).toHaveText('#4417 ships today 📦');
  await options.saveTemplate();
  await expect(options.templatesCard().getByRole('status')).toHaveText('Template saved.');
  const { items } = await api.call('GET', '/v1/templates', { token: team.token });
  expect(items).toEqual([
    expect.objectContaining({
      title: 'Order status',
      body: 'Hi {{author.firstName | "there"}}, order {{fill:Order number}} ships today.',
      variants: { x: '{{fill:Order number}} ships today 📦' },
      private: false,
    }),
  ]);

  // A member keeps a private template: theirs alone, unseen by the team.
  const fresh = await launchWithExtension();
  try {
    const memberOptions = await OptionsPage.open(fresh.context, fresh.extensionId);
    await memberOptions.connect(api.url, team.invites.member, 'Amani');
    await expect(memberOptions.templateRow('Order status')).toBeVisible();
    await expect(memberOptions.templateRow('Order status').getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await memberOptions.newTemplate();
    await memberOptions.fillTemplate({ title: 'پاسخ من', body: 'سلام {{author.firstName | "دوست عزیز"}}، ممنون از پیام شما.', lang: 'fa' });
    await expect(memberOptions.templateEditor().getByRole('radio', { name: 'The whole team' })).toBeDisabled();
    await expect(memberOptions.templateEditor().getByRole('radio', { name: 'Only me' })).toBeChecked();
    await memberOptions.saveTemplate();
    await expect(memberOptions.templatesCard().getByRole('status')).toHaveText('Template saved.');
    await expect(memberOptions.templateRow('پاسخ من').locator('.tag.private')).toHaveText('Private');

    const seenByOwner = (await api.call('GET', '/v1/templates', { token: team.token })).items.map((t: { title: string }) => t.title);
    expect(seenByOwner).toEqual(['Order status']);
    await expect
      .poll(async () => (await memberOptions.listTemplates()).map((t) => [t.title, t.private]).sort())
      .toEqual([
        ['Order status', false],
        ['پاسخ من', true],
      ]);
  } finally {
    await fresh.context.close();
  }
});

for (const lang of ['en', 'fa'] as const) {
  test(`screenshot: template editor, ${lang}`, async ({ api }) => {
    const fa = lang === 'fa';
    const team = await api.call('POST', '/v1/teams', { body: { name: fa ? 'کافه کاهاوا' : 'Kahawa Bora', ownerName: 'Ana' } });
    const { mkdirSync } = await import('node:fs');
    const { chromium } = await import('@playwright/test');
    const { chromiumPath, extensionDir } = await import('./fixtures.ts');
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
      await options.templatesCard().locator('.head-actions button').last().click();
      const editor = options.templateEditor();
      await editor.locator('input').first().fill(fa ? 'وضعیت سفارش' : 'Order status');
      await editor.locator('textarea').first().fill(
        fa
          ? 'سلام {{author.firstName | "دوست عزیز"}}، سفارش {{fill:شماره سفارش}} امروز ارسال می‌شود. — {{agent.name}}'
          : 'Hi {{author.firstName | "there"}}, order {{fill:Order number}} ships today. — {{agent.name}}',
      );
      await editor.locator('.variant-add select').selectOption('x');
      await editor.locator('.variant-add button').click();
      await editor.locator('.variants textarea').fill(fa ? 'سفارش {{fill:شماره سفارش}} امروز ارسال می‌شود 📦' : 'Order {{fill:Order number}} ships today 📦');
      await editor.locator('.fill-fields input').first().fill('#4417');
      const { join } = await import('node:path');
      const { fileURLToPath } = await import('node:url');
      const dir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
      mkdirSync(dir, { recursive: true });
      await editor.screenshot({ path: join(dir, `options-template-${lang}.png`), animations: 'disabled' });
    } finally {
      await context.close();
    }
  });
}
