// The popup against a real API: a manager sees the team's figures as /v1/summary computes
// them, a member their own. `npm run screenshots` also renders docs/screenshots from it
// (English and Persian, light and dark).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { type Api, chromiumPath, expect, extensionDir, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';
import { PopupPage, type SummaryRange } from './pages/popup.ts';
import { v7 as uuidv7 } from 'uuid';

const MINUTE = 60_000;

test('a manager sees the team summary the API computes, with a row per member', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Northwind Coffee', ownerName: 'Ana' } });
  const amani = await api.call('POST', '/v1/join', { body: { code: team.invites.member, name: 'Amani' } });
  const now = Date.now();
  const pushed = await api.call('POST', '/v1/interactions', {
    token: amani.token,
    body: {
      interactions: [
        interaction({ platform: 'x', actedAt: now - 30 * MINUTE, replyMinutes: 12, category: 'question', lang: 'sw' }),
        interaction({ platform: 'reddit', actedAt: now - 20 * MINUTE, replyMinutes: 125, category: 'complaint', lang: 'fa' }),
        interaction({ platform: 'x', actedAt: now - 10 * MINUTE, replyMinutes: 3, category: 'praise', lang: 'en' }),
        interaction({ platform: 'youtube', actedAt: now - 5 * MINUTE, kind: 'like' }),
      ],
    },
  });
  expect(pushed.accepted).toHaveLength(4);

  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.manager, 'Mira');
  await expect(options.page.getByText(/Northwind Coffee/)).toBeVisible();

  const popup = await PopupPage.open(context, extensionId);
  const expected = await summaryFor(api, team.token, await popup.summaryRange());
  expect(expected.totals.interactions).toBe(4);
  await expect(popup.kpi('interactions')).toHaveText(String(expected.totals.interactions));
  await expect(popup.kpi('replies')).toHaveText(String(expected.totals.replies));
  const row = popup.memberRow('Amani');
  const amaniFigures = expected.byMember.find((m: { name: string }) => m.name === 'Amani');
  await expect(row.getByRole('cell')).toHaveText([String(amaniFigures.interactions), String(amaniFigures.replies), /min/]);
  await expect(popup.page.getByText('Sync now')).toBeEnabled();

  // A new interaction, then "Sync now": the figures follow the server's.
  await api.call('POST', '/v1/interactions', {
    token: amani.token,
    body: { interactions: [interaction({ platform: 'linkedin', actedAt: Date.now(), replyMinutes: 40, category: 'question' })] },
  });
  await popup.syncNowButton().click();
  await expect(popup.kpi('interactions')).toHaveText('5');
  await expect(row.getByRole('cell').first()).toHaveText('5');
});

test('a member sees only their own work', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const dara = await api.call('POST', '/v1/join', { body: { code: team.invites.member, name: 'Dara' } });
  const now = Date.now();
  await api.call('POST', '/v1/interactions', {
    token: dara.token,
    body: { interactions: [interaction({ platform: 'x', actedAt: now - 15 * MINUTE, replyMinutes: 7, category: 'question' })] },
  });

  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect(options.page.getByText(/Kahawa Bora/)).toBeVisible();
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByRole('heading', { name: 'My activity' })).toBeVisible();
  await expect(popup.kpi('replies')).toHaveText('0');
  await expect(popup.page.getByText('Nothing recorded in this period yet.', { exact: false })).toBeVisible();
  await expect(popup.page.getByRole('table')).toHaveCount(0);
  await expect(popup.kpi('waiting')).toHaveText('0');

  // A question seen on a site waits for a reply until someone on the team answers it.
  const seenAt = new Date(Date.now() - 2 * 60 * MINUTE).toISOString();
  await options.send('recordItemSeen', { item: { itemKey: 'x:1790000000000000777', platform: 'x', category: 'question', seenAt } });
  await options.send('recordItemSeen', { item: { itemKey: 'x:1790000000000000778', platform: 'x', category: 'praise', seenAt } });
  await popup.page.reload();
  await expect(popup.kpi('waiting').first()).toHaveText('1');
  await expect(popup.kpi('waiting').last()).toHaveText(/oldest 2 hr/);
  const answer = interaction({ platform: 'x', actedAt: Date.now(), replyMinutes: 120, category: 'question' });
  await options.recordInteraction({ ...answer, platform: 'x', category: 'question', itemKey: 'x:1790000000000000777' });
  await popup.page.reload();
  await expect(popup.kpi('waiting')).toHaveText('0');
});

const LANGUAGES = [
  { lang: 'en', label: '7 days' },
  { lang: 'fa', label: '۷ روز' },
] as const;

for (const { lang, label } of LANGUAGES) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const role of ['manager', 'member'] as const) {
      // The member's view in light only: the dark theme is the manager's same components.
      if (role === 'member' && scheme === 'dark') continue;
      test(`screenshot: ${role} popup, ${lang}, ${scheme}`, async ({ api }) => {
        const team = await seedTeam(api);
        const context = await chromium.launchPersistentContext('', {
          executablePath: chromiumPath,
          headless: true,
          colorScheme: scheme,
          locale: lang,
          deviceScaleFactor: 2,
          env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` },
          args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, `--lang=${lang}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
        });
        try {
          const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
          const extensionId = new URL(worker.url()).host;
          const options = await OptionsPage.open(context, extensionId);
          await options.page.locator('#server-url').fill(api.url);
          await options.page.locator('#invite-code').fill(role === 'manager' ? team.invites.manager : team.invites.member);
          await options.page.locator('#member-name').fill(lang === 'fa' ? 'میرا' : 'Mira');
          await options.page.locator('form button[type="submit"]').click();
          await expect(options.page.locator('.notice.ok')).toBeVisible();
          await expect.poll(async () => (await options.syncState()).lastSyncAt).toBeTruthy();
          if (role === 'member') await seedMemberDay(api, options);

          const popup = await PopupPage.open(context, extensionId);
          await popup.page.setViewportSize({ width: 360, height: 640 });
          if (role === 'manager') {
            await popup.selectPeriod(label);
            await expect(popup.page.locator('.chart-bar').first()).toBeVisible();
          } else {
            await expect(popup.kpi('waiting').first()).toHaveText(lang === 'fa' ? '۲' : '2');
          }
          await expect(popup.page.locator('html')).toHaveAttribute('lang', lang);
          const dir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
          mkdirSync(dir, { recursive: true });
          await popup.page.screenshot({ path: join(dir, `popup-${role}-${lang}-${scheme}.png`), fullPage: true, animations: 'disabled' });
        } finally {
          await context.close();
        }
      });
    }
  }
}

/** A member's day for the screenshot: replies today through the member's own token (read
 * from the extension's storage), and two questions seen but not answered yet. */
async function seedMemberDay(api: Api, options: OptionsPage) {
  const token = await options.page.evaluate(async () => {
    const chromeApi = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, { token: string }[]>> } } } }).chrome;
    return (await chromeApi.storage.local.get('chorus:connections'))['chorus:connections']![0]!.token;
  });
  const now = Date.now();
  const replies = [12, 35, 8, 50, 22].map((minutes, n) =>
    interaction({ platform: ['x', 'instagram', 'facebook'][n % 3]!, actedAt: now - (n + 1) * 25 * MINUTE, replyMinutes: minutes, category: 'question', lang: 'sw' }),
  );
  await api.call('POST', '/v1/interactions', { token, body: { interactions: replies } });
  for (const [n, hours] of [3, 1].entries()) {
    await options.send('recordItemSeen', {
      item: { itemKey: `instagram:waiting${n}`, platform: 'instagram', category: n ? 'complaint' : 'question', seenAt: new Date(now - hours * 60 * MINUTE).toISOString() },
    });
  }
}

async function summaryFor(api: Api, token: string, range: SummaryRange) {
  const query = new URLSearchParams({ from: range.from, to: range.to, tz: range.tz });
  return api.call('GET', `/v1/summary?${query}`, { token });
}

/** A team with a week of varied work by three members, for the screenshots. */
async function seedTeam(api: Api) {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Kahawa Bora', ownerName: 'Ana' } });
  const members = await Promise.all(
    ['Amani Wanjiru', 'Dara Farahani', 'Noa Levi'].map((name) => api.call('POST', '/v1/join', { body: { code: team.invites.member, name } })),
  );
  const platforms = ['x', 'instagram', 'facebook', 'linkedin', 'reddit', 'youtube'] as const;
  const categories = ['question', 'question', 'complaint', 'praise', 'purchase_intent', 'other', 'spam'] as const;
  const langs = ['sw', 'en', 'fa', 'he', 'vi', 'sw', 'en'];
  const perDay = [5, 8, 6, 11, 9, 4, 7];
  const now = Date.now();
  for (const [index, member] of members.entries()) {
    const interactions = [];
    for (const [day, count] of perDay.entries()) {
      for (let n = 0; n < count - index * 2 && n < count; n++) {
        const seed = day * 31 + n * 7 + index * 13;
        interactions.push(
          interaction({
            platform: platforms[seed % platforms.length]!,
            actedAt: now - (6 - day) * 24 * 60 * MINUTE - (n + 1) * 9 * MINUTE,
            replyMinutes: 3 + ((seed * 17) % 140),
            category: categories[seed % categories.length]!,
            lang: langs[(seed + index) % langs.length]!,
            kind: seed % 5 === 0 ? 'like' : 'reply',
          }),
        );
      }
    }
    await api.call('POST', '/v1/interactions', { token: member.token, body: { interactions } });
  }
  return team;
}

function interaction(opts: {
  platform: string;
  actedAt: number;
  replyMinutes?: number;
  category?: string;
  lang?: string;
  kind?: 'reply' | 'like';
}) {
  const replyMs = (opts.replyMinutes ?? 0) * MINUTE;
  return {
    id: uuidv7({ msecs: opts.actedAt }),
    itemKey: `${opts.platform}:${randomUUID().replace(/-/g, '')}`,
    platform: opts.platform,
    kind: opts.kind ?? 'reply',
    actedAt: new Date(opts.actedAt).toISOString(),
    ...(opts.replyMinutes === undefined
      ? {}
      : {
          itemPostedAt: new Date(opts.actedAt - replyMs).toISOString(),
          seenAt: new Date(opts.actedAt - replyMs + MINUTE / 2).toISOString(),
          responseMs: replyMs,
        }),
    ...(opts.category && { category: opts.category }),
    ...(opts.lang && { lang: opts.lang }),
  };
}

