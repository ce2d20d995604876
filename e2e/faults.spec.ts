// Faults with the real extension in Chromium: a browser closed with records still in its
// outbox delivers them, exactly once, when it is opened again and the API is back; and a full
// IndexedDB shows in the popup instead of losing the member's reply silently.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { chromiumPath, expect, extensionDir, launchWithExtension, startApi, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

test('a browser closed with a pending outbox delivers it once when reopened, without "sync now"', async () => {
  test.skip(!existsSync(chromiumPath), `Chromium not found at ${chromiumPath}`);
  test.skip(!existsSync(join(extensionDir, 'manifest.json')), 'Build the extension first: npm run build');
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'chorus-e2e-faults-api-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'chorus-e2e-faults-profile-'));
  const port = await freePort();
  let server = await startApi({ dataDir, port });
  let browser = await launchWithExtension(extensionDir, userDataDir);
  try {
    const team = await server.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    await options.connect(server.url, team.invites.member, 'Amani');
    await expect(options.page.getByText(/Kahawa Bora/)).toBeVisible();
    await expect.poll(async () => (await options.syncState()).lastSyncAt, { timeout: 20_000 }).toBeTruthy();

    // The API goes away; the member keeps replying.
    await server.stop();
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    for (const [n, id] of ids.entries()) {
      await options.recordInteraction({
        id,
        itemKey: `x:179000000000000000${n}`,
        platform: 'x',
        kind: 'reply',
        actedAt: new Date().toISOString(),
        responseMs: 60_000,
      });
    }
    await expect.poll(async () => (await options.syncState()).pending.interactions).toBe(3);
    // The browser is closed with the three still queued.
    await browser.context.close();

    server = await startApi({ dataDir, port });
    browser = await launchWithExtension(extensionDir, userDataDir);
    const reopened = await OptionsPage.open(browser.context, browser.extensionId);
    // The same outbox came back with the browser profile.
    expect((await reopened.syncState()).pending.interactions).toBe(3);
    // Delivered by the extension itself when the browser starts, no button pressed.
    await expect.poll(async () => (await reopened.syncState()).pending.interactions, { timeout: 30_000 }).toBe(0);

    const day = new Date().toISOString().slice(0, 10);
    const csv = await server.text(`/v1/export/interactions.csv?from=${day}&to=${day}&tz=UTC`, team.token);
    for (const id of ids) expect(csv.split(/\r?\n/).filter((line) => line.startsWith(id))).toHaveLength(1);
    // A "sync now" afterwards sends nothing twice.
    await reopened.syncNow();
    const again = await server.text(`/v1/export/interactions.csv?from=${day}&to=${day}&tz=UTC`, team.token);
    expect(again.split(/\r?\n/).filter((line) => ids.some((id) => line.startsWith(id)))).toHaveLength(3);
  } finally {
    await browser.context.close().catch(() => undefined);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test('a reply the full browser storage cannot keep shows as an error in the popup', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Northwind Coffee', ownerName: 'Ana' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect(options.page.getByText(/Northwind Coffee/)).toBeVisible();
  await expect.poll(async () => (await options.syncState()).lastSyncAt, { timeout: 20_000 }).toBeTruthy();

  // IndexedDB in the background refuses every write, as when the disk quota is used up.
  const sw = context.serviceWorkers()[0]!;
  await sw.evaluate(() => {
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.add = full;
    IDBObjectStore.prototype.put = full;
  });
  const recorded = options
    .recordInteraction({ id: uuidv7(), itemKey: 'x:1790000000000000009', platform: 'x', kind: 'reply', actedAt: new Date().toISOString() })
    .then(
      () => 'stored',
      (e: Error) => e.message,
    );
  expect(await recorded).toMatch(/no room left/);

  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByRole('alert')).toContainText("The browser's storage is full, so new activity cannot be saved.");
  expect((await options.syncState()).lastStatus).toBe('storage-full');
});
