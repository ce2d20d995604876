import { expect, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';

test('a member connects the extension to a team with an invite code', async ({ api, context, extensionId }) => {
  const team = await api.call('POST', '/v1/teams', { body: { name: 'Northwind Coffee', ownerName: 'Ana' } });

  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, team.invites.member, 'Amani');
  await expect(options.page.getByText(/Northwind Coffee/)).toBeVisible();

  // The server knows the new member.
  const members = await api.call('GET', '/v1/members', { token: team.token });
  expect(members.members.map((m: { name: string }) => m.name)).toEqual(['Ana', 'Amani']);

  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText(/Northwind Coffee/)).toBeVisible();
});

test('a wrong invite code shows the server’s explanation and stores nothing', async ({ api, context, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  await options.connect(api.url, 'MEMBER-0000-0000-0000-0000', 'Amani');
  await expect(options.page.getByText(/unknown or was replaced/)).toBeVisible();
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.page.getByText(/Northwind Coffee/)).toHaveCount(0);
});
