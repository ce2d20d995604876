// The page is not ours, and its text is not code: hostile comments are shown inertly, the
// site's CSS cannot hide or resize a hint, and a hint never triggers the site's handlers.
import { readFileSync } from 'node:fs';
import { expect, servePage, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';

const THREAD = 'https://www.reddit.com/r/MechanicalKeyboards/comments/1gx7k2p/my_first_build_feedback_welcome/';

/** The Reddit snapshot with a hostile comment body (as text, the way Reddit escapes it),
 * CSS that tries to hide and shrink our hints, and a click handler on every comment. */
function hostilePage(): string {
  const html = readFileSync('extension/sites/snapshots/reddit/thread.html', 'utf8');
  const payload = `<img src=x onerror="window.__pwned='img'"> <script>window.__pwned='script'</script> <a href="javascript:window.__pwned='link'">why is my order late?</a>`;
  const escaped = payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const css = `<style>
    chorus-hint { display: none !important; width: 0 !important; height: 0 !important; opacity: 0 !important; }
    * { font-size: 0 !important; visibility: visible; }
    button { display: none !important; }
  </style>`;
  const script = `<script>
    window.__clicks = 0;
    document.addEventListener('click', (e) => { if (e.target.closest && e.target.closest('shreddit-comment')) window.__clicks++; });
  </script>`;
  return html
    .replace(/(<div slot="comment"[^>]*>)([\s\S]*?)(<\/div>)/, `$1<div class="md"><p>${escaped}</p></div>$3`)
    .replace('</head>', `${css}</head>`)
    .replace('</body>', `${script}</body>`);
}

test('hostile comments are shown inertly, site CSS cannot hide a hint, and hints keep clicks to themselves', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect.poll(async () => (await options.syncState()).lastSyncAt).toBeTruthy();

  await context.route('https://www.reddit.com/**', servePage(hostilePage()));
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(THREAD);

  // The comment carrying the payload has its hint, visible despite the page's CSS.
  const comment = page.locator('shreddit-comment').filter({ hasText: 'onerror' }).first();
  const hint = comment.locator('chorus-hint').first();
  await expect(hint).toHaveAttribute('data-item-key', /^reddit:t1_/);
  const box = await hint.boundingBox();
  expect(box && box.width > 20 && box.height > 10).toBe(true);
  await expect(hint.getByRole('button')).toBeVisible();

  // Opening its card: cues quote the text, as text.
  await hint.getByRole('button').click();
  await expect(hint.getByRole('dialog')).toBeVisible();
  expect(await hint.evaluate((host) => host.shadowRoot?.querySelectorAll('img, script, a[href^="javascript"]').length)).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);

  // Clicking the hint does not reach the site's handler; clicking the comment does.
  expect(await page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(0);
  await comment.locator('[slot="comment"]').first().dispatchEvent('click');
  expect(await page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(1);
});
