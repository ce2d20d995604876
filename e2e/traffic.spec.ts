// The traffic cop on the Reddit snapshot: while Amani writes a reply to a post, her teammate
// Noa's answer to the same post arrives (through the API and the team's sync). The reply box
// warns "Noa answered … — send anyway?"; Amani's next submit is held (the site never sees
// the click) until she sends anyway from the keyboard, and then exactly one reply is recorded.
import { readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { expect, servePage, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';

const THREAD = 'https://www.reddit.com/r/MechanicalKeyboards/comments/1gx7k2p/my_first_build_feedback_welcome/';

test('a teammate’s answer that arrives while writing holds the submit until the member sends anyway', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const noa = await api.call('POST', '/v1/join', { body: { code: team.invites.member, name: 'Noa' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');

  const html = readFileSync('extension/sites/snapshots/reddit/thread.html', 'utf8');
  await context.route('https://www.reddit.com/**', servePage(html));
  const page = await context.newPage();
  await page.goto(THREAD);
  const postKey = await page.locator('shreddit-post chorus-hint').first().getAttribute('data-item-key');
  // The site takes a reply by emptying the box, and counts the submits it saw.
  await page.evaluate(() => {
    const w = window as Window & { __submits?: number };
    w.__submits = 0;
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Comment')!;
    button.addEventListener('click', () => {
      w.__submits!++;
      setTimeout(() => (document.querySelector('comment-composer-host [contenteditable="true"]')!.innerHTML = '<p><br></p>'), 300);
    });
  });
  const submits = () => page.evaluate(() => (window as Window & { __submits?: number }).__submits);
  const box = page.locator('comment-composer-host [contenteditable="true"]');
  await box.click();
  await page.keyboard.type('Thanks for sharing your build!');
  const bar = page.locator('chorus-composer');
  await expect(bar.getByTestId('voice-meter')).toBeVisible();

  // Noa answers the same post from her browser.
  const answer = await api.call('POST', '/v1/interactions', {
    token: noa.token,
    body: { interactions: [{ id: uuidv7(), itemKey: postKey, platform: 'reddit', kind: 'reply', actedAt: new Date().toISOString() }] },
  });
  expect(answer.accepted).toHaveLength(1);
  const warning = bar.getByRole('alertdialog');
  await expect(warning).toContainText(/Noa.? answered .+ ago — send anyway\?/, { timeout: 20_000 });

  // The submit is held: the site never saw it, the reply is still in the box, the warning has the focus.
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  expect(await submits()).toBe(0);
  await expect(box).toContainText('Thanks for sharing your build!');
  await expect(warning).toContainText('Your reply was not sent.');
  const send = warning.getByRole('button', { name: 'Send anyway' });
  await expect(send).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(warning).toHaveCount(0);
  await expect.poll(submits).toBe(1);
  await expect(box).not.toContainText('Thanks for sharing');

  // Noa's answer and Amani's reply: one each.
  const day = new Date().toISOString().slice(0, 10);
  const csv = async () => (await api.text(`/v1/export/interactions.csv?from=${day}&to=${day}`, team.token)).trim().split(/\r?\n/);
  await expect.poll(async () => (await csv()).length, { timeout: 20_000 }).toBe(3);
  const [header, ...rows] = await csv();
  const members = rows.map((row) => Object.fromEntries(header!.split(',').map((name, i) => [name, row.split(',')[i]])).member).sort();
  expect(members).toEqual(['Amani', 'Noa']);
});

test('“Don’t send” drops the held submit and puts the member back in the reply box', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const noa = await api.call('POST', '/v1/join', { body: { code: team.invites.member, name: 'Noa' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  const html = readFileSync('extension/sites/snapshots/reddit/thread.html', 'utf8');
  await context.route('https://www.reddit.com/**', servePage(html));
  const page = await context.newPage();
  await page.goto(THREAD);
  const postKey = await page.locator('shreddit-post chorus-hint').first().getAttribute('data-item-key');
  const box = page.locator('comment-composer-host [contenteditable="true"]');
  await box.click();
  await page.keyboard.type('Same here');
  await api.call('POST', '/v1/interactions', {
    token: noa.token,
    body: { interactions: [{ id: uuidv7(), itemKey: postKey, platform: 'reddit', kind: 'reply', actedAt: new Date().toISOString() }] },
  });
  const warning = page.locator('chorus-composer').getByRole('alertdialog');
  await expect(warning).toContainText(/Noa.? answered/, { timeout: 20_000 });
  // Ctrl+Enter in the box is a submit too: held.
  await box.press('Control+Enter');
  await expect(warning).toContainText('Your reply was not sent.');
  await warning.getByRole('button', { name: "Don't send" }).click();
  await expect(warning).toHaveCount(0);
  await expect(box).toBeFocused();
  await page.keyboard.type(' too');
  await expect(box).toContainText('Same here too');
});
