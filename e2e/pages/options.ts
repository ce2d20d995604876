// Page object for the extension's options page.
import type { BrowserContext, Page } from '@playwright/test';

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return new OptionsPage(page);
  }

  async connect(serverUrl: string, inviteCode: string, name: string): Promise<void> {
    await this.page.getByLabel('Server URL').fill(serverUrl);
    await this.page.getByLabel('Invite code').fill(inviteCode);
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByRole('button', { name: 'Connect' }).click();
  }
}
