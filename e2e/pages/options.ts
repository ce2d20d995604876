// Page object for the extension's options page.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { ProtocolMap } from '../../extension/messaging.ts';

interface ExtensionChrome {
  runtime: { sendMessage(message: unknown): Promise<{ res?: unknown; err?: { message?: string } } | undefined> };
}

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

  /**
   * Sends one message of the extension's protocol to the background from this extension
   * page, encoded the way @webext-core/messaging does ({id, type, data, timestamp}, answered
   * with {res} or {err}), so the test drives the same handlers the popup and content use.
   */
  async send<K extends keyof ProtocolMap>(
    type: K,
    ...data: Parameters<ProtocolMap[K]>
  ): Promise<ReturnType<ProtocolMap[K]>> {
    const answer = await this.page.evaluate(
      ([type, data]) =>
        // The page's own `chrome`, not in this file's types (e2e code runs in Node).
        (globalThis as unknown as { chrome: ExtensionChrome }).chrome.runtime.sendMessage({
          id: Math.floor(Math.random() * 1e9),
          type,
          data,
          timestamp: Date.now(),
        }),
      [type, data[0]] as const,
    );
    if (!answer || answer.err) throw new Error(`${type} failed: ${answer?.err?.message ?? 'no answer'}`);
    return answer.res as ReturnType<ProtocolMap[K]>;
  }

  syncNow() {
    return this.send('syncNow');
  }

  syncState() {
    return this.send('syncState');
  }

  listTemplates() {
    return this.send('listTemplates');
  }

  recordInteraction(interaction: Parameters<ProtocolMap['recordInteraction']>[0]) {
    return this.send('recordInteraction', interaction);
  }

  /** The team settings form (GET /v1/team), once loaded. */
  settingsForm(): Locator {
    return this.page.locator('form.settings');
  }

  /** Every input and select of the team settings. */
  settingsInputs(): Locator {
    return this.settingsForm().locator('input, select');
  }

  async setTimeZone(zone: string): Promise<void> {
    await this.page.getByLabel('Time zone').selectOption(zone);
  }

  async setSla(category: 'question' | 'complaint', minutes: number): Promise<void> {
    await this.page.locator(`#sla-${category}`).fill(String(minutes));
  }

  async saveSettings(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
  }

  async disconnect(): Promise<void> {
    await this.page.getByRole('button', { name: 'Disconnect' }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Disconnect' }).click();
  }

  /** The rows of the rejected-records table. */
  deadLetterRows(): Locator {
    return this.page.locator('table.dead tbody tr');
  }

  /** Writes a dead letter into the extension's IndexedDB, as the background does when the server rejects a record. */
  async addDeadLetter(row: { teamId: string; kind: 'interactions' | 'items'; id: string; reason: string; at: string }): Promise<void> {
    await this.page.evaluate(
      (row) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('chorus');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('deadLetters', 'readwrite');
            tx.objectStore('deadLetters').put(row);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      row,
    );
  }
}
