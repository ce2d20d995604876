// Sync between the built extension and a real API: templates reach a connected member, and
// interactions recorded while the server is down arrive exactly once when it is back.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startApi, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';
import { v7 as uuidv7 } from 'uuid';


test('a template a manager creates reaches a connected member on "sync now"', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Northwind Coffee', ownerName: 'Ana' } });
  const welcome = await api.call('POST', '/v1/templates', { token: team.token, body: { title: 'Welcome', body: 'Karibu!' } });
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect(options.page.getByText(/Northwind Coffee/)).toBeVisible();
  // Saving the connection alone pulls: the existing template arrives without "sync now".
  await expect.poll(async () => (await options.listTemplates()).map((t) => t.id)).toEqual([welcome.template.id]);

  const created = await api.call('POST', '/v1/templates', {
    token: team.token,
    body: { title: 'Thanks', body: 'Asante sana, {{name}}!', shortcut: ';thanks' },
  });
  expect(created.template.id).toBeTruthy();

  const run = await options.syncNow();
  expect(run.connected && run.pull.status).toBe('done');
  await expect
    .poll(async () => (await options.listTemplates()).map((t) => [t.title, t.shortcut]).sort())
    .toEqual([
      ['Thanks', ';thanks'],
      ['Welcome', null],
    ]);
  const state = await options.syncState();
  expect(state.lastSyncAt).toBeTruthy();
  expect(state.lastStatus).toBeUndefined();
});

test('interactions recorded while the API is down arrive exactly once after it is back', async ({ context, extensionId }) => {
  // Its own API process, so it can be stopped and started again on the same port and data.
  const dataDir = mkdtempSync(join(tmpdir(), 'chorus-e2e-restart-'));
  const port = await freePort();
  let server = await startApi({ dataDir, port });
  try {
    const team = await server.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
    const options = await OptionsPage.open(context, extensionId);
    await options.connect(server.url, team.invites.member, 'Amani');
    await expect(options.page.getByText(/Kahawa Bora/)).toBeVisible();

    await server.stop();
    const id = uuidv7();
    const interaction = {
      id,
      itemKey: 'x:1790000000000000001',
      platform: 'x' as const,
      kind: 'reply' as const,
      actedAt: new Date().toISOString(),
      responseMs: 60_000,
    };
    await options.recordInteraction(interaction);
    // Recording the same interaction again (a retried message) must not send it twice.
    await options.recordInteraction(interaction);
    await expect.poll(async () => (await options.syncState()).pending.interactions).toBe(1);
    // The debounced push fails against the stopped server, and the record stays queued.
    await expect.poll(async () => (await options.syncState()).lastStatus, { timeout: 20_000 }).toBe('retry');
    expect((await options.syncState()).pending.interactions).toBe(1);

    server = await startApi({ dataDir, port });
    await expect
      .poll(async () => {
        const run = await options.syncNow();
        return run.connected && run.flush.status;
      })
      .toBe('done');
    expect((await options.syncState()).pending.interactions).toBe(0);
    // A second push after the acknowledgement sends nothing again.
    await options.syncNow();

    const day = new Date().toISOString().slice(0, 10);
    const csv = await server.text(`/v1/export/interactions.csv?from=${day}&to=${day}&tz=UTC`, team.token);
    const rows = csv.split(/\r?\n/).filter((line) => line.startsWith(id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Amani');
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

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

