// Reply templates on the options page: a manager creates and edits one, and a save that
// races a change made elsewhere shows both versions until the manager chooses.
import { expect, test } from './fixtures.ts';
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
  await expect(options.templateEditor().locator('.preview')).toHaveText('Asante sana {{author.firstName}}! Karibu tena.');
  await expect(options.templateEditor().locator('.preview mark')).toHaveText('{{author.firstName}}');
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

  // A member sees the list without any way to change it.
  await api.call('POST', '/v1/templates', { token: team.token, body: { title: 'Asante', body: 'Asante sana!', lang: 'sw', shortcut: ';asante' } });
  await options.disconnect();
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect(options.templateRow(';asante')).toHaveCount(1);
  await expect(options.templatesCard().getByText('Only the team\'s owner and managers can change templates.')).toBeVisible();
  await expect(options.templatesCard().getByRole('button', { name: /New template|Edit/ })).toHaveCount(0);
});
