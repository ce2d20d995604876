// Every reply sent is recorded once: a template inserted with its shortcut, the site's
// submit clicked (twice), the site takes the reply (the box empties) → exactly one
// interaction reaches the API, for the item the box answers, with its template and reply
// time and length (the words stay in the browser: the team's default) and its brand-voice score. A submit the site refuses
// (the text stays) records nothing.
import { readFileSync } from 'node:fs';
import { expect, servePage, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';

const THREAD = 'https://www.reddit.com/r/MechanicalKeyboards/comments/1gx7k2p/my_first_build_feedback_welcome/';

test('a reply the site takes is recorded once; one it refuses is not', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  // A brand voice with a sign-off the reply below lacks: its voice score is 90.
  await api.call('PUT', '/v1/voice', {
    token: team.token,
    ifMatch: 1,
    body: { bannedTerms: [], signOff: '— Amani', emojiPolicy: 'sparing', maxExclamations: 1, formality: 'neutral', lengthByPlatform: {} },
  });
  const { template } = await api.call('POST', '/v1/templates', {
    token: team.token,
    body: { title: 'Thanks', body: 'Asante sana, {{author.firstName | "rafiki"}}!', shortcut: ';asante' },
  });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect.poll(async () => (await options.listTemplates()).length).toBe(1);

  const html = readFileSync('extension/sites/snapshots/reddit/thread.html', 'utf8');
  await context.route('https://www.reddit.com/**', servePage(html));
  const page = await context.newPage();
  await page.goto(THREAD);
  const postKey = await page.locator('shreddit-post chorus-hint').first().getAttribute('data-item-key');
  const box = page.locator('comment-composer-host [contenteditable="true"]');
  const submit = page.getByRole('button', { name: 'Comment', exact: true });

  // The site refuses the first submit (nothing listens): the text stays, nothing is recorded.
  await box.click();
  await page.keyboard.type(';asante');
  await page.keyboard.press('Tab');
  await expect(box).toContainText('Asante sana, rafiki!');
  await submit.click();
  // Past the time a site has to take a reply (8 s): still nothing was recorded.
  await page.waitForTimeout(9_000);
  await options.syncNow();
  expect((await options.syncState()).pending.interactions).toBe(0);
  const day = new Date().toISOString().slice(0, 10);
  const csv = async () => (await api.text(`/v1/export/interactions.csv?from=${day}&to=${day}`, team.token)).trim().split(/\r?\n/);
  expect(await csv()).toHaveLength(1);

  // Now the site takes replies: its submit empties the box, as Reddit's does.
  await page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Comment')!;
    button.addEventListener('click', () => setTimeout(() => (document.querySelector('comment-composer-host [contenteditable="true"]')!.innerHTML = '<p><br></p>'), 300));
  });
  await submit.click();
  await submit.click();

  await expect.poll(async () => (await csv()).length, { timeout: 20_000 }).toBe(2);
  const [header, row] = await csv();
  const record = Object.fromEntries(header!.split(',').map((name, i) => [name, row!.split(',')[i]]));
  expect(record).toMatchObject({ item_key: postKey, platform: 'reddit', kind: 'reply', template_id: template.id, member: 'Amani' });
  expect(Number(record.response_ms)).toBeGreaterThan(0);
  expect(Number(record.text_length)).toBe('Asante sana, rafiki!'.length);
  // The score the meter beside the box showed when the reply was sent.
  expect(record.voice_score).toBe('90');
});
