// A template's shortcut typed in a site's real editor (Lexical, served where Facebook shows
// its comment box) and then Tab or Space becomes the rendered template, in the editor's own
// state: the site's Reply button enables. The content script does this, not the test.
import { buildEditors } from './editors/build.ts';
import { expect, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';

const URL_ = 'https://www.facebook.com/chorus.coffee/posts/pfbid02Hq7xWkDuU4bLm3ZcKqVtR9sYpA1nEoF6gJiT8hX2wBzN5dQ3vCl';

test('a shortcut and Tab or Space in a recognized composer insert the rendered template', async ({ api, context, extensionId }) => {
  const pages = await buildEditors();
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  await api.call('POST', '/v1/templates', {
    token: team.token,
    body: { title: 'Thanks', body: 'Asante sana {{author.firstName | "rafiki"}}! — {{agent.name}}, {{brand}}', shortcut: ';asante' },
  });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect.poll(async () => (await options.listTemplates()).length).toBe(1);

  await context.route(URL_, (route) => route.fulfill({ body: pages.lexical, contentType: 'text/html; charset=utf-8' }));
  const page = await context.newPage();
  await page.goto(URL_);
  const editor = page.locator('[data-lexical-editor]');
  const state = () => page.evaluate(() => window.__editorState!().replace(/\u00a0/g, ' '));
  await expect(page.locator('#reply')).toBeDisabled();

  await editor.click();
  await page.keyboard.type('Habari ;asante');
  await page.keyboard.press('Tab');
  await expect.poll(state).toBe('Habari Asante sana rafiki! — Amani, Kahawa Bora');
  await expect(page.locator('#reply')).toBeEnabled();
  // Tab did not move the focus away: the member keeps typing.
  await page.keyboard.type(' :)');
  await expect.poll(state).toBe('Habari Asante sana rafiki! — Amani, Kahawa Bora :)');

  // Space works too; an unknown shortcut is left alone and the space is typed.
  await page.keyboard.type(' ;nope ');
  await expect.poll(state).toBe('Habari Asante sana rafiki! — Amani, Kahawa Bora :) ;nope ');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(';asante ');
  await expect.poll(state).toBe('Asante sana rafiki! — Amani, Kahawa Bora');
});

test('Ctrl+Shift+Space opens the picker: search, fill the fields, Enter inserts at the caret', async ({ api, context, extensionId }) => {
  const pages = await buildEditors();
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  for (const body of [
    { title: 'Order status', body: 'your order {{fill:Order number | "in process"}} ships today.', shortcut: ';order' },
    { title: 'Asante', body: 'Asante sana!', shortcut: ';asante' },
  ]) {
    await api.call('POST', '/v1/templates', { token: team.token, body });
  }
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect.poll(async () => (await options.listTemplates()).length).toBe(2);

  await context.route(URL_, (route) => route.fulfill({ body: pages.lexical, contentType: 'text/html; charset=utf-8' }));
  const page = await context.newPage();
  await page.goto(URL_);
  const state = () => page.evaluate(() => window.__editorState!().replace(/\u00a0/g, ' '));
  await page.locator('[data-lexical-editor]').click();
  await page.keyboard.type('Hi Sam, ');
  await page.keyboard.press('Control+Shift+Space');
  const picker = page.locator('chorus-picker');
  await expect(picker.getByRole('dialog', { name: 'Reply templates' })).toBeVisible();
  await page.keyboard.type('ordr');
  await expect(picker.getByRole('option', { selected: true })).toContainText('Order status');
  await expect(picker.getByTestId('picker-preview')).toHaveText('your order in process ships today.');
  await picker.getByRole('textbox', { name: 'Order number' }).fill('#4417');
  await expect(picker.getByTestId('picker-preview')).toHaveText('your order #4417 ships today.');
  await picker.getByRole('textbox', { name: 'Order number' }).press('Enter');
  await expect(picker).toHaveCount(0);
  await expect.poll(state).toBe('Hi Sam, your order #4417 ships today.');
  await expect(page.locator('#reply')).toBeEnabled();

  // Escape closes it and leaves the text as it was.
  await page.keyboard.press('Control+Shift+Space');
  await expect(picker).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect.poll(state).toBe('Hi Sam, your order #4417 ships today.');
});
