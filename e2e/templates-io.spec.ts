// The template library as a file on the options page: an import is all or nothing and
// names the lines to fix, an export reads back with the same parser, and a member's
// imports stay private to them.
import { parseTemplateFile } from '../extension/entrypoints/options/templateFiles.ts';
import { expect, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';
import { TemplateFilesBar } from './pages/templateFiles.ts';

interface ServerTemplate {
  id: string;
  title: string;
  body: string;
  shortcut: string | null;
  private: boolean;
  ownerId: string | null;
}

test('a manager imports a CSV: bad lines are named and nothing is written, then the fixed file imports', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const serverTemplates = async (): Promise<ServerTemplate[]> => (await api.call('GET', '/v1/templates', { token: team.token })).items;

  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.manager, 'Mira');
  const bar = new TemplateFilesBar(options.page);
  await expect(bar.button('Import…')).toBeVisible();
  await expect(bar.root()).not.toContainText('private to you');

  const broken = [
    'title,body,shortcut,lang',
    'Welcome,"Hello, and welcome!",;welcome,en',
    'Thanks,Thank you!,thanks,en',
    'سپاس,"سلام،\nممنون از پیام شما!",;sepas,fa',
    ',No title here,;notitle,en',
  ].join('\r\n');
  // Line 5 of the file is line 6 here: the Persian body spans two lines.
  await bar.choose('library.csv', broken);
  await expect(bar.problems()).toContainText('Nothing was imported. Fix these lines and try again:');
  await expect(bar.problemLines()).toHaveCount(2);
  await expect(bar.problemLines().nth(0)).toContainText('Line 3 — ');
  await expect(bar.problemLines().nth(0)).toContainText('shortcut');
  await expect(bar.problemLines().nth(1)).toContainText('Line 6 — ');
  await expect(bar.problemLines().nth(1)).toContainText('title');
  await expect(bar.confirmation()).toHaveCount(0);
  expect(await serverTemplates()).toEqual([]);

  // The same mistakes on lines 3 and 5 of a file with one-line rows.
  await bar.choose('library.csv', broken.replace('"سلام،\nممنون از پیام شما!"', 'سلام'));
  await expect(bar.problemLines()).toHaveCount(2);
  await expect(bar.problemLines().nth(0)).toContainText('Line 3 — ');
  await expect(bar.problemLines().nth(1)).toContainText('Line 5 — ');
  expect(await serverTemplates()).toEqual([]);

  const fixed = broken.replace(',thanks,en', ',;thanks,en').replace(',No title here', 'No title no more,No title here');
  await bar.choose('library.csv', fixed);
  await expect(bar.problems()).toHaveCount(0);
  await expect(bar.confirmation()).toContainText('Templates in the file: 4');
  await expect(bar.confirmation()).toContainText('replacing existing ones with the same id: 0');
  await bar.confirm();
  await expect(bar.status()).toHaveText('Imported. New templates: 4. Updated templates: 0.');

  await expect(options.templateRow(';sepas')).toHaveCount(1);
  await expect(options.templateRow(';sepas').getByRole('heading')).toHaveText('سپاس');
  await expect(options.templateRow(';sepas').locator('.preview')).toHaveText('سلام،\nممنون از پیام شما!');
  await expect(options.templateRow(';welcome')).toContainText('Hello, and welcome!');
  const written = await serverTemplates();
  expect(written.map((t) => t.shortcut).sort()).toEqual([';notitle', ';sepas', ';thanks', ';welcome']);
  expect(written.every((t) => !t.private)).toBe(true);

  // What only the server knows (a shortcut taken by a template not in the file) comes back
  // by index and is named by the line of the file.
  const clash = JSON.stringify({ templates: [{ title: 'Fine', body: 'Fine.' }, { title: 'Again', body: 'Hi', shortcut: ';WELCOME', lang: 'en' }] }, null, 2);
  await bar.choose('clash.json', clash);
  await bar.confirm();
  await expect(bar.problemLines()).toHaveCount(1);
  await expect(bar.problemLines()).toContainText('Line 7 — ');
  await expect(bar.problemLines()).toContainText('already used by a shared template');
  expect(await serverTemplates()).toHaveLength(4);
});

test('export JSON and CSV: the files read back with the same titles and bodies', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const seeded = await api.call('POST', '/v1/templates/import', {
    token: team.token,
    body: {
      templates: [
        { title: 'תודה, "חברים"', body: 'תודה רבה!\nנחזור אליך בקרוב 🙏', lang: 'he', shortcut: ';toda', variants: { x: 'תודה!' } },
        { title: '=SUM(A1)', body: '-1, "quoted", and commas', categories: ['complaint'], platforms: ['reddit'] },
        { title: 'سپاس', body: 'سلام {{author.firstName}}، ممنون!', lang: 'fa' },
      ],
    },
  });
  expect(seeded.created).toHaveLength(3);

  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.manager, 'Mira');
  await expect(options.templateRow(';toda')).toHaveCount(1);
  const bar = new TemplateFilesBar(options.page);
  const expected = seeded.created.map((t: ServerTemplate) => ({ id: t.id, title: t.title, body: t.body })).sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id));
  const readBack = (name: string, text: string) => {
    const parsed = parseTemplateFile(name, text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.entries.map(({ input }) => ({ id: input.id, title: input.title, body: input.body })).sort((a, b) => a.id!.localeCompare(b.id!));
  };

  const json = await bar.export('JSON');
  expect(json.name).toMatch(/^chorus-templates-kahawa-bora-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(json.text)).toMatchObject({ format: 'chorus-templates', version: 1 });
  expect(readBack(json.name, json.text)).toEqual(expected);

  const csv = await bar.export('CSV');
  expect(csv.name).toMatch(/^chorus-templates-kahawa-bora-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.startsWith('\uFEFFid,title,body,shortcut,lang,categories,platforms,private,variant:x,')).toBe(true);
  expect(csv.text).toContain(`,'=SUM(A1),"'-1, ""quoted"", and commas",`);
  expect(readBack(csv.name, csv.text)).toEqual(expected);
  const hebrew = parseTemplateFile(csv.name, csv.text);
  expect(hebrew.ok && hebrew.entries.find((e) => e.input.shortcut === ';toda')?.input.variants).toEqual({ x: 'תודה!' });
});

test('a member’s import is private to them: the owner never sees it', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  await api.call('POST', '/v1/templates', { token: team.token, body: { title: 'Shared', body: 'For everyone.', shortcut: ';shared' } });

  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect(options.templateRow(';shared')).toHaveCount(1);
  const bar = new TemplateFilesBar(options.page);
  await expect(bar.root()).toContainText('Imported templates are private to you.');

  // The file says "shared"; a member's import makes every entry private.
  await bar.choose('mine.csv', 'title,body,shortcut,private\r\nAsante,Asante sana!,;asante,false\r\nKaribu,Karibu tena!,;karibu,\r\n');
  await bar.confirm();
  await expect(bar.status()).toHaveText('Imported. New templates: 2. Updated templates: 0.');
  await expect(options.templateRow(';asante')).toHaveCount(1);
  await expect(options.templateRow(';karibu')).toHaveCount(1);

  const [member] = await bar.storedConnections();
  const mine: ServerTemplate[] = (await api.call('GET', '/v1/templates', { token: member!.token })).items;
  const imported = mine.filter((t) => t.shortcut !== ';shared');
  expect(imported).toHaveLength(2);
  for (const t of imported) expect(t).toMatchObject({ private: true, ownerId: member!.member.id });

  const owners: ServerTemplate[] = (await api.call('GET', '/v1/templates', { token: team.token })).items;
  expect(owners.map((t) => t.shortcut)).toEqual([';shared']);
});
